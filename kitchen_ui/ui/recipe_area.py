"""The place in the main window where recipe steps will show (filled by the recipes issue).

``MainWindow.recipe_area.set_content(widget)`` puts a widget there; ``set_content(None)``
brings back the placeholder. The area is always visible, so a cook learns where to look.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget


class RecipeArea(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Panel")
        self.title = QLabel("Recipe")
        self.title.setObjectName("PanelTitle")
        self.placeholder = QLabel("No recipe running.\nRecipe steps will appear here; the manual "
                                  "controls above always work.")
        self.placeholder.setObjectName("Hint")
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(12, 8, 12, 10)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.placeholder, 1)
        self._content: QWidget | None = None

    @property
    def content(self) -> QWidget | None:
        return self._content

    def set_content(self, widget: QWidget | None) -> None:
        """Show ``widget`` in the area (replacing any earlier one), or the placeholder for None."""
        if self._content is not None and self._content is not widget:
            self._layout.removeWidget(self._content)
            self._content.setParent(None)
        self._content = widget
        if widget is not None:
            self._layout.addWidget(widget, 1)
            widget.show()
        self.placeholder.setVisible(widget is None)
