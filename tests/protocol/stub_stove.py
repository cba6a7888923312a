"""A minimal KSP/1 stove written from the contract text alone, to test the dashboard's client.

It shares no code with kitchen_ui (not the simulator, not the codec, not the server): plain
asyncio and json, so a misreading of the contract in our code is not repeated here. Its zones
differ from our profiles ("left"/"right" by default). It runs its own event loop in a thread
and can be told to misbehave: hold the controller slot (-32003), refuse new connections, drop
every connection, leave a method unanswered, hang (``frozen``), or send a raw (malformed) line. Every request it
receives is recorded with its wall-clock time.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import ssl
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable

CONTROLLER_ONLY = {"zone.set_level", "zone.set_boost", "zone.set_target", "zone.set_timer", "stove.set_lock"}


@dataclass
class Received:
    conn: int
    t: float            # time.monotonic() on arrival
    method: str
    params: dict
    role: str | None    # the connection's role when it arrived


@dataclass
class _Conn:
    id: int
    writer: asyncio.StreamWriter
    role: str | None = None
    hz: float = 10.0
    seq: int = 0
    last_heard: float = field(default_factory=time.monotonic)
    telemetry: asyncio.Task | None = None


class StubError(Exception):
    def __init__(self, code: int, message: str, data: Any = None) -> None:
        super().__init__(message)
        self.code, self.message, self.data = code, message, data


class StubStove:
    def __init__(self, *, zones: tuple[str, ...] = ("left", "right"), token: str = "",
                 telemetry_hz: float = 20.0, heartbeat_timeout_s: float = 3.0, retry_after_s: float = 0.2,
                 ssl_context: ssl.SSLContext | None = None, boost_zones: tuple[int, ...] = (0,)) -> None:
        self.zone_names = zones
        self.token = token
        self.telemetry_hz = telemetry_hz
        self.heartbeat_timeout_s = heartbeat_timeout_s
        self.retry_after_s = retry_after_s
        self.ssl_context = ssl_context
        self.boost_zones = boost_zones
        self.hold_controller_slot = False   # pretend another dashboard controls the stove
        self.refuse_connections = False     # accept and close at once
        self.mute: set[str] = set()         # methods left unanswered
        self.frozen = False                 # a hung stove: sends nothing, answers nothing, stays connected
        self.received: list[Received] = []
        self.connections_made = 0
        self.locked = False
        self.zones = [self._zone_state(i) for i in range(len(zones))]
        self.port = 0
        self._t0 = time.monotonic()
        self._conns: dict[int, _Conn] = {}
        self._controller: int | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.base_events.Server | None = None

    # -- lifecycle (test thread) ----------------------------------------------------------------
    def start(self) -> "StubStove":
        ready = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ready,), daemon=True, name="stub-stove")
        self._thread.start()
        if not ready.wait(5):
            raise RuntimeError("stub stove did not start")
        return self

    def stop(self) -> None:
        if self._loop is not None:
            self.call(self._shutdown)
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(5)

    def _run(self, ready: threading.Event) -> None:
        self._loop = asyncio.new_event_loop()
        self._server = self._loop.run_until_complete(
            asyncio.start_server(self._serve, "127.0.0.1", 0, ssl=self.ssl_context))
        self.port = self._server.sockets[0].getsockname()[1]
        ready.set()
        self._loop.run_forever()
        self._loop.close()

    async def _shutdown(self) -> None:
        self._server.close()
        self._drop_all()
        await asyncio.sleep(0.01)

    def call(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Run fn (a plain function or a coroutine function) on the stub's loop and wait for it."""
        async def wrapper() -> Any:
            r = fn(*args)
            return await r if asyncio.iscoroutine(r) else r
        return asyncio.run_coroutine_threadsafe(wrapper(), self._loop).result(5)

    # -- controls (test thread) -----------------------------------------------------------------
    def drop_connections(self) -> None:
        self.call(self._drop_all)

    def send_raw(self, line: bytes) -> None:
        """Send bytes as they are to every connection (for malformed-message tests)."""
        self.call(lambda: [c.writer.write(line) for c in self._conns.values()])

    def emit_event(self, kind: str, zone: int | None, message: str) -> None:
        self.call(self._broadcast_event, kind, zone, message)

    def methods(self, conn: int | None = None) -> list[str]:
        return [r.method for r in list(self.received) if conn is None or r.conn == conn]

    @property
    def controller_conn(self) -> int | None:
        return self._controller

    # -- the protocol (stub loop) ---------------------------------------------------------------
    def _zone_state(self, i: int) -> dict[str, Any]:
        return {"id": i, "mode": "off", "level": 0, "boost": False, "target_c": None, "temp_c": 21.0,
                "pan_temp_c": 21.0, "power_w": 0.0, "energy_wh": 0.0, "pan": True, "residual_heat": False,
                "timer_s": None, "fault": None}

    def _now(self) -> float:
        return round(time.monotonic() - self._t0, 3)

    def _hello_result(self, role: str) -> dict[str, Any]:
        return {
            "protocol": "ksp/1", "role": role, "session": f"stub-{self.connections_made}",
            "stove": {"id": "stub-1", "model": "Stub two-ring hob", "firmware": "9.9", "sim": False},
            "zones": [{"id": i, "name": n, "kind": "radiant" if i % 2 else "induction", "diameter_mm": 180,
                       "max_power_w": 1800, "boost_power_w": 2800 if i in self.boost_zones else None,
                       "levels": 9, "min_target_c": 40, "max_target_c": 220}
                      for i, n in enumerate(self.zone_names)],
            "limits": {"max_pan_temp_c": 280, "residual_heat_c": 55},
            "telemetry_hz": self.telemetry_hz, "heartbeat_timeout_s": self.heartbeat_timeout_s,
            "link_loss_policy": "off", "remote_start": True,
        }

    def _snapshot(self, conn: _Conn | None) -> dict[str, Any]:
        return {"seq": conn.seq if conn else 0, "t": self._now(), "locked": self.locked,
                "zones": [dict(z) for z in self.zones]}

    def _send(self, conn: _Conn, msg: dict[str, Any]) -> None:
        if not conn.writer.is_closing():
            conn.writer.write(json.dumps(msg).encode() + b"\n")

    def _broadcast_event(self, kind: str, zone: int | None, message: str) -> None:
        ev = {"jsonrpc": "2.0", "method": "event",
              "params": {"t": self._now(), "kind": kind, "zone": zone, "message": message}}
        for c in list(self._conns.values()):
            if c.role is not None:
                self._send(c, ev)

    def _drop_all(self) -> None:
        for c in list(self._conns.values()):
            c.writer.transport.abort()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections_made += 1
        if self.refuse_connections:
            writer.transport.abort()
            return
        conn = _Conn(self.connections_made, writer)
        self._conns[conn.id] = conn
        watchdog = asyncio.create_task(self._watch(conn))
        try:
            while True:
                line = await asyncio.wait_for(reader.readline(), 5.0 if conn.role is None else None)
                if not line:
                    break
                conn.last_heard = time.monotonic()
                if not await self._on_line(conn, line):
                    break
        except (asyncio.TimeoutError, ConnectionError, ssl.SSLError, ValueError):
            pass
        finally:
            watchdog.cancel()
            if conn.telemetry:
                conn.telemetry.cancel()
            self._conns.pop(conn.id, None)
            writer.transport.abort()
            if self._controller == conn.id:
                self._lose_controller("the controller's connection closed")

    async def _watch(self, conn: _Conn) -> None:
        """Heartbeat (§2.5): a controller silent for heartbeat_timeout_s loses the slot."""
        while True:
            await asyncio.sleep(self.heartbeat_timeout_s / 10)
            if self._controller == conn.id and time.monotonic() - conn.last_heard > self.heartbeat_timeout_s:
                self._lose_controller("no heartbeat from the controller")
                conn.role = "observer"

    def _lose_controller(self, why: str) -> None:
        self._controller = None
        for z in range(len(self.zones)):
            self.zones[z] = self._zone_state(z)
        self._broadcast_event("link_lost", None, why)

    async def _on_line(self, conn: _Conn, line: bytes) -> bool:
        """Handle one request; False closes the connection."""
        try:
            msg = json.loads(line)
        except ValueError:
            self._send(conn, {"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "parse error"}})
            return True
        if (not isinstance(msg, dict) or "id" not in msg or not isinstance(msg.get("method"), str)
                or not isinstance(msg.get("params", {}), dict)):
            self._send(conn, {"jsonrpc": "2.0", "id": None, "error": {"code": -32600, "message": "invalid request"}})
            return True
        id_, method, params = msg["id"], msg["method"], msg.get("params", {})
        self.received.append(Received(conn.id, time.monotonic(), method, params, conn.role))
        if method in self.mute or self.frozen:
            return True
        keep_open = True
        try:
            if method == "hello":
                result = self._hello(conn, params)
            elif conn.role is None:
                keep_open = False
                raise StubError(-32001, "say hello first")
            else:
                result = self._call(conn, method, params)
        except StubError as exc:
            err = {"code": exc.code, "message": exc.message}
            if exc.data is not None:
                err["data"] = exc.data
            self._send(conn, {"jsonrpc": "2.0", "id": id_, "error": err})
            if exc.code == -32001:
                keep_open = False
        else:
            self._send(conn, {"jsonrpc": "2.0", "id": id_, "result": result})
        await conn.writer.drain()
        return keep_open

    def _hello(self, conn: _Conn, p: dict[str, Any]) -> dict[str, Any]:
        if p.get("protocol") != "ksp/1":
            raise StubError(-32002, "unsupported protocol", {"supported": ["ksp/1"]})
        if not hmac.compare_digest(str(p.get("token", "")).encode(), self.token.encode()):
            raise StubError(-32001, "wrong token")
        role = p.get("role")
        if role not in ("controller", "observer"):
            raise StubError(-32602, "role: must be controller or observer")
        if role == "controller" and self._controller != conn.id:
            if self.hold_controller_slot or self._controller is not None:
                raise StubError(-32003, "controller slot taken", {"retry_after_s": self.retry_after_s})
            self._controller = conn.id
            self._broadcast_event("controller_changed", None, "a new controller")
        if role == "observer" and self._controller == conn.id:
            self._controller = None
        conn.role = role
        if conn.telemetry is None:
            conn.telemetry = asyncio.create_task(self._telemetry(conn))
        return self._hello_result(role)

    async def _telemetry(self, conn: _Conn) -> None:
        while True:
            if not self.frozen:
                conn.seq += 1
                self._send(conn, {"jsonrpc": "2.0", "method": "telemetry", "params": self._snapshot(conn)})
            await asyncio.sleep(1.0 / conn.hz)

    def _zone(self, p: dict[str, Any]) -> int:
        z = p.get("zone")
        if isinstance(z, bool) or not isinstance(z, int) or not 0 <= z < len(self.zones):
            raise StubError(-32602, f"zone: no zone {z!r}")
        return z

    def _call(self, conn: _Conn, method: str, p: dict[str, Any]) -> Any:
        if method in CONTROLLER_ONLY and conn.role != "controller":
            raise StubError(-32004, f"{method} needs the controller role")
        if method == "ping":
            return {"t": self._now()}
        if method == "state.get":
            return self._snapshot(None)
        if method == "telemetry.set_rate":
            hz = p.get("hz")
            if isinstance(hz, bool) or not isinstance(hz, (int, float)) or not 1 <= hz <= 20:
                raise StubError(-32602, "hz: must be a number 1..20")
            conn.hz = hz
            return {"hz": hz}
        if method == "stove.all_off":
            on = [z for z in self.zones if z["mode"] != "off"]
            for z in range(len(self.zones)):
                self.zones[z] = self._zone_state(z)
            return {"zones_switched_off": len(on)}
        if method == "stove.set_lock":
            if not isinstance(p.get("locked"), bool):
                raise StubError(-32602, "locked: must be true or false")
            self.locked = p["locked"]
            return {"locked": self.locked}
        if method == "zone.off":
            z = self._zone(p)
            self.zones[z] = self._zone_state(z)
            return self.zones[z]
        if method == "zone.set_level":
            z = self._zone(p)
            level = p.get("level")
            if isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= 9:
                raise StubError(-32602, "level: must be an integer 0..9")
            if self.locked and level > self.zones[z]["level"]:
                raise StubError(-32005, "locked")
            zone = self._zone_state(z)
            if level:
                zone.update(mode="level", level=level, power_w=1800 * level / 9)
            self.zones[z] = zone
            return zone
        if method == "zone.set_target":
            z = self._zone(p)
            t = p.get("temp_c", "missing")
            if t is not None and (isinstance(t, bool) or not isinstance(t, (int, float)) or not 40 <= t <= 220):
                raise StubError(-32602, "temp_c: must be a number 40..220 or null")
            if self.locked and t is not None:
                raise StubError(-32005, "locked")
            zone = self._zone_state(z)
            if t is not None:
                zone.update(mode="target", level=5, target_c=float(t), power_w=900.0)
            self.zones[z] = zone
            return zone
        raise StubError(-32601, f"method not found: {method}")


class Recorder:
    """Collects what a stove's signals emit (from any thread) and waits for a condition."""

    def __init__(self, stove: Any) -> None:
        self.links: list[Any] = []
        self.states: list[Any] = []
        self.events: list[Any] = []
        self.infos: list[Any] = []
        self._cond = threading.Condition()
        stove.link_changed.connect(self._on_link)
        stove.telemetry.connect(self._on_state)
        stove.event.connect(self._on_event)
        stove.info_changed.connect(self._on_info)

    def _add(self, bucket: list[Any], item: Any) -> None:
        with self._cond:
            bucket.append(item)
            self._cond.notify_all()

    def _on_link(self, link: Any) -> None:
        self._add(self.links, link)

    def _on_state(self, state: Any) -> None:
        self._add(self.states, state)

    def _on_event(self, ev: Any) -> None:
        self._add(self.events, ev)

    def _on_info(self, info: Any) -> None:
        self._add(self.infos, info)

    def wait(self, predicate: Callable[[], Any], timeout: float = 3.0, what: str = "a condition") -> Any:
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                value = predicate()
                if value:
                    return value
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"timed out after {timeout} s waiting for {what}; links: "
                                         + "; ".join(f"{lk.status.value}/{lk.role}: {lk.message}" for lk in self.links))
                self._cond.wait(min(left, 0.05))

    def wait_link(self, status: str, *, role: str | None = None, after: int = 0, timeout: float = 3.0) -> Any:
        """The first link state with this status (and role) recorded at index ``after`` or later."""
        def found() -> Any:
            for lk in self.links[after:]:
                if lk.status.value == status and (role is None or lk.role == role):
                    return lk
            return None
        return self.wait(found, timeout, f"link {status}" + (f" as {role}" if role else ""))


def wait_until(predicate: Callable[[], Any], timeout: float = 3.0, what: str = "a condition") -> Any:
    """Poll something that no signal announces (what the stub received), briefly."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.005)
