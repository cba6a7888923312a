"""`python -m kitchen_ui` as a user runs it: screenshots, window size, stats, wrong flags."""

import json
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from kitchen_ui.cli import build_parser
from kitchen_ui.commands import dashboard


def run_app(*args, timeout=60):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "kitchen_ui", *args], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=Path(__file__).resolve().parents[2])


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    return struct.unpack(">II", data[16:24])


def test_screenshot_writes_a_1280x800_png_and_exits_0(tmp_path):
    out = tmp_path / "x.png"
    r = run_app("--screenshot", str(out), "--run-for", "0.5")
    assert r.returncode == 0, r.stderr
    assert png_size(out) == (1280, 800)


def test_size_and_stats_with_the_demo(tmp_path):
    out = tmp_path / "small.png"
    r = run_app("--size", "1024x600", "--screenshot", str(out), "--run-for", "0.8", "--stats", "--demo",
                "--speed", "10")
    assert r.returncode == 0, r.stderr
    assert png_size(out) == (1024, 600)
    stats = json.loads(r.stdout.strip().splitlines()[-1])
    for key in ("frames", "frame_ms_p50", "frame_ms_p99", "loop_lag_ms_p99", "rss_mb"):
        assert isinstance(stats[key], (int, float)), key
    assert stats["frames"] > 0 and stats["rss_mb"] > 10
    assert stats["frame_ms_p50"] <= stats["frame_ms_p99"]


def test_run_for_alone_exits_by_itself():
    r = run_app("--run-for", "0.3", "--zones", "6")
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("args, words", [
    (["--no-such-flag"], "unrecognized arguments"),
    (["--size", "big"], "--size"),
    (["--speed", "-3"], "--speed"),
    (["--run-for", "abc"], "--run-for"),
    (["--stove", "http://oven"], "--stove"),
    (["--profile", "no-such-stove", "--run-for", "0.1"], "no stove profile named 'no-such-stove'"),
])
def test_wrong_flags_exit_2_naming_the_problem(args, words):
    r = run_app(*args)
    assert r.returncode == 2
    assert words in r.stderr


def test_screenshot_into_a_missing_folder_is_refused_before_starting(tmp_path):
    r = run_app("--screenshot", str(tmp_path / "nope" / "x.png"))
    assert r.returncode == 2 and "does not exist" in r.stderr


def test_a_network_stove_that_is_not_available_is_a_clear_error_exit_1(monkeypatch, capsys):
    import kitchen_ui.connect as connect

    def no_network(*a, **k):
        raise ImportError("No module named 'kitchen_ui.protocol.network_stove'")

    monkeypatch.setattr(connect, "open_stove", no_network)
    args = build_parser().parse_args(["--stove", "ksp://kitchen.local:7868", "--run-for", "0.1"])
    assert dashboard.run(args) == 1
    err = capsys.readouterr().err
    assert "ksp://kitchen.local:7868" in err and "not available" in err


def test_a_stove_that_fails_to_start_exits_1_with_the_reason(monkeypatch, capsys, qapp):
    import kitchen_ui.connect as connect
    from .fake_stove import FakeStove

    class Broken(FakeStove):
        def start(self):
            raise OSError("serial port busy")

    monkeypatch.setattr(connect, "open_stove", lambda *a, **k: Broken())
    args = build_parser().parse_args(["--run-for", "0.1"])
    assert dashboard.run(args) == 1
    assert "cannot start the stove: serial port busy" in capsys.readouterr().err
