"""The live temperature plot: every zone's temperature (solid) and target (dashed) over time.

It is redrawn on a timer, never per telemetry message. Each redraw asks the bounded history
for at most two points per pixel column over the visible range (min/max, so spikes survive)
and reuses the arrays while neither the data nor the view changed. The view follows the
present over 5, 15 or 60 minutes or the whole session; dragging or zooming stops following
until "Live" is tapped. The legend above the plot names each zone in its colour with its
current value, so the numbers are readable without hovering. Axis, legend and curves follow the
display unit (°C/°F, :mod:`.prefs`): the history stays in °C and only what is drawn converts.
"""

from __future__ import annotations

import math
import os
import sys
import time
from typing import Callable

import numpy as np
import pyqtgraph as pg
from pyqtgraph.graphicsItems.PlotCurveItem import arrayToLineSegments
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication, QButtonGroup, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from ..core.history import TARGET, TEMP
from . import text
from .plot_axes import TempAxis, TimeAxis, temp_tick_step, time_tick_spacing
from .prefs import display_prefs
from .stove_model import StoveModel
from .theme import Theme
from .units import to_display
from .zone_card import set_prop, set_text

translate = QCoreApplication.translate
# (key and English label, seconds); the buttons show the label translated
WINDOWS = ((QT_TRANSLATE_NOOP("TemperaturePlot", "5 min"), 300.0),
           (QT_TRANSLATE_NOOP("TemperaturePlot", "15 min"), 900.0),
           (QT_TRANSLATE_NOOP("TemperaturePlot", "1 h"), 3600.0),
           (QT_TRANSLATE_NOOP("TemperaturePlot", "All"), None))
Y_LIMITS_C = (-40.0, 450.0)
ROOM_TO_BOIL_C = (20.0, 100.0)        # the y range always shows at least this much
DEFAULT_WINDOW_S = 900.0
REFRESH_MS = 100
Y_STEP = 20.0
# Diagnostic for benchmarks/bench_startup.py: "report" prints the monotonic time of the plot's
# first paint (the dashboard's first frame) to stderr; "exit" also quits the app right after.
FIRST_PAINT_ENV = "HEARTH_FIRST_PAINT"
FIRST_PAINT_MARK = "hearth-first-paint"


class PlotView(pg.PlotWidget):
    """The plot canvas; reports how long each paint took (for ``--stats``)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.on_paint: Callable[[float], None] | None = None
        self._first_paint = os.environ.get(FIRST_PAINT_ENV, "")
        self.after_first_paint: list[Callable[[], None]] = []    # each called once, after the first paint

    def paintEvent(self, ev) -> None:  # noqa: N802 (Qt naming)
        t0 = time.perf_counter()
        super().paintEvent(ev)
        if self.on_paint is not None:
            self.on_paint((time.perf_counter() - t0) * 1000.0)
        if self._first_paint:
            print(f"{FIRST_PAINT_MARK} {time.monotonic():.6f}", file=sys.stderr, flush=True)
            if self._first_paint == "exit":
                QTimer.singleShot(0, QApplication.quit)
            self._first_paint = ""
        while self.after_first_paint:
            QTimer.singleShot(0, self.after_first_paint.pop(0))


class ScreenCurve(pg.PlotCurveItem):
    """A curve stroked in device pixels instead of through the plot's scaling transform.

    Qt's raster engine strokes a wide line three to four times slower through a scaling
    transform than in device pixels, and the temperature lines are 3 px wide; mapping the
    (already screen-sized) points with numpy first halves the plot's paint. The pens are
    cosmetic, so widths and dashes are in pixels either way and the curve looks the same.
    """

    _screen_segments = None
    _SCALE_ONLY = pg.QtGui.QTransform.TransformationType.TxScale.value

    @pg.debug.warnOnException                    # an exception escaping a paint aborts the process
    def paint(self, p, opt, widget) -> None:
        x, y = self.getData()
        tr = p.transform()
        if x is None or len(x) < 2 or tr.type().value > self._SCALE_ONLY \
                or self._exportOpts is not False or self.opts["fillLevel"] is not None:
            super().paint(p, opt, widget)        # rotated or exported or filled: pyqtgraph's way
            return
        pen = self.opts["pen"]
        if pen is None or pen.style() == Qt.PenStyle.NoPen:
            return
        px = x * tr.m11() + tr.dx()
        py = y * tr.m22() + tr.dy()
        p.save()
        p.resetTransform()
        p.setRenderHint(p.RenderHint.Antialiasing, bool(self.opts["antialias"]))
        p.setPen(pen)
        if self._shouldUseDrawLineSegments(pen):
            self._screen_segments = arrayToLineSegments(px, py, connect=self.opts["connect"], finiteCheck=True,
                                                        out=self._screen_segments)
            p.drawLines(*self._screen_segments.drawargs())
        else:
            p.drawPath(pg.arrayToQPath(px, py, connect=self.opts["connect"], finiteCheck=True))
        p.restore()


class TemperaturePlot(QWidget):
    window_changed = Signal(object)      # seconds shown, or None for the whole session

    def __init__(self, model: StoveModel, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.theme = theme
        self.window_s: float | None = DEFAULT_WINDOW_S
        self.following = True
        self.on_work: Callable[[float], None] | None = None
        self.recomputes = 0                         # how many times the curves were recomputed
        self._cache_key: tuple | None = None
        self._setting_range = False

        pg.setConfigOptions(antialias=False, useOpenGL=False)
        self.view = PlotView(background=theme.c("plot_bg"), axisItems={"bottom": TimeAxis("bottom"), "left": TempAxis("left")})
        self.view.setMinimumHeight(120)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        item = self.view.getPlotItem()
        item.hideButtons()
        item.setMenuEnabled(False)
        # a grid of our own: pyqtgraph's axis grid costs several ms a frame in software rendering
        self.grid = pg.PlotCurveItem(pen=pg.mkPen(theme.c("plot_grid"), width=1), connect="pairs")
        self.grid.setZValue(-10)
        item.addItem(self.grid, ignoreBounds=True)
        self.set_theme(theme)
        self.vb = item.getViewBox()
        self._set_y_limits()
        self.vb.disableAutoRange()
        self.vb.sigRangeChangedManually.connect(self._on_manual_range)
        self.vb.sigRangeChanged.connect(self._apply_range_now)

        # legend with the current values, and the view controls
        self.legend_grid = QGridLayout()
        self.legend_grid.setHorizontalSpacing(16)
        self.legend_grid.setVerticalSpacing(0)
        self._legend_columns = 0
        self.legend: list[QLabel] = []
        self.window_group = QButtonGroup(self)
        self.window_buttons: dict[str, QPushButton] = {}
        controls = QHBoxLayout()
        controls.setSpacing(6)
        for i, (label, seconds) in enumerate(WINDOWS):
            b = QPushButton(translate("TemperaturePlot", label))
            b.setObjectName("Choice")
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setChecked(seconds == self.window_s)
            b.clicked.connect(lambda _=False, s=seconds: self.set_window(s))
            self.window_group.addButton(b, i)
            self.window_buttons[label] = b
            controls.addWidget(b)
        self.live_button = QPushButton(translate("TemperaturePlot", "Live ▶"))
        self.live_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.live_button.setToolTip(translate("TemperaturePlot", "Follow the present again"))
        self.live_button.clicked.connect(self.follow)
        self.live_button.hide()
        controls.addWidget(self.live_button)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addLayout(self.legend_grid, 1)
        top.addLayout(controls)
        lay.addLayout(top)
        lay.addWidget(self.view, 1)

        self.temp_curves: list[pg.PlotDataItem] = []
        self.target_curves: list[pg.PlotDataItem] = []
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        model.info_changed.connect(self._on_info)
        model.link_changed.connect(self._on_link)
        display_prefs().unit_changed.connect(self._on_unit)
        self._build_curves()

    def set_theme(self, theme: Theme) -> None:
        """Axis text in the theme's colours, sized for the window (called when the scale changes)."""
        self.theme = theme
        item = self.view.getPlotItem()
        axis_font = pg.QtGui.QFont(theme.font_family)
        axis_font.setPixelSize(max(12, theme.px("small_font") - 1))
        for name in ("left", "bottom"):
            ax = item.getAxis(name)
            ax.setTickFont(axis_font)
            ax.setTextPen(theme.c("text_dim"))
            ax.setPen(theme.c("border"))
        self._axis_font_px = axis_font.pixelSize()
        item.setLabel("left", text.unit_symbol(), color=theme.c("text_dim"), size=f"{axis_font.pixelSize()}px")

    def _on_unit(self, _unit: object) -> None:
        """°C/°F switched: new axis label and limits, legend and curves redrawn at once."""
        self.view.getPlotItem().setLabel("left", text.unit_symbol(), color=self.theme.c("text_dim"),
                                         size=f"{self._axis_font_px}px")
        self._set_y_limits()
        self._cache_key = None
        if not self.following:            # a range chosen by hand was in the other unit
            self.follow()
        else:
            self.refresh()

    def _set_y_limits(self) -> None:
        lo, hi = (to_display(v, text.temp_unit()) for v in Y_LIMITS_C)
        self.view.getPlotItem().getViewBox().setLimits(yMin=lo, yMax=hi, minXRange=10, minYRange=5)

    # -- curves and legend -----------------------------------------------------------------------
    def _build_curves(self) -> None:
        item = self.view.getPlotItem()
        for c in self.temp_curves + self.target_curves:
            item.removeItem(c)
        for lab in self.legend:
            self.legend_grid.removeWidget(lab)
            lab.deleteLater()
        self.temp_curves, self.target_curves, self.legend = [], [], []
        for info in self.model.zones:
            color = self.theme.zone_color(info.id)
            # plain curve items: the data is already reduced to the screen, so PlotDataItem's
            # own downsampling and bookkeeping would only add a millisecond a frame
            temp = ScreenCurve(pen=pg.mkPen(color, width=3), name=info.name, connect="finite")
            target = ScreenCurve(pen=pg.mkPen(color, width=2, style=Qt.PenStyle.DashLine), connect="finite")
            item.addItem(temp)
            item.addItem(target)
            self.temp_curves.append(temp)
            self.target_curves.append(target)
            lab = QLabel()
            lab.setObjectName("LegendEntry")
            lab.setTextFormat(Qt.TextFormat.RichText)
            self.legend.append(lab)
        self._legend_columns = 0
        self._arrange_legend()
        self._cache_key = None

    def _arrange_legend(self) -> None:
        """As many legend entries in a row as fit the width (all in one row when possible)."""
        if not self.legend:
            return
        for lab in self.legend:
            lab.ensurePolished()
        widest = self.legend_grid.horizontalSpacing() + max(
            lab.fontMetrics().horizontalAdvance(f"■ {info.name} 888 °F")
            for lab, info in zip(self.legend, self.model.zones))
        room = self.width() - sum(b.sizeHint().width() + 6 for b in self.window_buttons.values())
        columns = max(1, min(len(self.legend), room // max(1, widest)))
        if columns == self._legend_columns:
            return
        self._legend_columns = columns
        for lab in self.legend:
            self.legend_grid.removeWidget(lab)
        for i, lab in enumerate(self.legend):
            self.legend_grid.addWidget(lab, i // columns, i % columns)

    def resizeEvent(self, ev) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(ev)
        self._arrange_legend()

    def rearrange(self) -> None:
        """Lay the legend out again (after the theme's sizes changed)."""
        self._legend_columns = 0
        self._arrange_legend()

    def _on_info(self, _info: object) -> None:
        self._build_curves()
        self.refresh()

    def _on_link(self, _link: object) -> None:
        self._update_legend()

    def _update_legend(self) -> None:
        live = self.model.values_are_live
        for lab in self.legend:
            set_prop(lab, "stale", not live)
        for info, lab in zip(self.model.zones, self.legend):
            z = self.model.zone_state(info.id)
            value = text.temp(z.temp_c if z else None)
            color = self.theme.zone_color(info.id) if live else self.theme.c("stale")
            set_text(lab, f'<span style="color:{color}">■</span> {info.name} {value} {text.unit_symbol()}')

    # -- view ------------------------------------------------------------------------------------
    def set_window(self, seconds: float | None) -> None:
        """Show the last ``seconds`` (None: the whole session) and follow the present."""
        changed = seconds != self.window_s
        self.window_s = seconds
        for label, s in WINDOWS:
            self.window_buttons[label].setChecked(s == seconds)
        self.follow()
        if changed:
            self.window_changed.emit(seconds)

    def follow(self) -> None:
        self.following = True
        self.live_button.hide()
        self.refresh()

    def _apply_range_now(self, *_args) -> None:
        """Place the curves in a new view range at once (following, a drag, a zoom).

        pyqtgraph otherwise does it at the start of the next paint, which invalidates every curve
        and axis again during that paint and so paints the plot twice per change.
        """
        self.vb.updateMatrix()

    def _on_manual_range(self, *_args) -> None:
        if self._setting_range:
            return
        self.following = False
        self.live_button.show()

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def x_range(self) -> tuple[float, float]:
        return tuple(self.vb.viewRange()[0])  # type: ignore[return-value]

    def _follow_range(self) -> tuple[float, float]:
        h = self.model.history
        if h is None or h.t_last is None:
            return 0.0, self.window_s or DEFAULT_WINDOW_S
        first, last = h.t_first or 0.0, h.t_last
        if self.window_s is None:
            return first, max(last, first + 60.0)
        if last - first < self.window_s:
            return first, first + self.window_s        # fill from the left, like a chart recorder
        return last - self.window_s, last

    # -- redraw ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """One redraw tick: recompute the curves only if the data or the view changed."""
        t0 = time.perf_counter()
        self._update_legend()
        h = self.model.history
        if h is not None and self.temp_curves:
            if self.following:
                x0, x1 = self._follow_range()
            else:
                x0, x1 = self.x_range()
            width_px = max(50, int(self.vb.width()))
            y_view = None if self.following else tuple(round(v, 3) for v in self.vb.viewRange()[1])
            key = (h.version, round(x0, 3), round(x1, 3), width_px, len(self.temp_curves), y_view, text.temp_unit())
            if key != self._cache_key:
                self._recompute(x0, x1, width_px)
                self._update_grid(width_px)
                self._cache_key = key
        if self.on_work is not None:
            self.on_work((time.perf_counter() - t0) * 1000.0)

    def _recompute(self, x0: float, x1: float, width_px: int) -> None:
        h = self.model.history
        assert h is not None
        self.recomputes += 1
        x, ys = h.envelopes(x0, x1, 2 * width_px)
        ys = to_display(ys, text.temp_unit())     # the reduced arrays only: a few thousand points
        for zone, (tc, gc) in enumerate(zip(self.temp_curves, self.target_curves)):
            for curve, which in ((tc, TEMP), (gc, TARGET)):
                curve.setData(x, ys[h.series(zone, which)], connect="finite")
        shown = ys[: 2 * len(self.temp_curves)]
        finite = shown[np.isfinite(shown)]
        lo, hi = (float(finite.min()), float(finite.max())) if len(finite) else (math.inf, -math.inf)
        if self.following:
            room_lo, room_hi = (to_display(v, text.temp_unit()) for v in ROOM_TO_BOIL_C)
            if not math.isfinite(lo):
                lo, hi = room_lo, room_hi
            y0 = math.floor(min(lo, room_lo) / Y_STEP) * Y_STEP
            y1 = math.ceil(max(hi + 5.0, room_hi) / Y_STEP) * Y_STEP
            y1 += 0.04 * (y1 - y0)                     # room for the top label
            self._setting_range = True
            try:
                self.vb.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
            finally:
                self._setting_range = False

    def _update_grid(self, width_px: int) -> None:
        (x0, x1), (y0, y1) = self.vb.viewRange()
        major_x, _ = time_tick_spacing(x1 - x0, width_px)
        step_y = temp_tick_step(y1 - y0)
        xs = np.arange(math.ceil(x0 / major_x) * major_x, x1, major_x)
        ys = np.arange(math.ceil(y0 / step_y) * step_y, y1, step_y)
        px = np.repeat(np.r_[xs, np.full(len(ys), x0)], 2)
        px[2 * len(xs) + 1::2] = x1
        py = np.r_[np.ravel(np.column_stack([np.full(len(xs), y0), np.full(len(xs), y1)])), np.repeat(ys, 2)]
        self.grid.setData(px, py, connect="pairs")

    def curve_data(self, zone: int, which: int = TEMP) -> tuple[np.ndarray, np.ndarray]:
        """What the plot currently draws for a zone (for tests and diagnostics)."""
        curve = (self.temp_curves if which == TEMP else self.target_curves)[zone]
        x, y = curve.getData()
        return (np.empty(0), np.empty(0)) if x is None else (x, y)
