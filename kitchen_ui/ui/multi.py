"""Several stoves in one window: a dashboard body per stove, a switcher, and ALL STOVES OFF.

With one stove none of this exists and the window is as it always was. With more, every extra
stove gets its own dashboard body (zone cards, plot, manual control, recipe area), each bound to
its own :class:`~.stove_model.StoveModel`, in the window's ``bodies`` stack. A row of large
buttons under the banners names each stove; the one shown is highlighted, and a stove with a
fault or a lost link says so on its button in colour *and* word, so a cook sees trouble on a
stove that is not shown. Every stove's fault banner names its stove and stays up whichever is
shown, and so does its link banner; a refused command of another stove than the first (the
header's notices are the first stove's) is a notice naming it; the status bar tells about the
stove shown. ALL OFF switches off the stove shown; ALL STOVES OFF, beside the switcher, every
stove at once, never asking twice. What runs and is recorded where stays in :mod:`kitchen_ui.app`.

Each stove's sessions are recorded by its own :class:`~kitchen_ui.app.stove_app.StoveApp` in the
one kitchen (:class:`~.app.DashboardRun` adds them); recipes run on the first stove only, and
starting one shows that stove.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ..core.model import LinkStatus
from .banners import FaultBanner, LinkBanner
from .plot import TemperaturePlot
from .recipe_area import RecipeArea, SideColumn
from .stove_model import StoveModel
from .theme import Theme
from .traditional import TraditionalPanel
from .zone_card import ZoneCardGrid

translate = QCoreApplication.translate


class StoveBody(QWidget):
    """One stove's dashboard body, laid out as the window's own (cards and plot left, side right)."""

    def __init__(self, model: StoveModel, theme: Theme, overlays: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.cards = ZoneCardGrid(model, theme)
        self.plot = TemperaturePlot(model, theme)
        self.manual = TraditionalPanel(model, theme)
        self.manual.keypad_host = overlays
        self.recipe_area = RecipeArea()
        self.cards.zone_clicked.connect(self.manual.select_zone)
        self.manual.zone_selected.connect(self.cards.select)
        left = QVBoxLayout()
        left.setSpacing(theme.px("spacing"))
        left.addWidget(self.cards)
        left.addWidget(self.plot, 1)
        self.side = SideColumn(self.manual, self.recipe_area, theme.px("spacing"))
        self.cards.zone_clicked.connect(self.side.show_manual)
        body = QHBoxLayout(self)
        body.setContentsMargins(10, 10, 10, 6)
        body.setSpacing(theme.px("spacing"))
        body.addLayout(left, 5)
        body.addWidget(self.side, 3)


def stove_trouble(model: StoveModel) -> str:
    """"fault", "link" or "" : what the stove's switcher button must say."""
    state = model.state
    if state is not None and any(z.fault is not None for z in state.zones):
        return "fault"
    if model.link.status is LinkStatus.LOST or model.link.problem:
        return "link"
    return ""


class StoveButton(QPushButton):
    def __init__(self, name: str, model: StoveModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name, self.model = name, model
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("StoveButton")
        model.state_changed.connect(self.refresh)
        model.link_changed.connect(self.refresh)
        model.info_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, *_: object) -> None:
        trouble = stove_trouble(self.model)
        word = {"fault": translate("Multi", "FAULT"), "link": translate("Multi", "LINK LOST")}.get(trouble, "")
        self.setText(f"{self.name} · {word}" if word else self.name)
        self.setProperty("trouble", trouble)
        self.style().unpolish(self)
        self.style().polish(self)


class MultiStove(QObject):
    """Adds the other stoves to ``window`` (already built on the first stove's model)."""

    def __init__(self, window: Any, first_name: str, others: list[tuple[str, StoveModel]]) -> None:
        super().__init__(window)
        self.window = window
        self.names = [first_name] + [n for n, _m in others]
        self.models = [window.model] + [m for _n, m in others]
        self.bodies: list[QWidget] = [window.dashboard_page]
        self.extra: list[StoveBody] = []
        for _name, model in others:
            body = StoveBody(model, window.theme, window.overlays)
            window.bodies.addWidget(body)
            self.bodies.append(body)
            self.extra.append(body)
        window.fault_banner.stove_name = first_name
        window.fault_banner.refresh()
        window.link_banner.stove_name = first_name
        window.link_banner.refresh()
        self.fault_banners, self.link_banners = [window.fault_banner], [window.link_banner]
        for name, model in others:
            for kind, banners in ((FaultBanner, self.fault_banners), (LinkBanner, self.link_banners)):
                banner = kind(model)
                banner.stove_name = name
                banner.refresh()
                window.add_banner(banner)
                banners.append(banner)
            # a refused command of any stove reaches the header's notices, naming its stove
            model.command_failed.connect(lambda failure, name=name: window.notices.notify_from(name, failure))

        self.bar = QFrame()
        self.bar.setObjectName("StoveSwitcher")
        row = QHBoxLayout(self.bar)
        row.setContentsMargins(10, 6, 10, 0)
        row.setSpacing(8)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[StoveButton] = []
        for i, (name, model) in enumerate(zip(self.names, self.models)):
            b = StoveButton(name, model)
            b.setToolTip(translate("Multi", "Show the stove {0}").format(name))
            b.clicked.connect(lambda _=False, i=i: self.show_stove(i))
            self.group.addButton(b)
            row.addWidget(b)
            self.buttons.append(b)
        row.addStretch(1)
        self.all_stoves_off_button = QPushButton(translate("Multi", "ALL STOVES OFF"))
        self.all_stoves_off_button.setObjectName("AllOff")
        self.all_stoves_off_button.setToolTip(translate("Multi", "Switch every zone of every stove off now"))
        self.all_stoves_off_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.all_stoves_off_button.clicked.connect(self.all_stoves_off)
        row.addWidget(self.all_stoves_off_button)
        central = window.centralWidget().layout()
        central.insertWidget(central.indexOf(window.banner_slot) + 1, self.bar)
        self.buttons[0].setChecked(True)
        window.shown_model = window.model
        window.kitchen_attached.connect(self._on_kitchen)
        window.installEventFilter(self)
        self._restyle()

    # -- actions -----------------------------------------------------------------------------
    def show_stove(self, index: int) -> None:
        self.buttons[index].setChecked(True)
        self.window.bodies.setCurrentIndex(index)
        self.window.shown_model = self.models[index]
        self.window.status.rebind(self.models[index])
        self._energy_for(index)
        self.window.show_page(0)

    def _energy_for(self, index: int) -> None:
        """The status bar's energy figure is the first stove's session (where recipes cook): it
        shows with that stove only, never beside another stove's name."""
        status = getattr(getattr(getattr(self.window, "kitchen", None), "diet", None), "status", None)
        if status is not None:
            status.setVisible(index == 0)

    def _on_kitchen(self, kitchen: Any) -> None:
        # a recipe cooks on the first stove: the cook sees it where it cooks
        kitchen.run_started.connect(lambda _engine: self.show_stove(0))
        self._energy_for(self.shown)

    @property
    def shown(self) -> int:
        return self.window.bodies.currentIndex()

    def all_stoves_off(self) -> None:
        for model in self.models:
            model.all_off()

    # -- lifecycle and look ---------------------------------------------------------------------
    def start(self) -> None:
        for body in self.extra:
            body.plot.start()

    def stop(self) -> None:
        for body in self.extra:
            body.plot.stop()

    def eventFilter(self, obj, ev) -> bool:  # noqa: N802 (Qt naming)
        if obj is self.window and ev.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._restyle)     # after the window has sized its own body
        return False

    def _restyle(self) -> None:
        w = self.window
        theme, touch = w.theme, w.theme.px("touch")
        compact = bool(w.manual.captions) and w.manual.captions[0].isHidden()   # as the window chose
        for body in self.extra:
            body.side.setFixedWidth(w.side.width())
            body.manual.set_compact(compact)
            body.recipe_area.set_compact(compact)
            body.plot.set_theme(theme)
            body.cards.rearrange()
            body.plot.rearrange()
        buttons = [*self.buttons, self.all_stoves_off_button]
        for b in buttons:
            b.setMinimumHeight(touch)
        self.bar.setStyleSheet(
            f"QPushButton#StoveButton {{ min-width: {touch * 2}px; padding: 0 18px; font-weight: bold;"
            f" border: 2px solid {theme.c('text_dim')}; border-radius: 8px; }}"
            f"QPushButton#StoveButton:checked {{ background: {theme.c('accent')}; color: #000000;"
            f" border: 4px solid {theme.c('text')}; }}"
            f"QPushButton#StoveButton[trouble=\"fault\"] {{ background: {theme.c('fault_bg')};"
            f" color: {theme.c('fault_text')}; }}"
            f"QPushButton#StoveButton[trouble=\"link\"] {{ background: {theme.c('warning_bg')};"
            f" color: {theme.c('warning_text')}; }}")
        # as tall as its tallest button asks (ALL STOVES OFF wears ALL OFF's style), fixed: the body never moves
        m = self.bar.layout().contentsMargins()
        self.bar.setFixedHeight(max(b.sizeHint().height() for b in buttons) + m.top() + m.bottom())
