"""A stove seen through a Hearth bridge on an MQTT broker, behind the one :class:`Stove` interface.

What the bridge publishes for the stove (see :mod:`.topics`) becomes the stove's info,
telemetry, events and link; ``request()`` publishes a KSP/1 request on the stove's ``request``
topic and the bridge answers on this client's reply topic, so the stove's own rules (observer,
remote start, switch-off always allowed) decide exactly as they do for a direct KSP/1 client.

The link says ``mqtt://HOST:PORT/<stove>``. It is online when the broker, the bridge and the
bridge's own KSP/1 link to the stove are all up; the role is ``controller`` only when the bridge
runs with ``--control``. Losing any of them makes the link LOST (the values go stale) while paho
reconnects by itself. Signals come from paho's network thread, as a network stove's do from its
client thread.
"""

from __future__ import annotations

import json
import logging
import threading
from concurrent.futures import Future
from typing import Any

from ..core.errors import LinkError
from ..core.model import LinkState, LinkStatus, StoveEvent, StoveInfo, StoveState
from ..core.stove import Stove, completed
from .broker import BrokerLogin
from .paho_link import PahoLink, client_id
from .requests import DEFAULT_TIMEOUT_S, Requests
from .topics import OFFLINE, ONLINE, Topics, check_stove_name

log = logging.getLogger(__name__)


def parse_info(payload: bytes) -> tuple[StoveInfo, dict[str, Any]] | None:
    """(StoveInfo, the whole info object) from an ``info`` payload; None if empty or malformed."""
    try:
        msg = json.loads(payload)
        hello = msg["hello"]
        info = StoveInfo.from_hello(hello)
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        if payload:
            log.warning("ignoring a malformed stove info: %s", exc)
        return None
    return info, msg


class MqttStove(Stove):
    """The stove a bridge publishes as ``name`` under ``topics``' prefix."""

    def __init__(self, login: BrokerLogin, name: str, *, topics: Topics | None = None,
                 request_timeout_s: float = DEFAULT_TIMEOUT_S, identifier: str | None = None) -> None:
        super().__init__()
        self.name = check_stove_name(name)
        self.topics = topics or Topics()
        self.transport = f"{login.address}/{name}"
        self.link = LinkState(LinkStatus.CONNECTING, transport=self.transport)
        t = self.topics
        self._route = {t.info(name): self._on_info, t.telemetry(name): self._on_telemetry,
                       t.event(name): self._on_event, t.link_state(name): self._on_link_state,
                       t.link(name): self._on_availability}
        self.mqtt = PahoLink(login, identifier or client_id("screen"),
                             [(t.info(name), 1), (t.telemetry(name), 0), (t.event(name), 1),
                              (t.link_state(name), 1), (t.link(name), 1)],
                             self._on_message, self._on_broker)
        self.requests = Requests(self.mqtt, t, request_timeout_s)
        self._lock = threading.Lock()
        self.control = False
        self._broker_up, self._broker_message = False, "connecting to the broker"
        self._bridge_topic: str | None = None
        self._bridge_online: bool | None = None
        self._stove_link: dict[str, Any] | None = None
        self._availability: str | None = None
        self._ever_online = self._was_lost = False
        self._running = False

    # -- Stove -----------------------------------------------------------------------------------
    def start(self) -> None:
        if self._running:
            return
        self._running = True
        self._set_link(LinkState(LinkStatus.CONNECTING, message=f"connecting to {self.transport}",
                                 transport=self.transport))
        self.mqtt.start()

    def stop(self) -> None:
        if not self._running:
            return
        self._running = False
        self.mqtt.stop()
        self.requests.fail_all("the stove's MQTT link was closed")
        self._set_link(LinkState(LinkStatus.CLOSED, message="disconnected", transport=self.transport))

    def request(self, method: str, params: dict[str, Any] | None = None) -> Future:
        if not self._running:
            return completed(error=LinkError("not connected: the MQTT stove is not running"))
        return self.requests.send(self.name, method, params)

    # -- paho's thread ---------------------------------------------------------------------------
    def _on_broker(self, up: bool, message: str) -> None:
        self._broker_up, self._broker_message = up, message
        if up:      # what the broker holds now is said again (a restarted broker may have forgotten it)
            self._bridge_online = None
        else:
            self.requests.fail_all(message)
        self._update_link()

    def _on_message(self, topic: str, payload: bytes) -> None:
        if topic == self.requests.reply_topic:
            self.requests.on_reply(payload)
        elif topic == self._bridge_topic:
            self._bridge_online = payload.decode("utf-8", "replace") != OFFLINE
            self._update_link()
        else:
            handler = self._route.get(topic)
            if handler is not None:
                handler(payload)

    def _on_info(self, payload: bytes) -> None:
        parsed = parse_info(payload)
        if parsed is None:
            if not payload:        # the bridge forgot the stove (retained message cleared)
                self.info = None
                self._update_link()
            return
        info, msg = parsed
        self.control = msg.get("control") is True
        bridge = msg.get("bridge")
        if isinstance(bridge, str) and bridge and self._bridge_topic is None:
            self._bridge_topic = self.topics.bridge_status(bridge)
            self.mqtt.subscribe(self._bridge_topic, 1)
        self._publish_info(info)
        self._update_link()

    def _on_telemetry(self, payload: bytes) -> None:
        try:
            state = StoveState.from_dict(json.loads(payload))
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            log.warning("%s: ignoring malformed telemetry: %s", self.name, exc)
            return
        if self.info is not None and len(state.zones) != len(self.info.zones):
            log.warning("%s: telemetry with %d zones for a stove of %d; ignored", self.name,
                        len(state.zones), len(self.info.zones))
            return
        self._publish_state(state)

    def _on_event(self, payload: bytes) -> None:
        try:
            ev = StoveEvent.from_dict(json.loads(payload))
        except (ValueError, TypeError, AttributeError) as exc:
            log.warning("%s: ignoring a malformed event: %s", self.name, exc)
            return
        self._publish_event(ev)

    def _on_link_state(self, payload: bytes) -> None:
        try:
            msg = json.loads(payload) if payload else None
        except ValueError:
            msg = None
        self._stove_link = msg if isinstance(msg, dict) else None
        self._update_link()

    def _on_availability(self, payload: bytes) -> None:
        self._availability = payload.decode("utf-8", "replace") or None
        self._update_link()

    # -- the link as the cook reads it -----------------------------------------------------------
    def _stove_reachable(self) -> tuple[bool, str]:
        if self._stove_link is not None:
            status = str(self._stove_link.get("status", ""))
            message = str(self._stove_link.get("message", "")) or status
            return status == LinkStatus.ONLINE.value, message
        if self._availability is not None:
            return self._availability == ONLINE, f"the bridge says the stove is {self._availability}"
        return True, ""

    def _update_link(self) -> None:
        with self._lock:
            if not self._running:
                return
            problem = ""
            if not self._broker_up:
                status, message, problem = LinkStatus.LOST, self._broker_message, "dropped"
            elif self._bridge_online is False:
                status, message = LinkStatus.LOST, "the bridge for this stove is offline (its last will)"
                problem = "dropped"
            elif self.info is None:
                status, message = LinkStatus.CONNECTING, f"waiting for {self.name} on the broker"
            else:
                reachable, why = self._stove_reachable()
                if reachable:
                    role = "controller" if self.control else "observer"
                    verb = "reconnected" if self._was_lost else "connected"
                    status, message = LinkStatus.ONLINE, f"{verb} to {self.name} through the broker as {role}"
                else:
                    status, message, problem = LinkStatus.LOST, f"the bridge has lost the stove: {why}", "dropped"
            if status is LinkStatus.LOST and not self._ever_online:
                # not reached yet: "connecting", with the reason as detail (KSP/1's problem words, about a
                # stove's address and token, would mislead about a broker)
                status, problem = LinkStatus.CONNECTING, ""
            role = ("controller" if self.control else "observer") if status is LinkStatus.ONLINE else None
            link = LinkState(status, role=role, message=message, transport=self.transport, problem=problem)
            if link == self.link:
                return
            self._ever_online = self._ever_online or status is LinkStatus.ONLINE
            self._was_lost = self._was_lost or status is LinkStatus.LOST
        self._set_link(link)
