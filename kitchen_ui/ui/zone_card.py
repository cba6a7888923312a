"""Zone cards: one per burner, read at a glance from across the kitchen.

A card shows the zone's name and kind, its temperature in large numerals, the target, the hob's
level display (0-9, P for boost) with watts, the mode, pan, residual heat "H", timer and any
fault in plain words. A faulted card turns red; values that are not live (link lost) turn grey.
Cards hold no state of their own: they redraw from the model's state on each change, and when
the display unit (°C/°F) changes. The kind (induction, radiant, gas) and residual heat also
show as icons, readable at a glance.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from ..core.model import StoveState, ZoneInfo, ZoneState
from . import text
from .icons import icon_label
from .prefs import display_prefs
from .stove_model import StoveModel
from .theme import Theme

translate = QCoreApplication.translate


def set_prop(w: QWidget, name: str, value: object) -> None:
    """Set a style property and restyle the widget only if it changed (restyling is costly)."""
    if w.property(name) != value:
        w.setProperty(name, value)
        w.style().unpolish(w)
        w.style().polish(w)


def set_text(label: QLabel, value: str) -> None:
    if label.text() != value:
        label.setText(value)


class _FaultLabel(QLabel):
    """A wrapped label whose words never ask the card for height (it fills the room it is given)."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt naming)
        return False


class ZoneCard(QFrame):
    """One burner zone; tapping it selects the zone in the manual controls."""

    clicked = Signal(int)

    def __init__(self, model: StoveModel, info: ZoneInfo, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.info = info
        self.setObjectName("ZoneCard")
        self.setProperty("selected", False)
        self.setProperty("fault", False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

        self.stripe = QFrame()
        self.stripe.setFixedHeight(8)
        self.stripe.setStyleSheet(f"background: {theme.zone_color(info.id)}; border: none; border-radius: 3px;")
        self.name = self._label("ZoneName", info.name)
        self.kind = self._label("ZoneKind", text.kind(info))
        icon_px = max(20, theme.px("small_font") + 6)
        self.kind_icon = icon_label(info.kind if info.kind in ("induction", "radiant", "gas") else "radiant",
                                    icon_px, theme.c("text_dim"), "KindIcon")
        self.kind_icon.setToolTip(text.kind(info))
        self.temp = self._label("TempValue", text.NO_VALUE)
        self.unit = self._label("TempUnit", text.unit_symbol())
        self.level = self._label("LevelValue", "0")
        self.level.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.level.setToolTip(translate("ZoneCard", "Power level: 0-9, P = boost"))
        self.heat = self._label("HeatBadge", "H")
        self.heat.setToolTip(translate("ZoneCard", "Residual heat: the zone is off but still hot"))
        self.target = self._label("ZoneLine", "")
        self.power = self._label("ZoneLine", "")
        self.extras = self._label("ZoneKind", "")
        self.fault = _FaultLabel("")
        self.fault.setObjectName("FaultText")
        self.fault.setWordWrap(True)
        self.fault.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # a faulted zone is off: its fault takes the place of the mode, power and pan lines
        # instead of growing the card (which moved the plot and its buttons under the finger)
        self.fault.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

        # name; kind with the hob's level display at the right; the big numerals; the mode with H
        # at its right (H shows on a zone that is off, whose mode line is short: beside the kind
        # or the numerals it hid them); compact cards, for two rows of them, drop the kind line:
        # the level joins the numerals
        self.compact = False
        second = self._second = QHBoxLayout()
        second.setSpacing(6)
        second.addWidget(self.kind_icon, 0, Qt.AlignmentFlag.AlignTop)
        second.addWidget(self.kind, 1, Qt.AlignmentFlag.AlignTop)
        second.addWidget(self.level, 0, Qt.AlignmentFlag.AlignVCenter)
        big = self._big = QHBoxLayout()
        big.setSpacing(4)
        big.addWidget(self.temp)
        big.addWidget(self.unit, 0, Qt.AlignmentFlag.AlignTop)
        big.addStretch(1)
        mode_row = QHBoxLayout()
        mode_row.setSpacing(6)
        mode_row.addWidget(self.target, 1)
        mode_row.addWidget(self.heat, 0, Qt.AlignmentFlag.AlignVCenter)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 10)
        lay.setSpacing(0)
        lay.addWidget(self.stripe)
        lay.addSpacing(4)
        lay.addWidget(self.name)
        lay.addLayout(second)
        lay.addLayout(big)
        self.details = QWidget()
        details = QVBoxLayout(self.details)
        details.setContentsMargins(0, 0, 0, 0)
        details.setSpacing(0)
        details.addLayout(mode_row)
        details.addWidget(self.power)
        details.addWidget(self.extras)
        self.lower = QStackedWidget()
        self.lower.addWidget(self.details)
        self.lower.addWidget(self.fault)
        lay.addWidget(self.lower)
        lay.addStretch(1)

        self._value_labels = (self.temp, self.unit, self.level, self.target, self.power, self.extras)
        model.state_changed.connect(self._on_state)
        model.link_changed.connect(self._on_link)
        display_prefs().unit_changed.connect(self._on_link)
        self.refresh()

    def _label(self, object_name: str, value: str) -> QLabel:
        lab = QLabel(value)
        lab.setObjectName(object_name)
        lab.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        if object_name in ("TempValue", "TempUnit", "LevelValue", "HeatBadge"):
            lab.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        return lab

    # -- drawing from the model --------------------------------------------------------------
    def _on_state(self, state: StoveState) -> None:
        self.refresh()

    def _on_link(self, _link: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        z = self.model.zone_state(self.info.id)
        if z is None:
            z = ZoneState(self.info.id)
        self._show(z, live=self.model.values_are_live and self.model.state is not None)

    def _show(self, z: ZoneState, live: bool) -> None:
        set_text(self.temp, text.temp(z.temp_c))
        set_text(self.unit, text.unit_symbol())
        set_text(self.level, text.level(z))
        set_prop(self.level, "on", z.is_on)
        if z.mode == "target" and z.target_c is not None:
            set_text(self.target, translate("ZoneCard", "Target {0}").format(text.degrees(z.target_c)))
        elif z.boost:
            set_text(self.target, translate("ZoneCard", "Boost"))
        else:
            set_text(self.target, text.mode(z))
        extras = [translate("ZoneCard", "Pan") if z.pan else translate("ZoneCard", "No pan")]
        if z.timer_s is not None:
            extras.append(translate("ZoneCard", "Timer {0}").format(text.clock(z.timer_s)))
        if not live:
            extras.append(translate("ZoneCard", "NOT LIVE"))
        power = translate("ZoneCard", "Power {0}").format(text.power(z.power_w))
        set_text(self.power, " · ".join([power] + extras[1:]) if self.compact else power)
        set_text(self.extras, " · ".join(extras))
        self.heat.setVisible(z.residual_heat)
        has_fault = z.fault is not None
        set_text(self.fault, text.fault(z.fault))
        self.fault.setToolTip(self.fault.text())
        self.lower.setCurrentWidget(self.fault if has_fault else self.details)
        set_prop(self, "fault", has_fault)
        for lab in self._value_labels:
            set_prop(lab, "stale", not live)

    def set_compact(self, compact: bool) -> None:
        """Two rows of cards: smaller numerals, no kind line; the level moves beside the numerals."""
        if compact == self.compact:
            return
        self.compact = compact
        (self._second if compact else self._big).removeWidget(self.level)
        (self._big if compact else self._second).addWidget(self.level, 0, Qt.AlignmentFlag.AlignVCenter)
        self.kind.setVisible(not compact)
        self.kind_icon.setVisible(not compact)
        self.extras.setVisible(not compact)
        for w in (self, self.temp, self.level):
            set_prop(w, "compact", compact)
        self.refresh()

    def natural_width(self) -> int:
        """The width at which the name and every line show unclipped (for the grid's columns)."""
        self.ensurePolished()
        widest = 0
        for lab in (self.name, self.target, self.power):
            lab.ensurePolished()
            sample = translate("ZoneCard", "Target {0}").format("188 °C")
            widest = max(widest, lab.fontMetrics().horizontalAdvance(lab.text() or sample))
        widest = max(widest, self.temp.fontMetrics().horizontalAdvance("188") + 40,
                     self.minimumSizeHint().width())
        m = self.layout().contentsMargins()
        return widest + m.left() + m.right() + 8

    def set_selected(self, selected: bool) -> None:
        set_prop(self, "selected", selected)

    def mouseReleaseEvent(self, ev) -> None:  # noqa: N802 (Qt naming)
        if ev.button() == Qt.MouseButton.LeftButton and self.rect().contains(ev.position().toPoint()):
            self.clicked.emit(self.info.id)
        super().mouseReleaseEvent(ev)


class ZoneCardGrid(QWidget):
    """All cards, in as many columns as fit comfortably (4 in a row, 6 as 3 x 2)."""

    zone_clicked = Signal(int)

    def __init__(self, model: StoveModel, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.theme = theme
        self.cards: list[ZoneCard] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(theme.px("spacing"))
        self._selected = 0
        self._columns = 0
        model.info_changed.connect(self._on_info)
        self.rebuild()

    def _on_info(self, _info: object) -> None:
        self.rebuild()

    def rebuild(self) -> None:
        for card in self.cards:
            self._grid.removeWidget(card)
            card.deleteLater()
        self.cards = []
        for info in self.model.zones:
            card = ZoneCard(self.model, info, self.theme)
            card.clicked.connect(self.zone_clicked)
            self.cards.append(card)
        self._columns = 0
        self._arrange()
        self.select(min(self._selected, max(0, len(self.cards) - 1)))

    def _arrange(self) -> None:
        """All cards in one row if they fit at their natural width, else in two rows."""
        n = len(self.cards)
        if n == 0:
            return
        need = max(c.natural_width() for c in self.cards) + self._grid.spacing()
        columns = n if n <= 4 or self.width() >= n * need else (n + 1) // 2
        if columns == self._columns:
            return
        self._columns = columns
        for card in self.cards:
            self._grid.removeWidget(card)
        for i, card in enumerate(self.cards):
            card.set_compact(columns < n)
            self._grid.addWidget(card, i // columns, i % columns)

    def resizeEvent(self, ev) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(ev)
        self._arrange()

    def rearrange(self) -> None:
        """Lay the cards out again (after the theme's sizes changed)."""
        self._columns = 0
        self._arrange()

    def select(self, zone: int) -> None:
        self._selected = zone
        for card in self.cards:
            card.set_selected(card.info.id == zone)
