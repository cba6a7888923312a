"""The status bar: how the dashboard reaches the stove, the stove's time and its total power.

Other figures join it at the right (the session's energy, :mod:`kitchen_ui.ui.diet`); when the
bar is full, the link line gives way by whole words: first the stove's name shortens (then
goes), then the address and the role, and the link state ("online", "LINK LOST") stays whole
to the last. The whole line is its tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QStatusBar, QWidget

from ..core.model import LinkStatus
from . import text
from .icons import icon_pixmap
from .own_words import stove_model_name
from .stove_model import StoveModel
from .theme import Theme
from .zone_card import set_prop, set_text

translate = QCoreApplication.translate
LINK_ICON_PX = 18


class LinkLabel(QLabel):
    """One line, ``{dot} {name} — {parts…} · {state}``, shortened by whole words to its room."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""
        self._pieces: tuple[str, str, tuple[str, ...]] = ("", "", ())
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(1)

    def set_link(self, dot: str, name: str, parts: list[str]) -> None:
        pieces = (dot, name, tuple(parts))
        if pieces != self._pieces:
            self._pieces = pieces
            self.full_text = shorten_link(dot, name, parts, lambda _t: True)
            self.setToolTip(self.full_text)
            self._fit()

    def resizeEvent(self, ev) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(ev)
        self._fit()

    def changeEvent(self, ev) -> None:  # noqa: N802 (Qt naming)
        super().changeEvent(ev)
        if ev.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()                   # "lost" turns the line bold: wider words, fitted again

    def _fit(self) -> None:
        room = self.contentsRect().width() - 3       # a bold glyph's overhang is beyond its advance
        fm = self.fontMetrics()
        dot, name, parts = self._pieces
        set_text(self, shorten_link(dot, name, list(parts),
                                    lambda t: room <= 0 or fm.horizontalAdvance(t) <= room))


def shorten_link(dot: str, name: str, parts: list[str], fits) -> str:
    """The longest of the ever shorter versions of the link line that ``fits`` (the last, the
    dot and the state alone, if none does). Words are never cut."""
    words = name.split()
    tail = " · ".join(parts)
    for n in range(len(words), 0, -1):             # the name, then fewer of its words
        line = f"{dot} {' '.join(words[:n])}{'' if n == len(words) else ' …'} — {tail}"
        if fits(line):
            return line
    for k in range(len(parts)):                    # no name; then the address, the role go
        line = f"{dot} {'… · ' if k else ''}{' · '.join(parts[k:])}"
        if fits(line):
            return line
    return f"{dot} {parts[-1] if parts else ''}".strip()


class StoveStatusBar(QStatusBar):
    def __init__(self, model: StoveModel, parent: QWidget | None = None, *, theme: Theme | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.theme = theme or Theme()
        self.setSizeGripEnabled(False)
        self.link_icon = QLabel()
        self.link_icon.setObjectName("LinkIcon")
        self.link_icon.setFixedSize(LINK_ICON_PX, LINK_ICON_PX)
        self.link_icon.setContentsMargins(0, 0, 0, 0)
        self._icon_online: bool | None = None
        self.addWidget(self.link_icon)
        self.link = LinkLabel()
        self.stove_time = QLabel("")
        self.power = QLabel("")
        self.lock = QLabel("")
        self.addWidget(self.link, 1)
        for w in (self.lock, self.stove_time, self.power):
            self.addPermanentWidget(w)
        self._listen(model, True)
        self.refresh()

    def _listen(self, model: StoveModel, on: bool) -> None:
        for signal in (model.link_changed, model.state_changed, model.info_changed):
            if on:
                signal.connect(self._on_change)
            else:
                signal.disconnect(self._on_change)

    def rebind(self, model: StoveModel) -> None:
        """Tell about another stove (the one shown, when the window has several)."""
        if model is self.model:
            return
        self._listen(self.model, False)
        self.model = model
        self._listen(model, True)
        self.refresh()

    def _on_change(self, _x: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        m = self.model
        name = stove_model_name(m.info.model) if m.info is not None else translate("StoveStatusBar", "stove")
        link = m.link
        online = link.status is LinkStatus.ONLINE
        if online is not self._icon_online:
            self._icon_online = online
            colour = self.theme.c("accent") if online else self.theme.c("residual_heat")
            self.link_icon.setPixmap(icon_pixmap("link" if online else "link_lost", LINK_ICON_PX, colour))
        dot = "●" if online else "○"
        self.link.set_link(dot, name, text.link_summary(link).split(" · "))
        set_prop(self.link, "kind", "" if link.status is LinkStatus.ONLINE else "lost")
        state = m.state
        set_text(self.stove_time, translate("StoveStatusBar", "Stove time {0}").format(
            text.clock(state.t if state else None)))
        set_text(self.power, translate("StoveStatusBar", "Total {0}").format(
            text.power(state.total_power_w) if state else text.NO_VALUE))
        for lab in (self.stove_time, self.power):
            set_prop(lab, "stale", not m.values_are_live)
        set_text(self.lock, translate("StoveStatusBar", "Child lock ON") if state is not None and state.locked else "")
        self.lock.setVisible(bool(self.lock.text()))
