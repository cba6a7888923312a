"""The fleet screen on a real Mosquitto: tiles, faults in words, ALL OFF, a stove's dashboard, the budget."""

from __future__ import annotations

import pytest
from fleet_bridge_double import BridgeDouble, wait_until
from PySide6.QtCore import QPoint, Qt

from kitchen_ui.mqtt.broker import broker_login
from kitchen_ui.mqtt.fleet import Fleet
from kitchen_ui.mqtt.remote_stove import MqttStove
from kitchen_ui.ui.fleet.window import FleetWindow
from kitchen_ui.ui.text import fault as fault_words


@pytest.fixture
def screen(qtbot, mosquitto):
    """Open a fleet window on the broker: ``screen(budget=None, size=(1280, 800))``."""
    made = []

    def make(budget: float | None = None, size=(1280, 800)) -> FleetWindow:
        login = broker_login(mosquitto.url)
        fleet = Fleet(login, power_budget_w=budget)
        window = FleetWindow(fleet, lambda name: MqttStove(login, name))
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        fleet.start()
        window.start()
        made.append(window)
        return window

    yield make
    for window in made:
        window.stop()
        window.fleet.stop()


def _pump(qtbot):
    return lambda: qtbot.wait(20)


def _tiles(qtbot, window, n):
    wait_until(lambda: len(window.grid.tiles) == n, what=f"{n} tiles", pump=_pump(qtbot))
    return window.grid.tiles


def test_a_tile_per_stove_and_a_fault_in_words(qtbot, mosquitto, screen):
    bridge = BridgeDouble(mosquitto.host, mosquitto.port, ["sim-1", "sim-2", "sim-3"]).start()
    try:
        window = screen()
        tiles = _tiles(qtbot, window, 3)
        assert [t.title.text() for t in tiles.values()] == ["sim-1", "sim-2", "sim-3"]
        bridge.stoves["sim-2"].sim_inject_fault(1, "sensor_open").result(5)
        tile = tiles["sim-2"]
        wait_until(lambda: tile.fault.isVisible(), what="the fault on its tile", pump=_pump(qtbot))
        zone = bridge.stoves["sim-2"].info.zones[1].name
        assert "FAULT" in tile.fault.text() and zone in tile.fault.text()
        assert fault_words("sensor_open") in tile.fault.text()
        assert tile.property("fault") is True                   # the frame turns red as well
        assert not tiles["sim-1"].fault.isVisible() and tiles["sim-1"].property("fault") is not True
        bridge.set_stove_link("sim-3", "lost", "the stove stopped answering")
        wait_until(lambda: tiles["sim-3"].link.text() == "LINK LOST", what="LINK LOST", pump=_pump(qtbot))
    finally:
        bridge.stop()


def test_all_off_everywhere_and_on_one_tile(qtbot, mosquitto, screen):
    bridge = BridgeDouble(mosquitto.host, mosquitto.port, ["sim-1", "sim-2", "sim-3"]).start()
    try:
        window = screen()
        tiles = _tiles(qtbot, window, 3)
        for stove in bridge.stoves.values():
            stove.set_level(0, 5).result(5)
            stove.set_level(3, 2).result(5)
        wait_until(lambda: tiles["sim-3"].zones.text() == "2 of 4 on", what="zones on shown", pump=_pump(qtbot))
        qtbot.mouseClick(tiles["sim-1"].off_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: bridge.zones_on() == {"sim-1": 0, "sim-2": 2, "sim-3": 2}, what="sim-1 off only",
                   pump=_pump(qtbot))
        wait_until(lambda: tiles["sim-1"].zones.text() == "all off", what="sim-1's tile", pump=_pump(qtbot))
        assert window.stove_page is None                       # ALL OFF on a tile does not open it
        qtbot.mouseClick(window.header.all_off_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: sum(bridge.zones_on().values()) == 0, what="every zone off", pump=_pump(qtbot))
        wait_until(lambda: all(t.zones.text() == "all off" for t in tiles.values()), what="tiles", pump=_pump(qtbot))
    finally:
        bridge.stop()


def test_tapping_a_tile_opens_that_stoves_dashboard_and_back(qtbot, mosquitto, screen):
    bridge = BridgeDouble(mosquitto.host, mosquitto.port, ["hob", "wok"], zones=2).start()
    try:
        window = screen()
        tiles = _tiles(qtbot, window, 2)
        bridge.stoves["wok"].set_level(1, 7).result(5)
        qtbot.mouseClick(tiles["wok"], Qt.MouseButton.LeftButton, pos=QPoint(20, 20))
        page = window.stove_page
        assert page is not None and window.pages.currentWidget() is page
        wait_until(lambda: page.model.link.online, what="the dashboard online", pump=_pump(qtbot))
        assert page.model.info.id == bridge.stoves["wok"].info.id
        cards = page.window.cards.cards
        wait_until(lambda: len(cards := page.window.cards.cards) == 2 and cards[1].level.text() == "7",
                   what="wok's zone at 7 on its card", pump=_pump(qtbot))
        assert [c.name.text() for c in page.window.cards.cards] == [z.name for z in bridge.stoves["wok"].info.zones]
        assert page.model.link.role == "observer"               # the bridge is not --control
        qtbot.mouseClick(page.window.all_off_button, Qt.MouseButton.LeftButton)   # ALL OFF needs no control
        wait_until(lambda: bridge.zones_on()["wok"] == 0, what="wok off from its dashboard", pump=_pump(qtbot))
        stove = page.stove
        qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: window.stove_page is None, what="back to the tiles", pump=_pump(qtbot))
        assert window.pages.currentWidget() is window.tiles_page
        assert not stove.mqtt.connected                         # its connection closed with the page
        del cards
    finally:
        bridge.stop()


def test_the_budget_warning_appears_when_the_zones_on_would_exceed_it(qtbot, mosquitto, screen):
    bridge = BridgeDouble(mosquitto.host, mosquitto.port, ["sim-1", "sim-2"]).start()
    try:
        zone0 = bridge.stoves["sim-1"].info.zones[0].max_power_w
        window = screen(budget=zone0 * 1.5)
        _tiles(qtbot, window, 2)
        strip = window.strip
        wait_until(lambda: "of" in window.header.balance.text(), what="the balance", pump=_pump(qtbot))
        assert "Over the power budget" not in strip.label.text()
        bridge.stoves["sim-1"].set_level(0, 9).result(5)
        qtbot.wait(600)
        assert "Over the power budget" not in strip.label.text()   # one zone fits the budget
        bridge.stoves["sim-2"].set_level(0, 9).result(5)
        wait_until(lambda: "Over the power budget" in strip.label.text(), what="the warning", pump=_pump(qtbot))
        assert strip.property("kind") == "budget"
        bridge.stoves["sim-2"].all_off().result(5)
        wait_until(lambda: "Over the power budget" not in strip.label.text(), what="the warning gone",
                   pump=_pump(qtbot))
    finally:
        bridge.stop()


@pytest.mark.parametrize("size", [(1024, 600), (1920, 1080)])
def test_forty_stoves_fit(qtbot, mosquitto, screen, size):
    bridge = BridgeDouble(mosquitto.host, mosquitto.port, [f"sim-{i}" for i in range(1, 41)], zones=2).start()
    try:
        window = screen(size=size)
        tiles = _tiles(qtbot, window, 40)
        qtbot.wait(300)
        grid = window.grid
        for tile in tiles.values():
            assert tile.off_button.height() >= 48                 # a finger's size, on every tile
            assert tile.width() * grid.columns_for(grid.viewport().width()) <= grid.viewport().width()
        if size == (1920, 1080):                                  # all at once
            assert grid.inner.height() <= grid.viewport().height()
        else:                                                     # scroll through them
            assert grid.verticalScrollBar().maximum() > 0
            grid.ensureWidgetVisible(tiles["sim-40"])
            qtbot.wait(50)
            corner = tiles["sim-40"].mapTo(grid.viewport(), QPoint(0, 0))
            assert 0 <= corner.y() < grid.viewport().height()
    finally:
        bridge.stop()


def test_an_unconfirmed_all_off_names_the_stove_in_the_strip(qtbot, mosquitto, screen):
    bridge = BridgeDouble(mosquitto.host, mosquitto.port, ["sim-1", "sim-2"]).start()
    try:
        window = screen()
        tiles = _tiles(qtbot, window, 2)
        window.fleet.requests.timeout_s = 0.3
        bridge.silent = True                                      # the bridge reads requests and never answers
        qtbot.mouseClick(tiles["sim-2"].off_button, Qt.MouseButton.LeftButton)
        wait_until(lambda: "sim-2: ALL OFF not confirmed" in window.strip.label.text(), what="the notice",
                   pump=_pump(qtbot))
        assert window.strip.property("kind") == "notice"
        window.strip._expire.timeout.emit()                       # half a minute later
        assert window.strip.property("kind") == "quiet"
    finally:
        bridge.stop()
