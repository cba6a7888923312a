"""Commands from MQTT, one message at a time: what reaches the stove, what is refused and why."""

from __future__ import annotations

import json

import pytest

from kitchen_ui.connect import open_simulated
from kitchen_ui.core.errors import INVALID_PARAMS, INVALID_REQUEST, METHOD_NOT_FOUND, PARSE_ERROR, READ_ONLY
from kitchen_ui.core.model import StoveInfo
from kitchen_ui.mqtt.commands import (MAX_PAYLOAD, NOT_CONNECTED, CommandError, error_payload, parse_command,
                                      reply_payload)
from kitchen_ui.mqtt.topics import Topics

T = Topics("hearth")


@pytest.fixture(scope="module")
def info() -> StoveInfo:
    return StoveInfo.from_hello(open_simulated(zones=4).service.hello_fields())


def req(**fields) -> bytes:
    return json.dumps({"id": 7, "reply_to": "hearth/reply/screen-1", **fields}).encode()


def refused(leaf, payload, info, control=False) -> CommandError:
    with pytest.raises(CommandError) as caught:
        parse_command(T, leaf, payload, info, control=control)
    return caught.value


# -- level and all off ------------------------------------------------------------------------
def test_level_zero_switches_off_on_an_observer_bridge(info):
    cmd = parse_command(T, "zone/2/level/set", b"0", info, control=False)
    assert (cmd.method, cmd.params) == ("zone.set_level", {"zone": 1, "level": 0})


def test_level_five_is_refused_without_control_and_says_why(info):
    err = refused("zone/1/level/set", b"5", info)
    assert err.code == READ_ONLY and "--control" in err.message


def test_level_five_acts_with_control_and_accepts_home_assistants_float(info):
    assert parse_command(T, "zone/1/level/set", b"5", info, control=True).params == {"zone": 0, "level": 5}
    assert parse_command(T, "zone/1/level/set", b"5.0", info, control=True).params == {"zone": 0, "level": 5}


def test_all_off_acts_whatever_the_payload(info):
    for payload in (b"PRESS", b"", b"\xff\xfe", None):
        assert parse_command(T, "all_off/set", payload, info, control=False).method == "stove.all_off"


@pytest.mark.parametrize("payload, words", [
    (b"nan", "whole number"), (b"-1", "whole number"), (b"5.5", "whole number"), (b"five", "whole number"),
    (b"1e3", "whole number"), (b"\xff", "UTF-8"), (b"10", "out of range"), (b"", "whole number"),
])
def test_bad_levels_are_named(info, payload, words):
    err = refused("zone/1/level/set", payload, info, control=True)
    assert words in err.message


@pytest.mark.parametrize("key", ["0", "5", "65", "x", "01x", "+"])
def test_a_zone_the_stove_has_not_is_named(info, key):
    err = refused(f"zone/{key}/level/set", b"0", info)
    assert err.code == INVALID_PARAMS and "zone" in err.message


def test_a_stove_not_connected_cannot_check_a_command():
    assert refused("all_off/set", b"", None).code == NOT_CONNECTED


def test_other_topics_are_not_commands(info):
    assert refused("zone/1/level", b"0", info).code == INVALID_REQUEST
    assert refused("telemetry", b"{}", info).code == INVALID_REQUEST


# -- requests ---------------------------------------------------------------------------------
def test_a_read_is_answered_on_an_observer_bridge(info):
    cmd = parse_command(T, "request", req(method="state.get"), info, control=False)
    assert (cmd.method, cmd.id, cmd.reply_to) == ("state.get", 7, "hearth/reply/screen-1")


def test_observer_requests_switch_off_only(info):
    assert parse_command(T, "request", req(method="zone.off", params={"zone": 0}), info, control=False)
    assert parse_command(T, "request", req(method="zone.set_target", params={"zone": 0, "temp_c": None}),
                         info, control=False)
    err = refused("request", req(method="zone.set_boost", params={"zone": 0, "on": True}), info)
    assert err.code == READ_ONLY and (err.id, err.reply_to) == (7, "hearth/reply/screen-1")
    err = refused("request", req(method="sim.set_pan", params={"zone": 0, "pan": None}), info)
    assert err.code == READ_ONLY


def test_controller_requests_are_checked_against_the_stove(info):
    cmd = parse_command(T, "request", req(method="zone.set_target", params={"zone": 1, "temp_c": 90}), info,
                        control=True)
    assert cmd.params == {"zone": 1, "temp_c": 90.0}
    err = refused("request", req(method="zone.set_target", params={"zone": 1, "temp_c": 900}), info, control=True)
    assert err.code == INVALID_PARAMS and "temp_c" in err.message


def test_the_bridges_own_session_is_not_for_mqtt(info):
    for method in ("hello", "telemetry.set_rate"):
        assert refused("request", req(method=method, params={"hz": 1}), info, control=True).code == METHOD_NOT_FOUND


@pytest.mark.parametrize("reply_to", ["hearth/reply/#", "hearth/reply/+", "hearth/reply/", "other/reply/x",
                                      "hearth/replyx", "hearth/reply//x", 5, None, "hearth/reply/" + "x" * 300])
def test_reply_to_stays_under_the_reply_prefix(info, reply_to):
    payload = json.dumps({"id": 1, "method": "ping", "reply_to": reply_to}).encode()
    err = refused("request", payload, info)
    assert err.code == INVALID_REQUEST and "reply_to" in err.message and err.reply_to is None


@pytest.mark.parametrize("payload, code", [
    (b"{", PARSE_ERROR), (b"\xc3\x28", PARSE_ERROR), (b"[1, 2]", INVALID_REQUEST), (b'"ping"', INVALID_REQUEST),
    (b'{"id": 1, "method": "ping", "reply_to": "hearth/reply/a", "params": {"x": NaN}}', PARSE_ERROR),
    (b'{"id": 1, "method": "ping", "reply_to": "hearth/reply/a", "params": Infinity}', PARSE_ERROR),
    (b"[" * 30000 + b"]" * 30000, PARSE_ERROR),
    (json.dumps({"id": 1, "method": "ping", "reply_to": "hearth/reply/a",
                 "params": {"a": [[[[[[[[[[1]]]]]]]]]]}}).encode(), INVALID_REQUEST),
    (req(method=5), INVALID_REQUEST), (req(method="zone.off", params=[0]), INVALID_PARAMS),
    (req(method="no.such"), METHOD_NOT_FOUND), (req(method="zone.off", params={"zone": "1"}), INVALID_PARAMS),
    (req(method="zone.off", params={"zone": 9}), INVALID_PARAMS),
    (json.dumps({"id": {"x": 1}, "method": "ping", "reply_to": "hearth/reply/a"}).encode(), INVALID_REQUEST),
    (json.dumps({"id": True, "method": "ping", "reply_to": "hearth/reply/a"}).encode(), INVALID_REQUEST),
])
def test_malformed_requests_are_refused_with_a_code(info, payload, code):
    assert refused("request", payload, info, control=True).code == code


def test_a_huge_payload_is_refused_before_it_is_read(info):
    err = refused("request", b" " * (MAX_PAYLOAD + 1), info)
    assert err.code == INVALID_REQUEST and "limit" in err.message


def test_error_and_reply_payloads_say_what_went_wrong(info):
    err = refused("zone/1/level/set", b"5", info)
    assert json.loads(error_payload("hearth/wok/zone/1/level/set", err)) == {
        "topic": "hearth/wok/zone/1/level/set", "error": err.message, "code": READ_ONLY}
    assert json.loads(reply_payload(7, error=err)) == {"id": 7, "error": {"code": READ_ONLY, "message": err.message}}
    assert json.loads(reply_payload("a", {"ok": True})) == {"id": "a", "result": {"ok": True}}
