"""Fixtures for the KSP/1 tests. Server-side fixtures are prefixed ``server_``, client-side ``client_``.

``server_sans`` drives the sans-I/O :class:`StoveServer` with injected wall time and a manual
stove clock (nothing sleeps). ``server_live`` runs the real asyncio server on 127.0.0.1, port 0,
in a thread, with short timeouts, and hands out tiny raw-socket clients that know nothing of our
codec beyond ``json``.
"""

from __future__ import annotations

import json
import logging
import socket
import ssl
import subprocess
import time
from typing import Any

import pytest

from kitchen_ui.core.clock import ManualClock
from kitchen_ui.protocol.aio_server import ServerThread
from kitchen_ui.protocol.limits import ServerLimits
from kitchen_ui.protocol.server import Close, Connection, StoveServer
from kitchen_ui.sim.profiles import load_profile
from kitchen_ui.sim.serve import build_sim_server
from kitchen_ui.sim.service import StoveService
from kitchen_ui.sim.stove import SimulatedStove

HELLO = {"protocol": "ksp/1", "client": "raw-test/1", "token": "", "role": "controller"}


class LogLines(logging.Handler):
    """What the server logs (stdlib logging under kitchen_ui.protocol), as message lines in ``lines``."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self._logger = logging.getLogger("kitchen_ui.protocol")
        self._level = self._logger.level
        self._logger.addHandler(self)
        self._logger.setLevel(logging.DEBUG)

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())

    def detach(self) -> None:
        self._logger.removeHandler(self)
        self._logger.setLevel(self._level)


# -- sans-I/O ----------------------------------------------------------------------------------
class SansClient:
    """One connection to a sans-I/O server; messages it would receive land in ``inbox``."""

    def __init__(self, h: "SansHarness", conn: Connection | None) -> None:
        self.h, self.conn = h, conn
        self.inbox: list[dict[str, Any]] = []
        self.closed: str | None = None if conn is not None else "refused"
        self._id = 0

    def data(self, raw: bytes | str) -> list[dict[str, Any]]:
        """Raw bytes as if from the socket; returns the new messages for this client."""
        assert self.conn is not None
        self.h.deliver(self, self.conn.receive_data(raw.encode() if isinstance(raw, str) else raw, self.h.now))
        return self.take()

    def line(self, raw: bytes | str) -> list[dict[str, Any]]:
        return self.data((raw.encode() if isinstance(raw, str) else raw) + b"\n")

    def call(self, method: str, params: dict[str, Any] | None = None, id_: Any = None) -> dict[str, Any]:
        """Send one request and return its response (other messages stay in ``inbox``)."""
        if id_ is None:
            self._id += 1
            id_ = self._id
        msg: dict[str, Any] = {"jsonrpc": "2.0", "id": id_, "method": method}
        if params is not None:
            msg["params"] = params
        new = self.data(json.dumps(msg) + "\n")
        answers = [m for m in new if "id" in m and m["id"] == id_]
        self.inbox.extend(m for m in new if m not in answers)
        assert len(answers) == 1, f"expected one answer to {method}, got {_brief(new)}"
        return answers[0]

    def hello(self, role: str = "controller", token: str = "", **extra: Any) -> dict[str, Any]:
        return self.call("hello", {**HELLO, "role": role, "token": token, **extra})

    def take(self) -> list[dict[str, Any]]:
        out, self.inbox = self.inbox, []
        return out

    def notes(self, method: str, kind: str | None = None) -> list[dict[str, Any]]:
        """Notifications of ``method`` (and event ``kind``) received so far; leaves the rest."""
        return [m["params"] for m in self.inbox if m.get("method") == method
                and (kind is None or m["params"].get("kind") == kind)]


def _brief(msgs: list[dict[str, Any]]) -> list[str]:
    return [str(m.get("method") or m.get("error") or "result")[:80] for m in msgs][-8:]


class SansHarness:
    """A StoveServer on a manual stove clock; ``advance`` moves wall and stove time and ticks."""

    def __init__(self, *, token: str = "", profile: str = "range-6", link_loss_policy: str = "off",
                 remote_start: bool = True, telemetry_hz: float = 10.0, heartbeat_timeout_s: float = 3.0,
                 backend: Any = None, **limits: Any) -> None:
        """The simulator on ``profile``, or any other ``backend`` (then the stove options are its own)."""
        self.clock = ManualClock()
        self.now = 100.0   # wall clock (arbitrary origin, as a monotonic clock has)
        self.log_handler = LogLines()
        self.logs = self.log_handler.lines
        self.speeds: list[float] = []
        stove = None
        if backend is None:
            stove = SimulatedStove(load_profile(profile), self.clock)
            backend = StoveService(stove, remote_start=remote_start, link_loss_policy=link_loss_policy,
                                   telemetry_hz=telemetry_hz, heartbeat_timeout_s=heartbeat_timeout_s,
                                   set_speed=self.speeds.append)
        self.server = StoveServer(backend, token=token, limits=ServerLimits(**limits))
        self.stove = stove
        self.clients: dict[int, SansClient] = {}

    def connect(self) -> SansClient:
        conn = self.server.connect(self.now, "test")
        c = SansClient(self, conn)
        if conn is not None:
            self.clients[conn.id] = c
        return c

    def deliver(self, client: SansClient | None, actions: list[Any]) -> None:
        if client is not None:
            self._apply(client, actions)
        for conn, acts in self.server.take_output():
            self._apply(self.clients[conn.id], acts)

    def _apply(self, c: SansClient, actions: list[Any]) -> None:
        for a in actions:
            if isinstance(a, Close):
                c.closed = a.reason
            else:
                assert c.closed is None, "nothing may follow a Close"
                assert a.data.endswith(b"\n") and a.data.count(b"\n") == 1
                c.inbox.append(json.loads(a.data))

    def advance(self, wall_s: float, stove_s: float | None = None, step: float = 0.05) -> None:
        """Move wall time on in small ticks (stove time alongside, 1:1 unless given)."""
        stove_s = wall_s if stove_s is None else stove_s
        n = max(1, int(round(wall_s / step)))
        for _ in range(n):
            self.now += wall_s / n
            self.clock.advance(stove_s / n)
            self.server.tick(self.now)
            self.deliver(None, [])

    def zones_on(self) -> list[int]:
        return [z.id for z in self.stove.snapshot().zones if z.is_on]


@pytest.fixture
def server_sans():
    """Factory: ``server_sans(token=..., heartbeat_timeout_s=..., ...)`` -> SansHarness."""
    made: list[SansHarness] = []

    def make(**kw: Any) -> SansHarness:
        h = SansHarness(**kw)
        made.append(h)
        return h

    yield make
    for h in made:
        h.log_handler.detach()


# -- live asyncio on loopback -----------------------------------------------------------------
class RawClient:
    """A tiny blocking newline-JSON client over a plain (or TLS) socket."""

    def __init__(self, address: tuple[str, int], *, timeout: float = 2.0,
                 ssl_context: ssl.SSLContext | None = None, rcvbuf: int | None = None) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if rcvbuf:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
        sock.settimeout(timeout)
        sock.connect(address)
        if ssl_context is not None:
            sock = ssl_context.wrap_socket(sock, server_hostname="localhost")
        self.sock = sock
        self.buf = b""
        self.notes: list[dict[str, Any]] = []
        self._id = 0

    def send_raw(self, data: bytes) -> None:
        self.sock.sendall(data)

    def send(self, msg: Any) -> None:
        self.send_raw(json.dumps(msg).encode() + b"\n")

    def read_line(self, timeout: float = 2.0) -> bytes | None:
        """The next line, or None when the stove closed the connection."""
        deadline = time.monotonic() + timeout
        while b"\n" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"no line within {timeout} s")
            self.sock.settimeout(left)
            try:
                chunk = self.sock.recv(65536)
            except (ConnectionResetError, ssl.SSLError):
                chunk = b""
            if not chunk:
                return None
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return line

    def read(self, timeout: float = 2.0) -> dict[str, Any] | None:
        line = self.read_line(timeout)
        return None if line is None else json.loads(line)

    def response(self, id_: Any, timeout: float = 2.0) -> dict[str, Any]:
        """Read until the response to ``id_``; notifications on the way go to ``notes``."""
        while True:
            msg = self.read(timeout)
            assert msg is not None, f"connection closed while waiting for the answer to {id_!r}"
            if "id" in msg:
                if msg["id"] == id_:
                    return msg
                raise AssertionError(f"unexpected response {msg}")
            self.notes.append(msg)

    def call(self, method: str, params: dict[str, Any] | None = None, timeout: float = 2.0) -> dict[str, Any]:
        self._id += 1
        msg: dict[str, Any] = {"jsonrpc": "2.0", "id": self._id, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return self.response(self._id, timeout)

    def hello(self, role: str = "controller", token: str = "", **extra: Any) -> dict[str, Any]:
        return self.call("hello", {**HELLO, "role": role, "token": token, **extra})

    def wait_closed(self, timeout: float = 2.0) -> list[dict[str, Any]]:
        """Read until the stove closes the connection; returns what came before."""
        got = []
        while True:
            msg = self.read(timeout)
            if msg is None:
                return got
            got.append(msg)

    def wait_event(self, kind: str, timeout: float = 2.0) -> dict[str, Any]:
        for n in self.notes:
            if n.get("method") == "event" and n["params"]["kind"] == kind:
                return n["params"]
        deadline = time.monotonic() + timeout
        while True:
            msg = self.read(max(0.01, deadline - time.monotonic()))
            assert msg is not None, f"connection closed while waiting for event {kind}"
            self.notes.append(msg)
            if msg.get("method") == "event" and msg["params"]["kind"] == kind:
                return msg["params"]

    def close(self) -> None:
        try:
            self.sock.close()
        except OSError:
            pass


FAST_LIMITS = dict(handshake_timeout_s=0.4, sim_tick_s=0.01)


class LiveServer:
    """The real asyncio server in a thread on 127.0.0.1, port 0."""

    def __init__(self, *, token: str = "", profile: str = "range-6", speed: float = 1.0,
                 telemetry_hz: float = 20.0, heartbeat_timeout_s: float = 0.4, link_loss_policy: str = "off",
                 remote_start: bool = True, ssl_context: ssl.SSLContext | None = None,
                 sndbuf: int | None = None, **limits: Any) -> None:
        self.log_handler = LogLines()
        self.logs = self.log_handler.lines
        self.server: StoveServer = build_sim_server(
            load_profile(profile), speed=speed, token=token, remote_start=remote_start,
            link_loss_policy=link_loss_policy, telemetry_hz=telemetry_hz,
            heartbeat_timeout_s=heartbeat_timeout_s, limits=ServerLimits(**{**FAST_LIMITS, **limits}))
        kw: dict[str, Any] = {"ssl_context": ssl_context}
        if sndbuf is not None:
            kw["sndbuf"] = sndbuf
        self.thread = ServerThread(self.server, "127.0.0.1", 0, **kw).start()
        self.address = self.thread.address
        self.clients: list[RawClient] = []

    def client(self, **kw: Any) -> RawClient:
        c = RawClient(self.address, **kw)
        self.clients.append(c)
        return c

    def zones_on(self) -> list[int]:
        return self.thread.call(lambda: [z.id for z in self.server.backend.snapshot().zones if z.is_on])

    def connection_count(self) -> int:
        return self.thread.call(lambda: len(self.server.connections))

    def wait_until(self, cond, timeout: float = 2.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if cond():
                return True
            time.sleep(0.01)
        return cond()

    def stop(self) -> None:
        for c in self.clients:
            c.close()
        self.thread.stop()
        self.log_handler.detach()


@pytest.fixture
def server_live():
    """Factory: ``server_live(**options)`` -> LiveServer; all are stopped after the test."""
    started: list[LiveServer] = []

    def make(**kw: Any) -> LiveServer:
        s = LiveServer(**kw)
        started.append(s)
        return s

    yield make
    for s in started:
        s.stop()


# -- client side: NetworkStove against a stub stove or the real server -------------------------
from stub_stove import Recorder, StubStove  # noqa: E402  (tests/protocol is on sys.path)

from kitchen_ui.protocol.client import Backoff  # noqa: E402
from kitchen_ui.protocol.network_stove import NetworkStove  # noqa: E402

# Short timings so loss, reconnection and timeouts play out in a fraction of a second.
CLIENT_FAST = dict(connect_timeout_s=1.0, request_timeout_s=0.5, max_tick_s=0.02, min_controller_retry_s=0.05)


@pytest.fixture
def client_stub():
    """Factory: ``client_stub(**StubStove options)`` -> a started stub stove; stopped after the test."""
    started: list[StubStove] = []

    def make(**kwargs: Any) -> StubStove:
        stub = StubStove(**kwargs).start()
        started.append(stub)
        return stub

    yield make
    for stub in started:
        stub.stop()


@pytest.fixture
def client_stove():
    """Factory: ``client_stove(url, **NetworkStove options)`` -> (started stove, Recorder); stopped after."""
    made: list[NetworkStove] = []

    def make(url: str, **kwargs: Any) -> tuple[NetworkStove, Recorder]:
        opts: dict[str, Any] = {**CLIENT_FAST, "backoff": Backoff(0.02, 0.1), **kwargs}
        stove = NetworkStove(url, **opts)
        rec = Recorder(stove)
        made.append(stove)
        stove.start()
        return stove, rec

    yield make
    for stove in made:
        stove.stop()


@pytest.fixture(scope="session")
def server_tls_cert(tmp_path_factory):
    """A self-signed certificate for localhost/127.0.0.1 made with the openssl CLI: (cert, key)."""
    d = tmp_path_factory.mktemp("tls")
    cert, key = d / "cert.pem", d / "key.pem"
    try:
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                        "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                       check=True, capture_output=True, timeout=30)
    except (FileNotFoundError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"openssl cannot make a test certificate: {exc}")
    return str(cert), str(key)
