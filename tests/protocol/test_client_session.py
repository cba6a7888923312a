"""The sans-I/O KSP/1 client session: fed lines and times by hand, no sockets, no sleeping."""

from __future__ import annotations

import json

import pytest

from kitchen_ui.core.errors import LinkError
from kitchen_ui.protocol.client import (
    Answered, Backoff, ClientSession, ConnectionBroken, ControllerTaken, EventReceived, HelloAccepted,
    HelloRefused, Resynced, TelemetryReceived, TimedOut,
)

HB = 3.0


def hello_result(role: str = "controller", zones: int = 3, **over) -> dict:
    r = {"protocol": "ksp/1", "role": role, "session": "abc",
         "stove": {"id": "fw-7", "model": "Test hob", "firmware": "1.2", "sim": False},
         "zones": [{"id": i, "name": f"z{i}", "kind": "gas", "diameter_mm": 200, "max_power_w": 3000,
                    "boost_power_w": None, "levels": 9, "min_target_c": 30, "max_target_c": 250}
                   for i in range(zones)],
         "limits": {"max_pan_temp_c": 300, "residual_heat_c": 60},
         "telemetry_hz": 10, "heartbeat_timeout_s": HB, "link_loss_policy": "hold", "remote_start": False}
    r.update(over)
    return r


def zone(i: int, **over) -> dict:
    z = {"id": i, "mode": "off", "level": 0, "boost": False, "target_c": None, "temp_c": 20.5,
         "pan_temp_c": None, "power_w": 0, "energy_wh": 1.5, "pan": False, "residual_heat": False,
         "timer_s": None, "fault": None}
    z.update(over)
    return z


def snapshot(zones: int = 3, seq: int = 1, **over) -> dict:
    s = {"seq": seq, "t": 12.5, "locked": False, "zones": [zone(i) for i in range(zones)]}
    s.update(over)
    return s


def line(msg: dict) -> bytes:
    return json.dumps(msg).encode() + b"\n"


def answer(id_, result=None, error=None) -> bytes:
    msg = {"jsonrpc": "2.0", "id": id_}
    msg.update({"error": error} if error is not None else {"result": result})
    return line(msg)


def note(method: str, params: dict) -> bytes:
    return line({"jsonrpc": "2.0", "method": method, "params": params})


def sent(session: ClientSession) -> list[dict]:
    return [json.loads(x) for x in session.data_to_send().splitlines()]


def online(role: str = "controller", zones: int = 3, **kw) -> ClientSession:
    """A session that said hello, was accepted and has resynchronised, at time 0."""
    s = ClientSession("tok", role=role, **kw)
    s.connection_made(0.0)
    hello = sent(s)[0]
    s.receive_data(answer(hello["id"], hello_result(role, zones)), 0.0)
    resync = sent(s)[0]
    s.receive_data(answer(resync["id"], snapshot(zones)), 0.0)
    return s


def test_first_request_is_hello_with_token_role_and_protocol():
    s = ClientSession("s3cret")
    s.connection_made(0.0)
    [hello] = sent(s)
    assert hello["method"] == "hello" and hello["jsonrpc"] == "2.0" and isinstance(hello["id"], int)
    assert hello["params"]["protocol"] == "ksp/1"
    assert hello["params"]["token"] == "s3cret" and hello["params"]["role"] == "controller"
    assert hello["params"]["client"].startswith("kitchen-ui/")
    assert not s.ready
    with pytest.raises(LinkError):
        s.send_request("ping", None, "tag", 0.0)


def test_accepted_hello_gives_info_then_a_state_get_resync():
    s = ClientSession()
    s.connection_made(0.0)
    hello = sent(s)[0]
    [ev] = s.receive_data(answer(hello["id"], hello_result(zones=4)), 0.1)
    assert isinstance(ev, HelloAccepted) and ev.role == "controller" and not ev.promoted
    assert [z.name for z in ev.info.zones] == ["z0", "z1", "z2", "z3"]
    assert ev.info.link_loss_policy == "hold" and ev.info.remote_start is False
    assert s.ready and s.role == "controller"
    [resync] = sent(s)
    assert resync["method"] == "state.get" and "params" not in resync
    [ev] = s.receive_data(answer(resync["id"], snapshot(4)), 0.2)
    assert isinstance(ev, Resynced) and len(ev.state.zones) == 4 and ev.state.zones[0].energy_wh == 1.5


def test_answers_reach_their_callers_even_out_of_order():
    s = online()
    a = s.send_request("zone.set_level", {"zone": 0, "level": 3}, "A", 1.0)
    b = s.send_request("zone.set_level", {"zone": 1, "level": 5}, "B", 1.0)
    assert b > a
    out = sent(s)
    assert [m["params"] for m in out] == [{"zone": 0, "level": 3}, {"zone": 1, "level": 5}]
    events = s.receive_data(answer(b, zone(1, mode="level", level=5)) + answer(a, error={"code": -32005, "message": "locked"}), 1.1)
    assert [(e.tag, e.result and e.result["level"], e.error and e.error.code) for e in events] == \
        [("B", 5, None), ("A", None, -32005)]
    assert all(isinstance(e, Answered) for e in events)


def test_a_reply_split_across_reads_is_reassembled():
    s = online()
    i = s.send_request("ping", None, "P", 1.0)
    data = answer(i, {"t": 3.0})
    assert s.receive_data(data[:7], 1.0) == []
    [ev] = s.receive_data(data[7:], 1.0)
    assert ev.tag == "P" and ev.result == {"t": 3.0}


def test_controller_slot_taken_falls_back_to_observer_then_asks_again():
    s = ClientSession(min_controller_retry_s=0.1)
    s.connection_made(0.0)
    hello = sent(s)[0]
    [ev] = s.receive_data(answer(hello["id"], error={"code": -32003, "message": "taken",
                                                      "data": {"retry_after_s": 2.5}}), 0.0)
    assert ev == ControllerTaken(2.5)
    [again] = sent(s)
    assert again["method"] == "hello" and again["params"]["role"] == "observer"
    [ev] = s.receive_data(answer(again["id"], hello_result("observer")), 0.0)
    assert ev.role == "observer" and s.role == "observer"
    s.receive_data(answer(sent(s)[0]["id"], snapshot()), 0.0)
    s.tick(2.4)
    assert all(m["method"] != "hello" for m in sent(s))        # not before retry_after_s
    s.tick(2.5)
    [retry] = [m for m in sent(s) if m["method"] == "hello"]
    assert retry["params"]["role"] == "controller"
    # still taken: stays an observer on the same connection and tries again later
    [ev] = s.receive_data(answer(retry["id"], error={"code": -32003, "message": "taken",
                                                      "data": {"retry_after_s": 1.0}}), 2.6)
    assert ev == ControllerTaken(1.0) and s.ready and s.role == "observer"
    assert sent(s) == []
    s.tick(3.6)
    [retry] = [m for m in sent(s) if m["method"] == "hello"]
    [ev] = s.receive_data(answer(retry["id"], hello_result("controller")), 3.7)
    assert ev.promoted and s.role == "controller"
    s.tick(10.0)
    assert all(m["method"] != "hello" for m in sent(s))        # a controller stops asking


def test_controller_changed_event_makes_an_observer_ask_at_once():
    s = ClientSession()
    s.connection_made(0.0)
    s.receive_data(answer(sent(s)[0]["id"], error={"code": -32003, "message": "taken",
                                                   "data": {"retry_after_s": 60}}), 0.0)
    s.receive_data(answer(sent(s)[0]["id"], hello_result("observer")), 0.0)
    sent(s)
    s.receive_data(note("event", {"t": 5, "kind": "controller_changed", "zone": None, "message": "no controller"}), 1.0)
    s.tick(1.0)
    assert [m["params"]["role"] for m in sent(s) if m["method"] == "hello"] == ["controller"]


def test_an_observer_by_choice_never_asks_for_control():
    s = online("observer")
    s.receive_data(note("event", {"t": 5, "kind": "controller_changed", "zone": None, "message": ""}), 1.0)
    s.tick(100.0)
    assert all(m["method"] != "hello" for m in sent(s))


@pytest.mark.parametrize("code,data", [(-32001, None), (-32002, {"supported": ["ksp/2"]})])
def test_refused_hello_ends_the_session(code, data):
    s = ClientSession("wrong")
    s.connection_made(0.0)
    err = {"code": code, "message": "no"}
    if data:
        err["data"] = data
    [ev] = s.receive_data(answer(sent(s)[0]["id"], error=err), 0.0)
    assert isinstance(ev, HelloRefused) and ev.error.code == code and ev.error.data == data
    assert not s.ready
    assert s.receive_data(note("telemetry", snapshot()), 0.1) == []


def test_heartbeat_ping_at_most_every_third_of_the_timeout():
    s = online()
    assert s.ping_interval <= HB / 3
    assert s.tick(s.ping_interval - 0.01) == [] and sent(s) == []
    s.tick(s.ping_interval)
    [ping] = sent(s)
    assert ping["method"] == "ping"
    assert s.next_deadline() <= s.ping_interval * 2
    s.receive_data(answer(ping["id"], {"t": 1.0}), s.ping_interval + 0.01)
    # any request counts as a heartbeat: a command just sent postpones the next ping
    t = s.ping_interval * 1.5
    s.send_request("zone.off", {"zone": 0}, "X", t)
    sent(s)
    s.tick(t + s.ping_interval - 0.01)
    assert sent(s) == []


def test_a_long_heartbeat_timeout_still_pings_and_watches_often():
    s = ClientSession()
    s.connection_made(0.0)
    s.receive_data(answer(sent(s)[0]["id"], hello_result(heartbeat_timeout_s=600)), 0.0)
    s.receive_data(answer(sent(s)[0]["id"], snapshot()), 0.0)
    s.tick(2.0)
    assert [m["method"] for m in sent(s)] == ["ping"]          # not 150 s later
    broken = [e for t in range(3, 11) for e in s.tick(float(t)) if isinstance(e, ConnectionBroken)]
    assert len(broken) == 1                                     # a dead stove: noticed in seconds, not minutes


def test_unanswered_request_times_out_and_a_late_answer_is_ignored():
    s = online(request_timeout_s=2.0)
    i = s.send_request("zone.set_level", {"zone": 0, "level": 1}, "late", 1.0)
    s.receive_data(note("telemetry", snapshot()), 2.9)       # the stove is alive, just not answering
    assert s.tick(2.9) == []
    [ev] = s.tick(3.0)
    assert ev == TimedOut("late", "zone.set_level", 2.0)
    assert s.receive_data(answer(i, zone(0)), 3.1) == []
    assert s.ready


def test_a_silent_stove_breaks_the_connection():
    s = online(silence_timeout_s=4.0)
    s.receive_data(note("telemetry", snapshot()), 1.0)
    events = [e for t in (2.0, 4.9, 5.0) for e in s.tick(t) if isinstance(e, ConnectionBroken)]
    assert len(events) == 1 and "nothing heard" in events[0].reason


def test_unanswered_ping_breaks_the_connection():
    s = online(request_timeout_s=1.0, silence_timeout_s=100.0)
    s.tick(s.ping_interval)
    assert sent(s)[0]["method"] == "ping"
    [ev] = [e for e in s.tick(s.ping_interval + 1.0)]
    assert isinstance(ev, ConnectionBroken) and "ping" in ev.reason


def test_telemetry_and_events_become_model_objects():
    s = online(zones=2)
    z1 = zone(1, mode="target", level=6, target_c=180.0, temp_c=178.9, pan_temp_c=183.0, power_w=1530.0,
              pan=True, timer_s=30, fault=None)
    [ev] = s.receive_data(note("telemetry", {"seq": 812, "t": 81.2, "locked": True, "zones": [zone(0), z1]}), 1.0)
    assert isinstance(ev, TelemetryReceived)
    assert ev.state.seq == 812 and ev.state.locked and ev.state.zones[1].target_c == 180.0
    assert ev.state.zones[1].timer_s == 30.0
    [ev] = s.receive_data(note("event", {"t": 95.0, "kind": "boil_dry", "zone": 1, "message": "dry"}), 1.0)
    assert isinstance(ev, EventReceived) and (ev.event.kind, ev.event.zone, ev.event.message) == ("boil_dry", 1, "dry")
    assert s.receive_data(note("stove.news", {"x": 1}), 1.0) == []     # unknown notifications are ignored


@pytest.mark.parametrize("data,why", [
    (b"{not json\n", "not JSON"),
    (b"[1, 2]\n", "not an object"),
    (note("telemetry", snapshot(zones=2)), "2 zones"),
    (note("telemetry", {**snapshot(), "zones": "many"}), "telemetry.zones"),
    (note("telemetry", {**snapshot(), "zones": [zone(0), zone(1, temp_c="hot"), zone(2)]}), "zones[1].temp_c"),
    (note("telemetry", {**snapshot(), "zones": [zone(0), zone(1, fault="melted"), zone(2)]}), "fault"),
    (note("telemetry", {k: v for k, v in snapshot().items() if k != "seq"}), "seq"),
    (note("telemetry", {**snapshot(), "t": 7}).replace(b'"t": 7', b'"t": 1e999'), "telemetry.t"),
    (note("event", {"t": 1, "kind": "fault", "zone": 7, "message": ""}), "zone 7"),
    (note("event", {"t": 1, "kind": "fault", "message": ""}), "event.zone is missing"),
    (line({"jsonrpc": "2.0", "id": 99, "error": "bad"}), "malformed error"),
    (b"x" * 70_000, "65,536"),
])
def test_malformed_input_breaks_the_connection_with_a_reason(data, why):
    s = online()
    events = s.receive_data(data, 1.0)
    assert isinstance(events[-1], ConnectionBroken) and why in events[-1].reason
    assert s.receive_data(note("telemetry", snapshot()), 1.1) == []      # nothing more is believed


@pytest.mark.parametrize("change,why", [
    (lambda r: r.pop("heartbeat_timeout_s"), "heartbeat_timeout_s is missing"),
    (lambda r: r["zones"][1].update(id=5), "zones[1].id"),
    (lambda r: r["zones"][0].update(kind="plasma"), "zones[0].kind"),
    (lambda r: r.update(protocol="ksp/2"), "protocol"),
    (lambda r: r["stove"].pop("sim"), "stove.sim"),
])
def test_a_malformed_hello_result_is_refused_by_name(change, why):
    s = ClientSession()
    s.connection_made(0.0)
    r = hello_result()
    change(r)
    [ev] = s.receive_data(answer(sent(s)[0]["id"], r), 0.0)
    assert isinstance(ev, ConnectionBroken) and why in ev.reason


def test_connection_lost_hands_back_only_callers_requests():
    s = online()
    s.send_request("zone.off", {"zone": 0}, "mine", 1.0)
    s.tick(s.ping_interval + 1.0)            # an internal ping is pending too
    assert s.connection_lost() == ["mine"]
    assert not s.ready and s.next_deadline() is None
    with pytest.raises(LinkError):
        s.send_request("ping", None, "x", 2.0)
    s.connection_made(5.0)                   # a new connection starts with hello again
    [hello] = sent(s)
    assert hello["method"] == "hello"


def test_params_that_are_not_json_are_refused_before_sending():
    s = online()
    with pytest.raises(ValueError):
        s.send_request("zone.set_target", {"zone": 0, "temp_c": float("nan")}, "x", 1.0)
    assert sent(s) == []
    assert s.connection_lost() == []


def test_request_ids_keep_growing_across_connections():
    s = online()
    a = s.send_request("ping", None, "a", 1.0)
    s.connection_lost()
    s.connection_made(2.0)
    assert sent(s)[0]["id"] > a


def test_backoff_doubles_up_to_the_cap_with_jitter_and_resets():
    b = Backoff(initial=1.0, cap=8.0, jitter=0.0)
    assert [b.next() for _ in range(6)] == [1, 2, 4, 8, 8, 8]
    b.reset()
    assert b.next() == 1
    lows = Backoff(initial=1.0, cap=8.0, jitter=0.5, rng=lambda: 1.0)
    assert [lows.next() for _ in range(5)] == [0.5, 1, 2, 4, 4]
    with pytest.raises(ValueError):
        Backoff(initial=0)
