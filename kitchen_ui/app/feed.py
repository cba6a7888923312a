"""A stove seen from the host's thread: its latest info, state and link, and its signals there.

The application's objects read a stove through this shape (:class:`StoveSource`): the
dashboard's :class:`kitchen_ui.ui.stove_model.StoveModel` is one (Qt signals on the GUI thread),
:class:`StoveFeed` is the same without Qt (psygnal signals, delivered through a ``post``).
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import Any, Protocol

from psygnal import Signal

from ..core.model import LinkState, StoveEvent, StoveInfo, StoveState
from ..core.signals import disconnect_all
from ..core.stove import Stove, completed
from .relay import Post


class StoveSource(Protocol):
    stove: Stove
    info: StoveInfo | None
    state: StoveState | None
    link: LinkState
    state_changed: Any
    link_changed: Any
    info_changed: Any

    @property
    def can_control(self) -> bool: ...

    def request(self, method: str, params: dict[str, Any] | None = None, *, zone: int | None = None,
                action: str | None = None) -> Future: ...


class StoveFeed:
    state_changed = Signal(object)      # StoveState
    info_changed = Signal(object)       # StoveInfo
    link_changed = Signal(object)       # LinkState
    event_received = Signal(object)     # StoveEvent
    command_failed = Signal(str, str)   # (what was asked, why it failed)

    def __init__(self, stove: Stove, post: Post) -> None:
        self.stove = stove
        self.post = post
        self.info: StoveInfo | None = stove.info
        self.state: StoveState | None = stove.state
        self.link: LinkState = stove.link
        stove.telemetry.connect(self._from_telemetry)
        stove.event.connect(self._from_event)
        stove.link_changed.connect(self._from_link)
        stove.info_changed.connect(self._from_info)

    @property
    def can_control(self) -> bool:
        return self.link.can_control

    def close(self) -> None:
        disconnect_all([(self.stove.telemetry, self._from_telemetry), (self.stove.event, self._from_event),
                        (self.stove.link_changed, self._from_link), (self.stove.info_changed, self._from_info)])

    # -- any thread -----------------------------------------------------------------------------
    def _from_telemetry(self, state: StoveState) -> None:
        self.post(self._apply_state, state)

    def _from_event(self, ev: StoveEvent) -> None:
        self.post(self.event_received.emit, ev)

    def _from_link(self, link: LinkState) -> None:
        self.post(self._apply_link, link)

    def _from_info(self, info: StoveInfo) -> None:
        self.post(self._apply_info, info)

    # -- the host's thread ----------------------------------------------------------------------
    def _apply_state(self, state: StoveState) -> None:
        self.state = state
        self.state_changed.emit(state)

    def _apply_link(self, link: LinkState) -> None:
        self.link = link
        self.link_changed.emit(link)

    def _apply_info(self, info: StoveInfo) -> None:
        self.info = info
        self.info_changed.emit(info)

    def request(self, method: str, params: dict[str, Any] | None = None, *, zone: int | None = None,
                action: str | None = None) -> Future:
        try:
            fut = self.stove.request(method, params)
        except Exception as exc:         # a transport that raises instead of failing the future
            fut = completed(error=exc)
        what = action or method

        def done(f: Future) -> None:
            exc = f.exception()
            if exc is not None:
                self.post(self.command_failed.emit, what, str(exc))
        fut.add_done_callback(done)
        return fut
