# Hearth developer commands. `make run` and `make test` set up .venv on first use.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test test-fast lint bench screenshots package clean

# Each target installs what it needs and nothing more: `make run` the app's own dependencies,
# `make test` the test tools (and PyInstaller: tests/packaging builds the bundle), `make bench`
# matplotlib (and PyInstaller for bench_bundle_startup.py), `make package` PyInstaller. One stamp per extra; pyproject.toml/setup.py changes redo them.
INSTALL_INPUTS := pyproject.toml setup.py

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: $(INSTALL_INPUTS) | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(INSTALL_INPUTS) | $(PY)
	$(PY) -m pip install --quiet -e ".[test,package]"
	touch $@

$(VENV)/.installed-bench: $(INSTALL_INPUTS) | $(PY)
	$(PY) -m pip install --quiet -e ".[bench,package]"
	touch $@

$(VENV)/.installed-package: $(INSTALL_INPUTS) | $(PY)
	$(PY) -m pip install --quiet -e ".[package]"
	touch $@

run: $(VENV)/.installed-run
	$(PY) -m kitchen_ui $(ARGS)

# the suite offscreen; then the real-window geometry tests (marked xvfb) again on an X server,
# where xvfb-run exists (.ci/run installs it): a layout can differ between the two platforms
XVFB_SCREEN ?= 1920x1080x24
test: $(VENV)/.installed-test
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)
	@if command -v xvfb-run >/dev/null; then \
	  echo "== real-window geometry on Xvfb (QT_QPA_PLATFORM=xcb)"; \
	  QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 $(XVFB_SCREEN)" \
	    $(PY) -m pytest -q -p no:cacheprovider -m xvfb tests/ui; \
	else \
	  echo "== xvfb-run not found: the real-window geometry tests ran offscreen only"; \
	fi

test-fast: $(VENV)/.installed-test
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not slow" $(PYTEST_ARGS)

bench: $(VENV)/.installed-bench
	for b in benchmarks/bench_*.py; do echo "== $$b"; QT_QPA_PLATFORM=offscreen $(PY) $$b || exit 1; done

screenshots: $(VENV)/.installed-run
	QT_QPA_PLATFORM=offscreen $(PY) -m kitchen_ui.ui.screenshots docs/screenshots

# dist/kitchen-ui/ (PyInstaller app folder) and dist/kitchen-ui_<version>_<arch>.deb; see packaging/README.md
package: $(VENV)/.installed-package
	$(PY) packaging/build.py $(PACKAGE_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
