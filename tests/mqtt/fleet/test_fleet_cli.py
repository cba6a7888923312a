"""``kitchen-ui --fleet``: the flags, ``--stats`` with the stoves shown, a screenshot, wrong values."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from fleet_bridge_double import BridgeDouble

from broker_process import free_port


def _run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "kitchen_ui", *args], capture_output=True, text=True,
                          timeout=timeout, env=env)


def test_stats_count_the_stoves_and_the_screenshot_is_written(mosquitto, tmp_path):
    bridge = BridgeDouble(mosquitto.host, mosquitto.port, ["sim-1", "sim-2", "sim-3"], speed=20).start()
    try:
        for stove in bridge.stoves.values():
            stove.set_level(0, 9).result(5)          # temperatures change: tiles redraw
        shot = tmp_path / "fleet.png"
        r = _run("--fleet", mosquitto.url, "--size", "1024x600", "--screenshot", str(shot), "--run-for", "3",
                 "--stats", "--power-budget", "5000")
    finally:
        bridge.stop()
    assert r.returncode == 0, r.stderr
    stats = json.loads(r.stdout.strip().splitlines()[-1])
    assert stats["stoves"] == 3 and stats["frames"] > 0 and stats["telemetry_in_order_pct"] >= 99
    assert stats["telemetry_received"] >= 0.99 * stats["telemetry_sent"] > 0
    from PySide6.QtGui import QImage
    img = QImage(str(shot))
    assert (img.width(), img.height()) == (1024, 600)


def test_wrong_flags_exit_2_naming_them(tmp_path):
    r = _run("--fleet", "http://broker:1883")
    assert r.returncode == 2 and "--fleet" in r.stderr and "mqtt://" in r.stderr
    r = _run("--power-budget", "3000", "--run-for", "1")
    assert r.returncode == 2 and "--power-budget applies to the fleet screen" in r.stderr
    r = _run("--fleet", "mqtt://127.0.0.1:1", "--power-budget", "-5")
    assert r.returncode == 2 and "--power-budget" in r.stderr
    r = _run("--fleet", "mqtt://127.0.0.1:1", "--stove", "sim")
    assert r.returncode == 2 and "no --stove" in r.stderr


def test_a_broker_never_reached_fails_a_run_that_quits_by_itself():
    r = _run("--fleet", f"mqtt://127.0.0.1:{free_port()}", "--run-for", "1.5")
    assert r.returncode == 1 and "never reached the broker" in r.stderr
