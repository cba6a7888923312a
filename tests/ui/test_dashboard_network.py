"""The real dashboard on network stoves: a stub written from the KSP/1 contract alone, and serve-sim.

Same window, same widgets, only the transport differs: the zone cards follow whatever zones the
stove announces, a cook's tap reaches the stove as a KSP/1 request, a stove event shows up, a
dropped connection is shown as lost and recovers, and an observer keeps ALL OFF.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "protocol"))
from stub_stove import StubStove  # noqa: E402  (the contract-only stub of tests/protocol)

from kitchen_ui.protocol.client import Backoff  # noqa: E402
from kitchen_ui.protocol.network_stove import NetworkStove  # noqa: E402

from .windows import open_dashboard  # noqa: E402

FAST = dict(connect_timeout_s=1.0, request_timeout_s=0.5, max_tick_s=0.02, min_controller_retry_s=0.05,
            backoff=Backoff(0.02, 0.1))
ZONES = ("wok", "simmer", "rear-left")


def tap(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def stub():
    stove = StubStove(zones=ZONES).start()
    yield stove
    stove.stop()


@pytest.fixture
def net_dashboard(qtbot, stub):
    stove = NetworkStove(f"ksp://127.0.0.1:{stub.port}", **FAST)
    window, model = open_dashboard(qtbot, stove)
    qtbot.waitUntil(lambda: len(window.cards.cards) == len(ZONES) and stove.link.online, timeout=5000)
    yield window
    model.close()
    stove.stop()


def test_cards_follow_the_stoves_own_zones_and_a_tap_reaches_it(qtbot, net_dashboard, stub):
    assert [c.name.text() for c in net_dashboard.cards.cards] == list(ZONES)
    assert "online" in net_dashboard.status.link.text().lower()
    tap(qtbot, net_dashboard.cards.cards[1])
    tap(qtbot, net_dashboard.manual.level_buttons[4])
    qtbot.waitUntil(lambda: any(r.method == "zone.set_level" and r.params == {"zone": 1, "level": 4}
                                for r in list(stub.received)), timeout=3000)
    qtbot.waitUntil(lambda: net_dashboard.cards.cards[1].level.text() == "4", timeout=3000)


def test_a_stove_event_is_shown_to_the_cook(qtbot, net_dashboard, stub):
    stub.emit_event("boil_dry", 0, "wok: boiled dry; zone switched off")
    qtbot.waitUntil(lambda: any("boiled dry" in m for m in net_dashboard.notices.messages), timeout=3000)


def test_a_dropped_connection_is_shown_at_once_and_the_dashboard_recovers(qtbot, net_dashboard, stub):
    stub.refuse_connections = True
    stub.drop_connections()
    qtbot.waitUntil(lambda: net_dashboard.link_banner.isVisible(), timeout=3000)
    assert "LOST" in net_dashboard.link_banner.label.text()
    assert net_dashboard.cards.cards[0].temp.property("stale") is True
    assert net_dashboard.all_off_button.isEnabled()
    stub.refuse_connections = False
    qtbot.waitUntil(lambda: not net_dashboard.link_banner.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: net_dashboard.cards.cards[0].temp.property("stale") is False, timeout=3000)


def test_an_observer_sees_why_controls_are_off_but_all_off_still_works(qtbot, stub):
    stub.hold_controller_slot = True        # another dashboard controls this stove
    stove = NetworkStove(f"ksp://127.0.0.1:{stub.port}", **FAST)
    window, model = open_dashboard(qtbot, stove)
    try:
        qtbot.waitUntil(lambda: stove.link.online and stove.link.role == "observer", timeout=5000)
        qtbot.waitUntil(lambda: "observer" in window.status.link.text().lower(), timeout=3000)
        assert not window.manual.level_buttons[5].isEnabled()
        assert window.all_off_button.isEnabled()
        tap(qtbot, window.all_off_button)
        qtbot.waitUntil(lambda: "stove.all_off" in stub.methods(), timeout=3000)
    finally:
        model.close()
        stove.stop()


def test_serve_sim_drives_the_same_dashboard(qtbot):
    """Our own simulated stove across loopback: a hold temperature set by tapping arrives."""
    from kitchen_ui.protocol.aio_server import ServerThread
    from kitchen_ui.sim.serve import build_sim_server
    from kitchen_ui.sim.profiles import load_profile

    server = ServerThread(build_sim_server(load_profile("induction-4"), speed=50.0)).start()
    host, port = server.address
    stove = NetworkStove(f"ksp://{host}:{port}", **FAST)
    window, model = open_dashboard(qtbot, stove)
    try:
        qtbot.waitUntil(lambda: stove.link.can_control and len(window.cards.cards) == 4, timeout=5000)
        tap(qtbot, window.cards.cards[1])
        target = window.manual._current_target()
        tap(qtbot, window.manual.hold_button)
        qtbot.waitUntil(lambda: stove.state is not None and stove.state.zone(1).mode == "target", timeout=3000)
        assert stove.state.zone(1).target_c == pytest.approx(target)
        qtbot.waitUntil(lambda: window.cards.cards[1].target.text().startswith("Target"), timeout=3000)
        tap(qtbot, window.all_off_button)
        qtbot.waitUntil(lambda: stove.state.zone(1).mode == "off", timeout=3000)
    finally:
        model.close()
        stove.stop()
        server.stop()
