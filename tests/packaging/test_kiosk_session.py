"""The cage kiosk session script: what it runs, and the clear refusals when it cannot (fast)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bundle_run import PACKAGING

SESSION = PACKAGING / "linux" / "cage-session"


def fake_cage(bin_dir: Path) -> Path:
    """A ``cage`` that records its arguments and environment instead of starting a compositor."""
    bin_dir.mkdir(parents=True, exist_ok=True)
    cage = bin_dir / "cage"
    cage.write_text('#!/bin/sh\nprintf "%s\\n" "$@" > "$CAGE_RECORD"\n'
                    'echo "QT_QPA_PLATFORM=$QT_QPA_PLATFORM" >> "$CAGE_RECORD"\n')
    cage.chmod(0o755)
    return cage


def run_session(tmp_path: Path, path: str, **env: str) -> subprocess.CompletedProcess:
    base = {"PATH": path, "CAGE_RECORD": str(tmp_path / "cage-args"), "HOME": str(tmp_path)}
    return subprocess.run(["/bin/sh", str(SESSION)], env={**base, **env}, capture_output=True, text=True, timeout=10)


def test_session_runs_the_dashboard_in_kiosk_mode_full_screen_under_cage(tmp_path):
    fake_cage(tmp_path / "bin")
    res = run_session(tmp_path, f"{tmp_path / 'bin'}:/usr/bin:/bin", XDG_RUNTIME_DIR=str(tmp_path),
                      KITCHEN_UI_ARGS="--stove ksp://stove.local:7868", CAGE_ARGS="-m last")
    assert res.returncode == 0, res.stderr
    recorded = (tmp_path / "cage-args").read_text().splitlines()
    assert recorded == ["-d", "-s", "-m", "last", "--", "/usr/bin/kitchen-ui", "--kiosk",
                        "--stove", "ksp://stove.local:7868", "QT_QPA_PLATFORM=wayland"]


@pytest.mark.parametrize("with_cage, runtime_dir, message", [
    (False, True, "cage is not installed"),
    (True, False, "XDG_RUNTIME_DIR is not set"),
])
def test_session_refuses_clearly_when_it_cannot_start(tmp_path, with_cage, runtime_dir, message):
    if with_cage:
        fake_cage(tmp_path / "bin")
    env = {"XDG_RUNTIME_DIR": str(tmp_path)} if runtime_dir else {}
    res = run_session(tmp_path, f"{tmp_path / 'bin'}:/nonexistent", **env)
    assert res.returncode == 1
    assert message in res.stderr
    assert not (tmp_path / "cage-args").exists()
