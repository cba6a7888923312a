"""`pip install kitchen-ui` gives a working app: the sdist and wheel built from a clean clone,
installed into a fresh venv, run from another folder with no source tree in sight.

The build is ``python -m build`` (sdist, then the wheel from the sdist) on a ``git clone`` of
this checkout's HEAD, so only committed files count. The fresh venv gets the wheel alone
(``--no-deps``); its dependencies come from the venv running the tests through a ``.pth`` line
(found from ``sys.executable``), which saves downloading Qt on every run. That venv's own
kitchen_ui is an editable install whose finder a ``.pth`` line does not activate, and the test
checks that the code and data in use are the wheel's.
"""

from __future__ import annotations

import json
import os
import select
import socket
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from bundle_run import ROOT, assert_ok, bare_env

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

STARTERS = sorted(json.loads(p.read_text(encoding="utf-8"))["title"]
                  for p in (ROOT / "resources" / "recipes").glob("*.json"))


def run(cmd: list[str], timeout: float = 300, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    head = run(["git", "rev-parse", "HEAD"], cwd=ROOT)
    if head.returncode != 0:
        pytest.skip(f"{ROOT} is not a git checkout")
    dest = tmp_path_factory.mktemp("clone") / "kitchen-ui"
    assert_ok(run(["git", "clone", "--quiet", "--no-checkout", str(ROOT), str(dest)]), "git clone")
    assert_ok(run(["git", "-C", str(dest), "checkout", "--quiet", "--detach", head.stdout.strip()]), "git checkout")
    return dest


@pytest.fixture(scope="module")
def built(clone: Path) -> tuple[Path, Path, str]:
    """(wheel, sdist, the build's output) from ``python -m build`` in the clean clone."""
    try:
        import build  # noqa: F401
    except ImportError:
        pytest.fail("the 'build' package is missing: install the test extra (pip install -e '.[test]')")
    res = run([sys.executable, "-m", "build", "--outdir", str(clone / "dist"), str(clone)], cwd=clone)
    assert_ok(res, "python -m build")
    wheels, sdists = list((clone / "dist").glob("*.whl")), list((clone / "dist").glob("*.tar.gz"))
    assert len(wheels) == 1 and len(sdists) == 1, sorted(p.name for p in (clone / "dist").iterdir())
    return wheels[0], sdists[0], res.stdout + res.stderr


@pytest.fixture(scope="module")
def venv(built, tmp_path_factory) -> Path:
    """A fresh venv holding only the wheel; the dependencies are the test venv's (a .pth line)."""
    wheel = built[0]
    folder = tmp_path_factory.mktemp("venv") / "v"
    assert_ok(run([sys.executable, "-m", "venv", "--without-pip", str(folder)]), "python -m venv")
    python = folder / "bin" / "python"
    # no PYTHONPATH: pip must judge the fresh venv alone, not a source tree on the path
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    res = run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
               "--no-index", "--disable-pip-version-check", str(wheel)], env=env)
    assert_ok(res, f"pip install {wheel.name}")
    # only now: before it, pip would see the test venv's kitchen-ui and call the wheel installed
    purelib = run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
    assert list(Path(purelib).glob("kitchen_ui-*.dist-info")), f"the wheel did not land in {purelib}"
    Path(purelib, "_hearth_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return folder


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """Another folder, far from any source tree: the user's home and working directory."""
    h = tmp_path / "home"
    h.mkdir()
    return h


def app(venv: Path, *args: str, home: Path, timeout: float = 90) -> subprocess.CompletedProcess:
    return run([str(venv / "bin" / "kitchen-ui"), *args], timeout=timeout, cwd=home, env=bare_env(home))


def test_the_sdist_and_the_wheel_carry_the_data_and_publishable_metadata(clone, built):
    wheel, sdist, log = built
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = {p.relative_to(clone).as_posix() for p in (clone / "kitchen_ui").rglob("*.py")}
    assert sources <= names, f"modules missing from the wheel: {sorted(sources - names)}"
    data = {f"kitchen_ui/_resources/{p.relative_to(clone / 'resources').as_posix()}"
            for p in (clone / "resources").rglob("*") if p.is_file() and p.suffix != ".ts"}
    data |= {f"kitchen_ui/_migrations/{p.name}" for p in (clone / "db" / "migrations").glob("*.sql")}
    assert data <= names, f"data files missing from the wheel: {sorted(data - names)}"
    in_sdist = {n.split("/", 1)[1] for n in tarfile.open(sdist).getnames() if "/" in n}
    assert {"setup.py", "pyproject.toml", "LICENSE", "README.md", "db/migrations/0001_initial.sql",
            "resources/theme/dark.json", "resources/i18n/hearth_de.qm"} <= in_sdist
    assert not any(n.startswith("tests/") for n in in_sdist), "the test suite leaked into the sdist"

    meta = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    assert "License-Expression: MIT" in meta and "License-File: LICENSE" in meta
    scripts = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith(".dist-info/entry_points.txt"))).decode()
    assert "kitchen-ui = kitchen_ui.cli:entry" in scripts, scripts
    assert "Project-URL: Source, https://" in meta and "Classifier: Programming Language :: Python :: 3" in meta
    # setuptools' licence and package-data deprecation notices printed nothing
    assert "deprecat" not in log.lower() and "Package would be ignored" not in log, log[-3000:]


def test_the_installed_app_runs_its_own_code_and_data(venv, home):
    probe = ("import kitchen_ui.resources as r, kitchen_ui.storage.database as d; "
             "print(r.__file__); print(r.resources_root()); print(d.migrations_dir())")
    res = run([str(venv / "bin" / "python"), "-c", probe], cwd=home, env=bare_env(home))
    assert_ok(res, "import kitchen_ui")
    module, resources, migrations = (Path(line) for line in res.stdout.split())
    assert venv in module.parents, f"kitchen_ui came from {module}, not from the fresh venv"
    assert resources == module.parent / "_resources"
    assert migrations == module.parent / "_migrations"


def test_version_names_the_installed_release(venv, home, clone):
    res = app(venv, "--version", home=home)
    assert_ok(res, "kitchen-ui --version")
    from bundle_filter import app_version  # packaging/ is on the path (bundle_run)
    assert res.stdout.strip() == f"kitchen-ui {app_version(clone)}"


def test_recipes_list_and_show_on_a_new_database(venv, home):
    db = home / "kitchen.sqlite3"
    res = app(venv, "recipes", "list", "--json", "--db", str(db), home=home)
    assert_ok(res, "kitchen-ui recipes list")
    recipes = json.loads(res.stdout)
    assert sorted(r["title"] for r in recipes) == STARTERS
    first = recipes[0]
    shown = app(venv, "recipes", "show", str(first["id"]), "--db", str(db), home=home)
    assert_ok(shown, "kitchen-ui recipes show")
    assert shown.stdout.startswith(first["title"]) and "Ingredients:" in shown.stdout


def _screenshot(venv: Path, home: Path, lang: str):
    from PySide6.QtGui import QImage

    shot = home / f"dashboard-{lang}.png"
    res = app(venv, "--lang", lang, "--screenshot", str(shot), "--run-for", "0.5", "--size", "1024x600",
              "--stats", home=home)
    assert_ok(res, f"kitchen-ui --lang {lang} --screenshot")
    assert "cannot load" not in res.stderr, res.stderr
    stats = json.loads(res.stdout.strip().splitlines()[-1])
    assert stats["frames"] >= 1, stats
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1024, 600), f"{shot} is not the 1024x600 window"
    return image


def test_the_dashboard_draws_in_english_and_in_german(venv, home):
    english, german = _screenshot(venv, home, "en"), _screenshot(venv, home, "de")
    # the tab bar ("Overview" / "Übersicht", ...) holds only translated text: it must differ
    tabs = [(x, y) for x in range(90, 480, 2) for y in range(8, 52, 2)]
    differing = sum(english.pixel(x, y) != german.pixel(x, y) for x, y in tabs)
    assert differing > len(tabs) // 20, f"the German tab bar looks like the English one ({differing} pixels differ)"
    # and German is one of the languages the installed app offers
    wrong = app(venv, "--lang", "xx", home=home)
    assert wrong.returncode == 2 and "available: en, de" in wrong.stderr, wrong.stderr


def test_serve_sim_listens_answers_hello_and_stops(venv, home):
    server = subprocess.Popen([str(venv / "bin" / "kitchen-ui"), "serve-sim", "--port", "0", "--zones", "2"],
                              cwd=home, env=bare_env(home), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        ready, _, _ = select.select([server.stdout], [], [], 30)
        assert ready, "serve-sim printed no listening line within 30 s"
        line = server.stdout.readline()
        assert line.startswith("listening on ksp://127.0.0.1:"), line
        port = int(line.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
            hello = {"jsonrpc": "2.0", "id": 1, "method": "hello",
                     "params": {"protocol": "ksp/1", "client": "wheel-test", "token": "", "role": "observer"}}
            conn.sendall(json.dumps(hello).encode() + b"\n")
            reply = json.loads(conn.makefile("rb").readline())
        assert reply["id"] == 1 and reply["result"]["protocol"] == "ksp/1", reply
        assert len(reply["result"]["zones"]) == 2
    finally:
        server.terminate()
        try:
            _, err = server.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            _, err = server.communicate()
    assert server.returncode == 0, err
    assert "stopped" in err.splitlines()[-1], err
