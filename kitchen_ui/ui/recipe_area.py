"""The place in the main window where recipe steps show, and the column it shares.

``MainWindow.recipe_area.set_content(widget)`` puts a widget there; ``set_content(None)``
brings back the placeholder. The area is always visible, so a cook learns where to look.

:class:`SideColumn` is the right-hand column: manual control above the recipe area. While a
recipe cooks (``set_content(widget, full=True)``) the area takes the whole column, and two large
tabs switch between the recipe and manual control: traditional mode is one tap away (tapping a
zone card also opens it), and the recipe tab lights up when the recipe needs the cook.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

translate = QCoreApplication.translate
DEFAULT_TITLE = QT_TRANSLATE_NOOP("RecipeArea", "Recipe")


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
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 8, 12, 10)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.placeholder, 1)
        self._content: QWidget | None = None
        self.full = False

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
            self._content.hide()
            self._content.setParent(None)
        self._content = widget
        if widget is not None:
            self._layout.addWidget(widget, 1)
            widget.show()
        self.placeholder.setVisible(widget is None)
        self.title.setText(title or translate("RecipeArea", DEFAULT_TITLE))
        full = bool(full and widget is not None)
        if full != self.full:
            self.full = full
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
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(spacing)
        lay.addWidget(self.switch)
        lay.addWidget(manual)
        lay.addWidget(area, 1)
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
            self.manual.show()
            self.area.show()
            self._attention(False)
            self._relayout()

    def show_recipe(self) -> None:
        self.recipe_tab.setChecked(True)
        self._attention(False)
        if self.area.full:
            self.manual.hide()
        self.area.show()
        self._relayout()

    def show_manual(self, *_args: object) -> None:
        """Traditional mode (also when a zone card is tapped)."""
        if not self.area.full:
            return
        self.manual_tab.setChecked(True)
        self.area.hide()
        self.manual.show()
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
