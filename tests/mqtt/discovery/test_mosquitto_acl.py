"""The example Mosquitto ACL and config in packaging/mosquitto/, on a real Mosquitto: every client
logs in, a bridge's stove topics are written by that bridge only, HA and screens send commands,
the archive is the sharing kitchens' area. A refused publish is proven absent by a marker sent
after it (the broker handles messages in order), never by waiting a while."""

from __future__ import annotations

import datetime as dt
import getpass
import ipaddress
import itertools
import re
import threading
import time
from pathlib import Path

import paho.mqtt.client as paho
import pytest
from broker_process import Mosquitto, free_port

EXAMPLE = Path(__file__).resolve().parents[3] / "packaging" / "mosquitto"
USERS = {"bridge-main": "b-secret", "homeassistant": "ha-secret", "screen": "s-secret", "viewer": "v-secret",
         "hearth-archive": "a-secret", "stranger": "x-secret"}
_ids = itertools.count(1)


class Client:
    """One logged-in MQTT client (paho in its own thread) that keeps what it receives."""

    def __init__(self, host: str, port: int, user: str | None, *, subscribe=(), ca_cert: str | None = None):
        self.seen: list[tuple[str, str]] = []
        self._cond = threading.Condition()
        self._connected = threading.Event()
        self.refusal = None
        self.client = paho.Client(paho.CallbackAPIVersion.VERSION2, client_id=f"acl-{user}-{next(_ids)}")
        if user:
            self.client.username_pw_set(user, USERS[user])
        if ca_cert:
            self.client.tls_set(ca_certs=ca_cert)
        self.client.on_connect = self._on_connect
        self.client.on_message = self._on_message
        self.client.connect(host, port)
        self.client.loop_start()
        assert self._connected.wait(5), "no answer to CONNECT"
        if subscribe and self.refusal is None:
            done = threading.Event()
            self.client.on_subscribe = lambda *a: done.set()
            self.client.subscribe([(t, 1) for t in subscribe])
            assert done.wait(5)

    def _on_connect(self, _c, _u, _flags, reason, _props) -> None:
        self.refusal = reason if reason.is_failure else None
        self._connected.set()

    def _on_message(self, _c, _u, msg) -> None:
        with self._cond:
            self.seen.append((msg.topic, bytes(msg.payload).decode()))
            self._cond.notify_all()

    def publish(self, topic: str, payload: str) -> None:
        """Publish at QoS 1 and wait for the broker's acknowledgement (sent for refused ones too)."""
        info = self.client.publish(topic, payload, qos=1)
        info.wait_for_publish(5)
        assert info.is_published()

    def wait_for(self, topic: str, payload: str, timeout: float = 5.0) -> list[tuple[str, str]]:
        """Everything received up to and including (topic, payload)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while (topic, payload) not in self.seen:
                left = deadline - time.monotonic()
                assert left > 0, f"{payload!r} on {topic} never arrived; got {self.seen}"
                self._cond.wait(left)
            return self.seen[:self.seen.index((topic, payload)) + 1]

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


@pytest.fixture
def broker(mosquitto_factory):
    return mosquitto_factory(users=USERS, acl=(EXAMPLE / "acl").read_text())


@pytest.fixture
def connect(broker):
    made: list[Client] = []

    def make(user, **kw) -> Client:
        made.append(Client(broker.host, broker.port, user, **kw))
        return made[-1]

    yield make
    for c in made:
        c.close()


def test_anonymous_clients_are_refused(connect):
    assert connect(None).refusal is not None
    assert connect("screen").refusal is None


@pytest.mark.parametrize("intruder", ["screen", "homeassistant", "viewer", "hearth-archive", "stranger"])
def test_only_the_bridge_writes_its_stoves_topics(connect, intruder):
    bridge = connect("bridge-main", subscribe=["hearth/wok/#", "hearth/bridge/main/status"])
    screen = connect("screen", subscribe=["hearth/#"])
    ha = connect("homeassistant", subscribe=["homeassistant/#"])
    hostile = connect(intruder)
    forged = [("hearth/wok/telemetry", '{"seq": 1, "zones": []}'), ("hearth/wok/link", "offline"),
              ("hearth/wok/state", "{}"), ("hearth/bridge/main/status", "offline"),
              ("hearth/wok/error", "{}")]
    for topic, payload in forged:
        hostile.publish(topic, payload)
    hostile.publish("homeassistant/sensor/wok/wok_1_temperature/config", '{"name": "forged"}')
    bridge.publish("hearth/wok/telemetry", "marker")
    bridge.publish("homeassistant/sensor/wok/wok_1_temperature/config", "marker")
    for seen in (bridge.wait_for("hearth/wok/telemetry", "marker"), screen.wait_for("hearth/wok/telemetry", "marker")):
        assert seen == [("hearth/wok/telemetry", "marker")]
    assert ha.wait_for("homeassistant/sensor/wok/wok_1_temperature/config", "marker") == [
        ("homeassistant/sensor/wok/wok_1_temperature/config", "marker")]


def test_a_bridge_cannot_write_another_bridges_stoves(connect):
    screen = connect("screen", subscribe=["hearth/#"])
    bridge = connect("bridge-main")
    bridge.publish("hearth/oven/telemetry", "not mine")
    bridge.publish("hearth/bridge/other/status", "offline")
    bridge.publish("hearth/wok/telemetry", "marker")
    assert screen.wait_for("hearth/wok/telemetry", "marker") == [("hearth/wok/telemetry", "marker")]


def test_ha_and_screens_send_commands_the_viewer_cannot(connect):
    bridge = connect("bridge-main", subscribe=["hearth/wok/zone/+/level/set", "hearth/wok/all_off/set",
                                               "hearth/wok/request", "homeassistant/status"])
    ha, screen, viewer = connect("homeassistant"), connect("screen"), connect("viewer")
    viewer.publish("hearth/wok/all_off/set", "viewer")
    ha.publish("hearth/wok/telemetry", "ha")                 # not a command topic: refused
    ha.publish("homeassistant/status", "online")
    ha.publish("hearth/wok/all_off/set", "PRESS")
    ha.publish("hearth/wok/zone/2/level/set", "0")
    screen.publish("hearth/wok/request", '{"id": 1}')
    assert bridge.wait_for("hearth/wok/request", '{"id": 1}') == [
        ("homeassistant/status", "online"), ("hearth/wok/all_off/set", "PRESS"),
        ("hearth/wok/zone/2/level/set", "0"), ("hearth/wok/request", '{"id": 1}')]


def test_the_archive_is_the_sharing_kitchens_write_area(connect):
    screen = connect("screen", subscribe=["hearth/archive/+"])
    connect("screen").publish("hearth/archive/by-screen", "{}")
    connect("bridge-main").publish("hearth/archive/by-bridge", "{}")
    connect("hearth-archive").publish("hearth/archive/soup", '{"name": "Soup"}')
    assert screen.wait_for("hearth/archive/soup", '{"name": "Soup"}') == [("hearth/archive/soup", '{"name": "Soup"}')]


def _self_signed(folder: Path) -> tuple[str, str]:
    x509 = pytest.importorskip("cryptography.x509")
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "broker")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                        x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                           critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    (folder / "broker.crt").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (folder / "broker.key").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                          serialization.PrivateFormat.PKCS8,
                                                          serialization.NoEncryption()))
    return str(folder / "broker.crt"), str(folder / "broker.key")


def test_the_example_config_itself_runs_refuses_anonymous_and_serves_tls(tmp_path):
    """mosquitto.conf as shipped, with only its paths and ports moved into the test's folder."""
    folder = tmp_path / "conf"
    folder.mkdir()
    cert, _ = _self_signed(folder)
    (folder / "acl").write_text((EXAMPLE / "acl").read_text())
    helper = Mosquitto(tmp_path / "users", users=USERS)          # makes the hashed password file
    plain, tls = free_port(), free_port()
    text = "\n".join(line for line in (EXAMPLE / "mosquitto.conf").read_text().splitlines()
                     if not line.startswith("#"))
    text = text.replace("/etc/mosquitto/hearth/passwords", str(helper.folder / "passwords"))
    text = text.replace("/etc/mosquitto/hearth/", f"{folder}/")
    text = re.sub(r"^listener 1883 ", f"listener {plain} ", text, flags=re.M)
    text = re.sub(r"^listener 8883$", f"listener {tls} 127.0.0.1", text, flags=re.M)
    assert " /etc/" not in text and " /var/" not in text
    broker = Mosquitto(tmp_path / "run", port=plain)
    broker.config.write_text(f"user {getpass.getuser()}\nlog_dest stderr\n{text}")
    broker.start()
    clients = []
    try:
        clients.append(Client(broker.host, plain, None))
        assert clients[-1].refusal is not None
        reader = Client(broker.host, tls, "screen", subscribe=["hearth/#"], ca_cert=cert)
        clients.append(reader)
        assert reader.refusal is None
        writer = Client(broker.host, tls, "bridge-main", ca_cert=cert)
        clients.append(writer)
        writer.publish("hearth/wok/link", "online")
        assert reader.wait_for("hearth/wok/link", "online")[-1] == ("hearth/wok/link", "online")
    finally:
        for c in clients:
            c.close()
        broker.stop()
