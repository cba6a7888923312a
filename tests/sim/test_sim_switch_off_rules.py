"""Switching off is never refused, and switching off ends what the zone was doing."""

from __future__ import annotations

import pytest
from simbench import INDUCTION_LARGE, Bench, pan, zone_spec

from kitchen_ui.core.errors import READ_ONLY, KspError
from kitchen_ui.sim.service import Session, StoveService


def make():
    b = Bench(zone_spec(INDUCTION_LARGE, pan("steel", 1.2, "water", 1.0)))
    return b, StoveService(b.stove)


@pytest.mark.parametrize("method,params", [
    ("zone.set_level", {"zone": 0, "level": 0}),
    ("zone.set_target", {"zone": 0, "temp_c": None}),
])
def test_an_observer_may_switch_off_by_any_method(method, params):
    b, service = make()
    service.call(Session(role="controller"), "zone.set_level", {"zone": 0, "level": 7})
    result = service.call(Session(role="observer"), method, params)
    assert result["mode"] == "off"
    assert b.stove.zone_snapshot(0).power_w == 0


@pytest.mark.parametrize("method,params", [
    ("zone.set_level", {"zone": 0, "level": 1}),
    ("zone.set_level", {"zone": 0, "level": False}),
    ("zone.set_target", {"zone": 0, "temp_c": 60}),
])
def test_an_observer_still_cannot_switch_on(method, params):
    b, service = make()
    with pytest.raises(KspError) as info:
        service.call(Session(role="observer"), method, params)
    assert info.value.code == READ_ONLY
    assert b.stove.zone_snapshot(0).mode == "off"


def test_all_off_cancels_zone_timers_so_no_stale_timer_fires_later():
    b, service = make()
    controller = Session(role="controller")
    events = []
    b.stove.event.connect(events.append)
    service.call(controller, "zone.set_level", {"zone": 0, "level": 5})
    service.call(controller, "zone.set_timer", {"zone": 0, "seconds": 60})
    service.call(controller, "stove.all_off", {})
    assert b.stove.zone_snapshot(0).timer_s is None
    b.clock.advance(120)
    b.stove.update()
    assert not [e for e in events if e.kind == "timer_elapsed"]
