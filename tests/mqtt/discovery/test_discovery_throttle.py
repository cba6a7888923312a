"""StateThrottle: a few HA states a second per stove, and the latest state always gets out."""

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kitchen_ui.core.model import StoveState, ZoneState
from kitchen_ui.mqtt.discovery import StateThrottle


def _state(level: int) -> StoveState:
    return StoveState(t=0.0, zones=(ZoneState(0, mode="level" if level else "off", level=level),))


def _level(payload: str) -> int:
    return json.loads(payload)["zones"]["1"]["level"]


def test_first_state_goes_at_once_then_at_most_twice_a_second():
    th = StateThrottle(max_hz=2.0)
    assert _level(th.offer("wok", 0.0, _state(1))) == 1
    assert th.offer("wok", 0.1, _state(2)) is None
    assert th.offer("wok", 0.4, _state(3)) is None
    assert _level(th.offer("wok", 0.5, _state(4))) == 4


def test_a_held_state_is_flushed_when_its_period_is_over():
    th = StateThrottle(max_hz=2.0)
    th.offer("wok", 0.0, _state(5))
    assert th.offer("wok", 0.2, _state(0)) is None          # switched off: must not be lost
    assert th.next_due() == pytest.approx(0.5)
    assert th.flush(0.4) == []
    [(stove, payload)] = th.flush(0.5)
    assert stove == "wok" and _level(payload) == 0
    assert th.flush(5.0) == [] and th.next_due() is None    # sent once, not again


def test_stoves_are_throttled_apart():
    th = StateThrottle(max_hz=2.0)
    assert th.offer("wok", 0.0, _state(1)) is not None
    assert th.offer("range", 0.1, _state(2)) is not None
    assert th.offer("wok", 0.2, _state(3)) is None
    th.forget("wok")
    assert th.offer("wok", 0.3, _state(4)) is not None


def test_rate_must_be_positive():
    with pytest.raises(ValueError, match="max_hz"):
        StateThrottle(max_hz=0)


@given(st.lists(st.tuples(st.floats(0.0, 0.4), st.integers(0, 9)), min_size=1, max_size=60),
       st.sampled_from([0.5, 2.0, 5.0]))
def test_never_faster_than_max_hz_and_the_last_word_is_the_latest_state(steps, max_hz):
    th = StateThrottle(max_hz=max_hz)
    now, sent = 0.0, []
    for gap, level in steps:
        now += gap
        out = th.offer("wok", now, _state(level))
        if out is not None:
            sent.append((now, _level(out)))
        sent += [(now, _level(p)) for _, p in th.flush(now)]
    due = th.next_due()
    if due is not None:
        sent += [(due, _level(p)) for _, p in th.flush(due)]
    times = [t for t, _ in sent]
    assert all(b - a >= 1 / max_hz - 1e-9 for a, b in zip(times, times[1:]))
    assert sent[-1][1] == steps[-1][1]
