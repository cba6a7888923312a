"""The dashboard window: header with ALL OFF, banners, zone cards, plot, manual controls, recipe.

Layout (1280x800 reference; everything scales with the window):

    [ Hearth   notices: refused commands, stove events            [  ALL OFF  ] ]
    [ banner slot: fault · link · recipe alert, side by side (fixed height)        ]
    [ zone cards ..................... ] [ manual control: zone, level 0-9 P,     ]
    [ temperature plot ............... ] [ hold temperature                      ]
    [ ................................ ] [ recipe area                           ]
    [ status: link · stove time · total power                                    ]

ALL OFF is in the header, outside any page or mode, enabled whatever the link or the role, and
its shortcut (:data:`ALL_OFF_SHORTCUT`, Ctrl+Shift+O) works whatever has the keyboard focus.
Other pages (the kitchen's Recipes and History, see :meth:`MainWindow.add_page`) get large tabs
in the header beside the title; the header, its ALL OFF and the banners stay on every page.
While a recipe cooks, the recipe area takes the right-hand column and manual control is one tap
away (:class:`~.recipe_area.SideColumn`). Keypads and settings open over the body, never over
the header (:class:`~.overlay.OverlayHost`). The desktop menus (:mod:`.menus`) and the kiosk
(:mod:`.kiosk`) are added from outside; ``close_guard`` lets the kiosk refuse a close.

Nothing moves under a finger: the header and the banner slot have fixed heights for the
window's scale (a notice or banner coming or going changes neither), the side column keeps its
share of the width whatever its texts say, and manual control scrolls rather than shrinks when
the window is too short for it (:class:`~.recipe_area.SideColumn`).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup, QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QStackedWidget, QVBoxLayout, QWidget,
)

from .banners import BannerSlot, FaultBanner, LinkBanner, NoticeBar
from .overlay import OverlayHost
from .plot import TemperaturePlot
from .recipe_area import RecipeArea, SideColumn
from .status import StoveStatusBar
from .stove_model import StoveModel
from .theme import Theme, load_theme_or_default, scale_for_size
from .traditional import TraditionalPanel
from .zone_card import ZoneCardGrid

translate = QCoreApplication.translate
ALL_OFF_SHORTCUT = "Ctrl+Shift+O"
SIDE_SHARE = 3 / 8          # of the dashboard's width, for manual control and the recipe
COMPACT_BELOW_PX = 620      # a body shorter than this (1024x600, with or without menus) drops captions


class MainWindow(QMainWindow):
    page_changed = Signal(object)        # the page widget now shown
    kitchen_attached = Signal(object)    # the kitchen, when it joins (its database may open late)

    def __init__(self, model: StoveModel, theme: Theme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.base_theme = theme or load_theme_or_default()
        self.theme = self.base_theme
        self.setWindowTitle(translate("MainWindow", "Hearth — kitchen stove"))
        self.setMinimumSize(640, 400)
        self.close_guard: Callable[[], bool] | None = None    # False refuses a close (the kiosk's PIN)
        self.kitchen = None                                   # set by the kitchen, when there is one
        self.shown_model: StoveModel | None = None            # with several stoves: the one shown

        # header: the app, the latest notices (refused commands, stove events) and the one
        # button that must always be there; the stove's name and link are in the status bar
        self.fault_banner = FaultBanner(model)
        self.link_banner = LinkBanner(model)
        self.notices = NoticeBar(model)
        header = QFrame()
        header.setObjectName("Header")
        title = QLabel("Hearth")
        title.setObjectName("AppTitle")
        self.all_off_button = QPushButton(translate("MainWindow", "ALL OFF"))
        self.all_off_button.setObjectName("AllOff")
        keys = QKeySequence(ALL_OFF_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText)
        tip = translate("MainWindow", "Switch every zone off now (always allowed, {0})")
        self.all_off_button.setToolTip(tip.format(keys))
        self.all_off_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.all_off_button.clicked.connect(self.all_off)
        # the same action from the keyboard, whatever has the focus (and the Stove menu shows it)
        self.all_off_action = QAction(translate("MainWindow", "All off"), self)
        self.all_off_action.setShortcut(QKeySequence(ALL_OFF_SHORTCUT))
        self.all_off_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.all_off_action.triggered.connect(self.all_off)
        self.addAction(self.all_off_action)
        self.header = header
        hl = QHBoxLayout(header)
        hl.setContentsMargins(16, 6, 10, 6)
        hl.setSpacing(16)
        hl.addWidget(title)
        self.nav_row = QHBoxLayout()         # page tabs, once there is more than one page
        self.nav_row.setSpacing(6)
        self.nav_group = QButtonGroup(self)
        self.nav_group.setExclusive(True)
        self.nav_buttons: list[QPushButton] = []
        hl.addLayout(self.nav_row)
        hl.addWidget(self.notices, 1)
        hl.addStretch(0)
        self.header_tools = QHBoxLayout()        # the kiosk's settings button goes here
        self.header_tools.setSpacing(6)
        hl.addLayout(self.header_tools)
        hl.addWidget(self.all_off_button, 0, Qt.AlignmentFlag.AlignVCenter)

        self.cards = ZoneCardGrid(model, self.theme)
        self.plot = TemperaturePlot(model, self.theme)
        self.manual = TraditionalPanel(model, self.theme)
        self.recipe_area = RecipeArea()
        self.cards.zone_clicked.connect(self.manual.select_zone)
        self.manual.zone_selected.connect(self.cards.select)

        left = QVBoxLayout()
        left.setSpacing(self.theme.px("spacing"))
        left.addWidget(self.cards)
        left.addWidget(self.plot, 1)
        self.side = SideColumn(self.manual, self.recipe_area, self.theme.px("spacing"))
        self.cards.zone_clicked.connect(self.side.show_manual)
        self.dashboard_page = QWidget()
        body = QHBoxLayout(self.dashboard_page)
        body.setContentsMargins(10, 10, 10, 6)
        body.setSpacing(self.theme.px("spacing"))
        body.addLayout(left, 5)
        body.addWidget(self.side, 3)           # its width is its share, not what its texts ask for
        self._size_side(1280)
        self.bodies = QStackedWidget()         # one dashboard body per stove (:mod:`.multi` adds the others)
        self.bodies.addWidget(self.dashboard_page)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.bodies)
        self.pages.currentChanged.connect(lambda i: self.page_changed.emit(self.pages.widget(i)))

        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(header)
        self.banner_slot = BannerSlot()
        for banner in (self.fault_banner, self.link_banner):
            self.banner_slot.add(banner)
        lay.addWidget(self.banner_slot)
        lay.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.status = StoveStatusBar(model, theme=self.theme)
        self.setStatusBar(self.status)
        self.overlays = OverlayHost(central, header)
        self.manual.keypad_host = self.overlays

        self._apply_scale(scale_for_size(1280, 800))

    # -- actions ---------------------------------------------------------------------------------
    def all_off(self) -> None:
        """Every zone of the stove shown off (:mod:`.multi` sets ``shown_model`` when there are several)."""
        (self.shown_model or self.model).all_off()

    # -- pages and banners (the kitchen adds its own) ------------------------------------------------
    def add_page(self, name: str, widget: QWidget) -> QPushButton:
        """Add a page with a tab in the header (the first call also makes the Dashboard tab)."""
        if not self.nav_buttons:
            self._nav_button(translate("MainWindow", "Dashboard"), self.bodies).setChecked(True)
        self.pages.addWidget(widget)
        return self._nav_button(name, widget)

    def _nav_button(self, name: str, widget: QWidget) -> QPushButton:
        b = QPushButton(name)
        b.setObjectName("NavTab")
        b.setCheckable(True)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        b.clicked.connect(lambda _=False, w=widget: self.show_page(w))
        self.nav_group.addButton(b)
        self.nav_row.addWidget(b)
        self.nav_buttons.append(b)
        return b

    def show_page(self, page: QWidget | int) -> None:
        """Show a page (widget or index; 0 is the dashboard) and light up its tab."""
        if not isinstance(page, int) and self.bodies.indexOf(page) >= 0:
            page = self.bodies            # a stove's dashboard body is on the dashboard page
        index = page if isinstance(page, int) else self.pages.indexOf(page)
        if not 0 <= index < self.pages.count():
            return
        if index < len(self.nav_buttons):
            self.nav_buttons[index].setChecked(True)
        self.pages.setCurrentIndex(index)

    def add_banner(self, banner: QWidget) -> None:
        """A banner under the header, on every page (beside the fault and link banners, in the
        slot of fixed height: it never pushes the page down)."""
        self.banner_slot.add(banner)

    # -- lifecycle -------------------------------------------------------------------------------
    def start(self) -> None:
        """Begin the periodic redraw (the app calls this; tests call plot.refresh() themselves)."""
        self.plot.start()

    def closeEvent(self, ev) -> None:  # noqa: N802 (Qt naming)
        if self.close_guard is not None and not self.close_guard():
            ev.ignore()
            return
        self.plot.stop()
        super().closeEvent(ev)

    # -- look --------------------------------------------------------------------------------------
    def resizeEvent(self, ev) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(ev)
        bar = self.menuBar().height() if self.menuWidget() is not None and self.menuBar().isVisible() else 0
        compact = ev.size().height() - bar < COMPACT_BELOW_PX
        self.manual.set_compact(compact)
        self.recipe_area.set_compact(compact)
        self._size_side(ev.size().width())
        self._apply_scale(scale_for_size(ev.size().width(), ev.size().height()))

    def _size_side(self, width: int) -> None:
        """The side column gets 3/8 of the body, fixed: what the cards, the plot or a status text
        ask for never moves manual control sideways."""
        m = self.dashboard_page.layout().contentsMargins()
        room = width - m.left() - m.right() - self.dashboard_page.layout().spacing()
        self.side.setFixedWidth(max(1, round(room * SIDE_SHARE)))

    def _apply_scale(self, scale: float) -> None:
        if getattr(self, "_scale", None) == scale:
            return
        self._scale = scale
        self.theme = self.base_theme.with_scale(scale)
        self.setStyleSheet(self.theme.stylesheet())
        touch = self.theme.px("touch")
        self.header.setFixedHeight(touch + 16)         # ALL OFF and its frame; notices never add to it
        self.banner_slot.setFixedHeight(touch + 12)    # two lines of banner text, or its OK button
        self.plot.set_theme(self.theme)
        QTimer.singleShot(0, self._rearrange)

    def _rearrange(self) -> None:
        self.cards.rearrange()
        self.plot.rearrange()
