"""The dashboard's side of a KSP/1 session, as a state machine with no sockets and no clock.

:class:`ClientSession` is fed the bytes a stove sends (``receive_data``) and the passing of
time (``tick``), and answers with events and bytes to send (``data_to_send``). It allocates
request ids, keeps the pending-request table, runs the ``hello`` handshake (controller first,
observer when the slot is taken, then retries for control), sends heartbeat pings and notices a
silent or misbehaving stove. The asyncio transport (``network_stove``) only moves bytes, so every
rule here is tested by feeding lines and numbers, without a network or a sleep.
"""

from __future__ import annotations

import logging
import random
import socket
from dataclasses import dataclass
from typing import Any, Callable

from .. import __version__
from ..core.errors import CONTROLLER_TAKEN, LinkError, KspError
from ..core.model import StoveEvent, StoveInfo, StoveState
from .codec import LineSplitter, LineTooLong, Notification, ProtocolViolation, encode, parse_incoming, request
from .shapes import PROTOCOL, ROLES, is_int, is_number, parse_event, parse_hello, parse_state

log = logging.getLogger(__name__)

CLIENT_NAME = f"kitchen-ui/{__version__} ({socket.gethostname() or 'unnamed'})"   # the screen, for the others
DEFAULT_CONTROLLER_RETRY_S = 5.0
MAX_PING_INTERVAL_S = 2.0    # a stove with a long heartbeat timeout is still checked this often
MAX_SILENCE_S = 10.0         # ...and given up on after this long without a byte


# -- events the session reports ---------------------------------------------------------------
@dataclass(frozen=True)
class HelloAccepted:
    """The stove accepted ``hello``; ``promoted`` is True when an observer just became controller."""
    role: str
    info: StoveInfo
    promoted: bool = False


@dataclass(frozen=True)
class ControllerTaken:
    """Another client controls the stove; the session observes and asks again after a while."""
    retry_after_s: float


@dataclass(frozen=True)
class HelloRefused:
    """The stove refused ``hello`` (token, protocol version): the connection must be closed."""
    error: KspError


@dataclass(frozen=True)
class Resynced:
    """The snapshot fetched right after ``hello`` (None if the stove refused ``state.get``)."""
    state: StoveState | None


@dataclass(frozen=True)
class TelemetryReceived:
    state: StoveState


@dataclass(frozen=True)
class EventReceived:
    event: StoveEvent


@dataclass(frozen=True)
class Answered:
    """A caller's request was answered with a result or a KSP error."""
    tag: Any
    result: Any = None
    error: KspError | None = None


@dataclass(frozen=True)
class TimedOut:
    """A caller's request got no answer in time; it is forgotten (a late answer is ignored)."""
    tag: Any
    method: str
    seconds: float


@dataclass(frozen=True)
class ConnectionBroken:
    """The stove broke the protocol or went silent: drop the connection and reconnect."""
    reason: str


@dataclass
class _Pending:
    method: str
    kind: str            # "user", "hello", "ping" or "resync"
    deadline: float
    tag: Any = None
    role: str | None = None   # the role a hello asked for


class ClientSession:
    """One dashboard's KSP/1 session with one stove, across reconnections (no I/O)."""

    def __init__(self, token: str = "", *, role: str = "controller", client: str = CLIENT_NAME,
                 request_timeout_s: float = 5.0, heartbeat_fraction: float = 0.25,
                 silence_timeout_s: float | None = None, min_controller_retry_s: float = 0.5) -> None:
        if role not in ROLES:
            raise ValueError(f"role must be 'controller' or 'observer', not {role!r}")
        if not 0 < heartbeat_fraction <= 1 / 3:
            raise ValueError("heartbeat_fraction must be above 0 and at most 1/3 (KSP/1 §2.5)")
        self.token = token
        self.wanted_role = role
        self.client = client
        self.request_timeout_s = request_timeout_s
        self.heartbeat_fraction = heartbeat_fraction
        self.silence_timeout_s = silence_timeout_s
        self.min_controller_retry_s = min_controller_retry_s
        self.info: StoveInfo | None = None
        self.session_id: str | None = None    # the stove's name for this session (hello result)
        self._next_id = 1
        self._reset(0.0)
        self.phase = "closed"

    def _reset(self, now: float) -> None:
        self.phase = "hello"            # "closed" -> "hello" -> "ready"; "broken" after a violation
        self.role: str | None = None
        self._splitter = LineSplitter()
        self._pending: dict[int, _Pending] = {}
        self._outbox = bytearray()
        self._last_sent = now
        self._last_received = now
        self._controller_retry_at: float | None = None

    # -- state ----------------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        """True once ``hello`` was accepted on the current connection."""
        return self.phase == "ready"

    @property
    def ping_interval(self) -> float:
        """Pings (controller and observer alike) keep the slot and show the stove still answers."""
        hb = self.info.heartbeat_timeout_s if self.info else 3.0
        return min(hb * self.heartbeat_fraction, MAX_PING_INTERVAL_S)

    @property
    def silence_limit(self) -> float:
        """How long a stove may send nothing at all (no answer, no telemetry) before we reconnect."""
        if self.silence_timeout_s is not None:
            return self.silence_timeout_s
        hb = self.info.heartbeat_timeout_s if self.info else 3.0
        return min(max(2.0 * hb, 2.0), MAX_SILENCE_S)

    # -- connection -----------------------------------------------------------------------------
    def connection_made(self, now: float) -> None:
        """A fresh connection: start over and say hello (KSP/1 §2.1: first, within 5 s)."""
        self._reset(now)
        self._send_hello(self.wanted_role, now)

    def connection_lost(self) -> list[Any]:
        """The connection is gone: returns the tags of callers' requests that got no answer."""
        tags = [p.tag for p in self._pending.values() if p.kind == "user"]
        self._pending.clear()
        self._outbox.clear()
        self.phase = "closed"
        self.role = None
        return tags

    def data_to_send(self) -> bytes:
        data = bytes(self._outbox)
        self._outbox.clear()
        return data

    # -- requests -------------------------------------------------------------------------------
    def send_request(self, method: str, params: dict[str, Any] | None, tag: Any, now: float) -> int:
        """Queue a caller's request; raises LinkError when not connected, ValueError on bad params."""
        if not self.ready:
            raise LinkError("not connected to the stove")
        return self._send(method, params, now, kind="user", tag=tag)

    def _send(self, method: str, params: dict[str, Any] | None, now: float, *, kind: str,
              tag: Any = None, role: str | None = None) -> int:
        id_ = self._next_id
        line = encode(request(id_, method, params))  # ValueError/TypeError before anything is queued
        self._next_id += 1
        self._pending[id_] = _Pending(method, kind, now + self.request_timeout_s, tag, role)
        self._outbox += line
        self._last_sent = now
        return id_

    def _send_hello(self, role: str, now: float) -> None:
        self._send("hello", {"protocol": PROTOCOL, "client": self.client, "token": self.token, "role": role},
                   now, kind="hello", role=role)

    def _hello_pending(self) -> bool:
        return any(p.kind == "hello" for p in self._pending.values())

    # -- input ----------------------------------------------------------------------------------
    def receive_data(self, data: bytes, now: float) -> list[Any]:
        """Bytes from the stove; returns the events they complete (stops at a violation)."""
        if self.phase in ("closed", "broken"):
            return []
        self._last_received = now
        events: list[Any] = []
        try:
            lines = self._splitter.feed(data)
        except LineTooLong:
            return self._broken(events, "the stove sent a line longer than 65,536 bytes")
        for line in lines:
            if not line.strip():
                continue
            try:
                msg = parse_incoming(line)
                if isinstance(msg, Notification):
                    events += self._on_notification(msg.method, msg.params, now)
                else:
                    events += self._on_response(msg.id, msg.result, msg.error, now)
            except ProtocolViolation as exc:
                return self._broken(events, f"the stove broke KSP/1: {exc}")
            if self.phase == "broken":
                break
        return events

    def _broken(self, events: list[Any], reason: str) -> list[Any]:
        self.phase = "broken"
        events.append(ConnectionBroken(reason))
        return events

    def _on_notification(self, method: str, params: dict[str, Any], now: float) -> list[Any]:
        zones = len(self.info.zones) if self.info else None
        if method == "telemetry":
            if self.phase != "ready":
                return []   # cannot be checked against the zones before hello
            return [TelemetryReceived(parse_state(params, zones))]
        if method == "event":
            ev = parse_event(params, zones)
            if (ev.kind in ("controller_changed", "link_lost") and self.ready
                    and self.role == "observer" and self.wanted_role == "controller"):
                self._controller_retry_at = now    # the slot may be free: ask at once
            return [EventReceived(ev)]
        log.info("ignoring a notification KSP/1 does not define: %r", method)
        return []

    def _on_response(self, id_: Any, result: Any, error: KspError | None, now: float) -> list[Any]:
        pending = self._pending.pop(id_, None) if is_int(id_) else None
        if pending is None:
            if error is not None:
                log.warning("stove reported an error for no request of ours (id %r): %s", id_, error.message)
            else:
                log.info("ignoring an answer to request %r (unknown or timed out)", id_)
            return []
        if pending.kind == "user":
            return [Answered(pending.tag, result, error)]
        if pending.kind == "hello":
            return self._on_hello(pending, result, error, now)
        if pending.kind == "resync":
            if error is not None:
                log.warning("stove refused state.get after hello: %s", error.message)
                return [Resynced(None)]
            zones = len(self.info.zones) if self.info else None
            return [Resynced(parse_state(result, zones, where="state.get result"))]
        if error is not None:   # ping
            log.warning("stove refused ping: %s", error.message)
        return []

    def _on_hello(self, pending: _Pending, result: Any, error: KspError | None, now: float) -> list[Any]:
        was_ready = self.ready
        if error is not None:
            if error.code == CONTROLLER_TAKEN and pending.role == "controller":
                retry = self._retry_after(error.data)
                self._controller_retry_at = now + retry
                if not was_ready:
                    self._send_hello("observer", now)
                return [ControllerTaken(retry)]
            if was_ready:  # a later hello refused for another reason: the session is no longer sound
                return self._broken([], f"the stove refused hello: {error.message} ({error.code})")
            self.phase = "broken"
            return [HelloRefused(error)]
        info = parse_hello(result)
        self.info = info
        self.session_id = result["session"]
        role = result["role"]
        promoted = was_ready and self.role == "observer" and role == "controller"
        self.role = role
        self.phase = "ready"
        if role == "observer" and self.wanted_role == "controller" and self._controller_retry_at is None:
            self._controller_retry_at = now + DEFAULT_CONTROLLER_RETRY_S
        if role == "controller":
            self._controller_retry_at = None
        if not was_ready:
            self._send("state.get", None, now, kind="resync")
        return [HelloAccepted(role, info, promoted)]

    def _retry_after(self, data: Any) -> float:
        v = data.get("retry_after_s") if isinstance(data, dict) else None
        seconds = float(v) if is_number(v) and v >= 0 else DEFAULT_CONTROLLER_RETRY_S
        return min(max(seconds, self.min_controller_retry_s), 300.0)

    # -- time -----------------------------------------------------------------------------------
    def tick(self, now: float) -> list[Any]:
        """Time passed: time out requests, notice silence, retry for control, send heartbeats."""
        if self.phase not in ("hello", "ready"):
            return []
        events: list[Any] = []
        for id_, p in list(self._pending.items()):
            if now < p.deadline:
                continue
            del self._pending[id_]
            if p.kind == "user":
                events.append(TimedOut(p.tag, p.method, self.request_timeout_s))
            else:
                return self._broken(events, f"the stove did not answer {p.method} within {self.request_timeout_s:g} s")
        if self.phase == "ready":
            silent = now - self._last_received
            if silent >= self.silence_limit:
                return self._broken(events, f"nothing heard from the stove for {silent:.1f} s")
            if (self._controller_retry_at is not None and now >= self._controller_retry_at
                    and self.role == "observer" and not self._hello_pending()):
                self._controller_retry_at = None
                self._send_hello("controller", now)
            if now - self._last_sent >= self.ping_interval:
                self._send("ping", None, now, kind="ping")
        return events

    def next_deadline(self) -> float | None:
        """When ``tick`` next has something to do (None while not connected)."""
        if self.phase not in ("hello", "ready"):
            return None
        times = [p.deadline for p in self._pending.values()]
        if self.phase == "ready":
            times.append(self._last_sent + self.ping_interval)
            times.append(self._last_received + self.silence_limit)
            if self._controller_retry_at is not None:
                times.append(self._controller_retry_at)
        return min(times) if times else None


class Backoff:
    """Reconnection delays: doubling from ``initial`` up to ``cap``, each cut by up to ``jitter``."""

    def __init__(self, initial: float = 0.5, cap: float = 15.0, factor: float = 2.0, jitter: float = 0.5,
                 rng: Callable[[], float] = random.random) -> None:
        if not (0 < initial <= cap and factor >= 1 and 0 <= jitter < 1):
            raise ValueError("backoff needs 0 < initial <= cap, factor >= 1 and 0 <= jitter < 1")
        self.initial, self.cap, self.factor, self.jitter = initial, cap, factor, jitter
        self._rng = rng
        self._attempt = 0

    def next(self) -> float:
        base = min(self.cap, self.initial * self.factor ** min(self._attempt, 64))
        self._attempt += 1
        return base * (1.0 - self.jitter * self._rng())

    def reset(self) -> None:
        self._attempt = 0
