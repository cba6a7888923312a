"""Traditional mode: the hob's own controls, large enough for wet fingers, no automation.

Pick a zone (here or by tapping its card), then tap a level 0-9 or P (boost), or set a
temperature to hold: step it with −10 … +10, or tap the value and type it on the keypad, then
tap **Hold**. Only Hold (or a level, or P) heats: dialling or typing a value never switches a
zone on, and the value stays what the cook chose (also after ALL OFF). The zone's timer is typed
on the keypad too (0:00 cancels it); it switches a zone off after a time, so it is offered only
while the zone is on (or its timer runs). The buttons show what the stove
reports, not what was tapped: the level lights up when the stove confirms it. Without control
of the stove (observer session, link lost) every control but Off is disabled and the panel
says why; switching off always stays possible, as KSP/1 never refuses it.

Temperatures show and step in the display unit (°C or °F, :mod:`.prefs`); the stove gets °C.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from ..core.model import LinkStatus
from . import text
from .banners import FittedLabel
from .keypad import NumberEntry, TimerEntry, open_keypad
from .overlay import OverlayHost
from .prefs import display_prefs
from .stove_model import StoveModel
from .theme import Theme
from .units import display_range, from_display, to_display
from .zone_card import set_prop, set_text

translate = QCoreApplication.translate
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
        self._pending_target: dict[int, float] = {}     # the value being dialled in, per zone (°C)
        self._held_target: dict[int, float] = {}        # the last one the zone held (kept after ALL OFF)
        self.keypad_host: OverlayHost | None = None     # where the keypad shows (set by the window)
        self.keypad = None

        title = QLabel(translate("TraditionalPanel", "Manual control"))
        title.setObjectName("PanelTitle")
        self.zone_status = FittedLabel("")           # elided: a long status never widens the panel
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
        self.off_button = _button(translate("TraditionalPanel", "Off"))
        self.off_button.setToolTip(translate("TraditionalPanel", "Switch this zone off (always allowed)"))
        self.off_button.clicked.connect(self._off)
        self.level_buttons: dict[int, QPushButton] = {}
        self.boost_button = _button("P")
        self.boost_button.setToolTip(translate("TraditionalPanel", "Boost: full power for up to 10 minutes"))
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

        # hold a temperature: step it, or tap the value to type it
        self.target_value = _button("", "TargetValue")
        self.target_value.setToolTip(translate("TraditionalPanel", "Type the temperature on the keypad"))
        self.target_value.clicked.connect(self.enter_target)
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
        self.hold_button = _button(translate("TraditionalPanel", "Hold"))
        self.hold_button.setToolTip(translate("TraditionalPanel", "Hold this temperature (closed loop on the stove)"))
        self.hold_button.clicked.connect(self._hold)
        self.timer_button = _button(translate("TraditionalPanel", "Timer"))
        self.timer_button.setToolTip(translate("TraditionalPanel", "Switch this zone off after a time"))
        self.timer_button.clicked.connect(self.enter_timer)
        hold_row = QHBoxLayout()
        hold_row.setSpacing(6)
        hold_row.addWidget(self.hold_button, 3)
        hold_row.addWidget(self.timer_button, 2)

        # why the controls are off (observer, link lost) takes the zone's status line, beside the
        # title: a line that is always there, so no control moves when it shows
        self.reason = FittedLabel("")
        self.reason.setObjectName("Hint")
        self.reason.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.reason.hide()
        head.addWidget(self.reason, 1)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 10)
        lay.setSpacing(theme.px("spacing") // 2 + 2)
        lay.addLayout(head)
        lay.addLayout(self.tabs_row)
        level_title = QLabel(translate("TraditionalPanel", "Power level"))
        level_title.setObjectName("Hint")
        lay.addWidget(level_title)
        self.captions = [level_title]
        lay.addLayout(grid)
        temp_title = QLabel(translate("TraditionalPanel", "Hold a temperature"))
        temp_title.setObjectName("Hint")
        lay.addWidget(temp_title)
        self.captions.append(temp_title)
        lay.addLayout(trow)
        lay.addLayout(hold_row)
        lay.addStretch(1)

        self._controls = [*self.level_buttons.values(), self.boost_button, *self.step_buttons.values(),
                          self.target_value, self.hold_button, self.timer_button]
        model.info_changed.connect(self._on_info)
        model.state_changed.connect(self._on_state)
        model.link_changed.connect(self._on_link)
        display_prefs().unit_changed.connect(self._on_unit)
        self._rebuild_tabs()
        self.refresh()

    def set_compact(self, compact: bool) -> None:
        """On a short screen the captions over the levels and the temperature go; the buttons stay."""
        for lab in self.captions:
            lab.setVisible(not compact)

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
        if self.zone in self._held_target:
            return self._held_target[self.zone]
        info = self.model.zone_info(self.zone)
        lo, hi = (info.min_target_c, info.max_target_c) if info else (30.0, 250.0)
        return min(hi, max(lo, DEFAULT_TARGET_C))

    def _range(self) -> tuple[int, int]:
        """The zone's target range in whole degrees of the display unit."""
        info = self.model.zone_info(self.zone)
        lo, hi = (info.min_target_c, info.max_target_c) if info else (30.0, 250.0)
        return display_range(lo, hi, text.temp_unit())

    def _step_target(self, step: int) -> None:
        unit = text.temp_unit()
        lo, hi = self._range()
        shown = round(to_display(self._current_target(), unit))
        self._pending_target[self.zone] = from_display(min(hi, max(lo, shown + step)), unit)
        self.refresh()

    def _hold(self) -> None:
        self.model.set_target(self.zone, self._current_target())
        self._pending_target.pop(self.zone, None)

    # -- typed on the keypad -------------------------------------------------------------------------
    def enter_target(self) -> None:
        """The keypad for the temperature to hold. OK only sets the value: Hold heats."""
        if self.keypad_host is None or not self.model.can_control:
            return
        zone, (lo, hi), symbol = self.zone, self._range(), text.unit_symbol()
        info = self.model.zone_info(zone)

        def submit(typed: str) -> str | None:
            if not typed:
                return translate("TraditionalPanel", "Type a temperature from {0} to {1} {2}.").format(lo, hi, symbol)
            value = int(typed)
            if not lo <= value <= hi:
                return translate("TraditionalPanel", "{0} {1} is outside this zone's range, {2} to {3} {1}.").format(
                    value, symbol, lo, hi)
            self._pending_target[zone] = from_display(value, text.temp_unit())
            self.refresh()
            return None

        title = translate("TraditionalPanel", "{0}: hold a temperature").format(info.name if info else zone)
        hint = translate("TraditionalPanel", "{0} to {1} {2}. OK sets the value; Hold heats.").format(lo, hi, symbol)
        self.keypad = open_keypad(self.keypad_host, title, NumberEntry(3, symbol, text.temp(self._current_target())),
                                  submit, hint=hint)

    def enter_timer(self) -> None:
        """The keypad for the zone's timer (minutes and seconds); 0:00 cancels a running one."""
        if self.keypad_host is None or not self.model.can_control:
            return
        zone = self.zone
        info = self.model.zone_info(zone)
        z = self.model.zone_state(zone)
        entry = TimerEntry(z.timer_s if z is not None else None)

        def submit(_typed: str) -> str | None:
            try:
                seconds = entry.seconds()
            except ValueError:
                return translate("TraditionalPanel", "Seconds go from 00 to 59.")
            now = self.model.zone_state(zone)
            if seconds > 0 and (now is None or not now.is_on):
                return translate("TraditionalPanel", "{0} is off: switch it on first; the timer then switches it "
                                                     "off.").format(info.name if info else zone)
            self.model.set_timer(zone, float(seconds) if seconds > 0 else None)
            return None

        title = translate("TraditionalPanel", "{0}: switch off after").format(info.name if info else zone)
        hint = translate("TraditionalPanel", "Minutes and seconds, e.g. 1 3 0 for 1:30. 0:00 cancels the timer.")
        self.keypad = open_keypad(self.keypad_host, title, entry, submit, hint=hint)

    # -- drawing from the model ------------------------------------------------------------------
    def _on_info(self, _info: object) -> None:
        self._pending_target.clear()
        self._held_target.clear()
        self._rebuild_tabs()
        self.refresh()

    def _on_state(self, state: object) -> None:
        for z in getattr(state, "zones", ()):
            if z.target_c is not None:
                self._held_target[z.id] = z.target_c
        self.refresh()

    def _on_link(self, _link: object) -> None:
        self.refresh()

    def _on_unit(self, _unit: object) -> None:
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
        set_text(self.target_value, text.degrees(self._current_target()))
        target = text.degrees(self._current_target())
        set_text(self.hold_button, translate("TraditionalPanel", "Hold {0}").format(target))
        timer = z.timer_s if z is not None else None
        set_text(self.timer_button, translate("TraditionalPanel", "Timer {0}").format(text.clock(timer))
                 if timer is not None else translate("TraditionalPanel", "Timer"))
        set_prop(self.timer_button, "current", timer is not None)
        # a timer switches a zone off: on a zone that is off it would count down for nothing
        timer_useful = z is not None and (z.is_on or timer is not None)
        self.timer_button.setEnabled(can and timer_useful)
        self.timer_button.setToolTip(translate("TraditionalPanel", "Switch this zone off after a time")
                                     if timer_useful else
                                     translate("TraditionalPanel", "The zone is off: switch it on, then set a timer"))
        if info is not None and z is not None:
            where = f"{info.name}: {text.mode(z)}"
            if z.mode == "target" and z.target_c is not None:
                where += f" {text.degrees(z.target_c)}"
            set_text(self.zone_status, where)
        set_text(self.reason, self._why_disabled())
        self.reason.setVisible(bool(self.reason.text()))
        self.zone_status.setVisible(not self.reason.text())

    def _why_disabled(self) -> str:
        link = self.model.link
        if self.model.can_control:
            return ""
        if link.status is LinkStatus.ONLINE and link.role == "observer" and link.transport.startswith("mqtt"):
            return translate("TraditionalPanel", "Observer: the stove's bridge lets screens only switch off. "
                                                 "Only Off and ALL OFF work here.")
        if link.status is LinkStatus.ONLINE and link.role == "observer":
            return translate("TraditionalPanel", "Observer session: another device controls this stove. "
                                                 "Only Off and ALL OFF work here.")
        if link.status is LinkStatus.LOST:
            return translate("TraditionalPanel", "Link to the stove lost: controls are paused until it is back. "
                                                 "Off and ALL OFF still try.")
        if link.status is LinkStatus.CONNECTING:
            return translate("TraditionalPanel", "Connecting to the stove…")
        return translate("TraditionalPanel", "Not connected to the stove.")
