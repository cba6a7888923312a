"""The real asyncio server on 127.0.0.1 (port 0) against a tiny raw-socket client: the rules that
depend on sockets and wall-clock time, with short timeouts from the server config."""

from __future__ import annotations

import json
import socket
import ssl
import time

import pytest

from kitchen_ui.protocol.codec import MAX_LINE_BYTES


def telemetry_count(c, seconds):
    """Read for ``seconds``; returns the telemetry seqs seen."""
    seqs = []
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        try:
            msg = c.read(left)
        except TimeoutError:
            break
        assert msg is not None
        if msg.get("method") == "telemetry":
            seqs.append(msg["params"]["seq"])
    return seqs


def server_clock(s):
    """Record, in the server's own clock, the ``now`` of every tick and of every line logged in
    one. Timeouts are then judged by the clock the server decides with, not by when a loaded
    machine lets the test thread run: the wall time a client sees is the server's decision plus
    any wait for the CPU, which on a busy 2-core machine can be half a second or more."""
    ticks, lines, current = [], [], [None]
    real_tick, real_emit = s.server.tick, s.log_handler.emit

    def tick(now):
        ticks.append(now)
        current[0] = now
        try:
            real_tick(now)
        finally:
            current[0] = None

    def emit(record):
        lines.append((current[0], record.getMessage()))
        real_emit(record)

    s.thread.call(lambda: (setattr(s.server, "tick", tick), setattr(s.log_handler, "emit", emit)))
    return ticks, lines


def assert_acted_on_time(ticks, lines, what, since, timeout):
    """``what`` was logged at the first tick ``timeout`` or more after ``since`` — never earlier,
    and as soon as the server ran at all after the deadline (its ticks are 10 ms apart)."""
    acted = [t for t, line in lines if what in line]
    assert len(acted) == 1 and acted[0] is not None, lines
    assert acted[0] - since >= timeout
    assert acted[0] == min(t for t in ticks if t - since >= timeout)


def test_hello_then_telemetry_at_the_announced_rate(server_live):
    s = server_live(telemetry_hz=20)
    c = s.client()
    r = c.hello("observer")["result"]
    assert r["telemetry_hz"] == 20 and r["heartbeat_timeout_s"] == 0.4
    seqs = telemetry_count(c, 1.0)
    seqs = [n["params"]["seq"] for n in c.notes if n.get("method") == "telemetry"] + seqs
    assert seqs == list(range(1, len(seqs) + 1))
    assert 17 <= len(seqs) <= 23


def test_a_request_split_into_single_bytes_still_works(server_live):
    s = server_live()
    c = s.client()
    for b in json.dumps({"jsonrpc": "2.0", "id": 1, "method": "hello", "params": {
            "protocol": "ksp/1", "client": "slow typist", "token": "", "role": "observer"}}).encode() + b"\n":
        c.send_raw(bytes([b]))
    assert c.response(1)["result"]["role"] == "observer"


def test_no_hello_in_time_closes(server_live):
    s = server_live(handshake_timeout_s=0.3)
    ticks, lines = server_clock(s)
    c = s.client()
    assert s.wait_until(lambda: s.connection_count() == 1)
    opened = s.thread.call(lambda: [conn.opened_at for conn in s.server.connections.values()])
    assert c.wait_closed(timeout=5.0) == []          # no answer at all, then closed
    assert_acted_on_time(ticks, lines, "closed: no hello within 0.3 s", opened[0], 0.3)


def test_a_request_before_hello_is_refused_and_closes(server_live):
    s = server_live()
    c = s.client()
    c.send({"jsonrpc": "2.0", "id": 1, "method": "zone.set_level", "params": {"zone": 0, "level": 9}})
    got = c.wait_closed()
    assert [m["error"]["code"] for m in got] == [-32001]
    assert s.zones_on() == []


def test_wrong_token_closes(server_live):
    s = server_live(token="pass-phrase")
    c = s.client()
    c.send({"jsonrpc": "2.0", "id": 1, "method": "hello",
            "params": {"protocol": "ksp/1", "client": "x", "token": "wrong", "role": "controller"}})
    assert [m["error"]["code"] for m in c.wait_closed()] == [-32001]
    assert s.client().hello(token="pass-phrase")["result"]["role"] == "controller"


def test_the_17th_connection_is_closed_at_once_and_the_others_keep_working(server_live):
    s = server_live(handshake_timeout_s=5.0)
    first = [s.client() for _ in range(16)]
    assert s.wait_until(lambda: s.connection_count() == 16)
    extra = s.client()
    t0 = time.monotonic()
    assert extra.read_line(timeout=2.0) is None
    assert time.monotonic() - t0 < 0.5
    assert first[0].hello("observer")["result"]["role"] == "observer"
    first[5].close()
    assert s.wait_until(lambda: s.connection_count() == 15)
    assert s.client().hello("observer")["result"]["role"] == "observer"


def test_a_line_too_long_is_refused_then_closed(server_live):
    s = server_live()
    c = s.client()
    c.hello("observer")
    c.send_raw(b'{"jsonrpc":"2.0","id":2,"method":"ping","params":{"p":"' + b"x" * (MAX_LINE_BYTES + 10))
    got = [m for m in c.wait_closed() if "error" in m]
    assert got[-1]["error"]["code"] == -32600 and got[-1]["id"] is None


def test_a_flood_is_rate_limited_answered_in_order_and_survived(server_live):
    s = server_live()
    c = s.client()
    c.hello("observer")
    c.send_raw(b"".join(b'{"jsonrpc":"2.0","id":%d,"method":"ping"}\n' % i for i in range(2, 302)))
    codes = []
    for i in range(2, 302):
        r = c.response(i)
        codes.append(r["error"]["code"] if "error" in r else 0)
    assert codes[:99].count(0) == 99            # the burst of 100 (hello was the first)
    assert codes.count(-32008) >= 150
    time.sleep(0.1)
    assert "result" in c.call("ping")


def test_controller_socket_closed_switches_zones_off_within_a_second(server_live):
    s = server_live(heartbeat_timeout_s=5.0)
    ctl, obs = s.client(), s.client()
    ctl.hello("controller")
    obs.hello("observer")
    ctl.call("zone.set_level", {"zone": 0, "level": 6})
    ctl.call("zone.set_boost", {"zone": 2, "on": True})
    assert s.zones_on() == [0, 2]
    t0 = time.monotonic()
    ctl.close()
    ev = obs.wait_event("link_lost", timeout=1.0)
    assert time.monotonic() - t0 < 1.0 and ev["zone"] is None
    assert s.zones_on() == []


def test_silent_controller_times_out_and_observers_hear_it(server_live):
    s = server_live(heartbeat_timeout_s=0.3)
    ctl, obs = s.client(), s.client()
    ctl.hello("controller")
    obs.hello("observer")
    ticks, lines = server_clock(s)
    ctl.call("zone.set_level", {"zone": 1, "level": 3})
    heard = s.thread.call(lambda: s.server.controller.last_heard)     # the controller's last word
    obs.wait_event("link_lost", timeout=5.0)
    assert_acted_on_time(ticks, lines, "closed: controller silent for 0.3 s", heard, 0.3)
    assert s.zones_on() == []
    assert ctl.wait_closed()[-1]["method"] in ("event", "telemetry")
    assert obs.hello("controller")["result"]["role"] == "controller"


def test_a_pinging_controller_keeps_control(server_live):
    s = server_live(heartbeat_timeout_s=0.3)
    ctl = s.client()
    ctl.hello("controller")
    ctl.call("zone.set_level", {"zone": 1, "level": 3})
    for _ in range(8):
        time.sleep(0.1)
        assert "result" in ctl.call("ping")
    assert s.zones_on() == [1]


def test_policy_hold_keeps_zones_after_link_loss(server_live):
    s = server_live(heartbeat_timeout_s=0.3, link_loss_policy="hold")
    ctl, obs = s.client(), s.client()
    ctl.hello("controller")
    obs.hello("observer")
    ctl.call("zone.set_level", {"zone": 3, "level": 2})
    ctl.close()
    assert "hold" in obs.wait_event("link_lost")["message"]
    assert s.zones_on() == [3]


def test_a_client_that_does_not_read_is_dropped_without_slowing_the_others(server_live):
    s = server_live(telemetry_hz=200, max_pending_output=64 * 1024, sndbuf=16 * 1024)
    slow = s.client(rcvbuf=4096)
    slow.hello("observer")
    good = s.client()
    good.hello("observer")
    seqs = telemetry_count(good, 1.5)
    assert len(seqs) >= 0.9 * 200 * 1.5
    assert seqs == list(range(seqs[0], seqs[0] + len(seqs)))
    assert s.wait_until(lambda: s.connection_count() == 1, timeout=1.0)
    assert any("slow reader" in line for line in s.logs)


def test_events_reach_every_authenticated_connection(server_live):
    s = server_live(heartbeat_timeout_s=5.0)
    ctl = s.client()
    ctl.hello("controller")
    observers = [s.client() for _ in range(5)]
    for o in observers:
        o.hello("observer")
    ctl.call("stove.set_lock", {"locked": True})
    for o in observers:
        assert o.wait_event("lock_changed")["message"]


# -- TLS -----------------------------------------------------------------------------------------
def test_tls_client_that_trusts_the_certificate_connects(server_live, server_tls_cert):
    from kitchen_ui.protocol.aio_server import tls_server_context
    cert, key = server_tls_cert
    s = server_live(ssl_context=tls_server_context(cert, key))
    trusting = ssl.create_default_context(cafile=cert)
    c = s.client(ssl_context=trusting)
    assert c.sock.version() in ("TLSv1.2", "TLSv1.3")
    assert c.hello("controller")["result"]["protocol"] == "ksp/1"
    assert "result" in c.call("zone.set_level", {"zone": 0, "level": 1})


def test_tls_client_that_does_not_trust_it_is_refused(server_live, server_tls_cert):
    from kitchen_ui.protocol.aio_server import tls_server_context
    cert, key = server_tls_cert
    s = server_live(ssl_context=tls_server_context(cert, key))
    with pytest.raises(ssl.SSLCertVerificationError):
        s.client(ssl_context=ssl.create_default_context())
    plain = socket.create_connection(s.address, timeout=2)
    plain.sendall(b'{"jsonrpc":"2.0","id":1,"method":"hello","params":{}}\n')
    try:
        data = plain.recv(1000)
    except (ConnectionResetError, TimeoutError):
        data = b""
    assert b"jsonrpc" not in data              # no KSP/1 answer without TLS
    plain.close()
    assert s.zones_on() == []


def test_end_of_input_is_answered_then_closed_and_loses_the_link(server_live):
    s = server_live(heartbeat_timeout_s=5.0)
    obs = s.client()
    obs.hello("observer")
    c = s.client()
    c.send_raw(b'{"jsonrpc":"2.0","id":1,"method":"hello","params":{"protocol":"ksp/1","client":"sh",'
               b'"token":"","role":"controller"}}\n'
               b'{"jsonrpc":"2.0","id":2,"method":"zone.set_level","params":{"zone":4,"level":2}}\n')
    c.sock.shutdown(socket.SHUT_WR)              # like `nc -N` at the end of its input
    got = c.wait_closed()
    answers = {m["id"]: m for m in got if "id" in m}
    assert set(answers) == {1, 2} and answers[2]["result"]["level"] == 2
    assert obs.wait_event("link_lost")
    assert s.zones_on() == []


def test_the_python_walk_through_of_the_protocol_document(server_live):
    s = server_live(heartbeat_timeout_s=5.0)
    sock = socket.create_connection(s.address)
    f = sock.makefile("rwb")
    ids = iter(range(1, 1 << 30))

    def call(method, **params):
        i = next(ids)
        f.write(json.dumps({"jsonrpc": "2.0", "id": i, "method": method, "params": params}).encode() + b"\n")
        f.flush()
        while True:
            msg = json.loads(f.readline())
            if msg.get("id") == i:
                if "error" in msg:
                    raise RuntimeError(msg["error"])
                return msg["result"]

    info = call("hello", protocol="ksp/1", client="py", token="", role="controller")
    assert [z["name"] for z in info["zones"]][0] == "front-left"
    call("zone.set_target", zone=0, temp_c=90)
    assert call("state.get")["zones"][0]["mode"] == "target"
    call("zone.off", zone=0)
    with pytest.raises(RuntimeError, match="-32602"):
        call("zone.set_level", zone=0, level=12)
    sock.close()


def test_a_failing_tick_is_logged_and_the_stove_keeps_serving(server_live):
    s = server_live(telemetry_hz=20)
    real = s.server.tick
    failures = []

    def flaky(now):
        if len(failures) < 3:
            failures.append(now)
            raise RuntimeError("physics bug")
        real(now)
    s.thread.call(lambda: setattr(s.server, "tick", flaky))
    c = s.client()
    c.hello("observer")
    assert len(telemetry_count(c, 0.5)) >= 5      # telemetry resumed
    assert "result" in c.call("ping")
    assert len(failures) == 3 and any("physics bug" in line for line in s.logs)
