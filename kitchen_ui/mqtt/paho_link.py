"""One paho-mqtt client for a screen: logged in from a :class:`~.broker.BrokerLogin`, on paho's
own network thread, reconnecting by itself.

The fleet screen and each :class:`~.remote_stove.MqttStove` use it. paho rather than aiomqtt
here: its network thread already is the "own thread" a screen needs (the GUI thread never
touches a socket), and it reconnects with a capped backoff without a loop of ours. Subscriptions
are made again on every connect, since the session is clean.
"""

from __future__ import annotations

import logging
import uuid
from typing import Callable

import paho.mqtt.client as paho

from .broker import BrokerLogin

log = logging.getLogger(__name__)
KEEPALIVE_S = 15


def client_id(role: str) -> str:
    """A fresh client id: ``hearth-<role>-<8 hex>`` (also names this client's reply topic)."""
    return f"hearth-{role}-{uuid.uuid4().hex[:8]}"


class PahoLink:
    """A connected-or-reconnecting client; ``on_message(topic, payload)`` runs on paho's thread."""

    def __init__(self, login: BrokerLogin, identifier: str, subscriptions: list[tuple[str, int]],
                 on_message: Callable[[str, bytes], None],
                 on_connection: Callable[[bool, str], None] | None = None,
                 reconnect_max_s: float = 8.0) -> None:
        self.login, self.identifier = login, identifier
        self.subscriptions = list(subscriptions)
        self.on_message, self.on_connection = on_message, on_connection
        self.connected = False
        c = self.client = paho.Client(paho.CallbackAPIVersion.VERSION2, client_id=identifier,
                                      protocol=paho.MQTTv311, clean_session=True)
        if login.username:
            c.username_pw_set(login.username, login.password)
        ctx = login.tls_context()
        if ctx is not None:
            c.tls_set_context(ctx)
        c.reconnect_delay_set(min_delay=1, max_delay=max(1, int(reconnect_max_s)))
        c.max_queued_messages_set(1000)
        c.on_connect = self._connected
        c.on_disconnect = self._disconnected
        c.on_message = self._message
        c.on_connect_fail = self._connect_failed
        self._started = False
        self._refusal = ""          # why the broker last refused us, until it accepts

    @property
    def where(self) -> str:
        return str(self.login.address)

    def start(self) -> None:
        if self._started:
            return
        self._started = True
        self.client.connect_async(self.login.address.host, self.login.address.port, keepalive=KEEPALIVE_S)
        self.client.loop_start()

    def stop(self) -> None:
        if not self._started:
            return
        self._started = False
        try:
            self.client.disconnect()
        finally:
            self.client.loop_stop()
        self.connected = False

    def subscribe(self, topic: str, qos: int = 0) -> None:
        """Subscribe now (if connected) and again after every reconnect."""
        if (topic, qos) in self.subscriptions:
            return
        self.subscriptions.append((topic, qos))
        if self.connected:
            self.client.subscribe(topic, qos)

    def publish(self, topic: str, payload: str | bytes, qos: int = 1, retain: bool = False) -> bool:
        """Queue a message; False when the broker is not connected (nothing is queued then)."""
        if not self.connected:
            return False
        info = self.client.publish(topic, payload, qos=qos, retain=retain)
        return info.rc == paho.MQTT_ERR_SUCCESS

    # -- paho's thread ----------------------------------------------------------------------------
    def _connected(self, client, _userdata, _flags, reason_code, _props) -> None:
        if reason_code.is_failure:
            self._refusal = f"the broker {self.where} refused the login ({reason_code}); trying again"
            self._tell(False, self._refusal)
            return
        self._refusal = ""
        self.connected = True
        if self.subscriptions:
            client.subscribe(list(self.subscriptions))
        self._tell(True, f"connected to the broker {self.where}")

    def _disconnected(self, _client, _userdata, _flags, reason_code, _props) -> None:
        was = self.connected
        self.connected = False
        if self._refusal:          # paho disconnects after a refused login: the refusal is what to tell
            return
        if self._started:
            why = "the connection dropped" if was else f"cannot reach it ({reason_code})"
            self._tell(False, f"lost the broker {self.where}: {why}; reconnecting")

    def _connect_failed(self, _client, _userdata) -> None:
        if self._started:
            self._tell(False, f"cannot reach the broker {self.where}; trying again")

    def _message(self, _client, _userdata, msg) -> None:
        try:
            self.on_message(msg.topic, msg.payload)
        except Exception:  # a bad message or a buggy handler must not stop the network thread
            log.exception("handling a message on %s failed", msg.topic)

    def _tell(self, up: bool, message: str) -> None:
        if self.on_connection is not None:
            try:
                self.on_connection(up, message)
            except Exception:
                log.exception("a connection handler failed")
