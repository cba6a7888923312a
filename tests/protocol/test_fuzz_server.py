"""Property-based fuzzing of the stove server: garbage, malformed and ill-typed requests, invalid
UTF-8, huge numbers, half-lines and floods. The server answers with the contract's errors, stays
up, never switches a zone on from garbage, and a well-behaved client still works afterwards."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

CONTRACT_CODES = {-32700, -32600, -32601, -32602, -32603, -32001, -32002, -32003, -32004, -32005, -32006,
                  -32007, -32008}
INVALID_LINE_CODES = {-32700, -32600}

# -- values that can never be a valid setting of the parameter they are sent for ------------------------
huge = st.sampled_from(["1e400", "-1e400", "9" * 5000, "-" + "9" * 5000, "1" + "0" * 30])
not_a_number = st.one_of(st.text(max_size=10), st.booleans(), st.lists(st.integers(), max_size=3),
                         st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))
bad_level = st.one_of(not_a_number, st.none(), st.integers(max_value=-1), st.integers(min_value=10),
                      st.floats(allow_nan=False, allow_infinity=False).filter(lambda f: not f.is_integer()))
bad_temp = st.one_of(not_a_number, st.floats(max_value=29.99, allow_nan=False, allow_infinity=False),
                     st.floats(min_value=250.01, allow_nan=False, allow_infinity=False))
bad_on = st.one_of(st.text(max_size=5), st.integers(), st.none(), st.floats(allow_nan=False))
any_zone = st.one_of(st.integers(min_value=-3, max_value=8), not_a_number, st.none())

bad_switch_on = st.one_of(
    st.fixed_dictionaries({"zone": any_zone, "level": bad_level}).map(lambda p: ("zone.set_level", p)),
    st.fixed_dictionaries({"zone": any_zone, "on": bad_on}).map(lambda p: ("zone.set_boost", p)),
    st.fixed_dictionaries({"zone": any_zone, "temp_c": bad_temp}).map(lambda p: ("zone.set_target", p)),
    st.fixed_dictionaries({"zone": any_zone}).map(lambda p: ("zone.set_level", p)),
    st.sampled_from([("zone.set_level", None), ("zone.set_boost", {}), ("zone.set_target", {"zone": 0})]),
)


def _request(item, id_):
    method, params = item
    msg = {"jsonrpc": "2.0", "id": id_, "method": method}
    if params is not None:
        msg["params"] = params
    return json.dumps(msg).encode()


def _huge_request(h, id_):
    return b'{"jsonrpc":"2.0","id":%d,"method":"zone.set_level","params":{"zone":0,"level":%s}}' % (id_, h.encode())


json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=8))
broken_envelopes = st.one_of(
    st.fixed_dictionaries({"jsonrpc": st.sampled_from(["2.0", "1.0", None, 2]), "method": st.sampled_from(
        ["zone.set_level", "stove.set_lock", "hello"]), "params": json_scalars}),          # no id
    st.fixed_dictionaries({"jsonrpc": st.just("2.0"), "id": st.one_of(st.none(), st.floats(), st.booleans(),
                                                                     st.lists(st.integers(), max_size=2)),
                           "method": st.just("zone.set_level"), "params": st.just({"zone": 0, "level": 9})}),
    st.fixed_dictionaries({"jsonrpc": st.just("2.0"), "id": st.integers(), "method": st.just("zone.set_level"),
                           "params": st.one_of(st.none(), st.lists(st.integers(), max_size=3), st.text())}),
    st.lists(st.fixed_dictionaries({"jsonrpc": st.just("2.0"), "id": st.integers(),
                                    "method": st.just("zone.set_level"),
                                    "params": st.just({"zone": 0, "level": 9})}), max_size=3),  # batch
)

# one line of garbage, each ending in a newline; a half line is completed by the next one
lines = st.one_of(
    st.binary(max_size=60).map(lambda b: b.replace(b"\n", b"") + b"\n"),
    st.text(max_size=60).map(lambda t: t.replace("\n", "").encode("utf-8", "surrogatepass") + b"\n"),
    st.binary(min_size=1, max_size=10).map(lambda b: b"\xff" + b.replace(b"\n", b"") + b'{"id":1}\n'),
    broken_envelopes.map(lambda v: json.dumps(v).encode() + b"\n"),
    st.tuples(bad_switch_on, st.integers(0, 10**6)).map(lambda a: _request(*a) + b"\n"),
    st.tuples(huge, st.integers(0, 10**6)).map(lambda a: _huge_request(*a) + b"\n"),
    st.tuples(bad_switch_on, st.integers(1, 40)).map(lambda a: _request(a[0], 1)[:a[1]]),   # half line
)
sessions = st.lists(lines, min_size=1, max_size=40)


# -- sans-I/O: many examples, no sockets ------------------------------------------------------------------
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sessions, st.integers(1, 64))
def test_garbage_from_a_controller_is_refused_and_switches_nothing_on(server_sans, session, chunk):
    h = server_sans()
    c = h.connect()
    c.hello("controller")
    stream = b"".join(session) + b"\n"
    got = []
    for i in range(0, len(stream), chunk):
        got += c.data(stream[i:i + chunk])
        assert h.zones_on() == []
    errors = [m["error"]["code"] for m in got if "error" in m]
    assert set(errors) <= CONTRACT_CODES
    assert all("result" not in m or m["result"].get("mode", "off") == "off" for m in got)
    if c.closed:
        assert sum(e in INVALID_LINE_CODES for e in errors) > 10
    else:
        assert "result" in c.call("ping")
    fresh = h.connect()
    fresh.hello("observer")
    assert "result" in fresh.call("state.get")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sessions)
def test_garbage_before_hello_never_authenticates(server_sans, session):
    h = server_sans(token="secret")
    c = h.connect()
    got = c.data(b"".join(session) + b"\n")
    assert not c.conn.authenticated and h.zones_on() == []
    assert all("result" not in m for m in got)
    assert all(m.get("method") is None for m in got)        # no telemetry, no events


# -- live: the real server over loopback ----------------------------------------------------------------
def test_live_server_survives_fuzzing_and_still_serves(server_live):
    s = server_live(heartbeat_timeout_s=5.0)

    @settings(max_examples=40, deadline=None)
    @given(sessions, st.booleans())
    def run(session, in_pieces):
        c = s.client()
        try:
            c.hello("controller")
            data = b"".join(session) + b"\n"
            if in_pieces:
                for i in range(0, len(data), 7):
                    c.send_raw(data[i:i + 7])
            else:
                c.send_raw(data)
            c.send_raw(b'{"jsonrpc":"2.0","id":"probe","method":"ping"}\n')
            errors, closed = [], False
            while True:
                msg = c.read(timeout=2.0)
                if msg is None:
                    closed = True
                    break
                if "error" in msg:
                    errors.append(msg["error"]["code"])
                if msg.get("id") == "probe":
                    break
            assert set(errors) <= CONTRACT_CODES
            if closed:
                assert sum(e in INVALID_LINE_CODES for e in errors) > 10
            assert s.zones_on() == []
        finally:
            c.close()
            s.clients.remove(c)

    run()
    good = s.client()
    assert s.wait_until(lambda: s.connection_count() == 1)
    assert good.hello("controller")["result"]["role"] == "controller"
    assert good.call("zone.set_level", {"zone": 0, "level": 4})["result"]["level"] == 4
    assert s.zones_on() == [0]
    assert good.call("stove.all_off")["result"] == {"zones_switched_off": 1}


def test_live_server_survives_a_flood_from_several_clients(server_live):
    s = server_live(heartbeat_timeout_s=5.0)
    floods = [s.client() for _ in range(4)]
    for i, c in enumerate(floods):
        c.hello("observer")
        c.send_raw((b"garbage\n" * 5 + b'{"jsonrpc":"2.0","id":1,"method":"ping"}\n' * 400) * 2)
    ctl = s.client()
    ctl.hello("controller")
    assert ctl.call("zone.set_level", {"zone": 2, "level": 5})["result"]["level"] == 5
    for c in floods:
        codes = []
        while (m := c.read(timeout=2.0)) is not None:
            if "error" in m:
                codes.append(m["error"]["code"])
            if len(codes) > 5 and codes.count(-32008) > 500:
                break
        assert set(codes) <= {-32700, -32008}
    assert s.zones_on() == [2]
    assert "result" in ctl.call("ping")
