"""Every safety rule of KSP/1 section 5, enforced by the stove itself, on stove time."""

from __future__ import annotations

import pytest
from simbench import (
    GAS_MEDIUM, GAS_RAPID, INDUCTION_LARGE, RADIANT_MEDIUM, RADIANT_SMALL, Bench, pan, zone_spec,
)

from kitchen_ui.core.errors import LOCKED, ZONE_FAULTED, KspError
from kitchen_ui.sim.physics import Pan

AUTO_OFF_MIN = {1: 8 * 60 + 40, 2: 6 * 60 + 45, 3: 5 * 60 + 15, 4: 4 * 60 + 20, 5: 3 * 60 + 30,
                6: 2 * 60 + 45, 7: 2 * 60 + 20, 8: 60 + 45, 9: 60 + 30}


def refused(code: int, call, *args) -> KspError:
    with pytest.raises(KspError) as info:
        call(*args)
    assert info.value.code == code
    return info.value


# -- overheat -----------------------------------------------------------------------------------
def test_overheat_switches_off_latches_a_fault_and_clears_30_degrees_below():
    b = Bench(zone_spec(INDUCTION_LARGE, pan("cast_iron", 2.5)))       # a dry pan at full power
    b.stove.set_level(0, 9)
    t = b.run_until(lambda: "overheat" in b.kinds(), 1800, chunk=0.5)
    assert t is not None
    z = b.zone()
    assert z.mode == "off" and z.fault == "overheat" and z.power_w == 0
    assert 300 < b.stove.zones[0].physics.pan_temp_c < 306     # caught within a step of 300 °C
    refused(ZONE_FAULTED, b.stove.set_level, 0, 3)
    refused(ZONE_FAULTED, b.stove.set_target, 0, 100)
    b.stove.zone_off(0)                                            # off is never refused
    assert b.run_until(lambda: "fault_cleared" in b.kinds(), 3600) is not None
    assert b.stove.zones[0].physics.pan_temp_c < 270
    assert b.stove.zones[0].physics.pan_temp_c > 265              # cleared as soon as it got there
    z = b.zone()
    assert z.fault is None and z.mode == "off"                     # stays off until asked
    b.stove.set_level(0, 3)
    assert b.zone().mode == "level"


def test_the_overheat_limit_is_the_stoves():
    b = Bench(zone_spec(INDUCTION_LARGE, pan("cast_iron", 2.5)), max_pan_temp_c=200)
    b.stove.set_level(0, 9)
    b.run_until(lambda: "overheat" in b.kinds(), 1800, chunk=0.5)
    assert 200 < b.stove.zones[0].physics.pan_temp_c < 206


# -- automatic switch-off -----------------------------------------------------------------------
@pytest.mark.parametrize("level", range(1, 10))
def test_auto_off_after_the_levels_time_without_a_command(level):
    b = Bench(zone_spec(INDUCTION_LARGE, None))                     # no pan: nothing else can happen
    b.stove.set_level(0, level)
    limit = AUTO_OFF_MIN[level] * 60
    b.advance(limit * 0.99, chunk=600)
    assert b.zone().mode == "level" and b.kinds() == []
    b.advance(limit * 0.02, chunk=600)
    assert b.zone().mode == "off"
    ev = b.first("auto_off")
    assert ev.zone == 0 and ev.t == pytest.approx(limit, rel=0.01)


def test_auto_off_in_target_mode_after_two_hours():
    b = Bench(zone_spec(INDUCTION_LARGE, pan("steel", 1.2, "water", 3.0)))
    b.stove.set_target(0, 60)
    b.advance(2 * 3600 * 0.99, chunk=300)
    assert b.zone().mode == "target"
    b.advance(2 * 3600 * 0.02, chunk=300)
    assert b.zone().mode == "off"
    assert b.first("auto_off").t == pytest.approx(7200, rel=0.01)


@pytest.mark.parametrize("command", [
    lambda s: s.set_level(0, 9), lambda s: s.set_timer(0, 10_000), lambda s: s.set_timer(0, None),
    lambda s: s.set_boost(0, False), lambda s: s.all_off() and s.set_level(0, 9),
], ids=["same-level", "timer", "cancel-timer", "boost-off", "all-off-then-on"])
def test_any_command_to_the_zone_restarts_the_auto_off_clock(command):
    b = Bench(zone_spec(INDUCTION_LARGE, None), zone_spec(INDUCTION_LARGE, None, name="other"))
    b.stove.set_level(0, 9)
    b.advance(3600, chunk=600)
    command(b.stove)
    b.stove.set_level(1, 5)                                        # another zone's command: no effect
    b.advance(5400 - 60, chunk=600)
    assert b.zone().mode == "level"
    b.advance(120, chunk=60)
    assert b.zone().mode == "off" and b.first("auto_off").t == pytest.approx(3600 + 5400, rel=0.01)


# -- heater and sensor faults -------------------------------------------------------------------
@pytest.mark.parametrize("zone", [INDUCTION_LARGE, RADIANT_MEDIUM, GAS_RAPID], ids=["induction", "radiant", "gas"])
def test_a_dead_heater_is_found_within_90_seconds(zone):
    b = Bench(zone_spec(zone, pan("steel", 1.2, "water", 1.0)))
    b.stove.inject_fault(0, "heater_dead")
    assert b.zone().fault is None                      # not seen until the zone fails to warm
    b.stove.set_level(0, 9)
    b.advance(89, chunk=1)
    assert b.zone().mode == "level" and b.zone().power_w == 0
    b.advance(2, chunk=1)
    z = b.zone()
    assert z.fault == "heater_dead" and z.mode == "off" and z.temp_c is not None
    assert b.first("fault").t == pytest.approx(90, rel=0.01)
    refused(ZONE_FAULTED, b.stove.set_level, 0, 9)
    b.stove.clear_fault(0)
    assert b.kinds()[-1] == "fault_cleared" and b.zone().fault is None
    b.stove.set_level(0, 9)
    b.advance(120)
    assert b.zone().temp_c > 25 and b.zone().fault is None


def test_a_stuck_sensor_is_found_and_its_readings_are_withheld():
    b = Bench(zone_spec(INDUCTION_LARGE, pan("steel", 1.2, "water", 1.0)))
    b.stove.inject_fault(0, "sensor_stuck")
    b.stove.set_level(0, 8)
    b.advance(60)
    assert b.zone().temp_c == 20 and b.zone().pan_temp_c == 20   # the stuck value, not the truth
    b.advance(40, chunk=1)
    z = b.zone()
    assert z.fault == "sensor_stuck" and z.mode == "off" and z.temp_c is None and z.pan_temp_c is None
    assert b.first("fault").t == pytest.approx(90, rel=0.01)
    assert b.stove.zones[0].physics.contents_temp_c > 40          # the water did warm


def test_an_open_sensor_is_found_at_once():
    b = Bench(zone_spec(INDUCTION_LARGE, pan("steel", 1.2, "water", 1.0)))
    b.stove.set_level(0, 6)
    b.advance(30)
    z = b.stove.inject_fault(0, "sensor_open")
    assert z.fault == "sensor_open" and z.mode == "off" and z.temp_c is None and z.pan_temp_c is None
    assert b.first("fault").t == 30
    refused(ZONE_FAULTED, b.stove.set_level, 0, 6)
    b.advance(60)
    assert b.zone().temp_c is None
    b.stove.clear_fault(0)
    assert b.zone().temp_c is not None and b.zone().fault is None


def test_an_open_sensor_on_an_idle_zone_is_reported_too():
    b = Bench(zone_spec(INDUCTION_LARGE, pan("steel", 1.2)))
    b.stove.inject_fault(0, "sensor_open")
    assert b.zone().fault == "sensor_open" and b.kinds() == ["fault"]


@pytest.mark.parametrize("zone,litres,pan_", [
    (RADIANT_SMALL, 3.0, ("steel", 2.0)), (RADIANT_SMALL, 5.0, ("steel", 2.5)),
    (RADIANT_SMALL, 5.0, ("cast_iron", 4.0)), (RADIANT_MEDIUM, 5.0, ("steel", 2.5)),
    (GAS_MEDIUM, 5.0, ("steel", 2.5)),
], ids=["radiant-1.2kW-3L", "radiant-1.2kW-5L", "radiant-1.2kW-5L-cast-iron", "radiant-1.8kW-5L", "gas-5L"])
def test_no_false_fault_on_a_slow_zone_under_a_big_pot_of_cold_water(zone, litres, pan_):
    b = Bench(zone_spec(zone, pan(pan_[0], pan_[1], "water", litres, temp_c=12.0)))
    b.stove.set_level(0, 9)
    b.advance(20 * 60, chunk=1)
    assert b.kinds() == [] and b.zone().fault is None and b.zone().mode == "level"
    assert b.zone().temp_c > 30


def test_no_false_fault_while_a_target_is_held_below_90():
    b = Bench(zone_spec(RADIANT_SMALL, pan("steel", 2.5, "water", 5.0)))
    b.stove.set_target(0, 60)
    b.advance(3600, chunk=2)
    assert b.kinds() == [] and b.zone().temp_c == pytest.approx(60, abs=2)


# -- boil-dry -----------------------------------------------------------------------------------
@pytest.mark.parametrize("zone", [INDUCTION_LARGE, RADIANT_MEDIUM, GAS_RAPID], ids=["induction", "radiant", "gas"])
def test_boil_dry_switches_off_once_the_water_is_gone(zone):
    b = Bench(zone_spec(zone, pan("steel", 1.2, "water", 0.25)))
    b.stove.set_level(0, 9)
    assert b.run_until(lambda: b.zone().mode == "off", 3600) is not None
    assert b.kinds() == ["boil_dry"]
    z = b.zone()
    assert z.power_w == 0 and z.fault is None and 120 < z.temp_c < 135
    assert not b.stove.zones[0].physics.has_contents
    b.stove.set_level(0, 3)                       # no fault: the cook may carry on with the dry pan
    assert b.zone().mode == "level"


def test_oil_above_120_is_not_boil_dry():
    b = Bench(zone_spec(INDUCTION_LARGE, pan("steel", 1.2, "oil", 0.5)))
    b.stove.set_target(0, 180)
    b.advance(900)
    assert b.kinds() == [] and b.zone().mode == "target"


# -- residual heat ------------------------------------------------------------------------------
def test_residual_heat_shows_while_off_and_hot():
    b = Bench(zone_spec(RADIANT_MEDIUM, pan("steel", 1.2, "water", 1.0)))
    b.stove.set_level(0, 9)
    b.advance(300)
    assert b.zone().residual_heat is False                 # on: no residual-heat flag
    b.stove.zone_off(0)
    assert b.zone().residual_heat is True
    t = b.run_until(lambda: not b.zone().residual_heat, 4 * 3600, chunk=10)
    assert t is not None
    assert b.stove.zones[0].physics.hottest_c <= 60


def test_residual_heat_follows_the_element_when_the_pan_is_lifted():
    b = Bench(zone_spec(RADIANT_MEDIUM, pan("steel", 1.2, "water", 1.0)))
    b.stove.set_level(0, 9)
    b.advance(300)
    b.stove.zone_off(0)
    b.stove.set_pan(0, None)
    assert b.zone().residual_heat is True and b.zone().temp_c is None


def test_an_induction_zone_is_only_as_hot_as_its_pan():
    b = Bench(zone_spec(INDUCTION_LARGE, pan("steel", 1.2, "oil", 0.3, temp_c=150.0)))
    assert b.zone().residual_heat is True
    b.stove.set_pan(0, None)
    assert b.zone().residual_heat is False


# -- pan detection ------------------------------------------------------------------------------
def test_induction_detects_a_magnetic_pan_and_draws_nothing_without_one():
    b = Bench(zone_spec(INDUCTION_LARGE, pan("steel", 1.2, "water", 1.0)))
    b.stove.set_level(0, 7)
    b.advance(10)
    assert b.zone().pan and b.zone().power_w > 0
    z = b.stove.set_pan(0, None)
    assert not z.pan and z.power_w == 0 and b.kinds() == ["pan_removed"]
    b.advance(60)
    z = b.zone()
    assert z.mode == "level" and z.power_w == 0 and z.temp_c is None
    energy = z.energy_wh
    z = b.stove.set_pan(0, Pan("aluminium", 0.9, "water", 1.0))
    assert not z.pan and b.kinds() == ["pan_removed"]               # aluminium is not detected
    b.advance(60)
    assert b.zone().energy_wh == energy and b.stove.zones[0].physics.contents_temp_c == 20
    z = b.stove.set_pan(0, Pan("cast_iron", 2.5, "none", 0))
    assert z.pan and z.power_w > 0 and b.kinds() == ["pan_removed", "pan_detected"]
    assert b.kinds().count("fault") == 0


def test_radiant_and_gas_zones_send_no_pan_events():
    b = Bench(zone_spec(RADIANT_MEDIUM, pan()), zone_spec(GAS_RAPID, pan(), name="gas"))
    b.stove.set_level(0, 5)
    b.stove.set_level(1, 5)
    b.stove.set_pan(0, None)
    b.stove.set_pan(1, None)
    b.advance(10)
    assert b.kinds() == [] and b.zone(0).power_w > 0 and b.zone(1).power_w > 0


# -- boost --------------------------------------------------------------------------------------
def test_boost_ends_after_10_minutes_and_falls_back_to_level_9():
    b = Bench(zone_spec(INDUCTION_LARGE, pan("steel", 1.2, "water", 5.0)))
    b.stove.set_boost(0, True)
    b.advance(599, chunk=60)
    assert b.zone().boost and b.zone().power_w == 3700
    b.advance(60, chunk=60)
    z = b.zone()
    assert not z.boost and z.level == 9 and z.mode == "level" and z.power_w == 2300
    assert b.first("boost_ended").t == pytest.approx(600, abs=0.001)


def test_boost_off_on_request_and_no_boost_on_zones_without_it():
    b = Bench(zone_spec(INDUCTION_LARGE, pan()), zone_spec(RADIANT_MEDIUM, pan(), name="r"))
    b.stove.set_boost(0, True)
    z = b.stove.set_boost(0, False)
    assert not z.boost and z.level == 9 and z.power_w == 2300
    refused(-32602, b.stove.set_boost, 1, True)


# -- child lock ---------------------------------------------------------------------------------
def test_child_lock_refuses_switching_on_and_raising_but_never_lowering_or_off():
    b = Bench(zone_spec(INDUCTION_LARGE, pan("steel", 1.2, "water", 3.0)),
              zone_spec(INDUCTION_LARGE, pan("steel", 1.2, "water", 3.0), name="b"),
              zone_spec(INDUCTION_LARGE, pan("steel", 1.2, "water", 3.0), name="c"))
    b.stove.set_level(0, 5)
    b.stove.set_target(1, 80)
    b.advance(900)
    assert b.zone(1).level < 9                                       # holding 80 °C
    assert b.stove.set_lock(True) is True and b.kinds() == ["lock_changed"]
    refused(LOCKED, b.stove.set_level, 0, 6)
    refused(LOCKED, b.stove.set_boost, 0, True)
    refused(LOCKED, b.stove.set_level, 2, 1)                        # switching on
    refused(LOCKED, b.stove.set_target, 2, 50)
    refused(LOCKED, b.stove.set_target, 1, 90)                      # raising a target
    refused(LOCKED, b.stove.set_level, 1, 9)                        # target mode -> higher level
    assert b.zone(0).level == 5 and b.zone(2).mode == "off" and b.zone(1).target_c == 80
    assert b.stove.set_level(0, 5).level == 5                       # the same is not raising
    assert b.stove.set_level(0, 2).level == 2
    assert b.stove.set_target(1, 70).target_c == 70
    assert b.stove.zone_off(0).mode == "off"
    assert b.stove.set_target(1, None).mode == "off"
    b.stove.set_lock(False)
    b.stove.set_level(0, 9)
    b.stove.set_level(1, 9)
    b.stove.set_lock(True)
    assert b.stove.all_off() == 2
    assert all(b.zone(i).mode == "off" for i in range(3))
    assert b.kinds()[-1] == "all_off"
    b.stove.set_lock(False)
    assert b.stove.set_level(2, 9).mode == "level"


# -- timer --------------------------------------------------------------------------------------
def test_zone_timer_switches_the_zone_off_on_time():
    b = Bench(zone_spec(INDUCTION_LARGE, pan("steel", 1.2, "water", 2.0)))
    b.stove.set_level(0, 6)
    b.advance(1.3)
    assert b.stove.set_timer(0, 90).timer_s == 90
    b.advance(45)
    assert b.zone().timer_s == pytest.approx(45, abs=0.1)
    b.advance(100, chunk=100)                 # one long update: the timer still fires on time
    z = b.zone()
    assert z.mode == "off" and z.timer_s is None and z.power_w == 0
    ev = b.first("timer_elapsed")
    assert ev.t == pytest.approx(91.3, abs=0.001) and ev.zone == 0


def test_a_cancelled_timer_never_fires_and_a_minute_minder_on_an_idle_zone_does():
    b = Bench(zone_spec(INDUCTION_LARGE, pan()), zone_spec(INDUCTION_LARGE, pan(), name="b"))
    b.stove.set_level(0, 3)
    b.stove.set_timer(0, 60)
    b.stove.set_timer(0, None)
    b.stove.set_timer(1, 30)
    b.advance(120)
    assert b.zone(0).mode == "level"
    assert [(e.kind, e.zone) for e in b.events] == [("timer_elapsed", 1)]


def test_lifting_the_pan_in_target_mode_stops_the_draw_at_once():
    b = Bench(zone_spec(INDUCTION_LARGE, pan("steel", 1.2, "water", 1.0)))
    b.stove.set_target(0, 80)
    b.advance(5)
    assert b.zone().power_w == 2300
    z = b.stove.set_pan(0, None)
    assert z.power_w == 0 and z.mode == "target" and z.temp_c is None
    b.advance(30)
    assert b.zone().power_w == 0 and b.zone().energy_wh == pytest.approx(2300 * 5 / 3600, rel=1e-3)
