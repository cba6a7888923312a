"""The plot's axes: stove time as m:ss at clock-friendly steps, temperatures on the grid lines.

Shared by the live plot (:mod:`.plot`) and the history page; plain functions pick the steps, so
they are tested without drawing anything.
"""

from __future__ import annotations

import pyqtgraph as pg

from . import text

NICE_SPACINGS_S = (1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400)
PX_PER_LABEL = 90


def time_tick_spacing(span: float, size_px: float) -> tuple[float, float]:
    """Major and minor tick spacing in seconds at clock-friendly steps (1, 2, 5, 10, 15, 30 min...)."""
    max_ticks = max(2.0, size_px / PX_PER_LABEL)
    major = next((s for s in NICE_SPACINGS_S if span / s <= max_ticks), NICE_SPACINGS_S[-1])
    minor = next((s for s in NICE_SPACINGS_S if s < major and major % s == 0 and major / s <= 6), major)
    return float(major), float(minor)


def temp_tick_step(span: float) -> float:
    """Degrees between horizontal grid lines (and labels): at most eight lines in view."""
    return float(next((s for s in (5, 10, 20, 50, 100) if span / s <= 8), 200))


class TempAxis(pg.AxisItem):
    """Temperature labels exactly where the grid lines are, and a unit label (°C/°F) as large
    and bold as the numbers: read from across the kitchen like the rest."""

    def setLabel(self, text=None, units=None, unitPrefix=None, **style):  # noqa: N802,N803 (pyqtgraph naming)
        # pyqtgraph writes every keyword as CSS: "size" is not CSS, "font-size" is
        if "size" in style:
            style["font-size"] = style.pop("size")
        style.setdefault("font-weight", "bold")
        super().setLabel(text, units, unitPrefix, **style)

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802,N803 (pyqtgraph naming)
        span = maxVal - minVal
        if not span > 0:
            return super().tickSpacing(minVal, maxVal, size)
        return [(temp_tick_step(span), 0)]


class TimeAxis(pg.AxisItem):
    """Stove time as m:ss or 1h05 at clock-friendly steps instead of decimal seconds."""

    def tickSpacing(self, minVal, maxVal, size):  # noqa: N802,N803 (pyqtgraph naming)
        span = maxVal - minVal
        if not (span > 0 and size > 0) or self.orientation not in ("bottom", "top"):
            return super().tickSpacing(minVal, maxVal, size)
        major, minor = time_tick_spacing(span, size)
        return [(major, 0), (minor, 0)]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph naming)
        return [text.axis_time(v * scale, spacing * scale) for v in values]
