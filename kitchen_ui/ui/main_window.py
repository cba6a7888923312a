"""The dashboard window: header with ALL OFF, banners, zone cards, plot, manual controls, recipe.

Layout (1280x800 reference; everything scales with the window):

    [ Hearth   notices: refused commands, stove events            [  ALL OFF  ] ]
    [ fault banner / link banner (only when there is something to say)            ]
    [ zone cards ..................... ] [ manual control: zone, level 0-9 P,     ]
    [ temperature plot ............... ] [ hold temperature                      ]
    [ ................................ ] [ recipe area                           ]
    [ status: link · stove time · total power                                    ]

ALL OFF is in the header, outside any page or mode, enabled whatever the link or the role.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from .banners import FaultBanner, LinkBanner, NoticeBar
from .plot import TemperaturePlot
from .recipe_area import RecipeArea
from .status import StoveStatusBar
from .stove_model import StoveModel
from .theme import Theme, load_theme_or_default, scale_for_size
from .traditional import TraditionalPanel
from .zone_card import ZoneCardGrid


class MainWindow(QMainWindow):
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
        right = QVBoxLayout()
        right.setSpacing(self.theme.px("spacing"))
        right.addWidget(self.manual)
        right.addWidget(self.recipe_area, 1)
        body = QHBoxLayout()
        body.setContentsMargins(10, 10, 10, 6)
        body.setSpacing(self.theme.px("spacing"))
        body.addLayout(left, 5)
        body.addLayout(right, 3)

        central = QWidget()
        lay = QVBoxLayout(central)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(header)
        for banner in (self.fault_banner, self.link_banner):
            lay.addWidget(banner)
        lay.addLayout(body, 1)
        self.setCentralWidget(central)
        self.status = StoveStatusBar(model)
        self.setStatusBar(self.status)

        self._apply_scale(scale_for_size(1280, 800))

    # -- actions ---------------------------------------------------------------------------------
    def all_off(self) -> None:
        self.model.all_off()

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
