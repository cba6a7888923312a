"""The allergy warning sign, drawn (not a theme icon: it must look the same on every system).

A warning is never colour alone: the sign is a triangle with an exclamation mark, and every place
that shows it also says in words what is wrong.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPen, QPixmap, QPolygonF

WARNING_FILL = "#ffb000"
WARNING_EDGE = "#000000"


def warning_pixmap(size: int = 48) -> QPixmap:
    pm = QPixmap(size, size)
    pm.fill(Qt.GlobalColor.transparent)
    p = QPainter(pm)
    try:
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        m = size * 0.06
        tri = QPolygonF([QPointF(size / 2, m), QPointF(size - m, size - m), QPointF(m, size - m)])
        p.setPen(QPen(QColor(WARNING_EDGE), max(1.0, size * 0.05)))
        p.setBrush(QBrush(QColor(WARNING_FILL)))
        p.drawPolygon(tri)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(size * 0.55))
        p.setFont(font)
        p.setPen(QColor(WARNING_EDGE))
        p.drawText(pm.rect().adjusted(0, int(size * 0.18), 0, 0), Qt.AlignmentFlag.AlignCenter, "!")
    finally:
        p.end()
    return pm


@lru_cache(maxsize=1)
def warning_icon() -> QIcon:
    return QIcon(warning_pixmap(64))
