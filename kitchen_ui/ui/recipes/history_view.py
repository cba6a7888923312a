"""The history page: past cooking sessions, each replotted with its steps and events marked.

Left, the sessions (newest first); right, the chosen one drawn the way the dashboard draws live
data (zone colours, time as m:ss, the same axes), with a line where each recipe step started and
a red one at each stove event (overheat, boil-dry …). "Export CSV" writes the whole session, one
row per sample, event and step (:func:`export_session_csv`; the button asks where).
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QFileDialog, QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from ...storage.database import KitchenDB
from ...storage.library import KitchenLibrary
from ...storage.safe_write import write_text
from ...storage.sessions import SessionData, SessionInfo, export_csv
from .. import text
from ..plot import TempAxis, TimeAxis
from ..prefs import display_prefs
from ..own_words import stove_model_name
from ..theme import Theme
from ..units import to_display
from ..zone_card import set_text
from .recipe_view import minutes, touch_scrolling
from .timeline import Timeline, label_rows

translate = QCoreApplication.translate

EVENT_COLOR = "#ff5a5a"
STEP_KINDS = ("step_active",)


def export_session_csv(kdb: KitchenDB, session_id: int, path: str | Path) -> int:
    """Write session ``session_id`` as CSV to ``path`` whole, harming no file that is there
    (a link is written through, a folder refused, the mode kept: :mod:`kitchen_ui.storage.safe_write`)."""
    buf = io.StringIO()
    rows = export_csv(kdb, session_id, buf)
    write_text(path, buf.getvalue())
    return rows


def when(started_at: str) -> str:
    """'Sun 12 Jan 18:05' in local time from the stored UTC ISO time, in the dashboard's language."""
    try:
        moment = datetime.fromisoformat(started_at)
    except ValueError:
        return started_at
    local = QDateTime.fromSecsSinceEpoch(int(moment.timestamp()))
    return QLocale().toString(local, "ddd d MMM HH:mm")


def session_row(s: SessionInfo) -> str:
    length = minutes(s.duration_s) if s.duration_s >= 30 else translate("HistoryPage", "{0} s").format(
        f"{s.duration_s:.0f}")
    state = "" if s.ended_at else " · " + translate("HistoryPage", "not closed")
    return f"{s.title or translate('HistoryPage', 'Session')}\n{when(s.started_at)} · {length}{state}"


class HistoryPage(QWidget):
    def __init__(self, library: KitchenLibrary, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.theme = theme
        self.before_read: Callable[[], None] | None = None    # e.g. flush the live recorder
        self.sessions: list[SessionInfo] = []
        self.data: SessionData | None = None
        self.curves: dict[int, pg.PlotDataItem] = {}
        self.markers: list[pg.InfiniteLine] = []
        self.timeline = Timeline()

        self.list = QListWidget()
        self.list.setObjectName("SessionList")
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setWordWrap(True)
        touch_scrolling(self.list)
        self.list.currentRowChanged.connect(self._on_row)
        self.empty = QLabel(translate("HistoryPage", "No cooking recorded yet. Sessions appear here once a zone "
                                                     "has been on."))
        self.empty.setObjectName("Hint")
        self.empty.setWordWrap(True)

        self.title = QLabel("")
        self.title.setObjectName("PanelTitle")
        self.facts = QLabel("")
        self.facts.setObjectName("Hint")
        self.facts.setWordWrap(True)
        self.export_button = QPushButton(translate("HistoryPage", "Export CSV"))
        self.export_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.export_button.setToolTip(translate("HistoryPage", "Save this session's samples, events and steps as "
                                                               "a CSV file"))
        self.export_button.clicked.connect(self._export_clicked)
        self.export_note = QLabel("")
        self.export_note.setObjectName("Hint")
        self.export_note.setWordWrap(True)
        self.view = pg.PlotWidget(background=theme.c("plot_bg"),
                                  axisItems={"bottom": TimeAxis("bottom"), "left": TempAxis("left")})
        item = self.view.getPlotItem()
        item.hideButtons()
        item.setMenuEnabled(False)
        item.showGrid(x=True, y=True, alpha=0.25)
        item.getViewBox().sigXRangeChanged.connect(self._layout_labels)
        item.getViewBox().sigResized.connect(self._layout_labels)
        item.setClipToView(True)
        item.setDownsampling(auto=True, mode="peak")
        axis_font = pg.QtGui.QFont(theme.font_family)
        axis_font.setPixelSize(max(12, theme.px("small_font") - 1))
        for name in ("left", "bottom"):
            ax = item.getAxis(name)
            ax.setTickFont(axis_font)
            ax.setTextPen(theme.c("text_dim"))
            ax.setPen(theme.c("border"))
        self.legend = QLabel("")
        self.legend.setObjectName("LegendEntry")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)

        left = QVBoxLayout()
        self.left_column = left
        left.addWidget(self.list, 1)
        left.addWidget(self.empty)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.facts)
        head.addLayout(titles, 1)
        head.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        panel = QFrame()
        panel.setObjectName("Panel")
        right = QVBoxLayout(panel)
        right.setContentsMargins(12, 8, 12, 10)
        right.addLayout(head)
        right.addWidget(self.export_note)
        right.addWidget(self.legend)
        right.addWidget(self.view, 1)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(10, 10, 10, 6)
        lay.setSpacing(10)
        lay.addLayout(left, 2)
        lay.addWidget(panel, 5)
        self.panel = panel
        self.aside: QWidget | None = None
        self._show_session(None)
        display_prefs().unit_changed.connect(self._on_unit)

    def _on_unit(self, _unit: object) -> None:
        """°C/°F switched: draw the session shown again in the new unit."""
        self._show_session(self.data)

    # -- other views of the history (the week's energy: kitchen_ui.ui.diet) -------------------------
    def add_aside(self, button: QPushButton, widget: QWidget) -> None:
        """``button`` under the list shows ``widget`` in place of the session (choosing a session,
        or :meth:`show_aside` with None, brings the session back)."""
        self.left_column.addWidget(button)
        self.layout().addWidget(widget, 5)
        widget.hide()
        button.clicked.connect(lambda: self.show_aside(widget))
        self.list.itemClicked.connect(lambda _item: self.show_aside(None))

    def show_aside(self, widget: QWidget | None) -> None:
        if self.aside is not None and self.aside is not widget:
            self.aside.hide()
        self.aside = widget
        if widget is not None:
            widget.show()
        self.panel.setVisible(widget is None)

    # -- list ------------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the sessions again (the page calls it each time it is shown)."""
        if self.before_read is not None:
            self.before_read()
        chosen = self.data.info.id if self.data is not None else None
        self.sessions = self.library.sessions()
        self.list.blockSignals(True)
        self.list.clear()
        for s in self.sessions:
            QListWidgetItem(session_row(s), self.list)
        self.list.blockSignals(False)
        self.empty.setVisible(not self.sessions)
        row = next((i for i, s in enumerate(self.sessions) if s.id == chosen), 0 if self.sessions else -1)
        if row >= 0:
            self.list.setCurrentRow(row)
            self._on_row(row)                      # redraw: a live session has grown
        else:
            self._show_session(None)

    def select(self, session_id: int) -> None:
        row = next(i for i, s in enumerate(self.sessions) if s.id == session_id)
        self.list.setCurrentRow(row)

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self.sessions):
            self._show_session(self.library.session(self.sessions[row].id))

    # -- plot ------------------------------------------------------------------------------------
    def _show_session(self, data: SessionData | None) -> None:
        self.data = data
        item = self.view.getPlotItem()
        for c in self.curves.values():
            item.removeItem(c)
        for m in self.markers:
            item.removeItem(m)
        self.curves, self.markers = {}, []
        self.export_button.setEnabled(data is not None)
        if data is None:
            set_text(self.title, translate("HistoryPage", "History"))
            set_text(self.facts, "")
            set_text(self.legend, "")
            return
        info = data.info
        self.timeline = timeline = Timeline.from_samples(arr["t"] for arr in data.zones.values())
        set_text(self.title, info.title or translate("HistoryPage", "Session"))
        facts = translate("HistoryPage", "{0} · {1} · {2} · {3} samples").format(
            when(info.started_at), minutes(timeline.duration_s) or minutes(0),
            stove_model_name(info.stove_model) or text.zone_label(None, None), f"{info.samples:,}")
        if timeline.restarts:
            facts += " · " + translate("HistoryPage", "the stove restarted {0}× (its clock began again; "
                                                      "each run is drawn after the one before)").format(
                timeline.restarts)
        set_text(self.facts, facts)
        unit = text.temp_unit()                      # recorded in °C, as the stove speaks
        item.setLabel("left", text.unit_symbol(), color=self.theme.c("text_dim"))
        legend = []
        for zone, arr in sorted(data.zones.items()):
            colour = self.theme.zone_color(zone)
            x, y, target = timeline.place_samples(arr["t"], to_display(arr["temp_c"].astype(float), unit),
                                                  to_display(arr["target_c"].astype(float), unit))
            self.curves[zone] = item.plot(x, y, pen=pg.mkPen(colour, width=3), connect="finite")
            if np.isfinite(target).any():
                self.curves[-1 - zone] = item.plot(
                    x, target, pen=pg.mkPen(colour, width=2, style=Qt.PenStyle.DashLine), connect="finite")
            legend.append(f'<span style="color:{colour}">■</span> {info.zone_name(zone)}')
        set_text(self.legend, "&nbsp;&nbsp;".join(legend))
        for x in timeline.restart_points():
            self._mark(x, translate("HistoryPage", "stove restarted"), self.theme.c("text_dim"),
                       translate("HistoryPage", "The stove restarted here: its clock began again."))
        steps = [s for s in data.steps if s["kind"] in STEP_KINDS and s.get("step") is not None]
        for x, s in zip(timeline.place_marks([s["t"] for s in steps]), steps):
            self._mark(x, f"{s['step'] + 1}", self.theme.c("text_dim"), s["message"])
        for x, e in zip(timeline.place_marks([e["t"] for e in data.events]), data.events):
            self._mark(x, e["kind"].replace("_", " "), EVENT_COLOR, text.temps_in_text(e["message"]))
        item.enableAutoRange()
        item.autoRange(padding=0.02)
        self._layout_labels()

    def _mark(self, t: float, label: str, colour: str, tip: str) -> None:
        line = pg.InfiniteLine(pos=t, angle=90, pen=pg.mkPen(colour, width=1, style=Qt.PenStyle.DotLine),
                               label=label, labelOpts={"position": 0.95, "color": colour, "movable": False,
                                                       "anchors": [(0, 0.5), (0, 0.5)]})   # right of the line
        line.setToolTip(tip)
        self.view.getPlotItem().addItem(line, ignoreBounds=True)
        self.markers.append(line)

    def _layout_labels(self, *_args: object) -> None:
        """Put marker labels that would overlap at this zoom on different rows, from the top down."""
        if not self.markers:
            return
        vb = self.view.getPlotItem().getViewBox()
        (x0, x1), _y = vb.viewRange()
        width_px, height_px = max(vb.width(), 1.0), max(vb.height(), 1.0)
        per_px = (x1 - x0) / width_px
        sizes = [m.label.boundingRect() for m in self.markers]
        row_h = (max(r.height() for r in sizes) + 3) / height_px
        rows = max(1, int(0.9 / row_h))
        xs = [m.value() for m in self.markers]
        gap = 6 * per_px
        chosen = label_rows(xs, [r.width() * per_px + gap for r in sizes], rows)
        for m, row in zip(self.markers, chosen):
            m.label.setPosition(max(0.0, 0.97 - row_h / 2 - row * row_h))

    def curve_points(self, zone: int) -> int:
        """How many samples the plot holds for a zone (tests, diagnostics)."""
        c = self.curves.get(zone)
        if c is None:
            return 0
        x, _y = c.getOriginalDataset()
        return 0 if x is None else len(x)

    # -- export ----------------------------------------------------------------------------------
    def _export_clicked(self) -> None:
        if self.data is None:
            return
        sid = self.data.info.id
        start = str(Path.home() / f"hearth-session-{sid}.csv")
        path, _filter = QFileDialog.getSaveFileName(self, translate("HistoryPage", "Export the session as CSV"), start,
                                                    translate("HistoryPage", "CSV files (*.csv)"))
        if path:
            self.export_to(path)

    def export_to(self, path: str | Path) -> int | None:
        """Export the shown session to ``path``; the note under the title says what happened."""
        if self.data is None:
            return None
        if self.before_read is not None:
            self.before_read()
        try:
            rows = export_session_csv(self.library.kdb, self.data.info.id, path)
        except OSError as exc:
            set_text(self.export_note, translate("HistoryPage", "Could not export to {0}: {1}").format(
                path, exc.strerror or exc))
            return None
        set_text(self.export_note, translate("HistoryPage", "Exported {0} rows to {1}").format(f"{rows:,}", path))
        return rows
