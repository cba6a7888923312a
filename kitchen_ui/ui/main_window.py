"""The dashboard window: header with ALL OFF, banners, zone cards, plot, manual controls, recipe.

Layout (1280x800 reference; everything scales with the window):

    [ Hearth   notices: refused commands, stove events            [  ALL OFF  ] ]
    [ fault banner / link banner (only when there is something to say)            ]
    [ zone cards ..................... ] [ manual control: zone, level 0-9 P,     ]
    [ temperature plot ............... ] [ hold temperature                      ]
    [ ................................ ] [ recipe area                           ]
    [ status: link · stove time · total power                                    ]

ALL OFF is in the header, outside any page or mode, enabled whatever the link or the role.
Other pages (the kitchen's Recipes and History, see :meth:`MainWindow.add_page`) get large tabs
in the header beside the title; the header, its ALL OFF and the banners stay on every page.
While a recipe cooks, the recipe area takes the right-hand column and manual control is one tap
away (:class:`~.recipe_area.SideColumn`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QStackedWidget, QVBoxLayout, QWidget,
)

from .banners import FaultBanner, LinkBanner, NoticeBar
from .plot import TemperaturePlot
from .recipe_area import RecipeArea, SideColumn
from .status import StoveStatusBar
from .stove_model import StoveModel
from .theme import Theme, load_theme_or_default, scale_for_size
from .traditional import TraditionalPanel
from .zone_card import ZoneCardGrid


class MainWindow(QMainWindow):
    page_changed = Signal(object)        # the page widget now shown

    def __init__(self, model: StoveModel, theme: Theme | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.base_theme = theme or load_theme_or_default()
        self.theme = self.base_theme
        self.setWindowTitle("Hearth — kitchen stove")
        self.setMinimumSize(640, 400)

        # header: the app, the latest notices (refused commands, stove events) and the one
        # button that must always be there; the stove's name and link are in the status bar
        self.fault_banner = FaultBanner(model)
        self.link_banner = LinkBanner(model)
        self.notices = NoticeBar(model)
        header = QFrame()
        header.setObjectName("Header")
        title = QLabel("Hearth")
        title.setObjectName("AppTitle")
        self.all_off_button = QPushButton("ALL OFF")
        self.all_off_button.setObjectName("AllOff")
        self.all_off_button.setToolTip("Switch every zone off now (always allowed)")
        self.all_off_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.all_off_button.clicked.connect(self.all_off)
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
        body.addWidget(self.side, 3)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.dashboard_page)
        self.pages.currentChanged.connect(lambda i: self.page_changed.emit(self.pages.widget(i)))

        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(header)
        for banner in (self.fault_banner, self.link_banner):
            lay.addWidget(banner)
        self._banners = lay
        lay.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self.status = StoveStatusBar(model)
        self.setStatusBar(self.status)

        self._apply_scale(scale_for_size(1280, 800))

    # -- actions ---------------------------------------------------------------------------------
    def all_off(self) -> None:
        self.model.all_off()

    # -- pages and banners (the kitchen adds its own) ------------------------------------------------
    def add_page(self, name: str, widget: QWidget) -> QPushButton:
        """Add a page with a tab in the header (the first call also makes the Dashboard tab)."""
        if not self.nav_buttons:
            self._nav_button("Dashboard", self.dashboard_page).setChecked(True)
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
        index = page if isinstance(page, int) else self.pages.indexOf(page)
        if not 0 <= index < self.pages.count():
            return
        if index < len(self.nav_buttons):
            self.nav_buttons[index].setChecked(True)
        self.pages.setCurrentIndex(index)

    def add_banner(self, banner: QWidget) -> None:
        """A banner under the header, on every page (after the fault and link banners)."""
        self._banners.insertWidget(self._banners.indexOf(self.pages), banner)

    # -- lifecycle -------------------------------------------------------------------------------
    def start(self) -> None:
        """Begin the periodic redraw (the app calls this; tests call plot.refresh() themselves)."""
        self.plot.start()

    def closeEvent(self, ev) -> None:  # noqa: N802 (Qt naming)
        self.plot.stop()
        super().closeEvent(ev)

    # -- look --------------------------------------------------------------------------------------
    def resizeEvent(self, ev) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(ev)
        self._apply_scale(scale_for_size(ev.size().width(), ev.size().height()))

    def _apply_scale(self, scale: float) -> None:
        if getattr(self, "_scale", None) == scale:
            return
        self._scale = scale
        self.theme = self.base_theme.with_scale(scale)
        self.setStyleSheet(self.theme.stylesheet())
        self.plot.set_theme(self.theme)
        QTimer.singleShot(0, self._rearrange)

    def _rearrange(self) -> None:
        self.cards.rearrange()
        self.plot.rearrange()
