"""The tiles, as many columns as the width allows, scrolling when the stoves do not all fit.

Tiles keep one size for the window's scale (a 1024×600 panel shows four columns and scrolls
through 40 stoves with a touch-size scroll bar; 1920×1080 shows all 40 at once).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QScrollArea, QWidget

from ...mqtt.fleet import Fleet, StoveSummary
from .tile import StoveTile

TILE_SIZE = (228, 176)       # at the reference scale (1280×800)
GAP = 8


class FleetGrid(QScrollArea):
    opened = Signal(str)

    def __init__(self, fleet: Fleet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fleet = fleet
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.inner = QWidget()
        self.inner.setObjectName("FleetTiles")
        self.layout_ = QGridLayout(self.inner)
        self.layout_.setContentsMargins(GAP, GAP, GAP, GAP)
        self.layout_.setSpacing(GAP)
        self.layout_.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setWidget(self.inner)
        self.tiles: dict[str, StoveTile] = {}
        self.tile_size = QSize(*TILE_SIZE)
        self._columns = self._width = 0
        fleet.stove_added.connect(self._add)
        fleet.stove_removed.connect(self._remove)
        fleet.changed.connect(self._update)

    def set_scale(self, scale: float, touch_px: int) -> None:
        w, h = TILE_SIZE
        self.tile_size = QSize(round(w * scale), max(round(h * scale), touch_px * 2 + 72))
        for tile in self.tiles.values():
            tile.setFixedSize(self.tile_size)
        self._arrange(force=True)

    def _add(self, name: str) -> None:
        if name in self.tiles:
            return
        tile = StoveTile(name)
        tile.setFixedSize(self.tile_size)
        tile.opened.connect(self.opened)
        tile.all_off.connect(self.fleet.all_off)
        self.tiles[name] = tile
        summary = self.fleet.summary(name)
        if summary is not None:
            tile.show_summary(summary)
        self._arrange(force=True)

    def _remove(self, name: str) -> None:
        tile = self.tiles.pop(name, None)
        if tile is not None:
            self.layout_.removeWidget(tile)
            tile.deleteLater()
            self._arrange(force=True)

    def _update(self, summaries: tuple[StoveSummary, ...]) -> None:
        for s in summaries:
            tile = self.tiles.get(s.name)
            if tile is not None:
                tile.show_summary(s)

    def columns_for(self, width: int) -> int:
        return max(1, (width - GAP) // (self.tile_size.width() + GAP))

    def _arrange(self, force: bool = False) -> None:
        cols = self.columns_for(self.viewport().width())
        if cols == self._columns and self.viewport().width() == self._width and not force:
            return
        self._columns, self._width = cols, self.viewport().width()
        room = self.viewport().width() - GAP
        width = max(self.tile_size.width(), room // cols - GAP)      # the columns fill the width
        for tile in self.tiles.values():
            self.layout_.removeWidget(tile)
            tile.setFixedSize(width, self.tile_size.height())
        for i, name in enumerate(self.fleet.names):   # in the fleet's order: sim-2 before sim-10
            tile = self.tiles.get(name)
            if tile is not None:
                self.layout_.addWidget(tile, i // cols, i % cols)

    def resizeEvent(self, ev) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(ev)
        self._arrange()
