"""Talking to the broker for the archive, in plain blocking calls (the CLI, a GUI worker thread).

Each call runs one aiomqtt client in its own ``asyncio.run``: connect, publish or collect, leave.
Reading the archive means subscribing to ``<prefix>/archive/+`` and keeping the retained messages
the broker sends at once, until nothing more has come for ``quiet_s`` (or ``timeout_s`` is over).
A broker that cannot be reached, refuses the login or drops the connection is a
:class:`BrokerUnreachable` naming the broker and why.
"""

from __future__ import annotations

import asyncio
import re
import ssl
from typing import Any

from .archive import Listing, ShareRejected, read_listing
from .broker import BrokerLogin
from .topics import Topics

QUIET_S = 0.5            # retained messages come right after the subscription is granted
TIMEOUT_S = 10.0
MAX_SHARES = 2000        # a look at the archive keeps at most this many messages ...
MAX_TOTAL = 64 * 1024 * 1024     # ... and bytes: a flood of shares cannot fill the memory
_LOGIN_REFUSED = {4, 5, 134, 135}  # MQTT 3.1.1 and 5 CONNACK: bad user name or password, not authorised


class BrokerUnreachable(ConnectionError):
    """The broker could not be reached or refused us; the message names it and the ``reason``."""

    def __init__(self, broker: str, reason: str, *, login_refused: bool = False) -> None:
        super().__init__(f"the broker {broker} refused the login ({reason}): check --username and --password-file"
                         if login_refused else f"cannot reach the broker {broker}: {reason}")
        self.broker, self.reason, self.login_refused = broker, reason, login_refused


def _client(login: BrokerLogin, timeout_s: float) -> Any:
    import aiomqtt
    return aiomqtt.Client(**login.client_kwargs(), timeout=timeout_s)


def _reason(exc: BaseException) -> str:
    text = re.sub(r"^\[(Errno|code:) ?-?\d+\] ", "", str(exc)) or type(exc).__name__
    if isinstance(exc, (asyncio.TimeoutError, TimeoutError)):
        return "no answer in time"
    if isinstance(exc, ssl.SSLError):
        return f"TLS: {exc.reason or text}"
    return text


async def _guard(login: BrokerLogin, work: Any, timeout_s: float) -> Any:
    import aiomqtt
    try:
        async with asyncio.timeout(timeout_s):
            return await work
    except (aiomqtt.MqttError, OSError, TimeoutError, asyncio.TimeoutError) as exc:
        rc = getattr(exc, "rc", None)
        refused = isinstance(getattr(rc, "value", rc), int) and getattr(rc, "value", rc) in _LOGIN_REFUSED
        raise BrokerUnreachable(str(login.address), _reason(exc), login_refused=refused) from None


def publish_retained(login: BrokerLogin, topic: str, payload: bytes, *, timeout_s: float = TIMEOUT_S) -> None:
    """Publish ``payload`` retained with QoS 1 and wait for the broker to take it."""
    async def work() -> None:
        async with _client(login, timeout_s) as client:
            await client.publish(topic, payload, qos=1, retain=True)
    asyncio.run(_guard(login, work(), timeout_s))


def collect_retained(login: BrokerLogin, topic: str, *, quiet_s: float = QUIET_S, timeout_s: float = TIMEOUT_S,
                     first_only: bool = False, overflow: list[str] | None = None) -> list[tuple[str, bytes]]:
    """The retained (topic, payload) on ``topic`` (may hold a wildcard), as the broker has them now;
    past :data:`MAX_SHARES` or :data:`MAX_TOTAL` it stops, and says so in ``overflow``."""
    overflow = [] if overflow is None else overflow
    async def work() -> list[tuple[str, bytes]]:
        got: list[tuple[str, bytes]] = []
        total = 0
        async with _client(login, timeout_s) as client:
            await client.subscribe(topic, qos=1)
            messages = aiter(client.messages)
            while True:
                try:
                    msg = await asyncio.wait_for(anext(messages), quiet_s)
                except (asyncio.TimeoutError, TimeoutError):
                    break              # quiet: the broker has sent what it keeps
                if msg.retain:         # a live publish while we look is someone sharing now: next time
                    payload = msg.payload if isinstance(msg.payload, (bytes, bytearray)) else str(msg.payload).encode()
                    got.append((str(msg.topic), bytes(payload)))
                    total += len(payload)
                    if first_only:
                        break
                    if len(got) >= MAX_SHARES or total >= MAX_TOTAL:
                        got.append((str(msg.topic), b""))      # (read_listing skips it)
                        overflow.append(f"more than {len(got) - 1} messages ({total // (1024 * 1024)} MiB) on the "
                                        "broker; the rest was not read")
                        break
        return got
    return asyncio.run(_guard(login, work(), timeout_s))


def fetch_listing(login: BrokerLogin, topics: Topics, *, quiet_s: float = QUIET_S,
                  timeout_s: float = TIMEOUT_S) -> Listing:
    """Everything shared under ``topics``' prefix, checked (:func:`~.archive.read_listing`)."""
    overflow: list[str] = []
    listing = read_listing(collect_retained(login, topics.archive_all(), quiet_s=quiet_s, timeout_s=timeout_s,
                                            overflow=overflow), topics.prefix)
    listing.rejected += [ShareRejected("(the rest)", why) for why in overflow]
    return listing


def fetch_one(login: BrokerLogin, topics: Topics, uid: str, *, quiet_s: float = 2.0,
              timeout_s: float = TIMEOUT_S) -> Listing:
    """The one share ``uid`` (an empty listing if the broker keeps none)."""
    got = collect_retained(login, topics.archive(uid), quiet_s=quiet_s, timeout_s=timeout_s, first_only=True)
    return read_listing(got, topics.prefix)
