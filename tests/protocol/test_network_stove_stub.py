"""NetworkStove against a stub stove written from the contract alone (loopback, port 0)."""

from __future__ import annotations

import json
import threading

import pytest
from stub_stove import wait_until

from kitchen_ui.core.errors import KspError, LinkError
from kitchen_ui.core.model import LinkStatus, StoveEvent, StoveState


def url(stub) -> str:
    return f"ksp://127.0.0.1:{stub.port}"


def test_hello_publishes_the_stoves_info_and_telemetry_flows(client_stub, client_stove):
    stub = client_stub(zones=("left", "right"))
    stove, rec = client_stove(url(stub))
    link = rec.wait_link("online")
    assert link.role == "controller" and link.can_control and link.transport == url(stub)
    assert [z.name for z in stove.info.zones] == ["left", "right"]
    assert stove.info.zones[0].has_boost and not stove.info.zones[1].has_boost
    assert stove.info.model == "Stub two-ring hob" and rec.infos[-1] == stove.info
    rec.wait(lambda: len(rec.states) >= 4, what="telemetry")
    assert all(isinstance(s, StoveState) and len(s.zones) == 2 for s in rec.states)
    seqs = [s.seq for s in rec.states[1:]]            # [0] is the state.get snapshot
    assert seqs == sorted(seqs) and stove.state is rec.states[-1]
    assert stub.methods()[:2] == ["hello", "state.get"]


def test_five_zone_stove(client_stub, client_stove):
    stub = client_stub(zones=("a", "b", "c", "d", "e"))
    stove, rec = client_stove(url(stub))
    rec.wait_link("online")
    rec.wait(lambda: rec.states, what="telemetry")
    assert len(stove.info.zones) == 5 and len(stove.state.zones) == 5


def test_commands_round_trip_and_show_in_telemetry(client_stub, client_stove):
    stub = client_stub()
    stove, rec = client_stove(url(stub))
    rec.wait_link("online")
    assert stove.set_level(1, 4).result(2)["level"] == 4
    assert stove.set_target(0, 120).result(2)["target_c"] == 120.0
    assert stub.zones[1]["mode"] == "level"
    rec.wait(lambda: rec.states[-1].zones[1].level == 4 and rec.states[-1].zones[0].mode == "target",
             what="telemetry showing both commands")
    assert stove.all_off().result(2) == {"zones_switched_off": 2}
    rec.wait(lambda: not any(z.is_on for z in rec.states[-1].zones), what="zones off in telemetry")


@pytest.mark.parametrize("call,code", [
    (lambda s: s.set_level(0, 12), -32602),
    (lambda s: s.set_level(7, 1), -32602),
    (lambda s: s.request("zone.explode", {"zone": 0}), -32601),
])
def test_ksp_errors_fail_the_future_with_ksp_error(client_stub, client_stove, call, code):
    stub = client_stub()
    stove, rec = client_stove(url(stub))
    rec.wait_link("online")
    with pytest.raises(KspError) as info:
        call(stove).result(2)
    assert info.value.code == code and info.value.message
    assert stove.ping().result(2)["t"] >= 0          # the session carries on


def test_locked_stove_refuses_switching_on(client_stub, client_stove):
    stub = client_stub()
    stove, rec = client_stove(url(stub))
    rec.wait_link("online")
    stove.set_lock(True).result(2)
    with pytest.raises(KspError) as info:
        stove.set_level(0, 3).result(2)
    assert info.value.code == -32005
    assert stove.zone_off(0).result(2)["mode"] == "off"


def test_events_arrive(client_stub, client_stove):
    stub = client_stub()
    stove, rec = client_stove(url(stub))
    rec.wait_link("online")
    stub.emit_event("boil_dry", 1, "the pan on the right boiled dry")
    ev = rec.wait(lambda: [e for e in rec.events if e.kind == "boil_dry"], what="boil_dry")[0]
    assert isinstance(ev, StoveEvent) and ev.zone == 1 and "boiled dry" in ev.message


def test_dropped_connection_is_lost_at_once_then_reconnects_and_resyncs(client_stub, client_stove):
    stub = client_stub()
    stove, rec = client_stove(url(stub))
    rec.wait_link("online")
    stove.set_level(0, 5).result(2)
    n = len(rec.links)
    stub.drop_connections()
    lost = rec.wait_link("lost", after=n, timeout=0.5)
    assert lost.role is None and not lost.can_control and "lost the connection" in lost.message
    back = rec.wait_link("online", after=n)
    assert back.role == "controller" and "reconnected" in back.message
    assert stub.connections_made == 2
    conn2 = [r for r in stub.received if r.conn == 2]
    assert [r.method for r in conn2[:2]] == ["hello", "state.get"]
    # the stub switched the zone off when the controller left; the resync shows it at once
    assert rec.states[-1].zones[0].mode == "off"
    assert stove.set_level(1, 2).result(2)["level"] == 2


def test_request_during_an_outage_fails_with_link_error(client_stub, client_stove):
    stub = client_stub()
    stove, rec = client_stove(url(stub))
    rec.wait_link("online")
    stub.refuse_connections = True
    n = len(rec.links)
    stub.drop_connections()
    rec.wait_link("lost", after=n)
    with pytest.raises(LinkError, match="not connected"):
        stove.set_level(0, 3).result(1)
    assert stove.link.status is LinkStatus.LOST
    stub.refuse_connections = False
    rec.wait_link("online", after=n)
    assert stove.set_level(0, 3).result(2)["level"] == 3


def test_request_pending_when_the_connection_drops_fails_with_link_error(client_stub, client_stove):
    stub = client_stub()
    stove, rec = client_stove(url(stub), request_timeout_s=5.0)
    rec.wait_link("online")
    stub.mute.add("zone.set_level")
    fut = stove.set_level(0, 3)
    wait_until(lambda: "zone.set_level" in stub.methods(), what="the stub to receive the command")
    stub.drop_connections()
    with pytest.raises(LinkError, match="before it answered"):
        fut.result(1)


def test_unanswered_request_times_out_with_link_error(client_stub, client_stove):
    stub = client_stub()
    stove, rec = client_stove(url(stub), request_timeout_s=0.3)
    rec.wait_link("online")
    stub.mute.add("zone.set_level")
    with pytest.raises(LinkError, match="did not answer zone.set_level"):
        stove.set_level(0, 3).result(2)
    assert stove.link.online


def test_a_hung_stove_is_noticed_and_reconnected(client_stub, client_stove):
    stub = client_stub()
    stove, rec = client_stove(url(stub), silence_timeout_s=0.3, request_timeout_s=0.2)
    rec.wait_link("online")
    n = len(rec.links)
    stub.frozen = True                      # the TCP connection stays up; nothing comes through
    lost = rec.wait_link("lost", after=n, timeout=1.0)
    assert "did not answer" in lost.message or "nothing heard" in lost.message
    stub.frozen = False
    rec.wait_link("online", after=n)
    assert stove.ping().result(2)["t"] >= 0


def test_observer_when_the_slot_is_taken_then_controller_when_it_frees(client_stub, client_stove):
    stub = client_stub(retry_after_s=0.1)
    stub.hold_controller_slot = True
    stove, rec = client_stove(url(stub))
    link = rec.wait_link("online")
    assert link.role == "observer" and not link.can_control and "observer" in link.message
    assert [(r.method, r.params.get("role")) for r in stub.received[:2]] == \
        [("hello", "controller"), ("hello", "observer")]
    with pytest.raises(KspError) as info:
        stove.set_level(0, 1).result(2)
    assert info.value.code == -32004                   # the stove decides, not the client
    assert stove.all_off().result(2) == {"zones_switched_off": 0}   # switching off is for anyone
    wait_until(lambda: stub.methods().count("hello") >= 3, what="a retry for the controller slot")
    stub.hold_controller_slot = False
    promoted = rec.wait_link("online", role="controller")
    assert "control" in promoted.message
    assert stove.set_level(0, 1).result(2)["level"] == 1


def test_second_dashboard_observes_and_takes_over_when_the_first_leaves(client_stub, client_stove):
    stub = client_stub(retry_after_s=5.0)       # only the controller_changed event can make it quick
    first, rec1 = client_stove(url(stub))
    rec1.wait_link("online", role="controller")
    second, rec2 = client_stove(url(stub))
    rec2.wait_link("online", role="observer")
    first.stop()
    rec2.wait_link("online", role="controller", timeout=2.0)
    assert second.set_level(1, 6).result(2)["level"] == 6


def test_controller_pings_keep_the_slot_alive(client_stub, client_stove):
    hb = 0.6
    stub = client_stub(heartbeat_timeout_s=hb)
    stove, rec = client_stove(url(stub))
    rec.wait_link("online")
    wait_until(lambda: stub.methods().count("ping") >= 8, timeout=3.0, what="eight pings")
    times = [r.t for r in stub.received if r.conn == 1]
    gaps = [b - a for a, b in zip(times, times[1:])]
    # KSP/1 §2.5: a request at least every heartbeat_timeout_s / 3 (small allowance for the scheduler)
    assert max(gaps) <= hb / 3 + 0.05, gaps
    assert stub.controller_conn == 1
    assert not [e for e in rec.events if e.kind == "link_lost"]


@pytest.mark.parametrize("raw,why", [
    (b"{this is not json\n", "not JSON"),
    (b'{"jsonrpc":"2.0","method":"telemetry","params":{"seq":1,"t":1,"locked":false,"zones":"x"}}\n',
     "telemetry.zones"),
])
def test_malformed_line_drops_and_reconnects_without_crashing(client_stub, client_stove, raw, why):
    stub = client_stub()
    stove, rec = client_stove(url(stub))
    rec.wait_link("online")
    n = len(rec.links)
    stub.send_raw(raw)
    lost = rec.wait_link("lost", after=n)
    assert why in lost.message
    rec.wait_link("online", after=n)
    assert stove.ping().result(2)["t"] >= 0


def test_wrong_token_is_reported_and_never_online(client_stub, client_stove):
    stub = client_stub(token="right")
    stove, rec = client_stove(url(stub), token="wrong")
    link = rec.wait(lambda: [lk for lk in rec.links if "token" in lk.message], what="a token message")[0]
    assert link.status is LinkStatus.CONNECTING and "refused the token" in link.message
    assert not any(lk.online for lk in rec.links)


def test_right_token_is_accepted(client_stub, client_stove):
    stub = client_stub(token="right")
    stove, rec = client_stove(url(stub), token="right")
    rec.wait_link("online")
    assert json.dumps(stub.received[0].params["token"]) == '"right"'


def test_a_failing_signal_handler_does_not_break_the_link(client_stub, client_stove):
    stub = client_stub()
    stove, rec = client_stove(url(stub))
    rec.wait_link("online")

    def bad(_value):
        raise RuntimeError("a buggy widget")
    for signal in (stove.telemetry, stove.link_changed, stove.info_changed, stove.event):
        signal.connect(bad)
    n = len(rec.links)
    stub.drop_connections()                   # loss, hello, resync: every signal meets the bad slot
    rec.wait_link("online", after=n)
    stub.emit_event("pan_detected", 0, "pan on the left")
    rec.wait(lambda: rec.events and len(rec.states) >= 3, what="events and telemetry despite the bad slot")
    assert stove.ping().result(2)["t"] >= 0 and stove.link.online


def test_requests_from_many_threads_all_get_answers(client_stub, client_stove):
    stub = client_stub()
    stove, rec = client_stove(url(stub))
    rec.wait_link("online")
    futures = []
    lock = threading.Lock()

    def fire(zone):
        for level in range(1, 10):
            f = stove.set_level(zone, level)
            with lock:
                futures.append(f)
    threads = [threading.Thread(target=fire, args=(z,)) for z in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(f.result(2)["level"] for f in futures) == sorted(list(range(1, 10)) * 2)


def test_stop_is_clean_and_idempotent(client_stub, client_stove):
    stub = client_stub()
    stove, rec = client_stove(url(stub), request_timeout_s=5.0)
    rec.wait_link("online")
    stub.mute.add("zone.set_level")
    fut = stove.set_level(0, 3)
    wait_until(lambda: "zone.set_level" in stub.methods(), what="the command to arrive")
    stove.stop()
    stove.stop()
    assert stove.link.status is LinkStatus.CLOSED
    with pytest.raises(LinkError):
        fut.result(0.5)
    with pytest.raises(LinkError, match="not running"):
        stove.ping().result(0.5)
    assert not any(t.name == "hearth-ksp-client" and t.is_alive() for t in threading.enumerate())


def test_stop_from_a_signal_handler_does_not_deadlock(client_stub, client_stove):
    stub = client_stub()
    stove, rec = client_stove(url(stub))
    stove.link_changed.connect(lambda link: stove.stop() if link.online else None)
    rec.wait_link("closed")
    wait_until(lambda: not any(t.name == "hearth-ksp-client" and t.is_alive() for t in threading.enumerate()),
               what="the client thread to end")


def test_no_request_is_left_pending_when_stop_races_callers(client_stub, client_stove):
    stub = client_stub()
    stove, rec = client_stove(url(stub))
    rec.wait_link("online")
    futures, go = [], threading.Event()

    def hammer():
        go.wait()
        for _ in range(300):
            futures.append(stove.ping())
    threads = [threading.Thread(target=hammer) for _ in range(3)]
    for t in threads:
        t.start()
    go.set()
    stove.stop()
    for t in threads:
        t.join()
    outcomes = {type(f.exception(timeout=1)).__name__ if f.exception(timeout=1) else "answered" for f in futures}
    assert outcomes <= {"answered", "LinkError"} and len(futures) == 900
