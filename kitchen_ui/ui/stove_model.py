"""The Qt bridge: one QObject that wraps a core :class:`Stove` for every widget.

A stove's psygnal signals and its futures may fire on a worker thread (the simulator's thread,
the network loop). Everything they carry is posted through the one thread relay
(:class:`~kitchen_ui.ui.relay.Relay`), so it is handled on the GUI thread; widgets never touch the stove or its
threads and never block on it. The model keeps the latest state, the link and the plot
history; widgets only read it and subscribe to its signals.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, replace
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ..core.history import TelemetryHistory
from ..core.model import LinkState, LinkStatus, StoveEvent, StoveInfo, StoveState, ZoneInfo, ZoneState
from ..core.signals import disconnect_all
from ..core.stove import Stove, completed
from . import text
from .relay import Relay

translate = QCoreApplication.translate


@dataclass(frozen=True)
class CommandFailure:
    """A command the stove refused or never got; shown to the cook, never dropped."""

    zone: int | None
    zone_name: str
    action: str
    reason: str

    def __str__(self) -> str:
        return translate("StoveModel", "{0}: could not {1} — {2}").format(self.zone_name, self.action, self.reason)


class StoveModel(QObject):
    state_changed = Signal(object)      # StoveState (telemetry, or a command's zone snapshot)
    info_changed = Signal(object)       # StoveInfo
    link_changed = Signal(object)       # LinkState
    event_received = Signal(object)     # StoveEvent
    command_failed = Signal(object)     # CommandFailure

    def __init__(self, stove: Stove, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stove = stove
        self.info: StoveInfo | None = stove.info
        self.state: StoveState | None = stove.state
        self.link: LinkState = stove.link
        self.history: TelemetryHistory | None = None
        self.last_event: StoveEvent | None = None
        if self.info is not None:
            self.history = TelemetryHistory(len(self.info.zones))
        # direct when posted on the GUI thread (tests, in-process commands), queued from a worker
        self._relay = Relay(self)
        stove.telemetry.connect(self._from_stove_telemetry)
        stove.event.connect(self._from_stove_event)
        stove.link_changed.connect(self._from_stove_link)
        stove.info_changed.connect(self._from_stove_info)

    def close(self) -> None:
        """Stop listening to the stove (the window is closing)."""
        disconnect_all([(self.stove.telemetry, self._from_stove_telemetry),
                        (self.stove.event, self._from_stove_event),
                        (self.stove.link_changed, self._from_stove_link),
                        (self.stove.info_changed, self._from_stove_info)])

    # -- reading -------------------------------------------------------------------------------
    @property
    def zones(self) -> tuple[ZoneInfo, ...]:
        return self.info.zones if self.info is not None else ()

    def zone_info(self, zone: int | None) -> ZoneInfo | None:
        if zone is None or not 0 <= zone < len(self.zones):
            return None
        return self.zones[zone]

    def zone_state(self, zone: int) -> ZoneState | None:
        if self.state is None or not 0 <= zone < len(self.state.zones):
            return None
        return self.state.zones[zone]

    @property
    def can_control(self) -> bool:
        """Commands that switch on or raise power are possible (online, as controller)."""
        return self.link.can_control

    @property
    def values_are_live(self) -> bool:
        return self.link.status is LinkStatus.ONLINE

    # -- stove callbacks (any thread) ---------------------------------------------------------
    def _post(self, kind: str, payload: Any) -> None:
        self._relay.post(self._deliver, kind, payload)

    def _from_stove_telemetry(self, state: StoveState) -> None:
        self._post("telemetry", state)

    def _from_stove_event(self, ev: StoveEvent) -> None:
        self._post("event", ev)

    def _from_stove_link(self, link: LinkState) -> None:
        self._post("link", link)

    def _from_stove_info(self, info: StoveInfo) -> None:
        self._post("info", info)

    # -- on the GUI thread ---------------------------------------------------------------------
    def _deliver(self, kind: str, payload: Any) -> None:
        if kind == "telemetry":
            self._apply_telemetry(payload)
        elif kind == "event":
            self.last_event = payload
            self.event_received.emit(payload)
        elif kind == "link":
            self.link = payload
            self.link_changed.emit(payload)
        elif kind == "info":
            self._apply_info(payload)
        elif kind == "done":
            self._command_done(*payload)

    def _apply_info(self, info: StoveInfo) -> None:
        same_zones = self.info is not None and len(self.info.zones) == len(info.zones)
        self.info = info
        if self.history is None or not same_zones:
            self.history = TelemetryHistory(len(info.zones))
        self.info_changed.emit(info)

    def _apply_telemetry(self, state: StoveState) -> None:
        if self.history is None:
            self.history = TelemetryHistory(max(1, len(state.zones)))
        self.history.append_state(state)
        self.state = state
        self.state_changed.emit(state)

    def _command_done(self, zone: int | None, action: str, fut: Future) -> None:
        exc = fut.exception()
        if exc is not None:
            name = text.zone_label(self.zone_info(zone), zone)
            self.command_failed.emit(CommandFailure(zone, name, action, text.error_reason(exc)))
            return
        result = fut.result()
        if isinstance(result, dict) and "mode" in result and "id" in result and self.state is not None:
            # a zone command answers with the zone's new state: show it now, not at the next
            # telemetry (in order: the answer was made after any telemetry already delivered)
            z = ZoneState.from_dict(result)
            if 0 <= z.id < len(self.state.zones):
                zones = list(self.state.zones)
                zones[z.id] = z
                self.state = replace(self.state, zones=tuple(zones))
                self.state_changed.emit(self.state)

    # -- commands (return at once; the outcome arrives on the GUI thread) -----------------------
    def _command(self, zone: int | None, action: str, call: Callable[[], Future]) -> Future:
        try:
            fut = call()
        except Exception as exc:         # a transport that raises instead of failing the future
            fut = completed(error=exc)
        fut.add_done_callback(lambda f: self._post("done", (zone, action, f)))
        return fut

    def set_level(self, zone: int, level: int) -> Future:
        action = translate("StoveModel", "switch off") if level == 0 else \
            translate("StoveModel", "set level {0}").format(level)
        return self._command(zone, action, lambda: self.stove.set_level(zone, level))

    def set_boost(self, zone: int, on: bool = True) -> Future:
        action = translate("StoveModel", "boost") if on else translate("StoveModel", "end boost")
        return self._command(zone, action, lambda: self.stove.set_boost(zone, on))

    def set_target(self, zone: int, temp_c: float | None) -> Future:
        action = translate("StoveModel", "switch off") if temp_c is None else \
            translate("StoveModel", "hold {0}").format(text.degrees(temp_c))
        return self._command(zone, action, lambda: self.stove.set_target(zone, temp_c))

    def zone_off(self, zone: int) -> Future:
        return self._command(zone, translate("StoveModel", "switch off"), lambda: self.stove.zone_off(zone))

    def set_timer(self, zone: int, seconds: float | None) -> Future:
        action = translate("StoveModel", "cancel the timer") if seconds is None else \
            translate("StoveModel", "set a {0} timer").format(text.clock(seconds))
        return self._command(zone, action, lambda: self.stove.set_timer(zone, seconds))

    def all_off(self) -> Future:
        return self._command(None, translate("StoveModel", "switch every zone off"), self.stove.all_off)

    def request(self, method: str, params: dict[str, Any] | None = None, *, zone: int | None = None,
                action: str | None = None) -> Future:
        """Any other KSP/1 request, reported the same way when it fails."""
        return self._command(zone, action or method, lambda: self.stove.request(method, params))
