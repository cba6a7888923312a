"""Two screens on one serve-sim stove: who controls it is said in plain words, replaced not stacked,
and ALL OFF pressed on the watching screen tells the controlling screen where it came from."""

from __future__ import annotations

import socket

import pytest
from PySide6.QtCore import Qt

from kitchen_ui.core.model import StoveEvent
from kitchen_ui.protocol.aio_server import ServerThread
from kitchen_ui.protocol.client import Backoff
from kitchen_ui.protocol.network_stove import NetworkStove
from kitchen_ui.sim.serve import build_sim_server
from kitchen_ui.sim.profiles import load_profile

from .windows import open_dashboard

FAST = dict(connect_timeout_s=1.0, request_timeout_s=0.5, max_tick_s=0.02, min_controller_retry_s=0.05,
            backoff=Backoff(0.02, 0.1))
HOST = socket.gethostname()


@pytest.fixture
def server():
    thread = ServerThread(build_sim_server(load_profile("induction-4"), speed=20.0)).start()
    yield thread
    thread.stop()


@pytest.fixture
def screens(qtbot, server):
    opened = []

    def open_screen():
        host, port = server.address
        stove = NetworkStove(f"ksp://{host}:{port}", **FAST)
        window, model = open_dashboard(qtbot, stove, size=(1024, 600))
        qtbot.waitUntil(lambda: stove.link.online and len(window.cards.cards) == 4, timeout=5000)
        opened.append((window, model, stove))
        return window, stove

    yield open_screen
    for _window, model, stove in opened:
        model.close()
        stove.stop()


def jargon(messages):
    return [m for m in messages if "connection 1" in m or "connection 2" in m or "kitchen-ui/" in m
            or "is the controller" in m]


def test_all_off_from_the_watching_screen_is_named_on_the_controlling_one(qtbot, screens):
    kitchen, k_stove = screens()
    qtbot.waitUntil(lambda: k_stove.link.role == "controller", timeout=3000)
    assert kitchen.notices.messages[:1] == ["You now control the stove."]
    k_stove.set_level(0, 5).result(2)
    tablet, t_stove = screens()
    assert t_stove.link.role == "observer"
    qtbot.mouseClick(tablet.all_off_button, Qt.MouseButton.LeftButton)
    want = f"All zones switched off from another screen ({HOST})."
    qtbot.waitUntil(lambda: want in kitchen.notices.messages, timeout=3000)
    assert kitchen.notices.property("kind") == "error"
    # the screen that pressed it is not told it came from "another screen"
    qtbot.waitUntil(lambda: any(m.startswith("all zones switched off (1 was on)") for m in tablet.notices.messages),
                    timeout=3000)
    assert not any("another screen" in m for m in tablet.notices.messages if "switched off" in m)
    assert jargon(kitchen.notices.messages + tablet.notices.messages) == []


def test_control_moving_to_the_watching_screen_replaces_the_notice(qtbot, screens):
    kitchen, k_stove = screens()
    tablet, t_stove = screens()
    k_stove.stop()                                            # the kitchen screen goes away
    qtbot.waitUntil(lambda: t_stove.link.role == "controller", timeout=5000)
    qtbot.waitUntil(lambda: tablet.notices.messages[:1] == ["You now control the stove."], timeout=3000)
    role_lines = [m for m in tablet.notices.messages if "control" in m and "link" not in m]
    assert role_lines == ["You now control the stove."]       # "no screen controls it" was replaced
    assert jargon(tablet.notices.messages) == []


def test_a_controller_that_lost_the_slot_is_told_it_is_watching(qtbot, fake_dashboard):
    stove = fake_dashboard.model.stove
    from kitchen_ui.core.model import LinkStatus

    stove.set_link(LinkStatus.ONLINE, role="controller")
    stove.set_link(LinkStatus.LOST, role=None)
    stove.set_link(LinkStatus.ONLINE, role="observer")
    stove.emit_event("controller_changed", None, "connection 7 (kitchen-ui/0.1.0 (hall)) is the controller")
    qtbot.waitUntil(lambda: bool(fake_dashboard.notices.messages))
    assert fake_dashboard.notices.messages == [
        "Another screen now controls the stove; you are watching. ALL OFF still works here."]


def test_events_without_by_keep_their_wording_and_old_stoves_still_parse():
    ev = StoveEvent.from_dict({"t": 1.0, "kind": "all_off", "zone": None, "message": "all zones switched off"})
    assert ev.by is None and "by" not in ev.to_dict()
    named = StoveEvent(1.0, "all_off", None, "x", by="tablet", by_session="s1").to_dict()
    assert named["by"] == "tablet" and named["by_session"] == "s1"
