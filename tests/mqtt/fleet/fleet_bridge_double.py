"""A stand-in for the Hearth bridge, for the fleet tests: real MQTT publishes, real stoves.

It publishes what :mod:`kitchen_ui.mqtt.topics` says a bridge publishes, for in-process simulated
stoves (``connect.open_simulated``): retained info, link and link state, every telemetry sample,
events; and it answers KSP/1 requests from the request topics as the bridge does, through the
stove's own method table: without ``control`` only switch-offs act. Used until the real bridge
(``kitchen-ui bridge``) is on this branch, and by the benchmark.
"""

from __future__ import annotations

import json
import threading
import time

import paho.mqtt.client as paho

from kitchen_ui.connect import open_simulated
from kitchen_ui.core.errors import READ_ONLY, KspError, LinkError
from kitchen_ui.core.ksp import METHODS
from kitchen_ui.mqtt.topics import OFFLINE, ONLINE, Topics


class BridgeDouble:
    def __init__(self, host: str, port: int, names: list[str], *, control: bool = False, zones: int = 4,
                 bridge_id: str = "test-bridge", prefix: str = "hearth", speed: float = 1.0,
                 threaded: bool = True, login: tuple[str, str] | None = None) -> None:
        self.t = Topics(prefix)
        self.control, self.bridge_id = control, bridge_id
        # each stove its own KSP/1 id (not its name: a screen matches recipe runs by id)
        self.stoves = {n: open_simulated(zones=zones, speed=speed, threaded=threaded, stove_id=f"{n}.{bridge_id}.local")
                       for n in names}
        self.requests_seen: list[dict] = []
        self.silent = False              # True: requests are read and never answered (a hung bridge)
        self.published = {n: 0 for n in names}
        c = self.client = paho.Client(paho.CallbackAPIVersion.VERSION2, client_id=f"double-{bridge_id}")
        c.will_set(self.t.bridge_status(bridge_id), OFFLINE, qos=1, retain=True)
        if login is not None:
            c.username_pw_set(*login)
        c.max_queued_messages_set(0)
        c.on_connect = self._connected
        c.on_message = self._message
        self._ready = threading.Event()
        c.connect(host, port, keepalive=10)
        c.loop_start()
        if not self._ready.wait(10):
            raise RuntimeError("the bridge double could not connect to the broker")

    def start(self) -> "BridgeDouble":
        c, t = self.client, self.t
        c.publish(t.bridge_status(self.bridge_id), ONLINE, qos=1, retain=True)
        for name, stove in self.stoves.items():
            stove.telemetry.connect(lambda st, n=name: self._telemetry(n, st))
            stove.event.connect(lambda ev, n=name: c.publish(t.event(n), json.dumps(ev.to_dict()), qos=1))
            stove.start()
            self.publish_info(name)
            self.set_stove_link(name, "online")
        return self

    def publish_info(self, name: str) -> None:
        info = self.stoves[name].info
        msg = {"name": name, "bridge": self.bridge_id, "control": self.control, "hello": info.to_hello_fields()}
        self.client.publish(self.t.info(name), json.dumps(msg), qos=1, retain=True).wait_for_publish(5)

    def set_stove_link(self, name: str, status: str, message: str = "") -> None:
        role = "controller" if self.control else "observer"
        self.client.publish(self.t.link_state(name), json.dumps(
            {"status": status, "role": role, "problem": "" if status == "online" else "dropped",
             "message": message or f"{status}"}), qos=1, retain=True)
        self.client.publish(self.t.link(name), ONLINE if status == "online" else OFFLINE, qos=1, retain=True)

    def _telemetry(self, name: str, state) -> None:
        self.published[name] += 1
        self.client.publish(self.t.telemetry(name), json.dumps(state.to_dict()), qos=0)

    def _connected(self, client, _u, _f, _rc, _p) -> None:
        client.subscribe(self.t.all_stoves("request"), 1)
        if self._ready.is_set():         # reconnected: say again that this bridge is up
            client.publish(self.t.bridge_status(self.bridge_id), ONLINE, qos=1, retain=True)
        self._ready.set()

    def _message(self, client, _u, msg) -> None:
        split = self.t.split(msg.topic)
        if split is None or split[0] not in self.stoves:
            return
        try:
            req = json.loads(msg.payload)
            rid, method, params, reply_to = req["id"], req["method"], req.get("params") or {}, req["reply_to"]
        except (ValueError, KeyError, TypeError):
            return
        self.requests_seen.append(req)
        if self.silent:
            return
        spec = METHODS.get(method)
        if not self.control and (spec is None or not spec.switches_off(params)):
            self._answer(reply_to, rid, error=KspError(READ_ONLY, f"{method}: this bridge only switches off"))
            return
        fut = self.stoves[split[0]].request(method, params)
        fut.add_done_callback(lambda f: self._answer(reply_to, rid, f))

    def _answer(self, reply_to: str, rid, fut=None, error: Exception | None = None) -> None:
        if fut is not None:
            error = fut.exception()
        if error is not None:
            err = error if isinstance(error, KspError) else KspError(-32603, str(error))
            body = {"id": rid, "error": err.to_dict()}
        else:
            body = {"id": rid, "result": fut.result()}
        self.client.publish(reply_to, json.dumps(body, default=str), qos=1)

    def zones_on(self) -> dict[str, int]:
        return {n: sum(z.is_on for z in s.state.zones) for n, s in self.stoves.items() if s.state is not None}

    def stop(self, *, clean: bool = True) -> None:
        for stove in self.stoves.values():
            stove.stop()
        if clean:
            self.client.publish(self.t.bridge_status(self.bridge_id), OFFLINE, qos=1, retain=True).wait_for_publish(5)
            self.client.disconnect()
        self.client.loop_stop()


def wait_until(predicate, timeout_s: float = 20.0, what: str = "condition", pump=None):
    """Poll ``predicate`` until true or fail naming ``what``; ``pump`` runs between polls (Qt events)."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout_s:g} s waiting for {what}")
        if pump is not None:
            pump()
        else:
            time.sleep(0.02)


__all__ = ["BridgeDouble", "wait_until", "LinkError"]
