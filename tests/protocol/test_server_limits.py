"""KSP/1 limits and timing rules on the sans-I/O server with injected wall time: rate limit,
invalid-line window, line length, connection limit, telemetry rate and seq, heartbeat and link
loss, and the bounded physics step."""

from __future__ import annotations

import json

import pytest

from kitchen_ui.core.clock import ManualClock
from kitchen_ui.protocol.codec import MAX_LINE_BYTES
from kitchen_ui.protocol.limits import PacedClock, TokenBucket


def req(id_, method, params=None):
    m = {"jsonrpc": "2.0", "id": id_, "method": method}
    if params is not None:
        m["params"] = params
    return json.dumps(m) + "\n"


def answers(msgs):
    return {m["id"]: m for m in msgs if "id" in m}


# -- rate limit: 50 a second, bursts of 100 (-32008, not executed) ----------------------------------
def test_a_burst_of_100_passes_and_the_101st_is_limited_and_not_executed(server_sans):
    h = server_sans()
    c = h.connect()
    c.hello("controller")                        # request 1 of the burst
    burst = "".join(req(i, "ping") for i in range(2, 101))
    got = answers(c.data(burst + req(101, "zone.set_level", {"zone": 0, "level": 5})))
    assert all("result" in got[i] for i in range(2, 101))
    limited = got[101]["error"]
    assert limited["code"] == -32008 and limited["data"]["retry_after_s"] > 0
    assert h.zones_on() == []                    # not executed
    assert c.closed is None


def test_the_bucket_refills_at_50_a_second(server_sans):
    h = server_sans()
    c = h.connect()
    c.data("".join(req(i, "hello" if i == 0 else "ping",
                       {"protocol": "ksp/1", "token": "", "role": "observer"} if i == 0 else None)
                   for i in range(100)))
    assert c.call("ping")["error"]["code"] == -32008
    h.now += 0.5                                 # 25 tokens
    got = answers(c.data("".join(req(f"r{i}", "ping") for i in range(30))))
    assert sum("result" in m for m in got.values()) == 25
    assert sum(m.get("error", {}).get("code") == -32008 for m in got.values()) == 5


def test_switching_off_is_never_rate_limited(server_sans):
    h = server_sans()
    ctl = h.connect()
    ctl.hello("controller")
    ctl.call("zone.set_level", {"zone": 1, "level": 4})
    ctl.data("".join(req(i, "ping") for i in range(200)))
    assert ctl.call("ping")["error"]["code"] == -32008
    assert ctl.call("zone.off", {"zone": 1})["result"]["mode"] == "off"
    assert ctl.call("stove.all_off")["result"] == {"zones_switched_off": 0}


def test_rate_limits_are_per_connection(server_sans):
    h = server_sans()
    a, b = h.connect(), h.connect()
    a.hello("controller")
    b.hello("observer")
    a.data("".join(req(i, "ping") for i in range(150)))
    assert "result" in b.call("ping")


def test_token_bucket_numbers():
    b = TokenBucket(50, 100, now=0.0)
    assert sum(b.take(0.0) for _ in range(150)) == 100
    assert b.take(0.01) is False and b.take(0.02) is True
    assert b.wait_s() == pytest.approx(0.02)


# -- invalid lines: more than 10 within 10 s closes ---------------------------------------------------
def test_ten_invalid_lines_are_answered_the_eleventh_closes(server_sans):
    h = server_sans()
    c = h.connect()
    c.hello("observer")
    for i in range(10):
        (e,) = [m for m in c.line("{nope") if "error" in m]
        assert e == {"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": e["error"]["message"]}}
        h.now += 0.5
    assert c.closed is None
    got = c.line('{"jsonrpc":"2.0","method":"ping"}')     # no id: -32600
    assert [m["error"]["code"] for m in got if "error" in m] == [-32600]
    assert c.closed and "invalid" in c.closed


def test_invalid_lines_spread_over_more_than_10_s_are_tolerated(server_sans):
    h = server_sans()
    c = h.connect()
    c.hello("observer")
    for i in range(30):
        c.line("[]")
        h.advance(1.01)
        c.call("ping")
    assert c.closed is None


def test_a_controller_closed_for_garbage_loses_the_link(server_sans):
    h = server_sans()
    ctl, obs = h.connect(), h.connect()
    ctl.hello("controller")
    obs.hello("observer")
    ctl.call("zone.set_level", {"zone": 0, "level": 3})
    ctl.data("x\n" * 11)
    assert ctl.closed
    assert obs.notes("event", "link_lost") and h.zones_on() == []


# -- line length ----------------------------------------------------------------------------------------
def test_a_line_over_64_kib_is_refused_and_closes_after_answering_what_came_before(server_sans):
    h = server_sans()
    c = h.connect()
    c.hello("observer")
    got = c.data(req("before", "ping") + '{"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":"'
                 + "x" * MAX_LINE_BYTES + '"}}\n')
    assert "result" in answers(got)["before"]
    assert got[-1]["error"]["code"] == -32600 and got[-1]["id"] is None
    assert c.closed == "line too long"


def test_an_endless_line_without_newline_is_refused_before_it_ends(server_sans):
    h = server_sans()
    c = h.connect()
    c.hello("observer")
    for _ in range(16):
        c.data(b"a" * 4096)
    assert c.closed is None
    got = c.data(b"a")
    assert got[-1]["error"]["code"] == -32600 and c.closed


def test_a_line_of_exactly_64_kib_is_just_an_ordinary_request(server_sans):
    h = server_sans()
    c = h.connect()
    c.hello("observer")
    head = '{"jsonrpc":"2.0","id":9,"method":"ping","params":{"pad":"'
    line = head + "x" * (MAX_LINE_BYTES - len(head) - 3) + '"}}'
    assert len(line) == MAX_LINE_BYTES
    assert "result" in answers(c.line(line))[9]


# -- 16 connections -------------------------------------------------------------------------------------
def test_the_17th_connection_is_refused_until_one_closes(server_sans):
    h = server_sans()
    clients = [h.connect() for _ in range(16)]
    assert all(c.conn is not None for c in clients)
    assert h.connect().closed == "refused"
    clients[3].conn.connection_lost(h.now)
    assert h.connect().conn is not None


# -- telemetry ------------------------------------------------------------------------------------------
def seqs(c):
    return [t["seq"] for t in c.notes("telemetry")]


def test_telemetry_runs_at_telemetry_hz_of_wall_time_with_seq_plus_one(server_sans):
    h = server_sans(telemetry_hz=10)
    c = h.connect()
    c.hello("observer")
    h.advance(2.0, stove_s=200.0, step=0.01)
    s = seqs(c)
    assert s == list(range(1, len(s) + 1))
    assert 20 <= len(s) <= 22                    # 1 at hello + 10 a second of WALL time
    ts = [t["t"] for t in c.notes("telemetry")]
    assert ts == sorted(ts) and ts[-1] == pytest.approx(200.0, abs=10.1)   # stove time


def test_set_rate_applies_to_this_connection_only(server_sans):
    h = server_sans(telemetry_hz=10)
    fast, slow = h.connect(), h.connect()
    fast.hello("observer")
    slow.hello("observer")
    assert fast.call("telemetry.set_rate", {"hz": 20})["result"] == {"hz": 20}
    fast.take(), slow.take()
    h.advance(1.0, step=0.005)
    assert 19 <= len(seqs(fast)) <= 21
    assert 9 <= len(seqs(slow)) <= 11


@pytest.mark.parametrize("hz", [0, 0.5, 21, -1, "10", None, True])
def test_set_rate_outside_1_to_20_is_refused(server_sans, hz):
    h = server_sans()
    c = h.connect()
    c.hello("observer")
    r = c.call("telemetry.set_rate", {"hz": hz})
    assert r["error"]["code"] == -32602 and "hz" in r["error"]["message"]


def test_each_connection_counts_its_own_seq(server_sans):
    h = server_sans()
    a = h.connect()
    a.hello("observer")
    h.advance(1.0)
    b = h.connect()
    b.hello("observer")
    h.advance(0.5)
    assert seqs(b)[0] == 1 and seqs(a)[0] == 1 and seqs(a)[-1] > seqs(b)[-1]


def test_a_late_tick_skips_rather_than_bursts(server_sans):
    h = server_sans(telemetry_hz=10)
    c = h.connect()
    c.hello("observer")
    c.take()
    h.advance(1.0, step=1.0)                     # the adapter was stalled for a second
    assert len(seqs(c)) == 1


# -- heartbeat and link loss (§2.5) ----------------------------------------------------------------------
def setup_cooking(h):
    ctl, obs = h.connect(), h.connect()
    ctl.hello("controller")
    obs.hello("observer")
    ctl.call("zone.set_level", {"zone": 0, "level": 5})
    ctl.call("zone.set_target", {"zone": 1, "temp_c": 70})
    return ctl, obs


def test_a_silent_controller_loses_the_link_and_zones_switch_off(server_sans):
    h = server_sans(heartbeat_timeout_s=3.0)
    ctl, obs = setup_cooking(h)
    h.advance(2.9)
    assert h.zones_on() == [0, 1] and ctl.closed is None
    h.advance(0.15)
    assert h.zones_on() == []
    lost = obs.notes("event", "link_lost")
    assert len(lost) == 1 and lost[0]["zone"] is None
    assert ctl.closed and h.server.controller is None
    assert obs.hello("controller")["result"]["role"] == "controller"


def test_a_controller_that_pings_keeps_its_zones(server_sans):
    h = server_sans(heartbeat_timeout_s=3.0)
    ctl, obs = setup_cooking(h)
    for _ in range(10):
        h.advance(1.0)
        ctl.call("ping")
    assert h.zones_on() == [0, 1] and not obs.notes("event", "link_lost")


def test_any_line_from_the_controller_counts_as_heard(server_sans):
    h = server_sans(heartbeat_timeout_s=3.0)
    ctl, obs = setup_cooking(h)
    for _ in range(5):
        h.advance(1.0)
        ctl.call("no.such.method")
    assert h.zones_on() == [0, 1]


def test_a_closed_controller_socket_loses_the_link_at_once(server_sans):
    h = server_sans(heartbeat_timeout_s=3.0)
    ctl, obs = setup_cooking(h)
    ctl.conn.connection_lost(h.now)
    h.deliver(None, [])
    assert h.zones_on() == []
    assert obs.notes("event", "link_lost") and obs.notes("event", "controller_changed")


def test_policy_hold_keeps_the_zones_but_frees_the_slot(server_sans):
    h = server_sans(heartbeat_timeout_s=3.0, link_loss_policy="hold")
    ctl, obs = setup_cooking(h)
    h.advance(3.1)
    assert h.zones_on() == [0, 1]
    assert "hold" in obs.notes("event", "link_lost")[0]["message"]
    assert h.server.controller is None


def test_policy_hold_still_applies_safety_timers(server_sans):
    h = server_sans(heartbeat_timeout_s=3.0, link_loss_policy="hold")
    ctl, obs = setup_cooking(h)
    ctl.call("zone.set_timer", {"zone": 0, "seconds": 600})
    h.advance(3.1)
    assert h.zones_on() == [0, 1]
    h.advance(1.0, stove_s=601)
    assert 0 not in h.zones_on() and obs.notes("event", "timer_elapsed")


def test_silent_observers_lose_nothing(server_sans):
    h = server_sans(heartbeat_timeout_s=3.0)
    ctl, obs = setup_cooking(h)
    for _ in range(6):
        h.advance(1.0)
        ctl.call("ping")
    assert obs.closed is None and not obs.notes("event", "link_lost")


# -- the server schedules its own wake-ups -----------------------------------------------------------------
def test_next_deadline_names_the_next_thing_to_do(server_sans):
    h = server_sans(telemetry_hz=10, heartbeat_timeout_s=3.0)
    h.server.tick(h.now)
    assert h.server.next_deadline() == pytest.approx(h.now + 0.02)   # the physics tick
    h.server.limits.sim_tick_s = 100.0
    h.now += 0.02
    h.server.tick(h.now)
    c = h.connect()
    assert h.server.next_deadline() == pytest.approx(h.now + 5.0)    # the hello deadline
    c.hello("controller")
    assert h.server.next_deadline() == pytest.approx(h.now + 0.1)    # next telemetry


# -- physics work per tick is bounded ----------------------------------------------------------------------
def test_paced_clock_steps_in_chunks_and_lets_lag_go():
    src = ManualClock()
    p = PacedClock(src, chunk_s=10.0)
    src.advance(25.0)
    assert p.now() == 0.0
    assert p.step() is True and p.now() == 10.0
    assert p.step() is True and p.now() == 20.0
    assert p.step() is False and p.now() == 25.0
    src.advance(1000.0)
    p.step()
    p.let_go()                                   # the rest is let go, not owed
    assert p.behind_s() == 0.0 and p.now() == 35.0
    src.advance(3.0)
    assert p.step() is False and p.now() == 38.0


def test_a_tick_spends_at_most_its_compute_budget_on_physics():
    from kitchen_ui.sim.serve import build_sim_server
    from kitchen_ui.sim.profiles import load_profile

    src = ManualClock()
    work = [0.0]

    def work_clock():
        work[0] += 0.001                         # every look at the clock costs 1 ms of "compute"
        return work[0]

    server = build_sim_server(load_profile("range-6"), source=src)
    server.backend.work_clock = work_clock
    src.advance(10.0)
    server.tick(1.0)
    assert server.backend.stove.t == pytest.approx(10.0)      # a small step: all of it
    assert server.next_deadline() == pytest.approx(1.0 + server.limits.sim_tick_s)
    src.advance(10_000.0)
    server.tick(2.0)
    t = server.backend.stove.t
    assert 10.0 < t < 10.0 + 12 * server.limits.sim_chunk_s   # ~10 chunks within 10 ms, rest let go
    assert server.next_deadline() == 2.0                       # behind: tick again right after I/O
    src.advance(1.0)
    server.tick(2.001)
    assert server.backend.stove.t == pytest.approx(t + 1.0)   # the lag was forgiven, not owed


def test_a_snapshot_that_is_not_json_skips_telemetry_without_a_gap_in_seq(server_sans, monkeypatch):
    h = server_sans(telemetry_hz=10)
    c = h.connect()
    c.hello("observer")
    real = h.server.backend.snapshot

    def broken():
        s = real()
        return s.__class__(t=float("nan"), zones=s.zones, locked=s.locked)
    monkeypatch.setattr(h.server.backend, "snapshot", broken)
    h.advance(0.5)
    assert any("telemetry not sent" in line for line in h.logs)
    monkeypatch.setattr(h.server.backend, "snapshot", real)
    h.advance(0.5)
    s = seqs(c)
    assert s == list(range(1, len(s) + 1)) and len(s) >= 5
    assert "result" in c.call("ping")
