# Hearth developer commands. `make run` and `make test` set up .venv on first use.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test test-fast lint bench screenshots package clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,bench,package]"
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m kitchen_ui $(ARGS)

# the suite offscreen; then the real-window geometry tests (marked xvfb) again on an X server,
# where xvfb-run exists (.ci/run installs it): a layout can differ between the two platforms
XVFB_SCREEN ?= 1920x1080x24
test: $(STAMP)
	$(VENV)/bin/lint-imports
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider $(PYTEST_ARGS)
	@if command -v xvfb-run >/dev/null; then \
	  echo "== real-window geometry on Xvfb (QT_QPA_PLATFORM=xcb)"; \
	  QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 $(XVFB_SCREEN)" \
	    $(PY) -m pytest -q -p no:cacheprovider -m xvfb tests/ui; \
	else \
	  echo "== xvfb-run not found: the real-window geometry tests ran offscreen only"; \
	fi

test-fast: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not slow" $(PYTEST_ARGS)

bench: $(STAMP)
	for b in benchmarks/bench_*.py; do echo "== $$b"; QT_QPA_PLATFORM=offscreen $(PY) $$b || exit 1; done

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m kitchen_ui.ui.screenshots docs/screenshots

# dist/kitchen-ui/ (PyInstaller app folder) and dist/kitchen-ui_<version>_<arch>.deb; see packaging/README.md
package: $(STAMP)
	$(PY) packaging/build.py $(PACKAGE_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache
