"""One stove behind the bridge: its KSP/1 feed and recording, and what it publishes.

A :class:`BridgedStove` joins the kitchen (:class:`~kitchen_ui.app.kitchen.Kitchen`, so its
sessions are recorded as the dashboard records them) through a :class:`~kitchen_ui.app.feed.StoveFeed`
whose ``post`` puts the stove thread's calls on the bridge's event loop
(``loop.call_soon_threadsafe``): the stove thread never waits for MQTT. On the loop, each
telemetry message, event, link change and hello becomes a message in the :class:`~.outbox.Outbox`.
"""

from __future__ import annotations

import json
import logging
from typing import Callable

from ..app.feed import StoveFeed
from ..app.kitchen import Kitchen
from ..core.model import LinkState, LinkStatus, StoveEvent, StoveInfo, StoveState
from ..core.stove import Stove
from .discovery import StateThrottle, discovery_messages
from .outbox import Outbox
from .topics import OFFLINE, ONLINE, Topics

log = logging.getLogger(__name__)


def telemetry_payload(state: StoveState) -> str:
    """``StoveState.to_dict()`` as JSON, without ``dataclasses.asdict``'s deep copies: at 40 stoves
    times 10 Hz that copying was the largest cost on the bridge's loop (zone fields are plain values)."""
    return json.dumps({"seq": state.seq, "t": state.t, "locked": state.locked,
                       "zones": [dict(vars(z)) for z in state.zones]})


def link_payload(link: LinkState) -> str:
    """``link/state``: how the bridge reaches the stove (never its address or token)."""
    return json.dumps({"status": link.status.value, "role": link.role, "problem": link.problem,
                       "message": link.message})


class BridgedStove:
    def __init__(self, name: str, stove: Stove, kitchen: Kitchen, outbox: Outbox, topics: Topics, *,
                 bridge_id: str, control: bool, discovery_prefix: str, throttle: StateThrottle,
                 clock: Callable[[], float], on_state: Callable[..., None] = lambda force=False: None,
                 flush_interval_s: float = 2.0) -> None:
        self.name = name
        self.stove = stove
        self.outbox = outbox
        self.topics = topics
        self.bridge_id = bridge_id
        self.control = control
        self.discovery_prefix = discovery_prefix
        self.throttle = throttle
        self.clock = clock
        self.on_state = on_state
        self.feed = StoveFeed(stove, kitchen.post)
        # the bridge keeps its own database: a stove it only watches is recorded there too
        self.app = kitchen.add_stove(name, self.feed, flush_interval_s=flush_interval_s, observer_records=True)
        self.feed.state_changed.connect(self._on_state)
        self.feed.event_received.connect(self._on_event)
        self.feed.link_changed.connect(self._on_link)
        self.feed.info_changed.connect(self._on_info)

    @property
    def info(self) -> StoveInfo | None:
        return self.feed.info

    @property
    def state(self) -> StoveState | None:
        return self.feed.state

    @property
    def online(self) -> bool:
        return self.feed.link.online

    # -- the retained picture of this stove -----------------------------------------------------
    def info_payload(self) -> str | None:
        info = self.feed.info
        if info is None:
            return None
        return json.dumps({"name": self.name, "bridge": self.bridge_id, "control": self.control,
                           "hello": info.to_hello_fields()})

    def announce(self, *, discovery: bool = True) -> None:
        """Queue everything retained about this stove (at connect, after a broker lost it all)."""
        info = self.info_payload()
        if info is not None:
            self.outbox.retained(self.topics.info(self.name), info)
        self._publish_link(self.feed.link)
        if discovery:
            self.announce_discovery()

    def announce_discovery(self) -> None:
        info = self.feed.info
        if info is None:
            return
        for topic, payload in discovery_messages(self.topics, self.discovery_prefix, self.name, info,
                                                 self.bridge_id):
            self.outbox.retained(topic, payload)
        state = self.feed.state
        if state is not None:
            self.throttle.forget(self.name)     # the broker may have lost the retained state: send it now
            payload = self.throttle.offer(self.name, self.clock(), state)
            if payload is not None:
                self.outbox.retained(self.topics.ha_state(self.name), payload)

    def goodbye(self) -> list[tuple[str, str]]:
        """The retained messages a bridge that stops leaves behind for this stove."""
        link = LinkState(LinkStatus.CLOSED, message="the bridge stopped")
        return [(self.topics.link(self.name), OFFLINE), (self.topics.link_state(self.name), link_payload(link))]

    # -- from the stove (on the loop) -----------------------------------------------------------
    def _on_state(self, state: StoveState) -> None:
        self.outbox.telemetry(self.topics.telemetry(self.name), telemetry_payload(state))
        payload = self.throttle.offer(self.name, self.clock(), state)
        if payload is not None:
            self.outbox.retained(self.topics.ha_state(self.name), payload)
        self.on_state()

    def _on_event(self, ev: StoveEvent) -> None:
        self.outbox.must(self.topics.event(self.name), json.dumps(ev.to_dict()))

    def _on_link(self, link: LinkState) -> None:
        log.info("%s: %s%s", self.name, link.status.value, f" ({link.message})" if link.message else "")
        self._publish_link(link)
        self.on_state(force=True)       # the kitchen's total counts only stoves online

    def _publish_link(self, link: LinkState) -> None:
        self.outbox.retained(self.topics.link(self.name), ONLINE if link.online else OFFLINE)
        self.outbox.retained(self.topics.link_state(self.name), link_payload(link))

    def _on_info(self, _info: StoveInfo) -> None:
        payload = self.info_payload()
        if payload is not None:
            self.outbox.retained(self.topics.info(self.name), payload)
        self.announce_discovery()       # a new hello may bring other zones

    # -- lifecycle ------------------------------------------------------------------------------
    def close(self) -> None:
        try:
            self.stove.stop()
        except Exception:                    # one stove that fails to stop must not keep the others
            log.exception("%s: stopping the stove failed", self.name)
        self.feed.close()

