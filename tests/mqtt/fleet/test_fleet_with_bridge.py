"""End to end: the real ``kitchen-ui bridge --sim 3`` on Mosquitto, and the fleet screen on it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from fleet_bridge_double import wait_until
from PySide6.QtCore import QPoint, Qt

from kitchen_ui.core.errors import KspError
from kitchen_ui.mqtt.broker import broker_login
from kitchen_ui.mqtt.fleet import Fleet
from kitchen_ui.mqtt.remote_stove import MqttStove
from kitchen_ui.ui.fleet.window import FleetWindow
from kitchen_ui.ui.text import fault as fault_words

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def bridge(mosquitto, tmp_path):
    procs = []

    def start(*extra: str) -> subprocess.Popen:
        log = open(tmp_path / f"bridge-{len(procs)}.log", "wb")
        proc = subprocess.Popen([sys.executable, "-m", "kitchen_ui", "bridge", "--broker", mosquitto.url,
                                 "--sim", "3", "--bridge-id", "hall", "--db", str(tmp_path / "kitchen.sqlite3"),
                                 *extra], stdout=subprocess.DEVNULL, stderr=log, cwd=str(tmp_path),
                                env={**os.environ, "PYTHONPATH": str(ROOT)})
        procs.append(proc)
        return proc

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture
def screen(qtbot, mosquitto):
    login = broker_login(mosquitto.url)
    fleet = Fleet(login, power_budget_w=None)
    window = FleetWindow(fleet, lambda name: MqttStove(login, name))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    fleet.start()
    window.start()
    yield window
    window.stop()
    fleet.stop()


def _pump(qtbot):
    return lambda: qtbot.wait(25)


def _controller(mosquitto, name: str) -> MqttStove:
    stove = MqttStove(broker_login(mosquitto.url), name)
    stove.start()
    wait_until(lambda: stove.link.online, timeout_s=15, what=f"{name} online through the bridge")
    return stove


def test_fleet_on_the_real_bridge_with_control(qtbot, mosquitto, bridge, screen):
    bridge("--control")
    wait_until(lambda: len(screen.grid.tiles) == 3, timeout_s=20, what="three tiles", pump=_pump(qtbot))
    tiles = screen.grid.tiles
    assert list(tiles) == ["sim-1", "sim-2", "sim-3"]
    remotes = {n: _controller(mosquitto, n) for n in tiles}
    try:
        for remote in remotes.values():
            assert remote.link.role == "controller"        # the bridge is --control
            remote.set_level(0, 9).result(5)
            remote.set_level(2, 4).result(5)
        # a fault shows on its tile, in words
        remotes["sim-2"].request("sim.inject_fault", {"zone": 1, "fault": "sensor_open"}).result(5)
        zone = remotes["sim-2"].info.zones[1].name
        wait_until(lambda: tiles["sim-2"].fault.isVisible(), what="the fault on sim-2's tile", pump=_pump(qtbot))
        assert zone in tiles["sim-2"].fault.text() and fault_words("sensor_open") in tiles["sim-2"].fault.text()
        assert not tiles["sim-1"].fault.isVisible()
        # the budget warning, once the zones on could draw more than the budget
        wait_until(lambda: screen.fleet.balance() is not None and screen.fleet.balance().zones_on == 6,
                   what="six zones on", pump=_pump(qtbot))
        screen.fleet.power_budget_w = screen.fleet.balance().demand_w - 100
        wait_until(lambda: "Over the power budget" in screen.strip.label.text(), what="the budget warning",
                   pump=_pump(qtbot))
        # ALL OFF everywhere switches every zone of every stove off
        qtbot.mouseClick(screen.header.all_off_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: all(r.state is not None and not any(z.is_on for z in r.state.zones)
                               for r in remotes.values()), what="every zone off at the stoves", pump=_pump(qtbot))
        wait_until(lambda: all(t.zones.text() == "all off" for t in tiles.values()), what="every tile all off",
                   pump=_pump(qtbot))
        wait_until(lambda: "Over the power budget" not in screen.strip.label.text(), what="the warning gone",
                   pump=_pump(qtbot))
        # tapping a tile opens that stove's dashboard
        remotes["sim-3"].set_level(1, 6).result(5)
        qtbot.mouseClick(tiles["sim-3"], Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
        page = screen.stove_page
        wait_until(lambda: page.model.link.online, timeout_s=15, what="sim-3's dashboard online", pump=_pump(qtbot))
        assert page.model.info.id == "hall-sim-3"
        assert page.model.link.role == "controller"
        wait_until(lambda: page.window.cards.cards and page.window.cards.cards[1].level.text() == "6",
                   what="sim-3's zone at 6 on its card", pump=_pump(qtbot))
        assert [c.name.text() for c in page.window.cards.cards] == [z.name for z in remotes["sim-3"].info.zones]
        qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: screen.stove_page is None, what="back to the tiles", pump=_pump(qtbot))
    finally:
        for remote in remotes.values():
            remote.stop()


def test_without_control_the_dashboard_observes_and_the_bridge_going_away_shows(qtbot, mosquitto, bridge, screen):
    proc = bridge()
    wait_until(lambda: len(screen.grid.tiles) == 3, timeout_s=20, what="three tiles", pump=_pump(qtbot))
    tile = screen.grid.tiles["sim-1"]
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
    page = screen.stove_page
    wait_until(lambda: page.model.link.online, timeout_s=15, what="online", pump=_pump(qtbot))
    assert page.model.link.role == "observer" and not page.model.can_control
    assert "without --control" in page.window.link_banner.label.text()     # says why, not "another device"
    with pytest.raises(KspError):
        page.stove.set_level(0, 5).result(5)                 # a switch-on is refused without --control
    page.stove.all_off().result(5)                           # switching off is not
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    wait_until(lambda: screen.stove_page is None, what="back", pump=_pump(qtbot))
    proc.kill()                                              # -9: the broker publishes its last will
    wait_until(lambda: tile.link.text() == "BRIDGE OFFLINE", timeout_s=40, what="BRIDGE OFFLINE on the tile",
               pump=_pump(qtbot))
    assert tile.property("stale") is True
