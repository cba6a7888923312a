"""The place in the main window where recipe steps show, and the column it shares.

``MainWindow.recipe_area.set_content(widget)`` puts a widget there; ``set_content(None)``
brings back the placeholder. The area is always visible, so a cook learns where to look.

:class:`SideColumn` is the right-hand column: manual control above the recipe area. While a
recipe cooks (``set_content(widget, full=True)``) the area takes the whole column, and two large
tabs switch between the recipe and manual control: traditional mode is one tap away (tapping a
zone card also opens it), and the recipe tab lights up when the recipe needs the cook.

Manual control never gives way to what the recipe area shows (the offer to resume a recipe,
say): it keeps the height its controls need, and the area below takes what is left and
scrolls its content. Only a window too short for manual control itself makes manual control
scroll; its buttons keep their size. The column's width is its share of the window, whatever
its texts would like.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget,
)

translate = QCoreApplication.translate
DEFAULT_TITLE = QT_TRANSLATE_NOOP("RecipeArea", "Recipe")


class FitScroll(QScrollArea):
    """A frameless vertical scroll area that asks for all of its content's height (so a layout
    gives it that when it can) but makes do with less, scrolling, when it must."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Scroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(content)
        content.installEventFilter(self)

    def eventFilter(self, obj, ev) -> bool:  # noqa: N802 (Qt naming)
        if obj is self.widget() and ev.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show, QEvent.Type.Hide):
            self.updateGeometry()          # the content's needs changed: so did ours
        return super().eventFilter(obj, ev)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        w = self.widget()
        return w.sizeHint() if w is not None and not w.isHidden() else QSize(0, 0)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        w = self.widget()
        return QSize(w.minimumSizeHint().width() if w is not None else 0, 0)


class RecipeArea(QFrame):
    mode_changed = Signal(bool)          # True: the content wants the whole column

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Panel")
        self.title = QLabel(translate("RecipeArea", DEFAULT_TITLE))
        self.title.setObjectName("PanelTitle")
        self.title.setWordWrap(True)
        self.placeholder = QLabel(translate("RecipeArea", "No recipe running.\nRecipe steps will appear here; the "
                                                          "manual controls above always work."))
        self.placeholder.setObjectName("Hint")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # content that fits in a column (the placeholder, the idle panel and its offer) scrolls
        # here, so it never asks manual control for room; a full-column view brings its own
        self.inner = QWidget()
        self._inner_layout = QVBoxLayout(self.inner)
        self._inner_layout.setContentsMargins(0, 0, 0, 0)
        self._inner_layout.addWidget(self.placeholder, 1)
        self.scroll = FitScroll(self.inner)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 8, 12, 10)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.scroll, 1)
        self._content: QWidget | None = None
        self.full = False
        self.compact = False

    def set_compact(self, compact: bool) -> None:
        """On a short screen the "Recipe" heading goes while nothing cooks (its room is the
        content's: an offer to resume a recipe, say); a cooking recipe keeps its name."""
        self.compact = compact
        self._show_title()

    def _show_title(self) -> None:
        self.title.setVisible(self.full or not self.compact)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt naming)
        # a wrapped title would make the column's layout treat the area's height-for-width as
        # its minimum, taking it from manual control: the area takes what is left instead
        return False

    @property
    def content(self) -> QWidget | None:
        return self._content

    def set_content(self, widget: QWidget | None, *, full: bool = False, title: str | None = None) -> None:
        """Show ``widget`` in the area (replacing any earlier one), or the placeholder for None.

        ``full``: the widget needs the whole side column (a recipe cooking); ``title`` replaces
        the area's heading while it shows.
        """
        if self._content is not None and self._content is not widget:
            self._layout.removeWidget(self._content)
            self._inner_layout.removeWidget(self._content)
            self._content.hide()
            self._content.setParent(None)
        self._content = widget
        full = bool(full and widget is not None)
        if widget is not None:
            (self._layout if full else self._inner_layout).addWidget(widget, 1)
            widget.show()
        self.scroll.setVisible(not full)
        self.placeholder.setVisible(widget is None)
        self.title.setText(title or translate("RecipeArea", DEFAULT_TITLE))
        if full != self.full:
            self.full = full
            self._show_title()
            self.mode_changed.emit(full)


class SideColumn(QWidget):
    """Manual control and the recipe area; one at a time (two tabs) while a recipe cooks."""

    def __init__(self, manual: QWidget, area: RecipeArea, spacing: int = 10, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.manual = manual
        self.area = area
        self.recipe_tab = QPushButton(translate("RecipeArea", "Recipe"))
        self.manual_tab = QPushButton(translate("RecipeArea", "Manual control"))
        self.tabs = QButtonGroup(self)
        self.tabs.setExclusive(True)
        row = QHBoxLayout()
        row.setSpacing(6)
        for b in (self.recipe_tab, self.manual_tab):
            b.setObjectName("SideTab")
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.tabs.addButton(b)
            row.addWidget(b)
        self.recipe_tab.setChecked(True)
        self.recipe_tab.clicked.connect(self.show_recipe)
        self.manual_tab.clicked.connect(self.show_manual)
        self.switch = QWidget()
        self.switch.setLayout(row)
        row.setContentsMargins(0, 0, 0, 0)
        self.manual_scroll = FitScroll(manual)
        # no drag-to-scroll here (the kiosk's touch_only skips it): a drag gesture would hold
        # back the taps on the levels; it only scrolls in a window too short for it, by its bar
        self.manual_scroll.setProperty("touch_only", True)
        self.manual_scroll.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        area.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(spacing)
        lay.addWidget(self.switch)
        lay.addWidget(self.manual_scroll)
        lay.addWidget(area, 1)
        # the column's width is its share of the window: no text in it may widen it
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        area.mode_changed.connect(self._on_mode)
        self._on_mode(area.full)

    @property
    def showing(self) -> str:
        """"both", "recipe" or "manual"."""
        if not self.area.full:
            return "both"
        return "recipe" if self.recipe_tab.isChecked() else "manual"

    def _on_mode(self, full: bool) -> None:
        self.switch.setVisible(full)
        if full:
            self.show_recipe()
        else:
            self.manual_scroll.show()
            self.area.show()
            self._attention(False)
            self._relayout()

    def show_recipe(self) -> None:
        self.recipe_tab.setChecked(True)
        self._attention(False)
        if self.area.full:
            self.manual_scroll.hide()
        self.area.show()
        self._relayout()

    def show_manual(self, *_args: object) -> None:
        """Traditional mode (also when a zone card is tapped)."""
        if not self.area.full:
            return
        self.manual_tab.setChecked(True)
        self.area.hide()
        self.manual_scroll.show()
        self._relayout()

    def _relayout(self) -> None:
        """Size needs now, not at the next event (the page may be hidden by then, and a stale,
        larger minimum would push the window off the screen)."""
        self.layout().activate()
        self.updateGeometry()

    def call_attention(self) -> None:
        """The recipe needs the cook while manual control shows: light up its tab."""
        if self.showing == "manual":
            self._attention(True)

    def _attention(self, on: bool) -> None:
        if self.recipe_tab.property("attention") != on:
            self.recipe_tab.setProperty("attention", on)
            self.recipe_tab.style().unpolish(self.recipe_tab)
            self.recipe_tab.style().polish(self.recipe_tab)
