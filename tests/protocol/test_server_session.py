"""KSP/1 §2 session rules on the sans-I/O server, with injected wall time (nothing sleeps)."""

from __future__ import annotations

import pytest

ZONE_FIELDS = {"id", "name", "kind", "diameter_mm", "max_power_w", "boost_power_w", "levels",
               "min_target_c", "max_target_c"}
HELLO_FIELDS = {"protocol", "role", "session", "stove", "zones", "limits", "telemetry_hz",
                "heartbeat_timeout_s", "link_loss_policy", "remote_start"}


def test_hello_result_has_every_field_of_the_contract(server_sans):
    h = server_sans()
    r = h.connect().hello("controller")["result"]
    assert set(r) == HELLO_FIELDS
    assert r["protocol"] == "ksp/1" and r["role"] == "controller" and len(r["session"]) >= 8
    assert set(r["stove"]) == {"id", "model", "firmware", "sim"} and r["stove"]["sim"] is True
    assert [z["id"] for z in r["zones"]] == list(range(6))
    for z in r["zones"]:
        assert set(z) == ZONE_FIELDS
        assert z["kind"] in ("induction", "radiant", "gas")
    assert r["zones"][4]["kind"] == "radiant" and r["zones"][4]["boost_power_w"] is None
    assert r["zones"][0]["boost_power_w"] > r["zones"][0]["max_power_w"]
    assert set(r["limits"]) == {"max_pan_temp_c", "residual_heat_c"}
    assert r["telemetry_hz"] == 10 and r["heartbeat_timeout_s"] == 3.0
    assert r["link_loss_policy"] == "off" and r["remote_start"] is True


def test_hello_announces_the_configured_policy_and_remote_start(server_sans):
    h = server_sans(link_loss_policy="hold", remote_start=False, heartbeat_timeout_s=1.5, telemetry_hz=5)
    r = h.connect().hello("observer")["result"]
    assert (r["link_loss_policy"], r["remote_start"], r["heartbeat_timeout_s"], r["telemetry_hz"]) == \
        ("hold", False, 1.5, 5)


def test_each_session_gets_its_own_id(server_sans):
    h = server_sans()
    a = h.connect().hello("controller")["result"]["session"]
    b = h.connect().hello("observer")["result"]["session"]
    assert a != b


def test_telemetry_starts_right_after_hello_and_not_before(server_sans):
    h = server_sans()
    c = h.connect()
    h.advance(1.0)
    assert c.notes("telemetry") == []
    c.hello("observer")
    first = c.notes("telemetry")
    assert len(first) == 1 and first[0]["seq"] == 1


def test_controller_changed_is_announced_to_every_authenticated_connection(server_sans):
    h = server_sans()
    obs, anon, ctl = h.connect(), h.connect(), h.connect()
    obs.hello("observer")
    ctl.hello("controller")
    assert obs.notes("event", "controller_changed")
    assert ctl.notes("event", "controller_changed")
    assert anon.inbox == []            # not authenticated: hears nothing


# -- authentication -----------------------------------------------------------------------------
def test_wrong_token_is_refused_and_the_connection_closed(server_sans):
    h = server_sans(token="s3cret")
    c = h.connect()
    r = c.hello("controller", token="guess")
    assert r["error"]["code"] == -32001
    assert c.closed == "wrong token"
    assert h.server.controller is None
    ok = h.connect()
    assert ok.hello("controller", token="s3cret")["result"]["role"] == "controller"


def test_a_stove_without_token_expects_the_empty_token(server_sans):
    h = server_sans()
    c = h.connect()
    assert c.hello("observer", token="something")["error"]["code"] == -32001
    assert c.closed


def test_unsupported_protocol_names_the_supported_ones_and_keeps_the_connection(server_sans):
    h = server_sans()
    c = h.connect()
    r = c.hello("controller", protocol="ksp/2")
    assert r["error"]["code"] == -32002
    assert r["error"]["data"] == {"supported": ["ksp/1"]}
    assert c.closed is None
    assert c.hello("controller")["result"]["protocol"] == "ksp/1"


@pytest.mark.parametrize("params, names", [
    ({"client": "x", "token": "", "role": "controller"}, "protocol"),
    ({"protocol": "ksp/1", "client": "x", "role": "controller"}, "token"),
    ({"protocol": "ksp/1", "client": "x", "token": ""}, "role"),
    ({"protocol": "ksp/1", "client": "x", "token": "", "role": "admin"}, "role"),
    ({"protocol": "ksp/1", "client": "x", "token": 0, "role": "observer"}, "token"),
    ({"protocol": "ksp/1", "client": 5, "token": "", "role": "observer"}, "client"),
])
def test_malformed_hello_params_are_named(server_sans, params, names):
    h = server_sans()
    c = h.connect()
    r = c.call("hello", params)
    assert r["error"]["code"] == -32602
    assert names in r["error"]["message"]
    assert c.closed is None


@pytest.mark.parametrize("method", ["ping", "state.get", "zone.off", "stove.all_off", "no.such.method"])
def test_any_other_method_before_hello_is_refused_and_closes(server_sans, method):
    h = server_sans()
    c = h.connect()
    r = c.call(method, {"zone": 0} if method == "zone.off" else None)
    assert r["error"]["code"] == -32001
    assert c.closed


def test_no_hello_within_5_s_closes_the_connection(server_sans):
    h = server_sans()
    c = h.connect()
    h.advance(4.9)
    assert c.closed is None
    h.advance(0.15)
    assert c.closed and "hello" in c.closed


def test_invalid_lines_do_not_count_as_hello(server_sans):
    h = server_sans()
    c = h.connect()
    c.line("garbage")
    h.advance(5.05)
    assert c.closed


def test_a_hello_in_time_meets_the_deadline_even_when_refused(server_sans):
    h = server_sans()
    h.connect().hello("controller")
    waiting = h.connect()
    assert waiting.hello("controller")["error"]["code"] == -32003
    for _ in range(4):
        h.advance(2.0)
        h.clients[1].call("ping")   # the controller stays alive
    assert waiting.closed is None   # 8 s later it may still say hello again


# -- the controller slot -----------------------------------------------------------------------
def test_second_controller_is_refused_with_a_retry_hint_and_may_observe(server_sans):
    h = server_sans()
    first, second = h.connect(), h.connect()
    first.hello("controller")
    h.advance(1.0)
    r = second.hello("controller")
    assert r["error"]["code"] == -32003
    retry = r["error"]["data"]["retry_after_s"]
    assert isinstance(retry, float) and 0 < retry <= 3.0
    assert second.closed is None
    assert second.hello("observer")["result"]["role"] == "observer"
    first.call("ping")
    assert first.call("zone.set_level", {"zone": 0, "level": 2})["result"]["level"] == 2


def test_the_slot_is_free_again_when_the_controller_leaves(server_sans):
    h = server_sans()
    first, second = h.connect(), h.connect()
    first.hello("controller")
    second.hello("observer")
    first.conn.connection_lost(h.now)
    h.deliver(None, [])
    assert second.hello("controller")["result"]["role"] == "controller"


def test_a_controller_that_says_hello_as_observer_hands_the_slot_over(server_sans):
    h = server_sans()
    first, second = h.connect(), h.connect()
    first.hello("controller")
    assert first.hello("observer")["result"]["role"] == "observer"
    assert first.call("zone.set_level", {"zone": 0, "level": 2})["error"]["code"] == -32004
    assert second.hello("controller")["result"]["role"] == "controller"
    assert first.notes("event", "controller_changed")


def test_a_repeated_hello_keeps_the_session_and_the_telemetry_count(server_sans):
    h = server_sans()
    c = h.connect()
    sid = c.hello("controller")["result"]["session"]
    h.advance(0.5)
    seq_before = c.notes("telemetry")[-1]["seq"]
    assert c.hello("controller")["result"]["session"] == sid
    h.advance(0.2)
    assert c.notes("telemetry")[-1]["seq"] > seq_before
    assert h.server.controller is c.conn


# -- observers -----------------------------------------------------------------------------------
@pytest.mark.parametrize("method, params", [
    ("zone.set_level", {"zone": 0, "level": 1}),
    ("zone.set_boost", {"zone": 0, "on": True}),
    ("zone.set_target", {"zone": 0, "temp_c": 90}),
    ("zone.set_timer", {"zone": 0, "seconds": 60}),
    ("stove.set_lock", {"locked": True}),
    ("sim.set_speed", {"factor": 2}),
    ("sim.set_pan", {"zone": 0, "pan": None}),
])
def test_observers_are_read_only(server_sans, method, params):
    h = server_sans()
    c = h.connect()
    c.hello("observer")
    r = c.call(method, params)
    assert r["error"]["code"] == -32004
    assert h.zones_on() == []


@pytest.mark.parametrize("method, params", [
    ("ping", None), ("state.get", None), ("telemetry.set_rate", {"hz": 2}),
    ("zone.off", {"zone": 1}), ("stove.all_off", None),
])
def test_observers_may_read_and_switch_off(server_sans, method, params):
    h = server_sans()
    c = h.connect()
    c.hello("observer")
    assert "result" in c.call(method, params)


def test_an_observer_switches_off_what_the_controller_switched_on(server_sans):
    h = server_sans()
    ctl, obs = h.connect(), h.connect()
    ctl.hello("controller")
    obs.hello("observer")
    ctl.call("zone.set_level", {"zone": 2, "level": 7})
    ctl.call("zone.set_level", {"zone": 3, "level": 4})
    ctl.call("stove.set_lock", {"locked": True})
    assert obs.call("zone.off", {"zone": 2})["result"]["mode"] == "off"
    assert obs.call("stove.all_off")["result"] == {"zones_switched_off": 1}
    assert h.zones_on() == []
