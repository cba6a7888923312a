"""The fleet window: the tiles page, and one stove's full dashboard when a tile is tapped.

The tiles page redraws on a timer (:data:`REDRAW_MS`): each tick asks the Fleet for what changed
since the last one, so 40 stoves streaming at 10 Hz cost a handful of tile updates per frame.
Tapping a tile opens that stove's dashboard, the same :class:`~..main_window.MainWindow` as
``kitchen-ui --stove``, on an :class:`~kitchen_ui.mqtt.remote_stove.MqttStove` (an observer
unless its bridge is ``--control``); "All stoves" goes back and closes that stove's connection.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from ...core.stove import Stove
from ...mqtt.fleet import Fleet
from ..main_window import MainWindow
from ..stove_model import StoveModel
from ..theme import Theme, load_theme_or_default, scale_for_size
from .grid import FleetGrid
from .header import FleetHeader, FleetStrip
from .style import fleet_rules

translate = QCoreApplication.translate
REDRAW_MS = 250


class StovePage(QWidget):
    """A stove's dashboard; its header gets the way back to every stove and names the stove."""

    back = Signal()

    def __init__(self, name: str, stove: Stove, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name, self.stove = name, stove
        self.model = StoveModel(stove)
        self.window = MainWindow(self.model, theme)
        self.window.setWindowFlags(Qt.WindowType.Widget)
        self.back_button = QPushButton(translate("Fleet", "◀ All stoves"))
        self.back_button.setObjectName("Back")
        self.back_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.back_button.clicked.connect(self.back)
        self.window.header.layout().insertWidget(0, self.back_button)     # one header, not two
        title = self.window.header.findChild(QLabel, "AppTitle")
        if title is not None:
            title.setText(name)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.window)

    def start(self) -> None:
        self.stove.start()
        self.window.start()

    def close_stove(self) -> None:
        self.window.plot.stop()
        self.model.close()
        self.stove.stop()


class FleetWindow(QMainWindow):
    def __init__(self, fleet: Fleet, open_stove: Callable[[str], Stove], theme: Theme | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fleet, self.open_stove = fleet, open_stove
        self.base_theme = theme or load_theme_or_default()
        self.theme = self.base_theme
        self.setWindowTitle(translate("Fleet", "Hearth — every stove in the kitchen"))
        self.setMinimumSize(640, 400)
        self.header = FleetHeader(fleet)
        self.strip = FleetStrip(fleet)
        self.grid = FleetGrid(fleet)
        self.grid.opened.connect(self.open)
        self.tiles_page = QWidget()
        lay = QVBoxLayout(self.tiles_page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.header)
        lay.addWidget(self.strip)
        lay.addWidget(self.grid, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.tiles_page)
        self.setCentralWidget(self.pages)
        self.stove_page: StovePage | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(REDRAW_MS)
        self.timer.timeout.connect(self.redraw)
        self.on_work: Callable[[float], None] | None = None    # --stats: GUI work per redraw
        self.on_paint: Callable[[float], None] | None = None   # --stats: the window's repaint
        self._scale: float | None = None
        self._apply_scale(1.0)

    # -- redraw ----------------------------------------------------------------------------------
    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        self.close_stove()

    def redraw(self) -> None:
        import time
        t0 = time.perf_counter()
        self.fleet.flush()
        if self.on_work is not None:
            self.on_work((time.perf_counter() - t0) * 1000.0)

    def event(self, ev) -> bool:  # noqa: D401 - times the window's whole repaint for --stats
        if ev.type() == QEvent.Type.UpdateRequest and self.on_paint is not None:
            import time
            t0 = time.perf_counter()
            done = super().event(ev)
            self.on_paint((time.perf_counter() - t0) * 1000.0)
            return done
        return super().event(ev)

    # -- one stove -------------------------------------------------------------------------------
    def open(self, name: str) -> StovePage:
        self.close_stove()
        page = self.stove_page = StovePage(name, self.open_stove(name), self.base_theme)
        page.back.connect(self.show_tiles)
        self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        page.start()
        return page

    def show_tiles(self) -> None:
        self.pages.setCurrentWidget(self.tiles_page)
        QTimer.singleShot(0, self.close_stove)       # not from inside the back button's own click

    def close_stove(self) -> None:
        page, self.stove_page = self.stove_page, None
        if page is not None:
            page.close_stove()
            self.pages.removeWidget(page)
            page.deleteLater()

    # -- look ------------------------------------------------------------------------------------
    def resizeEvent(self, ev) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(ev)
        self._apply_scale(min(1.0, scale_for_size(ev.size().width(), ev.size().height())))

    def _apply_scale(self, scale: float) -> None:
        if scale == self._scale:
            return
        self._scale = scale
        self.theme = self.base_theme.with_scale(scale)
        self.setStyleSheet(self.theme.stylesheet() + fleet_rules(self.theme))
        touch = self.theme.px("touch")
        self.header.setFixedHeight(touch + 12)
        self.strip.setFixedHeight(round(touch * 0.75))
        self.grid.set_scale(scale, touch)
