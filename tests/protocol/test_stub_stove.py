"""The stub stove itself keeps the contract it is used to test against (raw sockets, plain json)."""

from __future__ import annotations

import json
import socket

import pytest


class Raw:
    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=2)
        self.buf = b""
        self.notes: list[dict] = []
        self.id = 0

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def read(self) -> dict | None:
        while b"\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                return None
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return json.loads(line)

    def call(self, method: str, params: dict | None = None) -> dict:
        self.id += 1
        msg = {"jsonrpc": "2.0", "id": self.id, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(json.dumps(msg).encode() + b"\n")
        while True:
            got = self.read()
            assert got is not None, "closed"
            if got.get("id") == self.id:
                return got
            self.notes.append(got)

    def hello(self, role: str = "controller", token: str = "") -> dict:
        return self.call("hello", {"protocol": "ksp/1", "client": "raw", "token": token, "role": role})


@pytest.fixture
def raw(client_stub):
    clients: list[Raw] = []

    def make(stub) -> Raw:
        c = Raw(stub.port)
        clients.append(c)
        return c
    yield make
    for c in clients:
        c.sock.close()


def test_hello_must_come_first(client_stub, raw):
    stub = client_stub()
    c = raw(stub)
    assert c.call("ping")["error"]["code"] == -32001
    assert c.read() is None                                  # and the connection is closed


def test_wrong_token_closes_and_right_token_gives_the_hello_result(client_stub, raw):
    stub = client_stub(token="t0k")
    bad = raw(stub)
    assert bad.hello(token="nope")["error"]["code"] == -32001
    assert bad.read() is None
    r = raw(stub).hello(token="t0k")["result"]
    assert r["protocol"] == "ksp/1" and r["role"] == "controller"
    assert [z["name"] for z in r["zones"]] == ["left", "right"]
    assert [z["id"] for z in r["zones"]] == [0, 1] and r["zones"][1]["boost_power_w"] is None


def test_one_controller_and_read_only_observers(client_stub, raw):
    stub = client_stub(retry_after_s=1.5)
    a, b = raw(stub), raw(stub)
    assert a.hello()["result"]["role"] == "controller"
    err = b.hello()["error"]
    assert err["code"] == -32003 and err["data"] == {"retry_after_s": 1.5}
    assert b.hello("observer")["result"]["role"] == "observer"
    assert b.call("zone.set_level", {"zone": 0, "level": 3})["error"]["code"] == -32004
    assert b.call("stove.all_off")["result"] == {"zones_switched_off": 0}
    assert a.call("zone.set_level", {"zone": 0, "level": 3})["result"]["level"] == 3


def test_telemetry_counts_up_and_bad_values_are_named(client_stub, raw):
    stub = client_stub(telemetry_hz=50)
    c = raw(stub)
    c.hello()
    seqs = []
    while len(seqs) < 3:
        msg = c.read()
        if msg.get("method") == "telemetry":
            seqs.append(msg["params"]["seq"])
            assert len(msg["params"]["zones"]) == 2
    assert seqs == [seqs[0], seqs[0] + 1, seqs[0] + 2]
    err = c.call("zone.set_level", {"zone": 0, "level": 10})["error"]
    assert err["code"] == -32602 and "level" in err["message"]
    assert c.call("zone.set_level", {"zone": 9, "level": 1})["error"]["code"] == -32602
    assert c.call("zone.melt", {"zone": 0})["error"]["code"] == -32601


def test_invalid_json_gets_a_parse_error_with_null_id(client_stub, raw):
    stub = client_stub()
    c = raw(stub)
    c.send(b"{oops\n")
    assert c.read() == {"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "parse error"}}
    assert c.hello()["result"]["role"] == "controller"        # the connection stays open


def wait_closed(c: Raw) -> None:
    """Read until the stub closes (an abort may show as a reset); a 2 s socket timeout fails the test."""
    try:
        while c.read() is not None:
            pass
    except ConnectionResetError:
        pass


def test_controls_drop_and_refuse(client_stub, raw):
    stub = client_stub()
    c = raw(stub)
    c.hello()
    stub.drop_connections()
    wait_closed(c)
    stub.refuse_connections = True
    wait_closed(raw(stub))
    assert stub.connections_made == 2 and [r.method for r in stub.received] == ["hello"]
