"""StoveService: the KSP/1 methods shared by the in-process stove and the network server."""

from __future__ import annotations

import pytest
from simbench import INDUCTION_LARGE, RADIANT_MEDIUM, Bench, pan, zone_spec

from kitchen_ui.core.errors import (
    INVALID_PARAMS, LOCKED, METHOD_NOT_FOUND, NOT_AUTHENTICATED, READ_ONLY, REMOTE_START_FORBIDDEN,
    ZONE_FAULTED, KspError,
)
from kitchen_ui.core.model import StoveState, ZoneState
from kitchen_ui.core.ksp import METHODS
from kitchen_ui.sim.service import Session, StoveService

ALL_METHODS = {
    "ping": {}, "state.get": {}, "telemetry.set_rate": {"hz": 5},
    "zone.set_level": {"zone": 0, "level": 3}, "zone.set_boost": {"zone": 0, "on": True},
    "zone.set_target": {"zone": 0, "temp_c": 80}, "zone.off": {"zone": 0},
    "zone.set_timer": {"zone": 0, "seconds": 60}, "stove.all_off": {}, "stove.set_lock": {"locked": True},
    "sim.set_pan": {"zone": 0, "pan": None}, "sim.inject_fault": {"zone": 0, "fault": "sensor_open"},
    "sim.clear_fault": {"zone": 0}, "sim.set_speed": {"factor": 2}, "sim.set_ambient": {"temp_c": 25},
}


def make(remote_start: bool = True, **kw):
    b = Bench(zone_spec(INDUCTION_LARGE, pan("steel", 1.2, "water", 1.0)),
              zone_spec(RADIANT_MEDIUM, pan("steel", 1.2, "water", 1.0), name="radiant"))
    speeds: list[float] = []
    service = StoveService(b.stove, remote_start=remote_start, set_speed=speeds.append, **kw)
    return b, service, speeds


def error(service: StoveService, session: Session, method: str, params=None) -> KspError:
    with pytest.raises(KspError) as info:
        service.call(session, method, params)
    return info.value


CONTROLLER = Session(role="controller")
OBSERVER = Session(role="observer")


def test_hello_fields_follow_the_contract():
    b, service, _ = make(remote_start=False, link_loss_policy="hold")
    f = service.hello_fields()
    assert set(f) >= {"stove", "zones", "limits", "telemetry_hz", "heartbeat_timeout_s",
                      "link_loss_policy", "remote_start"}
    assert f["stove"]["sim"] is True and f["remote_start"] is False and f["link_loss_policy"] == "hold"
    assert [z["id"] for z in f["zones"]] == [0, 1]
    assert f["zones"][0]["boost_power_w"] == 3700 and f["zones"][1]["boost_power_w"] is None
    assert set(f["zones"][0]) == {"id", "name", "kind", "diameter_mm", "max_power_w", "boost_power_w",
                                  "levels", "min_target_c", "max_target_c"}
    assert f["limits"] == {"max_pan_temp_c": 300, "residual_heat_c": 60}


def test_nothing_before_hello_and_unknown_methods_are_named():
    _, service, _ = make()
    assert error(service, Session(), "ping").code == NOT_AUTHENTICATED
    e = error(service, CONTROLLER, "zone.explode", {"zone": 0})
    assert e.code == METHOD_NOT_FOUND and "zone.explode" in e.message


def test_every_method_of_the_table_is_served_and_tested():
    _, service, _ = make()
    assert set(ALL_METHODS) == set(METHODS) - {"hello"} == set(service._methods)


@pytest.mark.parametrize("method", sorted(ALL_METHODS))
def test_observers_may_only_read_and_switch_off(method):
    b, service, _ = make()
    b.stove.set_level(0, 5)
    if METHODS[method].role == "observer":
        service.call(OBSERVER, method, dict(ALL_METHODS[method]))
    else:
        e = error(service, OBSERVER, method, dict(ALL_METHODS[method]))
        assert e.code == READ_ONLY and method in e.message
        assert b.zone().level == 5                             # nothing was executed


def test_observers_can_switch_off_whatever_the_lock():
    b, service, _ = make()
    service.call(CONTROLLER, "zone.set_level", {"zone": 0, "level": 7})
    service.call(CONTROLLER, "zone.set_level", {"zone": 1, "level": 7})
    service.call(CONTROLLER, "stove.set_lock", {"locked": True})
    assert service.call(OBSERVER, "zone.off", {"zone": 0})["mode"] == "off"
    assert service.call(OBSERVER, "stove.all_off", {}) == {"zones_switched_off": 1}


@pytest.mark.parametrize("method,params,name", [
    ("zone.set_level", {"zone": 0, "level": True}, "level"),
    ("zone.set_level", {"zone": 0, "level": None}, "level"),
    ("zone.set_level", {"zone": 0, "level": "3"}, "level"),
    ("zone.set_level", {"zone": 0, "level": 2.5}, "level"),
    ("zone.set_level", {"zone": 0, "level": 10}, "level"),
    ("zone.set_level", {"zone": 0, "level": -1}, "level"),
    ("zone.set_level", {"zone": 0}, "level"),
    ("zone.set_level", {"zone": 2, "level": 3}, "zone"),
    ("zone.set_level", {"zone": -1, "level": 3}, "zone"),
    ("zone.set_level", {"zone": True, "level": 3}, "zone"),
    ("zone.set_level", {"zone": None, "level": 3}, "zone"),
    ("zone.set_level", {"level": 3}, "zone"),
    ("zone.set_boost", {"zone": 0, "on": 1}, "on"),
    ("zone.set_boost", {"zone": 0, "on": None}, "on"),
    ("zone.set_boost", {"zone": 1, "on": True}, "zone"),            # no boost on that zone
    ("zone.set_target", {"zone": 0, "temp_c": True}, "temp_c"),
    ("zone.set_target", {"zone": 0, "temp_c": "hot"}, "temp_c"),
    ("zone.set_target", {"zone": 0, "temp_c": 251}, "temp_c"),
    ("zone.set_target", {"zone": 0, "temp_c": 29.9}, "temp_c"),
    ("zone.set_target", {"zone": 0, "temp_c": float("nan")}, "temp_c"),
    ("zone.set_target", {"zone": 0}, "temp_c"),
    ("zone.set_timer", {"zone": 0, "seconds": 0}, "seconds"),
    ("zone.set_timer", {"zone": 0, "seconds": -5}, "seconds"),
    ("zone.set_timer", {"zone": 0, "seconds": False}, "seconds"),
    ("zone.set_timer", {"zone": 0, "seconds": float("inf")}, "seconds"),
    ("zone.off", {"zone": 7}, "zone"),
    ("stove.set_lock", {"locked": "yes"}, "locked"),
    ("stove.set_lock", {"locked": 0}, "locked"),
    ("telemetry.set_rate", {"hz": 0}, "hz"),
    ("telemetry.set_rate", {"hz": 21}, "hz"),
    ("telemetry.set_rate", {"hz": True}, "hz"),
    ("sim.set_speed", {"factor": 0.05}, "factor"),
    ("sim.set_speed", {"factor": 20000}, "factor"),
    ("sim.set_ambient", {"temp_c": None}, "temp_c"),
    ("sim.set_ambient", {"temp_c": 100}, "temp_c"),
    ("sim.inject_fault", {"zone": 0, "fault": "overheat"}, "fault"),
    ("sim.inject_fault", {"zone": 0, "fault": None}, "fault"),
    ("sim.set_pan", {"zone": 0}, "pan"),
    ("sim.set_pan", {"zone": 0, "pan": "steel"}, "pan"),
    ("sim.set_pan", {"zone": 0, "pan": {"material": "glass", "mass_kg": 1}}, "pan.material"),
    ("sim.set_pan", {"zone": 0, "pan": {"material": "steel", "mass_kg": True}}, "pan.mass_kg"),
    ("sim.set_pan", {"zone": 0, "pan": {"material": "steel", "mass_kg": 0}}, "pan.mass_kg"),
    ("sim.set_pan", {"zone": 0, "pan": {"material": "steel"}}, "pan.mass_kg"),
    ("sim.set_pan", {"zone": 0, "pan": {"material": "steel", "mass_kg": 1, "contents": []}}, "pan.contents"),
    ("sim.set_pan", {"zone": 0, "pan": {"material": "steel", "mass_kg": 1,
                                        "contents": {"kind": "soup", "mass_kg": 1}}}, "pan.contents.kind"),
    ("sim.set_pan", {"zone": 0, "pan": {"material": "steel", "mass_kg": 1,
                                        "contents": {"kind": "water"}}}, "pan.contents.mass_kg"),
    ("sim.set_pan", {"zone": 0, "pan": {"material": "steel", "mass_kg": 1,
                                        "contents": {"kind": "water", "mass_kg": -1}}}, "pan.contents.mass_kg"),
    ("sim.set_pan", {"zone": 0, "pan": {"material": "steel", "mass_kg": 1,
                                        "contents": {"kind": "oil", "mass_kg": 1, "temp_c": 900}}},
     "pan.contents.temp_c"),
])
def test_bad_params_get_32602_naming_the_parameter_and_change_nothing(method, params, name):
    b, service, speeds = make()
    service.call(CONTROLLER, "zone.set_level", {"zone": 0, "level": 4})
    before = b.stove.snapshot()
    e = error(service, CONTROLLER, method, params)
    assert e.code == INVALID_PARAMS
    assert e.message.startswith(name + ":"), e.message
    after = b.stove.snapshot()
    assert after.zones == before.zones and after.locked == before.locked and speeds == []


def test_params_must_be_an_object():
    _, service, _ = make()
    e = error(service, CONTROLLER, "zone.off", [0])
    assert e.code == INVALID_PARAMS and "params" in e.message


def test_remote_start_refused_when_the_stove_forbids_it_but_zones_on_may_change():
    b, service, _ = make(remote_start=False)
    remote = Session(role="controller", remote=True)
    for method, params in (("zone.set_level", {"zone": 0, "level": 3}), ("zone.set_boost", {"zone": 0, "on": True}),
                           ("zone.set_target", {"zone": 0, "temp_c": 60})):
        e = error(service, remote, method, params)
        assert e.code == REMOTE_START_FORBIDDEN, method
        assert b.zone().mode == "off"
    # bad params are still named first
    assert error(service, remote, "zone.set_level", {"zone": 0, "level": "x"}).code == INVALID_PARAMS
    # switching off, or commands that do not switch on, are fine
    assert service.call(remote, "zone.set_level", {"zone": 0, "level": 0})["mode"] == "off"
    assert service.call(remote, "zone.set_target", {"zone": 0, "temp_c": None})["mode"] == "off"
    assert service.call(remote, "zone.set_timer", {"zone": 0, "seconds": 30})["timer_s"] == 30
    # the person at the hob (the in-process dashboard) starts it; then the remote may change it
    local = Session(role="controller", remote=False)
    service.call(local, "zone.set_level", {"zone": 0, "level": 3})
    assert service.call(remote, "zone.set_level", {"zone": 0, "level": 8})["level"] == 8
    assert service.call(remote, "zone.set_boost", {"zone": 0, "on": True})["boost"] is True
    assert service.call(remote, "zone.set_target", {"zone": 0, "temp_c": 70})["mode"] == "target"


def test_remote_start_allowed_by_default():
    b, service, _ = make()
    assert service.call(Session(role="controller"), "zone.set_level", {"zone": 0, "level": 3})["level"] == 3


def test_lock_and_fault_codes_come_through_the_service():
    b, service, _ = make()
    service.call(CONTROLLER, "stove.set_lock", {"locked": True})
    assert error(service, CONTROLLER, "zone.set_level", {"zone": 0, "level": 3}).code == LOCKED
    service.call(CONTROLLER, "stove.set_lock", {"locked": False})
    z = service.call(CONTROLLER, "sim.inject_fault", {"zone": 0, "fault": "sensor_open"})
    assert z["fault"] == "sensor_open" and z["temp_c"] is None
    assert error(service, CONTROLLER, "zone.set_level", {"zone": 0, "level": 3}).code == ZONE_FAULTED
    assert service.call(CONTROLLER, "sim.clear_fault", {"zone": 0})["fault"] is None
    assert service.call(CONTROLLER, "zone.set_level", {"zone": 0, "level": 3})["level"] == 3


def test_results_have_the_contract_shapes():
    b, service, speeds = make()
    z = service.call(CONTROLLER, "zone.set_target", {"zone": 1, "temp_c": 70})
    assert ZoneState.from_dict(z).to_dict() == z and z["mode"] == "target" and z["target_c"] == 70
    assert service.call(CONTROLLER, "zone.set_level", {"zone": 0, "level": 3.0})["level"] == 3
    b.advance(12.5)
    assert service.call(OBSERVER, "ping", None) == {"t": 12.5}
    state = service.call(OBSERVER, "state.get", {})
    assert StoveState.from_dict(state).to_dict() == state and len(state["zones"]) == 2 and state["t"] == 12.5
    assert service.call(OBSERVER, "telemetry.set_rate", {"hz": 5}) == {"hz": 5}
    assert OBSERVER.telemetry_hz == 5
    assert service.call(CONTROLLER, "stove.set_lock", {"locked": True}) == {"locked": True}
    assert service.call(CONTROLLER, "stove.set_lock", {"locked": False}) == {"locked": False}
    assert service.call(CONTROLLER, "stove.all_off", {}) == {"zones_switched_off": 2}
    assert service.call(CONTROLLER, "stove.all_off", {}) == {"zones_switched_off": 0}
    assert service.call(CONTROLLER, "sim.set_speed", {"factor": 50}) == {"factor": 50}
    assert speeds == [50] and service.speed == 50
    assert service.call(CONTROLLER, "sim.set_ambient", {"temp_c": 30}) == {"temp_c": 30}
    assert b.stove.zones[0].physics.ambient_c == 30


def test_sim_set_pan_puts_a_pan_with_contents_on_the_zone():
    b, service, _ = make()
    z = service.call(CONTROLLER, "sim.set_pan", {"zone": 0, "pan": {
        "material": "cast_iron", "mass_kg": 3, "contents": {"kind": "oil", "mass_kg": 0.4, "temp_c": 60}}})
    assert z["pan"] is True and z["temp_c"] == 60
    physics = b.stove.zones[0].physics
    assert physics.pan.material == "cast_iron" and physics.pan.contents_kind == "oil"
    z = service.call(CONTROLLER, "sim.set_pan", {"zone": 0, "pan": {
        "material": "steel", "mass_kg": 1, "contents": {"kind": "water", "mass_kg": 1, "temp_c": 150}}})
    assert z["temp_c"] == 100                    # water cannot be poured in above its boiling point
    z = service.call(CONTROLLER, "sim.set_pan", {"zone": 0, "pan": {"material": "copper", "mass_kg": 1}})
    assert z["pan"] is False                     # copper is invisible to induction
    assert service.call(CONTROLLER, "sim.set_pan", {"zone": 1, "pan": None})["temp_c"] is None
