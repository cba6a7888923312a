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


def test_kiosk_runs_frameless_at_a_panel_size(mosquitto, tmp_path):
    bridge = BridgeDouble(mosquitto.host, mosquitto.port, ["sim-1"]).start()
    try:
        shot = tmp_path / "kiosk.png"
        r = _run("--fleet", mosquitto.url, "--kiosk", "--size", "1024x600", "--screenshot", str(shot), "--run-for", "1.5")
    finally:
        bridge.stop()
    assert r.returncode == 0, r.stderr
    from PySide6.QtGui import QImage
    assert QImage(str(shot)).size().toTuple() == (1024, 600)


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


def test_at_1024x600_every_control_is_a_finger_wide(qtbot, mosquitto):
    """The tile, header and dashboard buttons stay at least 48 px high on the small panel."""
    from kitchen_ui.mqtt.broker import broker_login
    from kitchen_ui.mqtt.fleet import Fleet
    from kitchen_ui.mqtt.remote_stove import MqttStove
    from kitchen_ui.ui.fleet.window import FleetWindow
    from fleet_bridge_double import wait_until
    from PySide6.QtWidgets import QPushButton

    bridge = BridgeDouble(mosquitto.host, mosquitto.port, [f"sim-{i}" for i in range(1, 13)], zones=2).start()
    login = broker_login(mosquitto.url)
    fleet = Fleet(login)
    window = FleetWindow(fleet, lambda name: MqttStove(login, name))
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    fleet.start()
    window.start()
    try:
        wait_until(lambda: len(window.grid.tiles) == 12, what="12 tiles", pump=lambda: qtbot.wait(25))
        qtbot.wait(100)
        buttons = [b for b in window.findChildren(QPushButton) if b.isVisible()]
        assert len(buttons) >= 2 and all(b.height() >= 48 for b in buttons), [(b.text(), b.height()) for b in buttons]
        page = window.open("sim-1")
        qtbot.wait(100)
        assert page.back_button.height() >= 48 and page.window.all_off_button.height() >= 48
    finally:
        window.stop()
        fleet.stop()
        bridge.stop()
