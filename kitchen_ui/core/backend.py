"""What a KSP/1 server needs from the stove it serves: the backend.

The server (:mod:`kitchen_ui.protocol.server`) owns sessions, roles, deadlines and fan-out; the
backend owns the stove: it executes methods, reports its state and events, and applies the
link-loss policy. The simulator (:class:`kitchen_ui.sim.service.StoveService`) is one backend; a
bridge to a real appliance is another. Nothing here knows of sockets, JSON text or the simulator.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from .model import StoveState


@dataclass
class Session:
    """What one connected client may do; the in-process dashboard is a local controller."""

    role: str | None = None          # None until hello; then "controller" or "observer"
    remote: bool = True              # False for the dashboard running the stove in-process
    client: str = ""
    telemetry_hz: float = 10.0


@runtime_checkable
class StoveBackend(Protocol):
    """A stove a KSP/1 server can serve. Called from the server's thread only."""

    telemetry_hz: float              # announced in hello; the default rate of a new session
    heartbeat_timeout_s: float       # controller silence that counts as link loss
    link_loss_policy: str            # "off" or "hold", announced in hello

    @property
    def event(self) -> Any:
        """A psygnal signal emitting :class:`~kitchen_ui.core.model.StoveEvent` (stove-raised events)."""

    def hello_fields(self) -> dict[str, Any]:
        """The ``hello`` result but ``protocol``, ``role`` and ``session``: stove, zones, limits, policies."""

    def call(self, session: Session, method: str, params: dict[str, Any] | None) -> Any:
        """Execute one request; a JSON-ready result, or raises KspError.

        The server has already refused unknown methods and what the session's role may not do
        (:func:`kitchen_ui.core.ksp.authorize`); the parameters are the backend's to check against
        its own zones (``METHODS[method].check(params, info)``).
        """

    def update(self) -> bool:
        """Bring the stove up to its present; True if it fell behind and wants calling again at once."""

    def snapshot(self) -> StoveState:
        """The state now (telemetry)."""

    def now(self) -> float:
        """Stove time in seconds, as of the last update (stamps the server's own events)."""

    def link_lost(self) -> str:
        """The controller is gone: apply the link-loss policy; says what was done, for the event."""
