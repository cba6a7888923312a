"""LocalStove: the in-process transport behind the same Stove interface as a network stove."""

from __future__ import annotations

import logging
import threading

import pytest

from kitchen_ui.core.clock import ManualClock
from kitchen_ui.core.errors import INVALID_PARAMS, KspError, LinkError
from kitchen_ui.core.model import LinkStatus, StoveState
from kitchen_ui.sim.local import LocalStove
from kitchen_ui.sim.profiles import load_profile

WAIT_S = 2.0      # upper bound only; each wait ends as soon as its event is set


def test_a_threaded_local_stove_publishes_telemetry_and_stops_cleanly():
    stove = LocalStove(load_profile("hybrid-4"), speed=50.0, telemetry_hz=20)
    states: list[StoveState] = []
    links = []
    enough = threading.Event()

    def on_state(state: StoveState) -> None:
        states.append(state)
        if len(states) >= 5:
            enough.set()

    stove.telemetry.connect(on_state)
    stove.link_changed.connect(links.append)
    stove.start()
    try:
        assert stove.info is not None and len(stove.info.zones) == 4
        assert stove.set_level(0, 9).result(timeout=WAIT_S)["level"] == 9
        assert enough.wait(WAIT_S), "no telemetry from the stove thread"
        worker = stove._thread
        assert worker is not None and worker.is_alive()
    finally:
        stove.stop()
    assert not worker.is_alive()                       # joined: nothing can publish any more
    assert "hearth-sim" not in [t.name for t in threading.enumerate()]
    assert [s.seq for s in states[:5]] == [1, 2, 3, 4, 5]
    assert states[-1].t > states[0].t                  # stove time moved on by itself
    assert links[0].status is LinkStatus.ONLINE and links[-1].status is LinkStatus.CLOSED
    with pytest.raises(LinkError):
        stove.ping().result(timeout=0)
    stove.stop()                                       # a second stop is harmless


def test_an_unthreaded_local_stove_answers_with_futures_and_forwards_events():
    clock = ManualClock()
    stove = LocalStove(load_profile("hybrid-4"), clock=clock, threaded=False)
    events, states = [], []
    stove.event.connect(events.append)
    stove.telemetry.connect(states.append)
    stove.start()
    assert stove.link.online and stove.link.can_control and states[-1].seq == 1
    assert stove.set_timer(0, 30).result()["timer_s"] == 30
    fut = stove.set_level(0, 42)
    with pytest.raises(KspError) as info:
        fut.result()
    assert info.value.code == INVALID_PARAMS and "level" in info.value.message
    stove.advance(31)
    assert [e.kind for e in events] == ["timer_elapsed"] and states[-1].t == 31
    assert stove.state is states[-1]
    assert stove.get_state().result()["t"] == 31
    stove.stop()
    assert stove.link.status is LinkStatus.CLOSED


def test_a_bug_in_a_handler_reaches_the_caller_as_an_internal_error_and_the_log_keeps_its_traceback(
        monkeypatch, caplog):
    stove = LocalStove(load_profile("hybrid-4"), clock=ManualClock(), threaded=False)
    stove.start()

    def boom(session, params):
        raise RuntimeError("kaboom")

    monkeypatch.setitem(stove.service._methods, "ping", boom)
    with caplog.at_level(logging.ERROR, logger="kitchen_ui.sim.local"), pytest.raises(KspError) as info:
        stove.ping().result()
    assert info.value.code == -32603 and "kaboom" in info.value.message
    [record] = [r for r in caplog.records if r.name == "kitchen_ui.sim.local"]
    assert "internal error in ping" in record.getMessage()
    assert record.exc_info and record.exc_info[0] is RuntimeError      # where the bug is, not just its text
    stove.stop()


def test_speed_changes_go_to_the_scaled_clock():
    stove = LocalStove(load_profile("hybrid-4"), speed=1.0, threaded=False)
    stove.start()
    assert stove.sim_set_speed(250).result() == {"factor": 250}
    assert stove.clock.speed == 250
    stove.stop()
