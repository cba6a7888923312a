"""What the bridge has yet to publish, bounded: a slow broker costs old telemetry, never an event.

Three kinds wait separately and leave in this order: messages that must all arrive (events,
errors, replies: kept, in order), retained messages (info, link, HA state, kitchen power: only
the newest per topic matters, so a newer one replaces the one waiting) and telemetry (a bounded
queue that drops its oldest message when full; :attr:`dropped` counts them). Used on the
bridge's event loop only.
"""

from __future__ import annotations

import asyncio
from collections import deque
from dataclasses import dataclass


@dataclass(frozen=True)
class Outgoing:
    topic: str
    payload: str
    qos: int = 0
    retain: bool = False


class Outbox:
    def __init__(self, telemetry_limit: int = 2000) -> None:
        if telemetry_limit < 1:
            raise ValueError("the telemetry queue needs room for at least one message")
        self.telemetry_limit = telemetry_limit
        self.dropped = 0
        self._must: deque[Outgoing] = deque()
        self._retained: dict[str, Outgoing] = {}
        self._telemetry: deque[Outgoing] = deque()
        self._ready: asyncio.Event | None = None

    def __len__(self) -> int:
        return len(self._must) + len(self._retained) + len(self._telemetry)

    @property
    def telemetry_waiting(self) -> int:
        return len(self._telemetry)

    # -- putting in -----------------------------------------------------------------------------
    def must(self, topic: str, payload: str, qos: int = 1) -> None:
        """An event, an error or a reply: never dropped."""
        self._must.append(Outgoing(topic, payload, qos, False))
        self._wake()

    def retained(self, topic: str, payload: str, qos: int = 1) -> None:
        """The topic's current value: replaces one of the same topic still waiting."""
        self._retained.pop(topic, None)
        self._retained[topic] = Outgoing(topic, payload, qos, True)
        self._wake()

    def telemetry(self, topic: str, payload: str) -> None:
        if len(self._telemetry) >= self.telemetry_limit:
            self._telemetry.popleft()
            self.dropped += 1
        self._telemetry.append(Outgoing(topic, payload))
        self._wake()

    def put_back(self, msg: Outgoing) -> None:
        """A message whose publishing failed (the broker went away) goes first next time; a retained
        one only if nothing newer for its topic is waiting."""
        if msg.retain:
            if msg.topic not in self._retained:
                self._retained[msg.topic] = msg
        elif msg.qos > 0:
            self._must.appendleft(msg)
        else:
            self._telemetry.appendleft(msg)
            while len(self._telemetry) > self.telemetry_limit:
                self._telemetry.pop()
                self.dropped += 1
        self._wake()

    # -- taking out -----------------------------------------------------------------------------
    def take(self) -> Outgoing | None:
        if self._must:
            return self._must.popleft()
        if self._retained:
            topic = next(iter(self._retained))
            return self._retained.pop(topic)
        if self._telemetry:
            return self._telemetry.popleft()
        return None

    async def get(self) -> Outgoing:
        """The next message, waiting for one."""
        while True:
            msg = self.take()
            if msg is not None:
                return msg
            if self._ready is None:
                self._ready = asyncio.Event()
            self._ready.clear()
            await self._ready.wait()

    def _wake(self) -> None:
        if self._ready is not None:
            self._ready.set()
