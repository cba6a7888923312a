"""Traditional mode: the hob's own controls, large enough for wet fingers, no automation.

Pick a zone (here or by tapping its card), then tap a level 0-9 or P (boost), or set a
temperature to hold. The buttons show what the stove reports, not what was tapped: the level
lights up when the stove confirms it. Without control of the stove (observer session, link
lost) every control but Off is disabled and the panel says why; switching off always stays
possible, as KSP/1 never refuses it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from ..core.model import LinkStatus
from . import text
from .stove_model import StoveModel
from .theme import Theme
from .zone_card import set_prop, set_text

DEFAULT_TARGET_C = 100.0
TARGET_STEPS = (-10, -1, 1, 10)


def _button(label: str, object_name: str = "") -> QPushButton:
    b = QPushButton(label)
    if object_name:
        b.setObjectName(object_name)
    b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return b


class TraditionalPanel(QFrame):
    zone_selected = Signal(int)

    def __init__(self, model: StoveModel, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.theme = theme
        self.setObjectName("Panel")
        self.zone = 0
        self._pending_target: dict[int, float] = {}     # the value being dialled in, per zone

        title = QLabel("Manual control")
        title.setObjectName("PanelTitle")
        self.zone_status = QLabel("")
        self.zone_status.setObjectName("Hint")
        self.zone_status.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        head = QHBoxLayout()
        head.addWidget(title)
        head.addWidget(self.zone_status, 1)

        self.tabs_row = QGridLayout()
        self.tabs_row.setSpacing(6)
        self.tab_group = QButtonGroup(self)
        self.tab_group.setExclusive(True)
        self.tab_group.idClicked.connect(self.select_zone)
        self.zone_tabs: list[QPushButton] = []

        # levels: Off (0), 1..9 and P (boost), two rows as on a hob's slider
        self.off_button = _button("Off")
        self.off_button.setToolTip("Switch this zone off (always allowed)")
        self.off_button.clicked.connect(self._off)
        self.level_buttons: dict[int, QPushButton] = {}
        self.boost_button = _button("P")
        self.boost_button.setToolTip("Boost: full power for up to 10 minutes")
        self.boost_button.clicked.connect(self._boost)
        grid = QGridLayout()
        grid.setSpacing(6)
        grid.addWidget(self.off_button, 0, 0)
        for lvl in range(1, 10):
            b = _button(str(lvl))
            b.clicked.connect(lambda _=False, lv=lvl: self._level(lv))
            self.level_buttons[lvl] = b
            grid.addWidget(b, *((0, lvl) if lvl <= 5 else (1, lvl - 6)))
        grid.addWidget(self.boost_button, 1, 4, 1, 2)
        for col in range(6):
            grid.setColumnStretch(col, 1)

        # hold a temperature
        self.target_value = QLabel("")
        self.target_value.setObjectName("TargetValue")
        self.target_value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.step_buttons: dict[int, QPushButton] = {}
        trow = QHBoxLayout()
        trow.setSpacing(6)
        for step in TARGET_STEPS:
            b = _button(f"{step:+d}".replace("-", "−"))
            b.clicked.connect(lambda _=False, s=step: self._step_target(s))
            self.step_buttons[step] = b
        trow.addWidget(self.step_buttons[-10])
        trow.addWidget(self.step_buttons[-1])
        trow.addWidget(self.target_value, 1)
        trow.addWidget(self.step_buttons[1])
        trow.addWidget(self.step_buttons[10])
        self.hold_button = _button("Hold")
        self.hold_button.setToolTip("Hold this temperature (closed loop on the stove)")
        self.hold_button.clicked.connect(self._hold)

        self.reason = QLabel("")
        self.reason.setObjectName("Hint")
        self.reason.setWordWrap(True)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 10)
        lay.setSpacing(theme.px("spacing") // 2 + 2)
        lay.addLayout(head)
        lay.addLayout(self.tabs_row)
        level_title = QLabel("Power level")
        level_title.setObjectName("Hint")
        lay.addWidget(level_title)
        lay.addLayout(grid)
        temp_title = QLabel("Hold a temperature")
        temp_title.setObjectName("Hint")
        lay.addWidget(temp_title)
        lay.addLayout(trow)
        lay.addWidget(self.hold_button)
        lay.addWidget(self.reason)
        lay.addStretch(1)

        self._controls = [*self.level_buttons.values(), self.boost_button, *self.step_buttons.values(),
                          self.hold_button]
        model.info_changed.connect(self._on_info)
        model.state_changed.connect(self._on_state)
        model.link_changed.connect(self._on_link)
        self._rebuild_tabs()
        self.refresh()

    # -- zone selection (view state only) -----------------------------------------------------
    def _rebuild_tabs(self) -> None:
        for b in self.zone_tabs:
            self.tab_group.removeButton(b)
            self.tabs_row.removeWidget(b)
            b.deleteLater()
        self.zone_tabs = []
        for info in self.model.zones:
            b = _button(info.name, "ZoneTab")
            b.setCheckable(True)
            b.setStyleSheet(f"border-bottom: 6px solid {self.theme.zone_color(info.id)};")
            self.tab_group.addButton(b, info.id)
            columns = 4 if len(self.model.zones) <= 4 else 3
            self.tabs_row.addWidget(b, info.id // columns, info.id % columns)
            self.zone_tabs.append(b)
        if self.zone_tabs:
            self.zone = min(self.zone, len(self.zone_tabs) - 1)
            self.zone_tabs[self.zone].setChecked(True)

    def select_zone(self, zone: int) -> None:
        if not 0 <= zone < len(self.zone_tabs):
            return
        self.zone = zone
        self.zone_tabs[zone].setChecked(True)
        self.refresh()
        self.zone_selected.emit(zone)

    # -- actions ---------------------------------------------------------------------------------
    def _level(self, level: int) -> None:
        self.model.set_level(self.zone, level)

    def _off(self) -> None:
        self.model.zone_off(self.zone)

    def _boost(self) -> None:
        z = self.model.zone_state(self.zone)
        self.model.set_boost(self.zone, not (z is not None and z.boost))

    def _current_target(self) -> float:
        if self.zone in self._pending_target:
            return self._pending_target[self.zone]
        z = self.model.zone_state(self.zone)
        if z is not None and z.target_c is not None:
            return z.target_c
        info = self.model.zone_info(self.zone)
        lo, hi = (info.min_target_c, info.max_target_c) if info else (30.0, 250.0)
        return min(hi, max(lo, DEFAULT_TARGET_C))

    def _step_target(self, step: int) -> None:
        info = self.model.zone_info(self.zone)
        lo, hi = (info.min_target_c, info.max_target_c) if info else (30.0, 250.0)
        self._pending_target[self.zone] = min(hi, max(lo, round(self._current_target()) + step))
        self.refresh()

    def _hold(self) -> None:
        self.model.set_target(self.zone, self._current_target())
        self._pending_target.pop(self.zone, None)

    # -- drawing from the model ------------------------------------------------------------------
    def _on_info(self, _info: object) -> None:
        self._pending_target.clear()
        self._rebuild_tabs()
        self.refresh()

    def _on_state(self, _state: object) -> None:
        self.refresh()

    def _on_link(self, _link: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        info = self.model.zone_info(self.zone)
        z = self.model.zone_state(self.zone)
        can = self.model.can_control and info is not None
        for b in self._controls:
            b.setEnabled(can)
        self.boost_button.setEnabled(can and info is not None and info.has_boost)
        self.off_button.setEnabled(info is not None)
        on_level = z.level if (z is not None and z.mode == "level" and not z.boost) else None
        for lvl, b in self.level_buttons.items():
            set_prop(b, "current", lvl == on_level)
        set_prop(self.off_button, "current", z is not None and not z.is_on)
        set_prop(self.boost_button, "current", z is not None and z.boost)
        set_prop(self.hold_button, "current", z is not None and z.mode == "target")
        set_text(self.target_value, f"{text.temp(self._current_target())} °C")
        set_text(self.hold_button, f"Hold {text.temp(self._current_target())} °C")
        if info is not None and z is not None:
            where = f"{info.name}: {text.mode(z).lower()}"
            if z.mode == "target" and z.target_c is not None:
                where += f" {text.temp(z.target_c)} °C"
            set_text(self.zone_status, where)
        set_text(self.reason, self._why_disabled())
        self.reason.setVisible(bool(self.reason.text()))

    def _why_disabled(self) -> str:
        link = self.model.link
        if self.model.can_control:
            return ""
        if link.status is LinkStatus.ONLINE and link.role == "observer":
            return ("Observer session: another device controls this stove. "
                    "Only Off and ALL OFF work here.")
        if link.status is LinkStatus.LOST:
            return "Link to the stove lost: controls are paused until it is back. Off and ALL OFF still try."
        if link.status is LinkStatus.CONNECTING:
            return "Connecting to the stove…"
        return "Not connected to the stove."
