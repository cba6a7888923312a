"""The desktop window's menus and keyboard shortcuts (not shown in kiosk mode).

File: Quit (Ctrl+Q). Stove: All off (Ctrl+Shift+O, works whatever has the focus; the same
action as the ALL OFF button), Connection… View: the plot's time window (Ctrl+Shift+1 to 4),
°C / °F, full screen (F11), and the pages (Ctrl+1, 2, 3). Help: Keyboard shortcuts, About.
Information opens over the dashboard like the keypad (:mod:`.overlay`), never as a blocking
dialog, so ALL OFF stays a click away. On a short window (a 1024x600 panel) the menu bar would
take the room the buttons need: the same menus then open from a ☰ button in the header, and
every shortcut works either way (the actions belong to the window, not to the bar).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QPushButton

from .main_window import ALL_OFF_SHORTCUT
from .panels import InfoPanel, about_text, connection_text
from .plot import WINDOWS
from .prefs import display_prefs
from .units import TempUnit

translate = QCoreApplication.translate
MENU_BAR_FROM_PX = 700          # window height from which the menus are a bar, not a ☰ button


def shortcuts_text() -> str:
    rows = [
        (ALL_OFF_SHORTCUT, translate("DesktopMenus", "All off (whatever has the focus)")),
        ("Ctrl+Q", translate("DesktopMenus", "Quit")),
        ("Ctrl+1 … Ctrl+3", translate("DesktopMenus", "Dashboard, Recipes, History")),
        ("Ctrl+Shift+1 … 4", translate("DesktopMenus", "Plot: 5 min, 15 min, 1 h, all")),
        ("Ctrl+Shift+F", translate("DesktopMenus", "°C / °F")),
        ("F11", translate("DesktopMenus", "Full screen")),
    ]
    return "\n".join(f"{keys}    {what}" for keys, what in rows)


class DesktopMenus(QObject):
    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        bar = window.menuBar()
        bar.setNativeMenuBar(False)          # the same menus everywhere; tests can see them
        self.actions: dict[str, QAction] = {}

        file_menu = bar.addMenu(translate("DesktopMenus", "&File"))
        self._add(file_menu, "quit", translate("DesktopMenus", "&Quit"), window.close, QKeySequence.StandardKey.Quit)

        stove = bar.addMenu(translate("DesktopMenus", "&Stove"))
        all_off = window.all_off_action          # the window's own: one action, one shortcut
        all_off.setText(translate("DesktopMenus", "&All off"))
        stove.addAction(all_off)
        self.actions["all_off"] = all_off
        self._add(stove, "connection", translate("DesktopMenus", "&Connection…"), self.show_connection)

        view = bar.addMenu(translate("DesktopMenus", "&View"))
        plot_menu = view.addMenu(translate("DesktopMenus", "&Plot window"))
        self.plot_group = QActionGroup(self)
        for i, (label, seconds) in enumerate(WINDOWS, start=1):
            a = self._add(plot_menu, f"plot_{label}", translate("TemperaturePlot", label),
                          lambda _=False, s=seconds: window.plot.set_window(s), f"Ctrl+Shift+{i}")
            a.setCheckable(True)
            a.setData(seconds)
            self.plot_group.addAction(a)
        window.plot.window_changed.connect(self._sync_checks)
        view.addSeparator()
        self.unit_group = QActionGroup(self)
        for unit in (TempUnit.CELSIUS, TempUnit.FAHRENHEIT):
            words = translate("DesktopMenus", "Degrees &Celsius (°C)") if unit is TempUnit.CELSIUS \
                else translate("DesktopMenus", "Degrees &Fahrenheit (°F)")
            a = self._add(view, f"unit_{unit.value}", words, lambda _=False, u=unit: display_prefs().set_unit(u))
            a.setCheckable(True)
            self.unit_group.addAction(a)
        self._add(view, "toggle_unit", translate("DesktopMenus", "Switch °C / °F"), self.toggle_unit, "Ctrl+Shift+F")
        display_prefs().unit_changed.connect(self._sync_checks)
        view.addSeparator()
        self._add(view, "full_screen", translate("DesktopMenus", "F&ull screen"), self.toggle_full_screen, "F11")
        view.addSeparator()
        self.page_actions: list[QAction] = []
        for i, name in enumerate((translate("DesktopMenus", "&Dashboard"), translate("DesktopMenus", "&Recipes"),
                                  translate("DesktopMenus", "&History"))):
            a = self._add(view, f"page_{i}", name, lambda _=False, n=i: window.show_page(n), f"Ctrl+{i + 1}")
            self.page_actions.append(a)

        help_menu = bar.addMenu(translate("DesktopMenus", "&Help"))
        self._add(help_menu, "shortcuts", translate("DesktopMenus", "&Keyboard shortcuts"), self.show_shortcuts)
        self._add(help_menu, "about", translate("DesktopMenus", "&About Hearth"), self.show_about)
        self._sync_checks()
        self.sync_pages()
        window.kitchen_attached.connect(lambda _kitchen: self.sync_pages())   # its pages came late

        # the same menus behind one header button, for windows too short for a bar
        self.compact_menu = QMenu(window)
        self.menus = (file_menu, stove, view, help_menu)
        for m in self.menus:
            self.compact_menu.addMenu(m)
        self.menu_button = QPushButton("☰")
        self.menu_button.setObjectName("MenuButton")
        self.menu_button.setToolTip(translate("DesktopMenus", "Menu"))
        self.menu_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.menu_button.setMenu(self.compact_menu)
        window.header_tools.addWidget(self.menu_button)
        window.installEventFilter(self)
        self._fit(window.height())

    def _add(self, menu: Any, key: str, words: str, slot: Any, shortcut: Any = None) -> QAction:
        a = QAction(words, self.window)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        a.triggered.connect(slot)
        menu.addAction(a)
        self.window.addAction(a)          # its shortcut works even while the bar is hidden
        self.actions[key] = a
        return a

    def _fit(self, height: int) -> None:
        compact = height < MENU_BAR_FROM_PX
        self.window.menuBar().setVisible(not compact)
        self.menu_button.setVisible(compact)
        # a window this short is most likely a kitchen panel: menu rows a finger can hit
        for m in (self.compact_menu, *self.menus):
            if m.property("touch") != compact:
                m.setProperty("touch", compact)
                m.style().unpolish(m)
                m.style().polish(m)

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if obj is self.window and ev.type() == QEvent.Type.Resize:
            self._fit(ev.size().height())
        return False

    def sync_pages(self) -> None:
        """Page actions only for pages that exist (Recipes and History come with the kitchen)."""
        count = self.window.pages.count()
        for i, a in enumerate(self.page_actions):
            a.setVisible(i < count)

    def _sync_checks(self, *_args: object) -> None:
        for a in self.plot_group.actions():
            a.setChecked(a.data() == self.window.plot.window_s)
        unit = display_prefs().unit
        self.actions["unit_C"].setChecked(unit is TempUnit.CELSIUS)
        self.actions["unit_F"].setChecked(unit is TempUnit.FAHRENHEIT)

    # -- actions -----------------------------------------------------------------------------------------
    def toggle_unit(self) -> None:
        prefs = display_prefs()
        prefs.set_unit(TempUnit.FAHRENHEIT if prefs.unit is TempUnit.CELSIUS else TempUnit.CELSIUS)

    def toggle_full_screen(self) -> None:
        w = self.window
        w.showNormal() if w.isFullScreen() else w.showFullScreen()

    def _info(self, title: str, body: str) -> InfoPanel:
        host = self.window.overlays
        panel = InfoPanel(title, body, lambda: host.close())
        host.show(panel)
        return panel

    def show_connection(self) -> InfoPanel:
        return self._info(translate("DesktopMenus", "Connection"), connection_text(self.window.model))

    def show_about(self) -> InfoPanel:
        return self._info(translate("DesktopMenus", "About Hearth"), about_text())

    def show_shortcuts(self) -> InfoPanel:
        return self._info(translate("DesktopMenus", "Keyboard shortcuts"), shortcuts_text())
