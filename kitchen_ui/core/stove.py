"""The one interface between the dashboard (or a recipe) and a stove.

Every stove, the in-process simulator or a KSP/1 stove across the network, is driven through
:class:`Stove`: KSP/1 requests go in (``request``), results come back as futures, and telemetry,
events and link changes arrive as psygnal signals. Transports differ; callers never know which.

Signals may be emitted from a worker thread; the Qt layer re-emits them on the GUI thread.
"""

from __future__ import annotations

import abc
import inspect
from concurrent.futures import Future
from typing import Any, Callable

from psygnal import Signal

from .errors import KspError
from .ksp import METHODS, Method
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


def _command(method: Method) -> Callable[..., Future]:
    """``Stove.<helper>(...)``: sends ``method`` with its parameters, named as in the table."""
    sig = inspect.Signature([inspect.Parameter("self", inspect.Parameter.POSITIONAL_ONLY)]
                            + [inspect.Parameter(p.name, inspect.Parameter.POSITIONAL_OR_KEYWORD)
                               for p in method.params])

    def send(self: Stove, *args: Any, **kwargs: Any) -> Future:
        params = sig.bind(self, *args, **kwargs).arguments
        del params["self"]
        return self.request(method.name, dict(params) or None)

    send.__name__ = send.__qualname__ = method.helper or method.name
    send.__doc__ = f"Send KSP/1 ``{method.name}``."
    send.__signature__ = sig  # type: ignore[attr-defined]
    return send


# The commands (ping, get_state, set_level, set_boost, set_target, zone_off, set_timer, all_off,
# set_lock, sim_set_pan, sim_inject_fault, sim_clear_fault, sim_set_speed) come from the table.
for _m in METHODS.values():
    if _m.helper:
        setattr(Stove, _m.helper, _command(_m))


__all__ = ["Stove", "completed", "KspError"]
