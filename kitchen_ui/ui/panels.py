"""Panels that open over the dashboard: the kiosk's settings, and plain information (about,
connection). Every control is a large button; nothing here needs a keyboard.

The settings panel only shows and asks; what a choice does is the caller's (``on_*``
callbacks), so the same panel serves any window and its tests.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QButtonGroup, QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from .. import __version__
from ..core.model import StoveInfo
from . import text
from .own_words import stove_model_name
from .recipes.recipe_view import vertical_scroll
from .settings import DIM_CHOICES_S
from .stove_model import StoveModel
from .units import TempUnit

translate = QCoreApplication.translate


def _button(label: str, name: str = "") -> QPushButton:
    b = QPushButton(label)
    if name:
        b.setObjectName(name)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return b


def _heading(words: str) -> QLabel:
    lab = QLabel(words)
    lab.setObjectName("Hint")
    return lab


def dim_label(seconds: int) -> str:
    if seconds <= 0:
        return translate("SettingsPanel", "Never")
    return translate("SettingsPanel", "{0} min").format(seconds // 60)


class InfoPanel(QFrame):
    """A title, some lines of text and Close."""

    def __init__(self, title: str, body: str, on_close: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("InfoPanel")
        heading = QLabel(title)
        heading.setObjectName("PanelTitle")
        self.body = QLabel(body)
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.close_button = _button(translate("InfoPanel", "Close"), "Primary")
        self.close_button.clicked.connect(on_close)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 18, 16)
        lay.setSpacing(10)
        lay.addWidget(heading)
        lay.addWidget(self.body)
        lay.addWidget(self.close_button)


class SettingsPanel(QFrame):
    """°C/°F, when the screen dims, voice, the PIN, about, quit; Close goes back to cooking."""

    def __init__(self, *, unit: TempUnit, dim_after_s: int, on_unit: Callable[[TempUnit], None],
                 on_dim: Callable[[int], None], on_change_pin: Callable[[], None], on_about: Callable[[], None],
                 on_quit: Callable[[], None], on_close: Callable[[], None], parent: QWidget | None = None,
                 voice_on: bool | None = None, on_voice: Callable[[bool], None] | None = None,
                 wake_on: bool | None = None, on_wake: Callable[[bool], None] | None = None,
                 wake_why: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("SettingsPanel")
        title = QLabel(translate("SettingsPanel", "Settings"))
        title.setObjectName("PanelTitle")

        self.unit_buttons: dict[TempUnit, QPushButton] = {}
        unit_group = QButtonGroup(self)
        unit_row = QHBoxLayout()
        for u in (TempUnit.CELSIUS, TempUnit.FAHRENHEIT):
            b = _button(u.symbol, "Choice")
            b.setCheckable(True)
            b.setChecked(u is unit)
            b.clicked.connect(lambda _=False, v=u: on_unit(v))
            unit_group.addButton(b)
            unit_row.addWidget(b)
            self.unit_buttons[u] = b

        self.dim_buttons: dict[int, QPushButton] = {}
        dim_group = QButtonGroup(self)
        dim_grid = QGridLayout()
        dim_grid.setSpacing(6)
        choices = list(DIM_CHOICES_S)
        if dim_after_s not in choices:                 # a value set with --dim-after shows too
            choices = sorted({*DIM_CHOICES_S[:-1], dim_after_s}) + [0]
        for i, seconds in enumerate(choices):
            b = _button(dim_label(seconds), "Choice")
            b.setCheckable(True)
            b.setChecked(seconds == dim_after_s)
            b.clicked.connect(lambda _=False, v=seconds: on_dim(v))
            dim_group.addButton(b)
            dim_grid.addWidget(b, 0, i)
            self.dim_buttons[seconds] = b

        self.voice_buttons: dict[bool, QPushButton] = {}
        voice_row = QHBoxLayout()
        if voice_on is not None and on_voice is not None:        # the dashboard has voice
            self.voice_buttons = self._on_off(voice_row, voice_on, lambda v: self._voice(on_voice, v))

        # the wake phrase: only while voice is on, and only with a microphone (the label says why not)
        self.wake_buttons: dict[bool, QPushButton] = {}
        self._wake_why = wake_why
        wake_row = QHBoxLayout()
        self.wake_note = QLabel(wake_why)
        self.wake_note.setWordWrap(True)
        if self.voice_buttons and wake_on is not None and on_wake is not None:
            self.wake_buttons = self._on_off(wake_row, wake_on, on_wake)
            wake_row.addWidget(self.wake_note, 1)
            self._enable_wake(bool(voice_on))

        self.pin_button = _button(translate("SettingsPanel", "Change the PIN"))
        self.pin_button.clicked.connect(on_change_pin)
        self.about_button = _button(translate("SettingsPanel", "About Hearth"))
        self.about_button.clicked.connect(on_about)
        self.quit_button = _button(translate("SettingsPanel", "Quit Hearth"), "Danger")
        self.quit_button.clicked.connect(on_quit)
        self.close_button = _button(translate("SettingsPanel", "Close"), "Primary")
        self.close_button.clicked.connect(on_close)
        actions = QHBoxLayout()
        actions.setSpacing(6)
        for b in (self.pin_button, self.about_button, self.quit_button):
            actions.addWidget(b)

        # the choices scroll when the screen is too short for them (a 800x480 panel, the wake row);
        # the title and Close stay in view
        body = QWidget()
        body.setObjectName("PanelBody")
        lay = QVBoxLayout(body)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 14, 18, 16)
        outer.setSpacing(10)
        outer.addWidget(title)
        self.scroll = vertical_scroll(body)
        self.scroll.setMinimumHeight(120)
        outer.addWidget(self.scroll, 1)
        outer.addWidget(self.close_button)
        lay.addWidget(_heading(translate("SettingsPanel", "Temperatures in")))
        lay.addLayout(unit_row)
        lay.addWidget(_heading(translate("SettingsPanel", "Dim the screen after (never while cooking)")))
        lay.addLayout(dim_grid)
        if self.voice_buttons:
            lay.addWidget(_heading(translate("SettingsPanel", "Voice: steps read aloud, spoken commands")))
            lay.addLayout(voice_row)
        if self.wake_buttons:
            lay.addWidget(_heading(translate("SettingsPanel", "Wake phrase: “hey hearth” (listens all the time)")))
            lay.addLayout(wake_row)
        lay.addLayout(actions)

    def _on_off(self, row: QHBoxLayout, current: bool, choose: Callable[[bool], None]) -> dict[bool, QPushButton]:
        """An On / Off pair of choice buttons in ``row``; -> {True: On, False: Off}."""
        group, buttons = QButtonGroup(self), {}
        for on, words in ((True, translate("SettingsPanel", "On")), (False, translate("SettingsPanel", "Off"))):
            b = _button(words, "Choice")
            b.setCheckable(True)
            b.setChecked(on is current)
            b.clicked.connect(lambda _=False, v=on: choose(v))
            group.addButton(b)
            row.addWidget(b, 1)
            buttons[on] = b
        return buttons

    def _voice(self, on_voice: Callable[[bool], None], on: bool) -> None:
        on_voice(on)
        self._enable_wake(on)

    def _enable_wake(self, voice_on: bool) -> None:
        """The wake phrase needs voice and a microphone; off (and greyed) it says why in fixed room."""
        usable = voice_on and not self._wake_why
        for b in self.wake_buttons.values():
            b.setEnabled(usable)              # the choice stays shown: it comes back with voice
        if self._wake_why:
            self.wake_note.setText(self._wake_why)
        else:
            self.wake_note.setText("" if voice_on else translate("SettingsPanel", "Switch voice on first."))


def about_text() -> str:
    return translate("Panels", "Hearth {0}: a kitchen stove dashboard.\n"
                               "ALL OFF (or {1}) switches every zone off, always, without the PIN.\n"
                               "Licence: MIT.").format(__version__, "Ctrl+Shift+O")


def connection_text(model: StoveModel) -> str:
    info: StoveInfo | None = model.info
    lines = [translate("Panels", "Link: {0}").format(text.link_summary(model.link))]
    if model.link.message:
        lines.append(translate("Panels", "Last news: {0}").format(model.link.message))
    if info is None:
        lines.append(translate("Panels", "No stove information yet."))
        return "\n".join(lines)
    kind = translate("Panels", "simulated") if info.sim else translate("Panels", "real")
    lines += [
        translate("Panels", "Stove: {0} ({1}, {2})").format(stove_model_name(info.model), info.id, kind),
        translate("Panels", "Firmware: {0}").format(info.firmware),
        translate("Panels", "Zones: {0}").format(", ".join(f"{z.name} ({text.kind(z)})" for z in info.zones)),
        translate("Panels", "Telemetry: {0:g} a second; heartbeat timeout {1:g} s").format(
            info.telemetry_hz, info.heartbeat_timeout_s),
        translate("Panels", "If the link is lost: {0}").format(
            translate("Panels", "every zone switches off") if info.link_loss_policy == "off"
            else translate("Panels", "zones keep going (safety timers still apply)")),
        translate("Panels", "Remote start: {0}").format(
            translate("Panels", "allowed") if info.remote_start else translate("Panels", "not allowed")),
    ]
    return "\n".join(lines)
