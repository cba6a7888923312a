"""The simulated stove served over KSP/1: the simulator as one backend of a :class:`StoveServer`.

The protocol package knows nothing of the simulator; this is where the two meet. The stove runs
on a :class:`PacedClock`, so at high speeds a server tick computes physics within its budget and
lets the rest of the lag go rather than stall every connection.
"""

from __future__ import annotations

from typing import Any

from ..core.clock import Clock, ScaledClock
from ..protocol.limits import PacedClock, ServerLimits
from ..protocol.server import StoveServer
from .service import StoveService
from .stove import SimulatedStove


def build_sim_server(profile: Any, *, speed: float = 1.0, token: str = "", remote_start: bool = True,
                     link_loss_policy: str = "off", telemetry_hz: float = 10.0,
                     heartbeat_timeout_s: float = 3.0, limits: ServerLimits | None = None,
                     source: Clock | None = None) -> StoveServer:
    """A simulated stove (``profile``) behind a server; stove time runs on a ScaledClock at ``speed``."""
    limits = limits or ServerLimits()
    source = source if source is not None else ScaledClock(speed)
    pace = PacedClock(source, limits.sim_chunk_s)
    service = StoveService(SimulatedStove(profile, pace), remote_start=remote_start,
                           link_loss_policy=link_loss_policy, telemetry_hz=telemetry_hz,
                           heartbeat_timeout_s=heartbeat_timeout_s, set_speed=getattr(source, "set_speed", None),
                           pace=pace, budget_s=limits.sim_budget_s)
    service.speed = speed
    return StoveServer(service, token=token, limits=limits)
