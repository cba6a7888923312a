"""Icons from ``resources/icons/*.svg``, drawn in any colour of the theme at any size.

The SVGs are white line art on a 24 px grid; :func:`icon_pixmap` renders one at the size asked
(sharp on any screen) and paints it in the colour asked, so one file serves the dim text colour
of a card and the black of a lit button. A missing or broken icon gives an empty pixmap and a
warning, never an error: an icon is never worth stopping the dashboard for.
"""

from __future__ import annotations

import sys
from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel

from ..resources import resource_path

ICON_NAMES = ("induction", "radiant", "gas", "residual_heat", "lock", "link", "link_lost", "settings", "power")


@lru_cache(maxsize=None)
def _renderer(name: str) -> QSvgRenderer | None:
    path = resource_path("icons", f"{name}.svg")
    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        print(f"kitchen-ui: warning: icon {path} is missing or not a valid SVG", file=sys.stderr)
        return None
    return renderer


def icon_pixmap(name: str, size_px: int, color: str) -> QPixmap:
    """The icon ``name`` as a ``size_px`` square in ``color`` (transparent if it cannot be drawn)."""
    screen = QGuiApplication.primaryScreen()
    ratio = screen.devicePixelRatio() if screen is not None else 1.0
    side = max(1, round(size_px * ratio))
    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    renderer = _renderer(name)
    if renderer is not None:
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, side, side))
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(image.rect(), QColor(color))
        painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def icon(name: str, size_px: int, color: str) -> QIcon:
    return QIcon(icon_pixmap(name, size_px, color))


def icon_label(name: str, size_px: int, color: str, object_name: str = "Icon") -> QLabel:
    lab = QLabel()
    lab.setObjectName(object_name)
    lab.setPixmap(icon_pixmap(name, size_px, color))
    lab.setFixedSize(size_px, size_px)
    return lab
