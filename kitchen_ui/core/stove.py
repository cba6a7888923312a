"""The one interface between the dashboard (or a recipe) and a stove.

Every stove, the in-process simulator or a KSP/1 stove across the network, is driven through
:class:`Stove`: KSP/1 requests go in (``request``), results come back as futures, and telemetry,
events and link changes arrive as psygnal signals. Transports differ; callers never know which.

Signals may be emitted from a worker thread; the Qt layer re-emits them on the GUI thread.
"""

from __future__ import annotations

import abc
from concurrent.futures import Future
from typing import Any

from psygnal import Signal

from .errors import KspError
from .model import LinkState, StoveEvent, StoveInfo, StoveState


def completed(result: Any = None, error: BaseException | None = None) -> Future:
    """A future that is already done (in-process commands finish at once)."""
    f: Future = Future()
    if error is not None:
        f.set_exception(error)
    else:
        f.set_result(result)
    return f


class Stove(abc.ABC):
    """A stove driven over KSP/1 semantics, whatever the transport."""

    telemetry = Signal(object)      # StoveState
    event = Signal(object)          # StoveEvent
    link_changed = Signal(object)   # LinkState
    info_changed = Signal(object)   # StoveInfo (after each successful hello)

    def __init__(self) -> None:
        self.info: StoveInfo | None = None
        self.state: StoveState | None = None
        self.link: LinkState = LinkState()

    # -- transport -----------------------------------------------------------------------------
    @abc.abstractmethod
    def start(self) -> None:
        """Connect (or start the in-process stove); returns at once, progress via signals."""

    @abc.abstractmethod
    def stop(self) -> None:
        """Disconnect and release threads; safe to call twice."""

    @abc.abstractmethod
    def request(self, method: str, params: dict[str, Any] | None = None) -> Future:
        """Send one KSP/1 request; the future holds its result or a KspError/LinkError."""

    # -- helpers for the transports ------------------------------------------------------------
    def _set_link(self, link: LinkState) -> None:
        self.link = link
        self.link_changed.emit(link)

    def _publish_info(self, info: StoveInfo) -> None:
        self.info = info
        self.info_changed.emit(info)

    def _publish_state(self, state: StoveState) -> None:
        self.state = state
        self.telemetry.emit(state)

    def _publish_event(self, ev: StoveEvent) -> None:
        self.event.emit(ev)

    # -- commands (KSP/1 methods, by name) -----------------------------------------------------
    def ping(self) -> Future:
        return self.request("ping")

    def get_state(self) -> Future:
        return self.request("state.get")

    def set_level(self, zone: int, level: int) -> Future:
        return self.request("zone.set_level", {"zone": zone, "level": level})

    def set_boost(self, zone: int, on: bool) -> Future:
        return self.request("zone.set_boost", {"zone": zone, "on": on})

    def set_target(self, zone: int, temp_c: float | None) -> Future:
        return self.request("zone.set_target", {"zone": zone, "temp_c": temp_c})

    def zone_off(self, zone: int) -> Future:
        return self.request("zone.off", {"zone": zone})

    def set_timer(self, zone: int, seconds: float | None) -> Future:
        return self.request("zone.set_timer", {"zone": zone, "seconds": seconds})

    def all_off(self) -> Future:
        return self.request("stove.all_off")

    def set_lock(self, locked: bool) -> Future:
        return self.request("stove.set_lock", {"locked": locked})

    # simulated stoves only
    def sim_set_pan(self, zone: int, pan: dict[str, Any] | None) -> Future:
        return self.request("sim.set_pan", {"zone": zone, "pan": pan})

    def sim_inject_fault(self, zone: int, fault: str) -> Future:
        return self.request("sim.inject_fault", {"zone": zone, "fault": fault})

    def sim_clear_fault(self, zone: int) -> Future:
        return self.request("sim.clear_fault", {"zone": zone})

    def sim_set_speed(self, factor: float) -> Future:
        return self.request("sim.set_speed", {"factor": factor})


__all__ = ["Stove", "completed", "KspError"]
