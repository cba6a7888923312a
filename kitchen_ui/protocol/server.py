"""The stove side of KSP/1 as plain state machines: no sockets, no asyncio, no wall clock.

A :class:`StoveServer` serves one :class:`~kitchen_ui.core.backend.StoveBackend` (the simulator,
or a bridge to a real appliance) and owns the rules that span connections (the controller slot,
the connection limit, event fan-out, link loss); a :class:`Connection` holds one
client's session (hello deadline, token, rate limit, invalid-line window, telemetry rate and
``seq``). The adapter feeds received bytes with the current wall time and carries out the
returned actions, so every rule of the contract is unit-tested with injected time. It logs
through stdlib :mod:`logging` (``kitchen_ui.protocol.server``); internal errors with their traceback.
"""

from __future__ import annotations

import hmac
import logging
import uuid
from collections import deque
from dataclasses import dataclass, replace
from typing import Any, Union

from ..core.backend import Session, StoveBackend
from ..core.errors import (
    CONTROLLER_TAKEN, INTERNAL_ERROR, INVALID_PARAMS, INVALID_REQUEST, NOT_AUTHENTICATED,
    RATE_LIMITED, UNSUPPORTED_PROTOCOL, KspError,
)
from ..core.ksp import PROTOCOL, ROLES, authorize, is_switch_off
from ..core.model import StoveEvent
from .codec import (
    MAX_LINE_BYTES, BadRequest, LineSplitter, LineTooLong, encode, error, notification, parse_request,
    result,
)
from .limits import ServerLimits, TokenBucket

log = logging.getLogger(__name__)
REQUESTED_EVENTS = frozenset({"all_off", "lock_changed", "controller_changed"})


@dataclass(frozen=True)
class Send:
    """Write these bytes to the connection."""

    data: bytes


@dataclass(frozen=True)
class Close:
    """Close the connection once everything sent before has been written."""

    reason: str


Action = Union[Send, Close]


class Connection:
    """One client's session; created by :meth:`StoveServer.connect`."""

    def __init__(self, server: "StoveServer", cid: int, now: float, peer: str) -> None:
        self.server = server
        self.id = cid
        self.peer = peer
        self.opened_at = now
        self.session = Session(role=None, remote=True, telemetry_hz=server.telemetry_hz)
        self.session_id = ""
        self.hello_seen = False          # a hello arrived: the 5 s deadline is met
        self.closed: str | None = None   # the reason, once closed
        self.last_heard = now
        self.seq = 0                     # telemetry messages sent on this connection
        self.next_telemetry: float | None = None
        self._splitter = LineSplitter(MAX_LINE_BYTES)
        self._bucket = TokenBucket(server.limits.rate_per_s, server.limits.rate_burst, now)
        self._invalid: deque[float] = deque()
        self._out: list[Action] = []

    @property
    def role(self) -> str | None:
        return self.session.role

    @property
    def authenticated(self) -> bool:
        return self.session.role is not None

    def __repr__(self) -> str:
        return f"<Connection {self.id} {self.peer} {self.role or 'unauthenticated'}>"

    # -- input ----------------------------------------------------------------------------------
    def receive_data(self, data: bytes, now: float) -> list[Action]:
        """Bytes as they came off the socket; returns what to do on this connection."""
        if self.closed:
            return self.take()
        try:
            lines = self._splitter.feed(data)
        except LineTooLong as exc:
            for line in exc.lines:
                if not self.closed:
                    self._handle_line(line, now)
            self._line_too_long(now)
            return self.take()
        for line in lines:
            if self.closed:
                break
            self._handle_line(line, now)
        return self.take()

    def connection_lost(self, now: float, reason: str = "closed by the client") -> None:
        """The socket closed (or the adapter dropped it); the server applies link loss at once."""
        self.server._drop(self, now, reason, send_close=False)

    def take(self) -> list[Action]:
        out, self._out = self._out, []
        return out

    # -- output ---------------------------------------------------------------------------------
    def send(self, message: dict[str, Any]) -> None:
        try:
            data = encode(message)
        except (ValueError, TypeError) as exc:  # a result that is not JSON: a bug, not a crash
            log.exception("connection %d: cannot encode a message: %s", self.id, exc)
            data = encode(error(message.get("id"), KspError(INTERNAL_ERROR, "internal error: unencodable result")))
        self.send_raw(data)

    def send_raw(self, data: bytes) -> None:
        if not self.closed:
            self._out.append(Send(data))
            self.server._dirty[self.id] = self

    def close(self, now: float, reason: str) -> None:
        self.server._drop(self, now, reason, send_close=True)

    # -- rules ----------------------------------------------------------------------------------
    def _line_too_long(self, now: float) -> None:
        self.send(error(None, KspError(INVALID_REQUEST,
                                       f"invalid request: line longer than {MAX_LINE_BYTES} bytes")))
        self.close(now, "line too long")

    def _handle_line(self, line: bytes, now: float) -> None:
        self.last_heard = now
        parsed = parse_request(line)
        if isinstance(parsed, BadRequest):
            self.send(error(parsed.id, parsed.error))
            self._count_invalid(now)
            return
        off = self.authenticated and is_switch_off(parsed.method, parsed.params)
        if not self._bucket.take(now) and not off:   # switching off is never refused
            lim = self.server.limits
            self.send(error(parsed.id, KspError(
                RATE_LIMITED, f"rate limited: more than {lim.rate_per_s:g} requests a second (bursts of "
                f"{lim.rate_burst}); not executed", {"retry_after_s": round(self._bucket.wait_s(), 3)})))
            return
        if parsed.method == "hello":
            self.hello_seen = True
            self.server._hello(self, parsed.id, parsed.params, now)
        elif not self.authenticated:
            self.send(error(parsed.id, KspError(NOT_AUTHENTICATED,
                                                "not authenticated: the first request must be hello")))
            self.close(now, f"{parsed.method!r} before hello")
        else:
            self.server._execute(self, parsed.id, parsed.method, parsed.params)

    def _count_invalid(self, now: float) -> None:
        lim = self.server.limits
        self._invalid.append(now)
        while self._invalid and self._invalid[0] <= now - lim.invalid_window_s:
            self._invalid.popleft()
        if len(self._invalid) > lim.invalid_lines:
            self.close(now, f"more than {lim.invalid_lines} invalid lines within {lim.invalid_window_s:g} s")


class StoveServer:
    """Everything a KSP/1 stove decides, for any number of connections, driven by the adapter."""

    def __init__(self, backend: StoveBackend, *, token: str = "", limits: ServerLimits | None = None) -> None:
        self.backend = backend
        self.token = token
        self.limits = limits or ServerLimits()
        self.connections: dict[int, Connection] = {}
        self.controller: Connection | None = None
        self._dirty: dict[int, Connection] = {}
        self._next_id = 1
        self._events: list[StoveEvent] = []
        self._next_sim: float | None = None
        self._sim = bool(backend.hello_fields()["stove"]["sim"])   # sim.* methods exist on simulators only
        backend.event.connect(self._on_stove_event)

    # -- configuration announced in hello (kept on the backend, which builds the hello fields) ---
    @property
    def telemetry_hz(self) -> float:
        return self.backend.telemetry_hz

    @telemetry_hz.setter
    def telemetry_hz(self, hz: float) -> None:
        self.backend.telemetry_hz = hz

    @property
    def heartbeat_timeout_s(self) -> float:
        return self.backend.heartbeat_timeout_s

    @heartbeat_timeout_s.setter
    def heartbeat_timeout_s(self, s: float) -> None:
        self.backend.heartbeat_timeout_s = s

    # -- connections ----------------------------------------------------------------------------
    def connect(self, now: float, peer: str = "") -> Connection | None:
        """A client connected; None means the stove is full and the socket must close at once."""
        if len(self.connections) >= self.limits.max_connections:
            log.warning("refused %s: %d connections already", peer, self.limits.max_connections)
            return None
        conn = Connection(self, self._next_id, now, peer)
        self._next_id += 1
        self.connections[conn.id] = conn
        log.info("connection %d from %s (%d open)", conn.id, peer or "?", len(self.connections))
        return conn

    def _drop(self, conn: Connection, now: float, reason: str, *, send_close: bool) -> None:
        if conn.closed:
            return
        if send_close:
            conn._out.append(Close(reason))
            self._dirty[conn.id] = conn
        conn.closed = reason
        self.connections.pop(conn.id, None)
        log.info("connection %d closed: %s", conn.id, reason)
        if conn is self.controller:
            self._link_lost(f"the controller's connection closed ({reason})")
        self._flush_events()

    def take_output(self) -> list[tuple[Connection, list[Action]]]:
        """Actions waiting on every connection (fan-out, telemetry, closes); the adapter acts on them."""
        dirty, self._dirty = self._dirty, {}
        return [(c, out) for c in dirty.values() if (out := c.take())]

    def close_all(self, now: float, reason: str = "the stove is shutting down") -> None:
        for conn in list(self.connections.values()):
            conn.close(now, reason)

    # -- hello (the only method the backend does not handle) ------------------------------------
    def _hello(self, conn: Connection, id_: Any, p: dict[str, Any], now: float) -> None:
        try:
            role, client = self._check_hello(p)
        except KspError as exc:
            conn.send(error(id_, exc))
            return
        if not hmac.compare_digest(_utf8(p["token"]), _utf8(self.token)):
            conn.send(error(id_, KspError(NOT_AUTHENTICATED, "not authenticated: wrong token")))
            conn.close(now, "wrong token")
            return
        was_controller = conn is self.controller
        if role == "controller" and self.controller is not None and not was_controller:
            wait = self.heartbeat_timeout_s - (now - self.controller.last_heard)
            conn.send(error(id_, KspError(CONTROLLER_TAKEN, "controller slot taken: another client controls the stove",
                                          {"retry_after_s": round(max(wait, 0.1), 3)})))
            return
        first = not conn.authenticated
        conn.session.role, conn.session.client = role, client
        if first:
            conn.session_id = uuid.uuid4().hex
        conn.send(result(id_, {"protocol": PROTOCOL, "role": role, "session": conn.session_id,
                               **self.backend.hello_fields()}))
        log.info("connection %d: hello as %s from %r", conn.id, role, client)
        if first:
            self._send_telemetry([conn], now)
        if role == "controller" and not was_controller:
            self.controller = conn
            self._server_event("controller_changed", f"connection {conn.id} ({client}) is the controller", conn)
        elif role == "observer" and was_controller:
            self.controller = None
            self._server_event("controller_changed", "no controller: the controller became an observer")
        self._flush_events()

    @staticmethod
    def _check_hello(p: dict[str, Any]) -> tuple[str, str]:
        for name in ("protocol", "token", "role"):
            if name not in p:
                raise KspError(INVALID_PARAMS, f"{name}: missing")
            if not isinstance(p[name], str):
                raise KspError(INVALID_PARAMS, f"{name}: must be a string, not {p[name]!r}")
        if p["protocol"] != PROTOCOL:
            raise KspError(UNSUPPORTED_PROTOCOL, f"unsupported protocol {p['protocol']!r}; this stove speaks {PROTOCOL}",
                           {"supported": [PROTOCOL]})
        if p["role"] not in ROLES:
            raise KspError(INVALID_PARAMS, f"role: must be controller or observer, not {p['role']!r}")
        client = p.get("client", "")
        if not isinstance(client, str):
            raise KspError(INVALID_PARAMS, f"client: must be a string, not {client!r}")
        return p["role"], client[:200]

    # -- every other method ---------------------------------------------------------------------
    def _execute(self, conn: Connection, id_: Any, method: str, params: dict[str, Any]) -> None:
        mark = len(self._events)
        try:
            authorize(conn.role, method, params, sim=self._sim)   # the roles hold whatever the backend
            value = self.backend.call(conn.session, method, params)
        except KspError as exc:
            conn.send(error(id_, exc))
        except Exception as exc:  # a bug in the stove must not take the server down; its traceback is logged
            log.exception("connection %d: internal error in %s: %r", conn.id, method, exc)
            conn.send(error(id_, KspError(INTERNAL_ERROR, f"internal error: {type(exc).__name__}")))
        else:
            if method == "state.get":
                value["seq"] = conn.seq
            elif method == "telemetry.set_rate" and conn.next_telemetry is not None:
                conn.next_telemetry = min(conn.next_telemetry, conn.last_heard + 1.0 / conn.session.telemetry_hz)
            conn.send(result(id_, value))
            self._events[mark:] = [self._attributed(ev, conn) for ev in self._events[mark:]]
        self._flush_events()

    # -- time -----------------------------------------------------------------------------------
    def tick(self, now: float) -> None:
        """Run physics, deadlines, heartbeat and telemetry up to ``now`` (wall seconds)."""
        if self._next_sim is None or now >= self._next_sim:
            behind = self.backend.update()
            self._next_sim = now if behind else now + self.limits.sim_tick_s
        self._flush_events()
        for conn in list(self.connections.values()):
            if not conn.hello_seen and now - conn.opened_at >= self.limits.handshake_timeout_s:
                conn.close(now, f"no hello within {self.limits.handshake_timeout_s:g} s")
        c = self.controller
        if c is not None and now - c.last_heard >= self.heartbeat_timeout_s:
            c.close(now, f"controller silent for {self.heartbeat_timeout_s:g} s")
        due = [c for c in self.connections.values()
               if c.next_telemetry is not None and now >= c.next_telemetry]
        if due:
            self._send_telemetry(due, now)

    def next_deadline(self) -> float:
        """The wall time at which :meth:`tick` has something to do."""
        times = [self._next_sim if self._next_sim is not None else 0.0]
        for c in self.connections.values():
            if not c.hello_seen:
                times.append(c.opened_at + self.limits.handshake_timeout_s)
            if c.next_telemetry is not None:
                times.append(c.next_telemetry)
        if self.controller is not None:
            times.append(self.controller.last_heard + self.heartbeat_timeout_s)
        return min(times)

    def _send_telemetry(self, conns: list[Connection], now: float) -> None:
        params = self.backend.snapshot().to_dict()
        del params["seq"]
        try:
            body = encode(params)[1:-1]   # the snapshot once; only seq differs between connections
        except ValueError as exc:         # NaN from the physics: skip this one, say so, keep going
            log.warning("telemetry not sent: %s", exc)
            body = None
        head = b'{"jsonrpc":"2.0","method":"telemetry","params":{"seq":'
        for c in conns:
            if body is not None:
                c.seq += 1
                c.send_raw(b"%s%d,%s}\n" % (head, c.seq, body))
            period = 1.0 / c.session.telemetry_hz
            nxt = (c.next_telemetry if c.next_telemetry is not None else now) + period
            c.next_telemetry = nxt if nxt > now else now + period   # late: skip, never burst

    # -- events ---------------------------------------------------------------------------------
    def _server_event(self, kind: str, message: str, by: Connection | None = None) -> None:
        ev = StoveEvent(t=round(self.backend.now(), 3), kind=kind, zone=None, message=message)
        self._events.append(ev if by is None else self._attributed(ev, by))

    @staticmethod
    def _attributed(ev: StoveEvent, conn: Connection) -> StoveEvent:
        """An event a client's request caused names that client (KSP/1 §3: ``by``, ``by_session``)."""
        if ev.kind not in REQUESTED_EVENTS:
            return ev          # physics events that happen to fall in the request's update are nobody's doing
        return replace(ev, by=conn.session.client or f"connection {conn.id}", by_session=conn.session_id)

    def _on_stove_event(self, ev: StoveEvent) -> None:
        self._events.append(ev)

    def _flush_events(self) -> None:
        while self._events:
            events = self._events[:]
            del self._events[:]
            for ev in events:
                log.info("event %s%s: %s", ev.kind, "" if ev.zone is None else f" zone {ev.zone}", ev.message)
                data = encode(notification("event", ev.to_dict()))
                for c in self.connections.values():
                    if c.authenticated:
                        c.send_raw(data)

    def _link_lost(self, why: str) -> None:
        self.controller = None
        what = self.backend.link_lost()
        self._server_event("link_lost", f"link to the controller lost: {why}; {what}")
        self._server_event("controller_changed", "no controller")


def _utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")
