"""The bridge: stoves on KSP/1 on one side, an MQTT broker on the other (``kitchen-ui bridge``).

One asyncio loop runs everything MQTT: an :mod:`aiomqtt` client that reconnects with backoff, a
publisher that drains the bounded :class:`~.outbox.Outbox`, and a reader that turns commands into
KSP/1 requests (:mod:`.commands`). The stoves speak on their own threads and reach the loop only
through ``call_soon_threadsafe``; the kitchen database (sessions recorded through the app layer)
is opened and used on the loop's thread.

Every connection (the first, and each after the broker restarted, perhaps having forgotten its
retained messages) re-publishes the bridge's status, each stove's info and link, and Home
Assistant discovery; so does Home Assistant saying ``online`` on ``<discovery-prefix>/status``.
The broker publishes the last will ("offline") if the bridge dies; a bridge asked to stop says
"offline" itself, for itself and for its stoves, and disconnects.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
import os
import threading
import time
from dataclasses import dataclass
from typing import Any

import aiomqtt

from ..app.kitchen import Kitchen
from ..core.errors import INTERNAL_ERROR, INVALID_REQUEST, KspError
from ..core.stove import Stove
from ..protocol.client import Backoff
from ..storage.database import open_db
from .bridge_stoves import BridgedStove
from .broker import BrokerLogin
from .commands import NOT_CONNECTED, Command, CommandError, error_payload, parse_command, reply_payload
from .discovery import StateThrottle, kitchen_messages
from .outbox import Outbox, Outgoing
from .topics import DEFAULT_DISCOVERY_PREFIX, OFFLINE, ONLINE, Topics

log = logging.getLogger(__name__)
BUSY = -32011                     # too many commands waiting for their stoves: this one is refused


@dataclass
class BridgeConfig:
    login: BrokerLogin
    topics: Topics
    bridge_id: str
    control: bool = False
    discovery_prefix: str = DEFAULT_DISCOVERY_PREFIX
    db_path: str | None = None
    keepalive_s: int = 30
    reconnect_initial_s: float = 0.5
    reconnect_cap_s: float = 15.0
    request_timeout_s: float = 5.0
    max_pending: int = 64             # commands waiting for a stove's answer at once
    telemetry_limit: int = 2000       # telemetry messages waiting for the broker before the oldest go
    kitchen_power_period_s: float = 1.0
    # sessions are written every this many seconds: no screen of the bridge's own reads them live,
    # and 40 stoves committing every 0.5 s (the dashboard's pace) cost a sixth of the bridge's CPU
    record_flush_s: float = 2.0


_LOGIN_REFUSED = {4, 5, 134, 135}    # CONNACK, MQTT 3.1.1 and 5: bad user name or password, not authorised


def _login_refused(exc: Exception) -> bool:
    rc = getattr(exc, "rc", None)
    rc = getattr(rc, "value", rc)
    return isinstance(rc, int) and rc in _LOGIN_REFUSED


class Bridge:
    def __init__(self, config: BridgeConfig, stoves: list[tuple[str, Stove]]) -> None:
        self.config = config
        self.topics = config.topics
        self._to_open = list(stoves)
        self.stoves: dict[str, BridgedStove] = {}
        self.outbox = Outbox(config.telemetry_limit)
        self.throttle = StateThrottle()
        self.client_id = f"hearth-bridge-{config.bridge_id}-{os.getpid()}"
        self.connected = threading.Event()     # set while a broker session is up (tests, benchmarks)
        self.connections = 0
        self.loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._stop_asked = False
        self._pending: set[asyncio.Task] = set()
        self._power_at = -1e9
        self._drops_said, self._drops_said_at = 0, -1e9

    # -- from any thread ------------------------------------------------------------------------
    def request_stop(self) -> None:
        self._stop_asked = True
        loop, stop = self.loop, self._stop
        if loop is not None and stop is not None:
            try:
                loop.call_soon_threadsafe(stop.set)
            except RuntimeError:              # the loop has already closed
                pass

    def _post(self, fn: Any, *args: Any) -> None:
        """The kitchen's ``post``: a stove thread's call, run on the loop; never waits."""
        loop = self.loop
        if loop is None:
            return
        try:
            loop.call_soon_threadsafe(fn, *args)
        except RuntimeError:                  # closed while a stove thread was still speaking
            pass

    # -- the loop -------------------------------------------------------------------------------
    async def run(self) -> None:
        self.loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        if self._stop_asked:
            self._stop.set()
        kdb = open_db(self.config.db_path)
        kitchen = Kitchen(kdb, self._post)
        try:
            for name, stove in self._to_open:
                self.stoves[name] = BridgedStove(
                    name, stove, kitchen, self.outbox, self.topics, bridge_id=self.config.bridge_id,
                    control=self.config.control, discovery_prefix=self.config.discovery_prefix,
                    throttle=self.throttle, clock=time.monotonic, on_state=self._kitchen_power,
                    flush_interval_s=self.config.record_flush_s)
                stove.start()
            await self._until_stopped()
        finally:
            for task in list(self._pending):
                task.cancel()
            kitchen.close()                   # sessions end and are written
            for bs in self.stoves.values():
                bs.close()
            kdb.close()

    async def _until_stopped(self) -> None:
        """Connected, a stop ends the session after its goodbye; still connecting (a broker that
        accepts TCP but never answers can hold a connection attempt for its whole timeout), it
        ends at once."""
        assert self._stop is not None
        main = asyncio.create_task(self._connect_forever())
        stop = asyncio.create_task(self._stop.wait())
        await asyncio.wait({main, stop}, return_when=asyncio.FIRST_COMPLETED)
        if not main.done() and not self.connected.is_set():
            main.cancel()
        stop.cancel()
        try:
            await main
        except asyncio.CancelledError:
            log.info("stopped before the broker answered")

    async def _connect_forever(self) -> None:
        assert self._stop is not None
        cfg = self.config
        backoff = Backoff(cfg.reconnect_initial_s, cfg.reconnect_cap_s)
        will = aiomqtt.Will(self.topics.bridge_status(cfg.bridge_id), OFFLINE, qos=1, retain=True)
        address = cfg.login.address
        while not self._stop.is_set():
            try:
                async with aiomqtt.Client(**cfg.login.client_kwargs(), identifier=self.client_id, will=will,
                                          keepalive=cfg.keepalive_s, max_queued_incoming_messages=1000) as client:
                    backoff.reset()
                    self.connections += 1
                    log.info("connected to the broker %s as %s", address, self.client_id)
                    await self._session(client)
                    return                    # asked to stop
            except aiomqtt.MqttError as exc:
                delay = backoff.next()
                if self._stop.is_set():
                    return
                if _login_refused(exc):
                    log.warning("the broker %s refused the login (%s): check --username and --password-file; "
                                "trying again in %.1f s", address, exc, delay)
                else:
                    log.warning("cannot reach the broker %s (%s); trying again in %.1f s", address, exc, delay)
            finally:
                self.connected.clear()
            try:
                await asyncio.wait_for(self._stop.wait(), delay)
            except asyncio.TimeoutError:
                pass

    async def _session(self, client: aiomqtt.Client) -> None:
        assert self._stop is not None
        subs = [(self._ha_status_topic(), 1)]
        for name in self.stoves:
            subs += [(self.topics.stove(name, "zone/+/level/set"), 1), (self.topics.all_off_set(name), 1),
                     (self.topics.request(name), 1)]
        await client.subscribe(subs)
        self._announce()
        self.connected.set()
        tasks = {asyncio.create_task(self._publish(client)), asyncio.create_task(self._read(client)),
                 asyncio.create_task(self._flush_ha_states())}
        stop = asyncio.create_task(self._stop.wait())
        try:
            done, _ = await asyncio.wait(tasks | {stop}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in tasks | {stop}:
                task.cancel()
        if stop in done:
            await self._goodbye(client)
            return
        for task in done:
            task.result()                     # the MqttError that ended the session: reconnect
        raise aiomqtt.MqttError("the broker session ended")

    def _ha_status_topic(self) -> str:
        return f"{self.config.discovery_prefix}/status"

    def _announce(self, *, discovery: bool = True) -> None:
        """Queue everything retained: the broker may have lost it (restarted without persistence)."""
        cfg = self.config
        self.outbox.retained(self.topics.bridge_status(cfg.bridge_id), ONLINE)
        for bs in self.stoves.values():
            bs.announce(discovery=discovery)
        if discovery:
            self._announce_kitchen()
        self._kitchen_power(force=True)

    def _announce_kitchen(self) -> None:
        for topic, payload in kitchen_messages(self.topics, self.config.discovery_prefix, self.config.bridge_id):
            self.outbox.retained(topic, payload)

    async def _goodbye(self, client: aiomqtt.Client) -> None:
        """Asked to stop: the stoves' links and the bridge say offline (a clean disconnect sends no will)."""
        last = [m for bs in self.stoves.values() for m in bs.goodbye()]
        last.append((self.topics.bridge_status(self.config.bridge_id), OFFLINE))
        try:
            for topic, payload in last:
                await client.publish(topic, payload, qos=1, retain=True, timeout=5)
            log.info("stopped: told the broker the bridge is offline")
        except aiomqtt.MqttError as exc:
            log.warning("stopping: could not say offline (%s); the broker's last will says it", exc)

    async def _publish(self, client: aiomqtt.Client) -> None:
        while True:
            msg = await self.outbox.get()
            try:
                await self._send(client, msg)
            except aiomqtt.MqttError:
                self.outbox.put_back(msg)
                raise

    @staticmethod
    async def _send(client: aiomqtt.Client, msg: Outgoing) -> None:
        # QoS 0 waits for its write without a timer (asyncio.wait_for with a timeout costs a task
        # a message); if the connection drops meanwhile, the reader ends the session and this too
        timeout = math.inf if msg.qos == 0 else 10.0
        await client.publish(msg.topic, msg.payload, qos=msg.qos, retain=msg.retain, timeout=timeout)

    async def _flush_ha_states(self) -> None:
        """HA's state held back by the throttle goes out once its period is over, so the last state
        HA shows is the stove's latest even when its telemetry stops (a stove that dropped)."""
        while True:
            await asyncio.sleep(self.throttle.period / 2)
            for stove, payload in self.throttle.flush(time.monotonic()):
                self.outbox.retained(self.topics.ha_state(stove), payload)

    async def _read(self, client: aiomqtt.Client) -> None:
        async for message in client.messages:
            try:
                self._on_message(message.topic.value, message.payload, retained=bool(message.retain))
            except Exception:                 # a bug on one message must not end the bridge
                log.exception("a message on %s could not be handled", message.topic.value[:200])

    # -- commands -------------------------------------------------------------------------------
    def _on_message(self, topic: str, payload: Any, *, retained: bool = False) -> None:
        if topic == self._ha_status_topic():
            if payload in (b"online", "online"):
                log.info("Home Assistant is online: announcing discovery again")
                self._announce()
            return
        parts = self.topics.split(topic)
        if parts is None or parts[0] not in self.stoves:
            return
        name, leaf = parts
        bs = self.stoves[name]
        if retained:                          # it would act again at every reconnection, days later
            self._refuse(name, topic, CommandError(INVALID_REQUEST, "a retained command is ignored; publish "
                                                   "commands without the retain flag"), None, None)
            return
        try:
            cmd = parse_command(self.topics, leaf, payload, bs.info, control=self.config.control)
        except CommandError as exc:
            self._refuse(name, topic, exc, exc.id, exc.reply_to)
            return
        if len(self._pending) >= self.config.max_pending:
            self._refuse(name, topic, CommandError(BUSY, "too many commands waiting; try again"), cmd.id, cmd.reply_to)
            return
        task = asyncio.get_running_loop().create_task(self._execute(name, topic, bs, cmd))
        self._pending.add(task)
        task.add_done_callback(self._pending.discard)

    async def _execute(self, name: str, topic: str, bs: BridgedStove, cmd: Command) -> None:
        try:
            future = bs.stove.request(cmd.method, cmd.params)
            result = await asyncio.wait_for(asyncio.wrap_future(future), self.config.request_timeout_s)
        except KspError as exc:
            self._refuse(name, topic, exc, cmd.id, cmd.reply_to, by_stove=True)
            return
        except (ConnectionError, asyncio.TimeoutError) as exc:
            err = KspError(NOT_CONNECTED, f"the stove did not answer: {exc or 'timed out'}")
            self._refuse(name, topic, err, cmd.id, cmd.reply_to, by_stove=True)
            return
        except Exception as exc:              # a transport bug: reported, and the bridge carries on
            log.exception("%s: %s failed", name, cmd.method)
            self._refuse(name, topic, KspError(INTERNAL_ERROR, f"internal error: {exc}"), cmd.id, cmd.reply_to)
            return
        if cmd.method not in ("ping", "state.get"):
            log.info("%s: %s %s from MQTT", name, cmd.method, json.dumps(cmd.params)[:200])
        if cmd.reply_to is not None:
            self.outbox.must(cmd.reply_to, reply_payload(cmd.id, result))

    def _refuse(self, name: str, topic: str, error: Any, rid: Any, reply_to: str | None, *,
                by_stove: bool = False) -> None:
        who = "the stove refused" if by_stove else "refused"
        log.warning("%s: %s a command on %s: %s", name, who, topic[:200], str(error)[:300])
        self.outbox.must(self.topics.error(name), error_payload(topic, error))
        if reply_to is not None:
            self.outbox.must(reply_to, reply_payload(rid, error=error))

    # -- the kitchen ----------------------------------------------------------------------------
    def _kitchen_power(self, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self._power_at < self.config.kitchen_power_period_s:
            return
        self._power_at = now
        self._report_drops(now)
        live = [bs.state for bs in self.stoves.values() if bs.online and bs.state is not None]
        power = sum(s.total_power_w for s in live if s is not None)
        self.outbox.retained(self.topics.kitchen_power(), json.dumps({"power_w": round(power, 1), "stoves": len(live)}))


    def _report_drops(self, now: float) -> None:
        """Say (at most every 10 s) that telemetry is being dropped: the broker is slow or away."""
        dropped = self.outbox.dropped
        if dropped > self._drops_said and now - self._drops_said_at >= 10.0:
            log.warning("the broker is not keeping up: %d telemetry messages dropped so far, the oldest first "
                        "(events are kept)", dropped)
            self._drops_said, self._drops_said_at = dropped, now


class BridgeThread:
    """A bridge on its own event loop in a thread (tests, benchmarks); ``stop()`` ends it cleanly."""

    def __init__(self, bridge: Bridge) -> None:
        self.bridge = bridge
        self.error: BaseException | None = None
        self._thread = threading.Thread(target=self._main, name="hearth-bridge", daemon=True)

    def _main(self) -> None:
        try:
            asyncio.run(self.bridge.run())
        except BaseException as exc:          # kept for the test to see
            self.error = exc
            log.exception("the bridge stopped with an error")

    def start(self) -> "BridgeThread":
        self._thread.start()
        return self

    def stop(self, timeout: float = 15.0) -> None:
        self.bridge.request_stop()
        self._thread.join(timeout)
