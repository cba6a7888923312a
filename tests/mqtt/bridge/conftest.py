"""The bridge under test: in-process on its own loop (sim stoves, fast reconnects), and a watcher.

A :class:`Watcher` is what a subscriber on the broker sees (paho in its own thread): tests wait
on conditions over the messages it has collected, with a deadline, never for a fixed time.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from dataclasses import dataclass

import paho.mqtt.client as paho
import pytest

from kitchen_ui.connect import open_simulated
from kitchen_ui.mqtt.bridge import Bridge, BridgeConfig, BridgeThread
from kitchen_ui.mqtt.broker import broker_login
from kitchen_ui.mqtt.topics import Topics

_ids = itertools.count(1)


@dataclass(frozen=True)
class Seen:
    topic: str
    payload: bytes
    retain: bool
    at: float

    @property
    def text(self) -> str:
        return self.payload.decode("utf-8", "replace")

    def json(self):
        return json.loads(self.payload)


class Watcher:
    """A test client: subscribes, collects every message, publishes."""

    def __init__(self, broker, topics=("#",), *, username=None, password=None, ca_cert=None) -> None:
        self.seen: list[Seen] = []
        self._cond = threading.Condition()
        self._subscribed = threading.Event()
        self.client = paho.Client(paho.CallbackAPIVersion.VERSION2, client_id=f"watcher-{next(_ids)}")
        if username:
            self.client.username_pw_set(username, password)
        if ca_cert:
            self.client.tls_set(ca_certs=ca_cert)
        self.client.on_message = self._on_message
        self.client.on_subscribe = lambda *a: self._subscribed.set()
        self.client.connect(broker.host, broker.port)
        self.client.loop_start()
        self.client.subscribe([(t, 1) for t in topics])
        assert self._subscribed.wait(5), "the watcher's subscription was not acknowledged"

    def _on_message(self, _client, _userdata, msg) -> None:
        with self._cond:
            self.seen.append(Seen(msg.topic, bytes(msg.payload), bool(msg.retain), time.monotonic()))
            self._cond.notify_all()

    def on(self, topic: str, since: int = 0) -> list[Seen]:
        with self._cond:
            return [m for m in self.seen[since:] if m.topic == topic]

    def mark(self) -> int:
        with self._cond:
            return len(self.seen)

    def wait(self, pred, timeout: float = 5.0, since: int = 0, what: str = "a message") -> Seen:
        """The first message from ``since`` on for which ``pred(msg)`` is true, waiting up to ``timeout``."""
        deadline = time.monotonic() + timeout
        checked = since
        with self._cond:
            while True:
                for m in self.seen[checked:]:
                    checked += 1
                    try:
                        if pred(m):
                            return m
                    except (ValueError, KeyError, IndexError, TypeError):
                        pass
                left = deadline - time.monotonic()
                if left <= 0:
                    topics = sorted({m.topic for m in self.seen[since:]})[:30]
                    raise AssertionError(f"no {what} within {timeout} s; topics seen: {topics}")
                self._cond.wait(left)

    def publish(self, topic: str, payload, qos: int = 1, retain: bool = False) -> None:
        info = self.client.publish(topic, payload, qos=qos, retain=retain)
        info.wait_for_publish(5)

    def close(self) -> None:
        self.client.disconnect()         # first: the network thread then ends without waiting out its select
        self.client.loop_stop()


class RunningBridge:
    def __init__(self, bridge: Bridge, thread: BridgeThread, sims: dict) -> None:
        self.bridge, self.thread, self.sims = bridge, thread, sims

    def wait_connected(self, connections: int = 1, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.bridge.connections >= connections and self.bridge.connected.is_set():
                return
            if self.thread.error is not None:
                raise self.thread.error
            time.sleep(0.01)     # polling a real broker connection made on another thread
        raise AssertionError(f"the bridge did not connect {connections} time(s) within {timeout} s")

    def stop(self) -> None:
        self.thread.stop()
        assert self.thread.error is None, self.thread.error


@pytest.fixture
def start_bridge(tmp_path):
    """``start_bridge(broker, sims=2, control=False, stoves=[(name, Stove)], **login)`` -> RunningBridge."""
    running: list[RunningBridge] = []

    def start(broker, *, sims: int = 2, control: bool = False, stoves=(), db=None, prefix="hearth",
              username=None, password_file=None, ca_cert=None, wait=True, **config) -> RunningBridge:
        login = broker_login(broker.url, username=username, password_file=password_file, ca_cert=ca_cert)
        cfg = BridgeConfig(login=login, topics=Topics(prefix), bridge_id="test", control=control,
                           db_path=str(db or tmp_path / "kitchen.sqlite3"), reconnect_initial_s=0.1,
                           reconnect_cap_s=0.5, **config)
        sim_stoves = {f"sim-{i}": open_simulated(zones=4, stove_id=f"test-sim-{i}") for i in range(1, sims + 1)}
        bridge = Bridge(cfg, [*sim_stoves.items(), *stoves])
        rb = RunningBridge(bridge, BridgeThread(bridge).start(), sim_stoves)
        running.append(rb)
        if wait:
            rb.wait_connected()
        return rb

    yield start
    for rb in running:
        rb.thread.stop()


@pytest.fixture
def watch():
    made: list[Watcher] = []

    def make(broker, topics=("#",), **login) -> Watcher:
        w = Watcher(broker, topics, **login)
        made.append(w)
        return w

    yield make
    for w in made:
        w.close()


@pytest.fixture(scope="module")
def broker_tls_cert(tmp_path_factory):
    """A self-signed certificate for localhost/127.0.0.1 made with the openssl CLI: (cert, key)."""
    import subprocess

    d = tmp_path_factory.mktemp("broker-tls")
    cert, key = d / "cert.pem", d / "key.pem"
    try:
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                        "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                       check=True, capture_output=True, timeout=30)
    except (FileNotFoundError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"openssl cannot make a test certificate: {exc}")
    return str(cert), str(key)
