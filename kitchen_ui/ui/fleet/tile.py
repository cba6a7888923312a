"""One stove's tile: name and link, zones on and the hottest reading, faults, recipe, power, ALL OFF.

A fault turns the whole tile's frame red and names the zone and the fault in words on a red
line; a lost link greys the values and says LINK LOST, so neither relies on colour alone. The
tile shows a :class:`~kitchen_ui.mqtt.fleet.StoveSummary` and passes taps on (``opened``,
``all_off``); it decides nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...mqtt.fleet import StoveSummary
from .. import text

translate = QCoreApplication.translate


def link_words(link: str) -> str:
    return {"online": translate("Fleet", "online"), "lost": translate("Fleet", "LINK LOST"),
            "connecting": translate("Fleet", "connecting…"),
            "offline": translate("Fleet", "BRIDGE OFFLINE")}.get(link, link)


def time_left(seconds: float | None) -> str:
    if seconds is None:
        return ""
    minutes = int(seconds + 59) // 60
    if minutes >= 60:
        return translate("Fleet", "{0} h {1:02d} min left").format(minutes // 60, minutes % 60)
    return translate("Fleet", "{0} min left").format(minutes)


def _label(name: str, wrap: bool = False) -> QLabel:
    lab = QLabel("")
    lab.setObjectName(name)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setWordWrap(wrap)
    return lab


class StoveTile(QFrame):
    opened = Signal(str)      # the stove's name: show its dashboard
    all_off = Signal(str)     # the stove's name: switch it off

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.summary: StoveSummary | None = None
        self.setObjectName("StoveTile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.title = _label("TileName")
        self.title.setText(name)
        self.link = _label("TileLink")
        self.zones = _label("TileZones")
        self.hottest = _label("TileHottest")
        self.fault = _label("TileFault", wrap=True)
        self.recipe = _label("TileRecipe")
        self.power = _label("TilePower")
        self.off_button = QPushButton(translate("Fleet", "ALL OFF"))
        self.off_button.setObjectName("TileAllOff")
        self.off_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.off_button.setToolTip(translate("Fleet", "Switch every zone of this stove off (always allowed)"))
        self.off_button.clicked.connect(lambda: self.all_off.emit(self.name))
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.link, 0, Qt.AlignmentFlag.AlignRight)
        bottom = QHBoxLayout()
        bottom.addWidget(self.power, 1)
        bottom.addWidget(self.off_button, 0, Qt.AlignmentFlag.AlignRight)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(8, 3, 6, 4)
        lay.setSpacing(0)
        middle = QHBoxLayout()
        middle.addWidget(self.zones, 1)
        middle.addWidget(self.hottest, 0, Qt.AlignmentFlag.AlignRight)
        lay.addLayout(top)
        lay.addLayout(middle)
        lay.addWidget(self.recipe)
        lay.addWidget(self.fault, 1)       # a fault takes all the room there is
        lay.addStretch(0)
        lay.addLayout(bottom)
        self.fault.hide()
        self.recipe.hide()
        self.fault.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

    def show_summary(self, s: StoveSummary) -> None:
        self.summary = s
        self.link.setText(link_words(s.link))
        if s.zones_on:
            self.zones.setText(translate("Fleet", "{0} of {1} on").format(len(s.zones_on), s.zones))
            self.zones.setToolTip(", ".join(s.zones_on))
        else:
            self.zones.setText(translate("Fleet", "all off"))
            self.zones.setToolTip("")
        self.hottest.setText(text.degrees(s.hottest_c) if s.hottest_c is not None else "")
        self.hottest.setToolTip(translate("Fleet", "the hottest reading: {0}").format(s.hottest_zone)
                                if s.hottest_c is not None else "")
        if s.faults:
            words = "; ".join(f"{zone}: {text.fault(code)}" for zone, code in s.faults)
            self.fault.setText(translate("Fleet", "FAULT {0}").format(words))
            self.fault.setToolTip(words)
        self.fault.setVisible(bool(s.faults))
        if s.recipe:
            left = time_left(s.recipe_left_s)
            self.recipe.setText(f"{s.recipe} · {left}" if left else s.recipe)
        else:
            self.recipe.setText("")
        self.recipe.setVisible(bool(s.recipe))
        self.power.setText(text.power(s.power_w))
        self._set_property("fault", bool(s.faults))
        self._set_property("stale", not s.online)
        self._set_property("on", bool(s.zones_on))

    def _set_property(self, name: str, value: bool) -> None:
        if self.property(name) == value:
            return
        self.setProperty(name, value)
        for w in (self, self.link, self.zones, self.hottest, self.power, self.title):
            w.style().unpolish(w)
            w.style().polish(w)

    def mouseReleaseEvent(self, ev) -> None:  # noqa: N802 (Qt naming)
        if ev.button() == Qt.MouseButton.LeftButton and self.rect().contains(ev.position().toPoint()):
            self.opened.emit(self.name)
        super().mouseReleaseEvent(ev)
