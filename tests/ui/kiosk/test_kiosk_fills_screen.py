"""The kiosk covers the whole screen on a bare X server (xinit, no window manager).

``showFullScreen`` alone needs a window manager to act on it; without one the kiosk used to
open at its normal size in the corner of the screen. Here the real app runs in a subprocess
under Xvfb (``xvfb-run``, no window manager, Qt's xcb platform) and reports where its window
is and what the X screen shows in its far corner.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PROBE = Path(__file__).with_name("kiosk_geometry_probe.py")

pytestmark = pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")


def run_kiosk_on_bare_x(width: int, height: int, tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT), HEARTH_SETTINGS=str(tmp_path / "settings.ini"),
               HEARTH_DB=str(tmp_path / "kitchen.sqlite3"), HEARTH_LOG_DIR=str(tmp_path))
    cmd = ["xvfb-run", "-a", "-s", f"-screen 0 {width}x{height}x24", sys.executable, str(PROBE), "1.5",
           "--kiosk", "--run-for", "2.5"]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=90, env=env, cwd=ROOT)
    if r.returncode != 0 and "xcb" in r.stderr and "install" in r.stderr:
        pytest.skip(f"Qt's X11 libraries are missing here: {r.stderr.strip()[-300:]}")
    assert r.returncode == 0, r.stderr[-2000:]
    line = next((ln for ln in r.stdout.splitlines() if ln.startswith("PROBE ")), None)
    assert line is not None, f"no report from the kiosk: {r.stdout[-500:]} {r.stderr[-1500:]}"
    return json.loads(line[len("PROBE "):])


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 600)])
def test_the_kiosk_window_is_the_whole_screen_without_a_window_manager(size, tmp_path):
    found = run_kiosk_on_bare_x(*size, tmp_path)
    assert found["platform"] == "xcb"
    assert found["screen"] == [0, 0, *size]
    assert found["window"] == [0, 0, *size]          # not 1280x800 in the corner
    assert found["frame"] == list(size)              # and no frame around it
    far = found["corners"]["bottom_right"]
    assert far["window"] is not None and far["screen"] == far["window"]   # the screen shows the kiosk there
    assert far["screen"] != "#000000"                # not the bare X background
