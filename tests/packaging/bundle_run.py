"""Running the packaged app the way a user's machine would: no Python, own HOME, offscreen Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
BUILD = ROOT / "build" / "package-test"
DIST = BUILD / "dist"
# the build takes ~1-2 minutes on a 2-core machine; whichever test needs it first pays for it
BUILD_TIMEOUT_S = 900

if str(PACKAGING) not in sys.path:
    sys.path.append(str(PACKAGING))         # bundle_filter.py, deb.py


def bare_env(home: Path, **extra: str) -> dict[str, str]:
    """A user's environment with no Python in it: system PATH, no venv, no PYTHON* variables.

    HOME and the XDG folders point into ``home`` so settings, logs and the database stay there.
    """
    env = {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_RUNTIME_DIR": str(home / "run"),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    (home / "run").mkdir(parents=True, exist_ok=True, mode=0o700)
    env.update(extra)
    return env


def run_app(exe: Path, *args: str, home: Path, timeout: float = 60, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(exe), *args], env=bare_env(home, **env), capture_output=True, text=True,
                          timeout=timeout, cwd=home)


def bundle_exe(folder: Path) -> Path:
    return folder / "kitchen-ui"


def assert_ok(res: subprocess.CompletedProcess, what: str) -> None:
    assert res.returncode == 0, (f"{what} exited {res.returncode}\nstdout:\n{res.stdout[-2000:]}\n"
                                 f"stderr:\n{res.stderr[-4000:]}")
