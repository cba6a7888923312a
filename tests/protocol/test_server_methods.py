"""KSP/1 §3 methods and §6 error codes through the sans-I/O server (range-6: zones 0-3 induction
with boost, 4 radiant without boost, 5 gas)."""

from __future__ import annotations

import pytest

ZONE_KEYS = {"id", "mode", "level", "boost", "target_c", "temp_c", "pan_temp_c", "power_w", "energy_wh",
             "pan", "residual_heat", "timer_s", "fault"}


@pytest.fixture
def ctl(server_sans):
    h = server_sans()
    c = h.connect()
    c.hello("controller")
    c.h = h
    return c


def ok(resp):
    assert "result" in resp, resp
    return resp["result"]


def err(resp, code):
    assert "error" in resp, resp
    assert resp["error"]["code"] == code, resp["error"]
    return resp["error"]["message"]


# -- reading ---------------------------------------------------------------------------------------
def test_ping_answers_stove_time(ctl):
    ctl.h.advance(0.5, stove_s=12.5)
    assert ok(ctl.call("ping")) == {"t": 12.5}


def test_state_get_has_the_shape_of_telemetry_and_its_seq(ctl):
    ctl.h.advance(0.35)
    state = ok(ctl.call("state.get"))
    last = ctl.notes("telemetry")[-1]
    assert set(state) == set(last) == {"seq", "t", "locked", "zones"}
    assert state["seq"] == last["seq"]
    assert [set(z) for z in state["zones"]] == [ZONE_KEYS] * 6


# -- zone commands -----------------------------------------------------------------------------------
def test_set_level_switches_on_and_level_zero_switches_off(ctl):
    z = ok(ctl.call("zone.set_level", {"zone": 1, "level": 6}))
    assert set(z) == ZONE_KEYS and (z["id"], z["mode"], z["level"]) == (1, "level", 6)
    ctl.h.advance(0.5, stove_s=30)
    assert ctl.notes("telemetry")[-1]["zones"][1]["power_w"] > 0
    z = ok(ctl.call("zone.set_level", {"zone": 1, "level": 0}))
    assert z["mode"] == "off" and z["level"] == 0


@pytest.mark.parametrize("params, names", [
    ({"zone": 0, "level": 10}, "level"),
    ({"zone": 0, "level": -1}, "level"),
    ({"zone": 0, "level": "3"}, "level"),
    ({"zone": 0, "level": True}, "level"),
    ({"zone": 0, "level": None}, "level"),
    ({"zone": 0, "level": 2.5}, "level"),
    ({"zone": 0}, "level"),
    ({"zone": 6, "level": 3}, "zone"),
    ({"zone": -1, "level": 3}, "zone"),
    ({"zone": "0", "level": 3}, "zone"),
    ({"zone": None, "level": 3}, "zone"),
    ({"level": 3}, "zone"),
])
def test_set_level_refuses_wrong_values_naming_the_parameter(ctl, params, names):
    assert names in err(ctl.call("zone.set_level", params), -32602)
    assert ctl.h.zones_on() == []


def test_boost_runs_at_boost_power_then_ends_by_itself_after_10_minutes(ctl):
    z = ok(ctl.call("zone.set_boost", {"zone": 0, "on": True}))
    assert z["boost"] is True and z["mode"] == "level"
    ctl.h.advance(0.5, stove_s=5)
    assert ctl.notes("telemetry")[-1]["zones"][0]["power_w"] == 3700.0
    ctl.call("ping")
    ctl.h.advance(1.0, stove_s=600)
    ev = ctl.notes("event", "boost_ended")
    assert ev and ev[0]["zone"] == 0
    z = ok(ctl.call("state.get"))["zones"][0]
    assert z["boost"] is False and z["level"] == 9 and z["mode"] == "level"


@pytest.mark.parametrize("raw", ["1e400", "-1e400", "9" * 5000, "1" + "0" * 400])
def test_huge_numbers_are_out_of_range_not_a_crash(ctl, raw):
    line = '{"jsonrpc":"2.0","id":"big","method":"zone.set_level","params":{"zone":0,"level":%s}}' % raw
    (resp,) = [m for m in ctl.line(line) if m.get("id") == "big"]
    assert "level" in err(resp, -32602)
    assert ctl.h.zones_on() == [] and ctl.closed is None


def test_boost_off_falls_back_to_level_9_and_a_zone_without_boost_refuses(ctl):
    ctl.call("zone.set_boost", {"zone": 0, "on": True})
    z = ok(ctl.call("zone.set_boost", {"zone": 0, "on": False}))
    assert (z["boost"], z["level"], z["mode"]) == (False, 9, "level")
    assert "zone" in err(ctl.call("zone.set_boost", {"zone": 4, "on": True}), -32602)
    assert "on" in err(ctl.call("zone.set_boost", {"zone": 0, "on": 1}), -32602)


def test_set_target_runs_closed_loop_and_null_switches_off(ctl):
    z = ok(ctl.call("zone.set_target", {"zone": 2, "temp_c": 80}))
    assert (z["mode"], z["target_c"]) == ("target", 80.0)
    assert ok(ctl.call("zone.set_target", {"zone": 2, "temp_c": None}))["mode"] == "off"


@pytest.mark.parametrize("temp", [29, 251, "80", True, 1e308])
def test_set_target_out_of_range_or_wrong_type_names_temp_c(ctl, temp):
    assert "temp_c" in err(ctl.call("zone.set_target", {"zone": 2, "temp_c": temp}), -32602)
    assert ctl.h.zones_on() == []


def test_zone_off(ctl):
    ctl.call("zone.set_level", {"zone": 5, "level": 3})
    assert ok(ctl.call("zone.off", {"zone": 5}))["mode"] == "off"
    assert "zone" in err(ctl.call("zone.off", {"zone": 9}), -32602)


def test_timer_counts_down_in_stove_time_and_switches_off(ctl):
    ctl.call("zone.set_level", {"zone": 3, "level": 4})
    assert ok(ctl.call("zone.set_timer", {"zone": 3, "seconds": 120}))["timer_s"] == 120
    ctl.h.advance(0.5, stove_s=60)
    assert ctl.notes("telemetry")[-1]["zones"][3]["timer_s"] == pytest.approx(60, abs=1)
    ctl.call("ping")
    ctl.h.advance(0.5, stove_s=61)
    assert ctl.notes("event", "timer_elapsed")[0]["zone"] == 3
    assert ctl.h.zones_on() == []


def test_timer_cancel_and_bad_values(ctl):
    ctl.call("zone.set_level", {"zone": 3, "level": 4})
    ctl.call("zone.set_timer", {"zone": 3, "seconds": 30})
    assert ok(ctl.call("zone.set_timer", {"zone": 3, "seconds": None}))["timer_s"] is None
    for bad in (0, -5, "10", False):
        assert "seconds" in err(ctl.call("zone.set_timer", {"zone": 3, "seconds": bad}), -32602)


def test_all_off_counts_the_zones_that_were_on_and_tells_everyone(ctl):
    obs = ctl.h.connect()
    obs.hello("observer")
    ctl.call("zone.set_level", {"zone": 0, "level": 3})
    ctl.call("zone.set_target", {"zone": 1, "temp_c": 60})
    assert ok(ctl.call("stove.all_off")) == {"zones_switched_off": 2}
    assert obs.notes("event", "all_off") and ctl.notes("event", "all_off")
    assert ctl.h.zones_on() == []


# -- child lock (-32005) ---------------------------------------------------------------------------------
def test_lock_refuses_raising_but_lowering_and_off_still_work(ctl):
    obs = ctl.h.connect()
    obs.hello("observer")
    ctl.call("zone.set_level", {"zone": 0, "level": 5})
    assert ok(ctl.call("stove.set_lock", {"locked": True})) == {"locked": True}
    assert obs.notes("event", "lock_changed")
    err(ctl.call("zone.set_level", {"zone": 0, "level": 6}), -32005)
    err(ctl.call("zone.set_level", {"zone": 1, "level": 1}), -32005)
    err(ctl.call("zone.set_boost", {"zone": 0, "on": True}), -32005)
    err(ctl.call("zone.set_target", {"zone": 2, "temp_c": 50}), -32005)
    assert ok(ctl.call("zone.set_level", {"zone": 0, "level": 2}))["level"] == 2
    assert ok(ctl.call("state.get"))["locked"] is True
    assert ok(ctl.call("zone.off", {"zone": 0}))["mode"] == "off"
    assert ok(ctl.call("stove.all_off")) == {"zones_switched_off": 0}
    assert ok(ctl.call("stove.set_lock", {"locked": False})) == {"locked": False}
    assert ok(ctl.call("zone.set_level", {"zone": 0, "level": 6}))["level"] == 6
    assert "locked" in err(ctl.call("stove.set_lock", {"locked": "yes"}), -32602)


# -- remote start (-32006) -------------------------------------------------------------------------------
def test_without_remote_start_a_zone_that_is_off_stays_off_but_one_on_may_change(server_sans):
    h = server_sans(remote_start=False)
    c = h.connect()
    c.hello("controller")
    err(c.call("zone.set_level", {"zone": 0, "level": 3}), -32006)
    err(c.call("zone.set_boost", {"zone": 0, "on": True}), -32006)
    err(c.call("zone.set_target", {"zone": 0, "temp_c": 90}), -32006)
    assert h.zones_on() == []
    h.stove.set_level(1, 2)                 # a person at the hob switches zone 1 on
    assert ok(c.call("zone.set_level", {"zone": 1, "level": 7}))["level"] == 7
    assert ok(c.call("zone.set_level", {"zone": 0, "level": 0}))["mode"] == "off"


# -- faults (-32007) -------------------------------------------------------------------------------------
def test_a_faulted_zone_is_off_and_refuses_to_start_until_cleared(ctl):
    ctl.call("zone.set_level", {"zone": 2, "level": 5})
    z = ok(ctl.call("sim.inject_fault", {"zone": 2, "fault": "sensor_open"}))
    assert z["fault"] == "sensor_open" and z["mode"] == "off" and z["temp_c"] is None
    assert ctl.notes("event", "fault")
    err(ctl.call("zone.set_level", {"zone": 2, "level": 1}), -32007)
    err(ctl.call("zone.set_target", {"zone": 2, "temp_c": 60}), -32007)
    assert ok(ctl.call("zone.off", {"zone": 2}))["mode"] == "off"   # off is never refused
    assert ok(ctl.call("sim.clear_fault", {"zone": 2}))["fault"] is None
    assert ctl.notes("event", "fault_cleared")
    assert ok(ctl.call("zone.set_level", {"zone": 2, "level": 1}))["mode"] == "level"
    assert "fault" in err(ctl.call("sim.inject_fault", {"zone": 2, "fault": "gremlins"}), -32602)


# -- simulation controls -----------------------------------------------------------------------------------
def test_sim_set_pan_takes_the_pan_away_and_back(ctl):
    z = ok(ctl.call("sim.set_pan", {"zone": 0, "pan": None}))
    assert z["pan"] is False and z["pan_temp_c"] is None
    assert ctl.notes("event", "pan_removed")
    z = ok(ctl.call("sim.set_pan", {"zone": 0, "pan": {"material": "cast_iron", "mass_kg": 3,
                                                       "contents": {"kind": "water", "mass_kg": 1, "temp_c": 15}}}))
    assert z["pan"] is True and z["temp_c"] == pytest.approx(15, abs=0.5)
    assert "material" in err(ctl.call("sim.set_pan", {"zone": 0, "pan": {"material": "glass", "mass_kg": 1}}), -32602)
    assert "pan" in err(ctl.call("sim.set_pan", {"zone": 0, "pan": 3}), -32602)


def test_sim_set_speed_changes_the_clock_speed(ctl):
    assert ok(ctl.call("sim.set_speed", {"factor": 20})) == {"factor": 20.0}
    assert ctl.h.speeds == [20.0]
    for bad in (0.05, 10001, "fast", None):
        assert "factor" in err(ctl.call("sim.set_speed", {"factor": bad}), -32602)
    assert ctl.h.speeds == [20.0]


def test_sim_set_ambient(ctl):
    assert ok(ctl.call("sim.set_ambient", {"temp_c": 30})) == {"temp_c": 30.0}
    err(ctl.call("sim.set_ambient", {"temp_c": 500}), -32602)


# -- other errors ----------------------------------------------------------------------------------------
def test_unknown_method_is_method_not_found_and_keeps_the_connection(ctl):
    assert "zone.explode" in err(ctl.call("zone.explode", {"zone": 0}), -32601)
    assert ctl.closed is None
    assert "result" in ctl.call("ping")


def test_an_internal_error_is_answered_and_the_server_stays_up(ctl, monkeypatch):
    def boom(*a, **k):
        raise RuntimeError("bug")
    monkeypatch.setitem(ctl.h.server.backend._methods, "ping", boom)
    assert err(ctl.call("ping"), -32603)
    assert ctl.closed is None
    assert "result" in ctl.call("state.get")
    assert any("internal error" in line for line in ctl.h.logs)


def test_many_refused_requests_never_close_the_connection(ctl):
    for i in range(40):
        ctl.call("zone.set_level", {"zone": 99, "level": 1})
        ctl.call("nope")
    assert ctl.closed is None
