"""Kiosk mode (``kitchen-ui --kiosk``): the dashboard as the kitchen wall's touchscreen.

Full screen, no window frame, no menus, nothing that needs a keyboard or a mouse: large page
tabs move between dashboard, recipes and history, temperatures and timers are typed on the
on-screen keypad, lists scroll by dragging (their scroll bars only show where you are), and the
search field, file export and the household editor (naming a profile), which need a keyboard or a
file dialog, are left out: the household is set up in the desktop app, on the same database. Settings
and quitting sit behind the PIN (:mod:`.pin_pad`); cooking, manual control and ALL OFF never
ask for it. The screen dims when nobody uses it and nothing cooks (:mod:`.idle`).
"""

from __future__ import annotations

import time
from typing import Any, Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractScrollArea, QApplication, QComboBox, QLineEdit, QPushButton, QScrollBar, QScroller, QSizePolicy,
)

from .icons import icon
from .idle import ScreenDimmer
from .panels import InfoPanel, SettingsPanel, about_text
from .pin import DEFAULT_COST, PinLock
from .pin_pad import PinGate
from .prefs import display_prefs
from .settings import AppSettings
from .units import TempUnit

translate = QCoreApplication.translate


def touch_only(root: Any) -> None:
    """Drag-to-scroll everywhere under ``root``; scroll bars become indicators, not targets."""
    for area in root.findChildren(QAbstractScrollArea):
        _touch_area(area)
    for box in root.findChildren(QComboBox):
        _touch_area(box.view())


def _touch_area(area: QAbstractScrollArea) -> None:
    if area.property("touch_only"):
        return
    area.setProperty("touch_only", True)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    for bar in area.findChildren(QScrollBar):
        bar.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)


class Kiosk(QObject):
    """Turns a :class:`~.main_window.MainWindow` (with its kitchen, if any) into the kiosk."""

    def __init__(self, window: Any, settings: AppSettings, *, clock: Callable[[], float] = time.monotonic,
                 pin_cost: tuple[int, int, int] = DEFAULT_COST, dim_after_s: float | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.quitting = False
        self.on_quit: Callable[[], None] = self._default_quit
        self.lock = PinLock(settings.pin_record, self._store_pin, clock=clock, cost=pin_cost)
        self.gate = PinGate(window.overlays, self.lock)
        self.panel: SettingsPanel | None = None
        self.voice: Any = None               # the dashboard's voice (:mod:`.voice`), which the PIN guards too
        self._screen: Any = None

        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.menuBar().hide()
        window.menuBar().setNativeMenuBar(False)
        window.close_guard = self._may_close
        self.settings_button = QPushButton(translate("Kiosk", "Settings"))
        self.settings_button.setObjectName("KioskSettings")
        self.settings_button.setIcon(icon("lock", window.theme.px("small_font") + 8, window.theme.c("text")))
        self.settings_button.setToolTip(translate("Kiosk", "Settings and quitting (needs the PIN)"))
        self.settings_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.settings_button.clicked.connect(self.open_settings)
        # as wide as its word, always: a notice in the header never squeezes it (nor moves what is beside it)
        self.settings_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        window.header_tools.addWidget(self.settings_button)

        if getattr(window, "kitchen", None) is not None:
            self._adapt_kitchen(window.kitchen)
        window.kitchen_attached.connect(self._adapt_kitchen)     # a kitchen whose database opened late
        touch_only(window)
        window.page_changed.connect(lambda _page: touch_only(window))

        timeout = settings.dim_after_s() if dim_after_s is None else dim_after_s
        self.dimmer = ScreenDimmer(window, self._busy, timeout_s=timeout, clock=clock)
        window.model.state_changed.connect(self._on_activity)
        window.model.event_received.connect(self._on_event)
        # Ctrl+Q from a keyboard left plugged in asks for the PIN too
        self.quit_action = QAction(translate("Kiosk", "Quit"), window)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.quit_action.triggered.connect(self.request_quit)
        window.addAction(self.quit_action)
        window.kiosk = self

    def _adapt_kitchen(self, kitchen) -> None:
        """Typing and file dialogs need a keyboard and a mouse: the kiosk leaves them out."""
        kitchen.library_page.search.hide()
        kitchen.history_page.export_button.hide()
        eaters = getattr(getattr(kitchen, "diet", None), "eaters", None)
        if eaters is not None:                 # naming a profile needs a keyboard: set up on the desktop
            self._eaters = eaters
            eaters.edit_button.hide()
            eaters.household.changed.connect(self._hide_household_button)
        touch_only(self.window)

    def _hide_household_button(self, *_args: object) -> None:
        self._eaters.edit_button.hide()            # the eaters bar shows it again when it rebuilds

    # -- what needs the PIN ----------------------------------------------------------------------------
    def open_settings(self) -> None:
        self.gate.require(translate("Kiosk", "settings"), self.show_settings)

    def request_quit(self) -> None:
        self.gate.require(translate("Kiosk", "quitting Hearth"), self.quit)

    def show_settings(self) -> None:
        """The settings panel (the PIN was given)."""
        host = self.window.overlays
        self.panel = SettingsPanel(
            unit=display_prefs().unit, dim_after_s=int(self.dimmer.timeout_s),
            on_unit=self._set_unit, on_dim=self._set_dim, on_change_pin=lambda: self.gate.choose(self.show_settings),
            on_about=self._about, on_quit=self.quit, on_close=lambda: host.close(),
            voice_on=self.voice.on if self.voice is not None else None,
            on_voice=self.voice.set_on if self.voice is not None else None,
            wake_on=self.voice.wake.wanted if self.voice is not None else None,
            on_wake=self.voice.wake.set_on if self.voice is not None else None,
            wake_why=self.voice.wake.why_not if self.voice is not None else "")
        host.show(self.panel)

    def quit(self) -> None:
        """Quit for real (the PIN was given)."""
        self.quitting = True
        self.window.overlays.close()
        self.on_quit()

    def _default_quit(self) -> None:
        self.window.close()
        app = QApplication.instance()
        if app is not None:
            app.quit()

    def _may_close(self) -> bool:
        """A close from outside (Alt+F4, the window manager) asks for the PIN instead."""
        if self.quitting:
            return True
        self.request_quit()
        return False

    def _store_pin(self, record: str) -> None:
        self.settings.set_pin_record(record)
        self.settings.sync()

    # -- settings choices -----------------------------------------------------------------------------
    def _set_unit(self, unit: TempUnit) -> None:
        display_prefs().set_unit(unit)

    def _set_dim(self, seconds: int) -> None:
        self.settings.set_dim_after_s(seconds)
        self.settings.sync()
        self.dimmer.set_timeout(seconds)

    def _about(self) -> None:
        host = self.window.overlays
        host.show(InfoPanel(translate("Kiosk", "About Hearth"), about_text(), self.show_settings))

    # -- dimming ----------------------------------------------------------------------------------------
    def _busy(self) -> bool:
        state = self.window.model.state
        if state is not None and any(z.is_on for z in state.zones):
            return True
        kitchen = getattr(self.window, "kitchen", None)
        engine = getattr(kitchen, "engine", None)
        return engine is not None and not engine.status.finished

    def _on_activity(self, _state: object) -> None:
        if self.dimmer.dimmed and self._busy():
            self.dimmer.wake()

    def _on_event(self, _event: object) -> None:
        self.dimmer.wake()                     # the stove has news: show it

    def show_full_screen(self) -> None:
        """Cover the whole screen, with a window manager or without one.

        ``showFullScreen`` asks the window manager (or a Wayland compositor such as cage) for
        full screen; a bare X server (xinit, no window manager) has nobody to ask, and the
        window would keep its normal size in the corner. So the window is also given the
        screen's geometry itself, and follows it when the screen changes (rotation, another
        panel).
        """
        screen = self.window.screen() or QApplication.primaryScreen()
        if screen is not None:
            self.window.setGeometry(screen.geometry())
            if self._screen is not screen:
                screen.geometryChanged.connect(self._fit_screen)
                self._screen = screen
        self.window.showFullScreen()

    def _fit_screen(self, geometry: Any) -> None:
        self.window.setGeometry(geometry)

    def start(self) -> None:
        self.dimmer.start()

    def stop(self) -> None:
        self.dimmer.stop()


def visible_text_inputs(window: Any) -> list[QLineEdit]:
    """Text fields a kiosk user would need a keyboard for (there should be none)."""
    return [w for w in window.findChildren(QLineEdit) if w.isVisible() and not isinstance(w.parent(), QComboBox)]
