"""Words and numbers as the dashboard shows them (plain functions, so they are easy to test).

Everything a cook reads goes through here: one way to write a temperature, a power, a time,
a level (``P`` for boost, as on a hob), a mode, a fault or a refused command.
"""

from __future__ import annotations

import math

from ..core.errors import ERROR_NAMES, KspError, LinkError
from ..core.model import FAULT_TEXT, LinkState, LinkStatus, ZoneInfo, ZoneState

KIND_TEXT = {"induction": "Induction", "radiant": "Radiant", "gas": "Gas"}
MODE_TEXT = {"off": "Off", "level": "Manual level", "target": "Holding temperature"}
NO_VALUE = "--"


def temp(v: float | None) -> str:
    """Whole degrees: a cook reads 178, not 178.43."""
    if v is None or not math.isfinite(v):
        return NO_VALUE
    return f"{v:.0f}"


def power(watts: float) -> str:
    if watts < 1:
        return "0 W"
    if watts < 1000:
        return f"{watts:.0f} W"
    return f"{watts / 1000:.1f} kW"


def clock(seconds: float | None) -> str:
    """Stove time or a timer as h:mm:ss (or m:ss under an hour)."""
    if seconds is None or not math.isfinite(seconds):
        return NO_VALUE
    s = max(0, int(seconds))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"


def axis_time(seconds: float, spacing: float) -> str:
    """Tick labels of the plot's time axis: m:ss under an hour, 1h05 (or 1h05:30) beyond."""
    s = int(round(seconds))
    sign = "-" if s < 0 else ""
    s = abs(s)
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    if not h:
        return f"{sign}{m}:{sec:02d}"
    return f"{sign}{h}h{m:02d}" if spacing >= 60 else f"{sign}{h}h{m:02d}:{sec:02d}"


def level(z: ZoneState) -> str:
    """The hob's own display: 0-9, or P while boosting."""
    if z.boost:
        return "P"
    return str(z.level) if z.is_on else "0"


def mode(z: ZoneState) -> str:
    return MODE_TEXT.get(z.mode, z.mode)


def kind(info: ZoneInfo) -> str:
    return KIND_TEXT.get(info.kind, info.kind)


def fault(code: str | None) -> str:
    if code is None:
        return ""
    return FAULT_TEXT.get(code, f"Fault: {code}")


def zone_label(info: ZoneInfo | None, zone: int | None) -> str:
    if info is not None:
        return info.name
    return "stove" if zone is None else f"zone {zone}"


def error_reason(exc: BaseException) -> str:
    """Why a command failed, in words (the stove's own message when it gave one)."""
    if isinstance(exc, KspError):
        return exc.message or ERROR_NAMES.get(exc.code, f"error {exc.code}")
    if isinstance(exc, LinkError):
        return f"no connection to the stove ({exc})" if str(exc) else "no connection to the stove"
    if isinstance(exc, TimeoutError):
        return "the stove did not answer in time"
    return str(exc) or type(exc).__name__


def link_summary(link: LinkState) -> str:
    """One line for the status bar: where, as what, and whether the values are live."""
    status = {LinkStatus.CONNECTING: "connecting", LinkStatus.ONLINE: "online",
              LinkStatus.LOST: "LINK LOST", LinkStatus.CLOSED: "disconnected"}[link.status]
    parts = [link.transport, status]
    if link.role:
        parts.insert(1, link.role)
    return " · ".join(parts)
