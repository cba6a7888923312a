"""Packaging tests: build the PyInstaller bundle and the .deb once per session (cached), run them.

The build goes through packaging/build.py into build/package-test/, so a second session with
unchanged sources reuses it (fingerprint) and builds never run twice at once (lock file).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bundle_run import BUILD, BUILD_TIMEOUT_S, DIST, PACKAGING, ROOT


def _build(*extra: str) -> None:
    if sys.platform != "linux":
        pytest.skip("the bundle tests build and run the Linux bundle and .deb")
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.fail("PyInstaller is missing: install the package extra (pip install -e '.[package]', "
                    "which `make test` does)")
    cmd = [sys.executable, str(PACKAGING / "build.py"), "--dist", str(DIST),
           "--work", str(BUILD / "work"), *extra]
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
    if res.returncode != 0:
        pytest.fail(f"packaging/build.py failed ({res.returncode}):\n{res.stdout[-3000:]}\n{res.stderr[-6000:]}")
    print(res.stdout)


@pytest.fixture(scope="session")
def bundle() -> Path:
    """The app folder dist/kitchen-ui/ (built or up to date)."""
    _build("--no-deb")
    return DIST / "kitchen-ui"


@pytest.fixture(scope="session")
def deb(bundle: Path) -> Path:
    """The .deb of that bundle (xz level 1: the same contents, built in seconds not minutes)."""
    for tool in ("dpkg-deb", "dpkg"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")
    _build("--deb-level", "1")
    from deb import deb_path
    return deb_path(DIST)


@pytest.fixture(scope="session")
def installed_root(deb: Path, tmp_path_factory) -> Path:
    """The .deb unpacked into a temporary root with ``dpkg -x`` (as installing would lay it out)."""
    root = tmp_path_factory.mktemp("deb-root")
    subprocess.run(["dpkg", "-x", str(deb), str(root)], check=True)
    return root


@pytest.fixture
def home(tmp_path: Path) -> Path:
    h = tmp_path / "home"
    h.mkdir()
    return h


