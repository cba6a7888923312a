"""The fleet: every stove a kitchen's bridges publish on the broker, summed up for one screen.

One MQTT subscription feeds it (info, telemetry, link, events of every stove; recipe runs; the
bridges' status). Messages arrive on paho's thread and only replace the latest raw payload per
stove; :meth:`Fleet.flush`, called by the screen's redraw timer, turns what changed into
:class:`StoveSummary` values and the kitchen's :class:`KitchenBalance`, and emits them on the
caller's thread. So 40 stoves at 10 Hz cost the screen a few summaries per redraw, not 400
signals a second. ALL OFF (one stove or every stove) sends KSP/1 ``stove.all_off``, a switch-off
the stove always obeys: no PIN, no controller role needed.

Energy today is counted from the telemetry's per-zone ``energy_wh`` counters since this screen
started watching (a counter that goes back, a restarted stove, starts again from zero). The
power budget check compares what the zones that are on can draw with ``power_budget_w``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import threading
import time
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any, Callable

from psygnal import Signal

from ..core.model import StoveInfo, StoveState
from .broker import BrokerLogin
from .fleet_summary import Delivery, KitchenBalance, StoveSummary, natural_key, zone_demand_w
from .paho_link import PahoLink, client_id
from .remote_stove import parse_info
from .requests import DEFAULT_TIMEOUT_S, Requests
from .topics import OFFLINE, Topics, stove_uid

log = logging.getLogger(__name__)
MAX_PAYLOAD = 256 * 1024          # a hostile or broken publisher cannot make the screen parse megabytes
MAX_STOVES = 500                  # ...nor make it draw a tile for every name it can invent
_SEQ = re.compile(rb'"seq"\s*:\s*(\d+)')


@dataclass
class _Stove:
    name: str
    info: StoveInfo | None = None
    control: bool = False
    bridge: str = ""
    telemetry: bytes | None = None
    state: StoveState | None = None
    link: dict[str, Any] | None = None
    availability: str | None = None
    last_event: str = ""
    first_seq: int = -1
    last_seq: int = -1
    received: int = 0
    in_order: int = 0
    counters: tuple[float, ...] | None = None
    day: dt.date | None = None
    today_wh: float = 0.0
    summary: StoveSummary | None = None


class Fleet:
    """Every stove on one broker, for the fleet screen; ``start()``, then ``flush()`` on a timer."""

    stove_added = Signal(str)
    stove_removed = Signal(str)
    changed = Signal(object)            # tuple[StoveSummary, ...]: the stoves that changed since the last flush
    balance_changed = Signal(object)    # KitchenBalance
    broker_changed = Signal(bool, str)  # connected?, in words
    notice = Signal(str, str)           # stove ("" = every stove), what went wrong in words

    def __init__(self, login: BrokerLogin, *, topics: Topics | None = None, power_budget_w: float | None = None,
                 wall: Callable[[], float] = time.time, today: Callable[[], dt.date] = dt.date.today,
                 request_timeout_s: float = DEFAULT_TIMEOUT_S, identifier: str | None = None) -> None:
        self.topics = t = topics or Topics()
        self.power_budget_w = power_budget_w
        self._wall, self._today = wall, today
        subs = [(t.all_stoves("info"), 1), (t.all_stoves("telemetry"), 0), (t.all_stoves("link"), 1),
                (t.all_stoves("link/state"), 1), (t.all_stoves("event"), 1), (f"{t.prefix}/runs/+", 1),
                (t.kitchen_power(), 1), (f"{t.prefix}/bridge/+/status", 1)]
        self.mqtt = PahoLink(login, identifier or client_id("fleet"), subs, self._on_message, self._on_broker)
        self.requests = Requests(self.mqtt, t, request_timeout_s)
        self._lock = threading.Lock()
        self._stoves: dict[str, _Stove] = {}
        self._dirty: set[str] = set()
        self._removed: list[str] = []
        self._runs: dict[str, dict[str, Any]] = {}
        self._bridges: dict[str, bool] = {}
        self._outbox: list[tuple[str, Any]] = []      # broker changes and notices, emitted by flush()
        self.bridge_power: dict[str, Any] | None = None
        self.broker_up = False
        self.malformed = 0
        self._balance: KitchenBalance | None = None

    # -- lifecycle ---------------------------------------------------------------------------------
    def start(self) -> None:
        self.mqtt.start()

    def stop(self) -> None:
        self.mqtt.stop()
        self.requests.fail_all("the fleet screen closed")

    # -- what the screen reads ---------------------------------------------------------------------
    @property
    def names(self) -> list[str]:
        with self._lock:
            return sorted((n for n, s in self._stoves.items() if s.info is not None), key=natural_key)

    def summary(self, name: str) -> StoveSummary | None:
        with self._lock:
            s = self._stoves.get(name)
            return s.summary if s is not None else None

    def balance(self) -> KitchenBalance | None:
        return self._balance

    def delivery(self) -> Delivery:
        with self._lock:
            return Delivery({n: s.received for n, s in self._stoves.items()},
                            {n: s.in_order for n, s in self._stoves.items()},
                            {n: s.last_seq - s.first_seq + 1 for n, s in self._stoves.items() if s.first_seq >= 0})

    # -- commands ----------------------------------------------------------------------------------
    def all_off(self, name: str) -> Future:
        """Switch every zone of one stove off (KSP/1 ``stove.all_off``: always allowed)."""
        fut = self.requests.send(name, "stove.all_off")
        fut.add_done_callback(lambda f: self._report(name, f))
        return fut

    def all_off_everywhere(self) -> list[Future]:
        """Every stove seen, off now; a stove that did not confirm is a notice naming it."""
        return [self.all_off(name) for name in self.names]

    def _report(self, name: str, fut: Future) -> None:
        exc = fut.exception()
        if exc is not None:
            with self._lock:
                self._outbox.append(("notice", (name, f"{name}: ALL OFF not confirmed — {exc}")))

    # -- paho's thread -----------------------------------------------------------------------------
    def _on_broker(self, up: bool, message: str) -> None:
        self.broker_up = up
        with self._lock:
            self._outbox.append(("broker", (up, message)))
            self._dirty.update(self._stoves)        # every link word changes with the broker
            if up:
                self._bridges.clear()                # said again by the broker, if it still knows
        if not up:
            self.requests.fail_all(message)

    def _on_message(self, topic: str, payload: bytes) -> None:
        if len(payload) > MAX_PAYLOAD:
            self.malformed += 1
            return
        if topic == self.requests.reply_topic:
            self.requests.on_reply(payload)
            return
        t = self.topics
        rest = topic[len(t.prefix) + 1:] if topic.startswith(t.prefix + "/") else ""
        head, _, tail = rest.partition("/")
        if head == "runs" and tail:
            self._on_run(tail, payload)
        elif head == "bridge" and tail.endswith("/status"):
            self._on_bridge(tail[: -len("/status")], payload)
        elif topic == t.kitchen_power():
            self._on_kitchen_power(payload)
        else:
            split = t.split(topic)
            if split is not None:
                self._on_stove(*split, payload)

    def _on_stove(self, name: str, leaf: str, payload: bytes) -> None:
        with self._lock:
            s = self._stoves.get(name)
            if s is None:
                if leaf != "info" or not payload:
                    return                       # a stove exists for the screen once its info is seen
                if len(self._stoves) >= MAX_STOVES:
                    self.malformed += 1
                    if self.malformed % 100 == 1:
                        log.warning("more than %d stoves on the broker; ignoring %s", MAX_STOVES, name)
                    return
                s = self._stoves[name] = _Stove(name)
            if leaf == "telemetry":
                s.telemetry = payload
                m = _SEQ.search(payload[:64])
                seq = int(m.group(1)) if m else -1
                s.received += 1
                if s.first_seq < 0:
                    s.first_seq = seq
                if seq > s.last_seq:
                    s.in_order += 1
                    s.last_seq = seq
            elif leaf == "info":
                self._take_info(s, payload)
            elif leaf == "link/state":
                try:
                    msg = json.loads(payload) if payload else None
                except ValueError:
                    msg = None
                s.link = msg if isinstance(msg, dict) else None
            elif leaf == "link":
                s.availability = payload.decode("utf-8", "replace") or None
            elif leaf == "event":
                try:
                    msg = json.loads(payload)
                    s.last_event = str(msg.get("message") or msg.get("kind") or "")[:200]
                except (ValueError, AttributeError):
                    self.malformed += 1
            else:
                return
            self._dirty.add(name)

    def _take_info(self, s: _Stove, payload: bytes) -> None:
        parsed = parse_info(payload)
        if parsed is None:
            if not payload and s.info is not None:   # the bridge cleared it: the stove is gone
                del self._stoves[s.name]
                self._removed.append(s.name)
                self._dirty.discard(s.name)
            else:
                self.malformed += 1
            return
        s.info, msg = parsed
        s.control = msg.get("control") is True
        s.bridge = str(msg.get("bridge") or "")

    def _on_run(self, uid: str, payload: bytes) -> None:
        try:
            run = json.loads(payload) if payload else None
        except ValueError:
            run = None
            self.malformed += 1
        with self._lock:
            if isinstance(run, dict) and isinstance(run.get("recipe"), str):
                self._runs[uid] = run
            else:
                self._runs.pop(uid, None)
            self._dirty.update(n for n, s in self._stoves.items()
                               if s.info is not None and stove_uid(s.info.id) == uid)

    def _on_bridge(self, bridge: str, payload: bytes) -> None:
        with self._lock:
            self._bridges[bridge] = payload.decode("utf-8", "replace") != OFFLINE
            self._dirty.update(n for n, s in self._stoves.items() if s.bridge == bridge)

    def _on_kitchen_power(self, payload: bytes) -> None:
        try:
            msg = json.loads(payload) if payload else None
        except ValueError:
            msg = None
        self.bridge_power = msg if isinstance(msg, dict) else None

    # -- the screen's thread -------------------------------------------------------------------------
    def flush(self) -> tuple[StoveSummary, ...]:
        """Summaries of the stoves that changed since the last call; emits the signals."""
        now, today = self._wall(), self._today()
        with self._lock:
            outbox, self._outbox = self._outbox, []
            removed, self._removed = self._removed, []
            dirty, self._dirty = self._dirty, set()
            if any(run.get("time_left_s") is not None for run in self._runs.values()):
                dirty.update(n for n, s in self._stoves.items() if s.info is not None
                             and stove_uid(s.info.id) in self._runs)   # time left counts down
            new, changed = [], []
            for name in sorted(dirty, key=natural_key):
                s = self._stoves.get(name)
                if s is None or s.info is None:
                    continue
                first = s.summary is None
                s.summary = self._summarise(s, now, today)
                changed.append(s.summary)
                if first:
                    new.append(s.summary)
            balance = self._sum_up(today)
        for kind, args in outbox:
            if kind == "broker":
                self.broker_changed.emit(*args)
            else:
                self.notice.emit(*args)
        for name in removed:
            self.stove_removed.emit(name)
        for summary in new:
            self.stove_added.emit(summary.name)
        if changed:
            self.changed.emit(tuple(changed))
        if balance != self._balance:
            self._balance = balance
            self.balance_changed.emit(balance)
        return tuple(changed)

    def _summarise(self, s: _Stove, now: float, today: dt.date) -> StoveSummary:
        info = s.info
        assert info is not None
        if s.telemetry is not None:
            try:
                state = StoveState.from_dict(json.loads(s.telemetry))
                if len(state.zones) == len(info.zones):
                    s.state = state
                else:
                    self.malformed += 1
            except (ValueError, TypeError, KeyError, AttributeError):
                self.malformed += 1
            s.telemetry = None
        state = s.state
        names = [z.name for z in info.zones]
        zones_on: tuple[str, ...] = ()
        hottest, hottest_zone, faults, power, demand = None, "", (), 0.0, 0.0
        if state is not None:
            self._count_energy(s, state, today)
            zones_on = tuple(names[z.id] for z in state.zones if z.is_on and z.id < len(names))
            temps = [(z.temp_c, names[z.id]) for z in state.zones if z.temp_c is not None and z.id < len(names)]
            if temps:
                hottest, hottest_zone = max(temps)
            faults = tuple((names[z.id] if z.id < len(names) else str(z.id + 1),
                            str(z.fault)[:40]) for z in state.zones if z.fault)
            power, demand = state.total_power_w, zone_demand_w(info, state)
        link, message = self._link_word(s)
        run = self._runs.get(stove_uid(info.id))
        recipe, left = None, None
        if run is not None:
            recipe = str(run.get("recipe"))[:120]
            if isinstance(run.get("time_left_s"), (int, float)):
                at = run.get("at") if isinstance(run.get("at"), (int, float)) else now
                left = max(0.0, float(run["time_left_s"]) - max(0.0, now - at))
        if link == "offline":          # no bridge to tell: nothing known is current
            power = demand = 0.0
        return StoveSummary(s.name, info.model, len(info.zones), zones_on, hottest, hottest_zone, faults, link,
                            message, s.control, recipe, left, power, demand, s.today_wh, s.last_event)

    def _count_energy(self, s: _Stove, state: StoveState, today: dt.date) -> None:
        counters = tuple(z.energy_wh for z in state.zones)
        if s.day != today:
            s.day, s.today_wh = today, 0.0
        if s.counters is not None and len(s.counters) == len(counters):
            s.today_wh += sum(c - p if c >= p else c for c, p in zip(counters, s.counters))
        s.counters = counters

    def _link_word(self, s: _Stove) -> tuple[str, str]:
        if not self.broker_up:
            return "lost", "the broker is not connected"
        if s.bridge and self._bridges.get(s.bridge) is False:
            return "offline", "its bridge is offline"
        if s.link is not None:
            status = str(s.link.get("status", ""))
            message = str(s.link.get("message", ""))[:200]
            return (status if status in ("online", "lost", "connecting") else "lost"), message
        if s.availability is not None:
            return ("online" if s.availability == "online" else "lost"), ""
        return "online", ""

    def _sum_up(self, today: dt.date) -> KitchenBalance:
        seen = [s for s in self._stoves.values() if s.summary is not None]
        return KitchenBalance(
            power_w=round(sum(s.summary.power_w for s in seen), 1),
            energy_today_wh=round(sum(s.today_wh for s in seen if s.day == today), 1),
            demand_w=round(sum(s.summary.demand_w for s in seen), 1),
            budget_w=self.power_budget_w, stoves=len(seen),
            zones_on=sum(len(s.summary.zones_on) for s in seen))
