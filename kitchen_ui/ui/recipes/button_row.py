"""The cooking view's row of buttons: side by side where their words fit, two by two where not.

German words are long ("Überspringen", "Abbrechen"): four of them in a 1024×600 panel were cut
to "berspringe". The choice is made from the widest words each button can show (Pause and
Resume alike), so a label that changes never moves a button; only the window's width decides.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget


class ButtonRow(QWidget):
    """``buttons`` in one row, or in two when one row would cut their words.

    ``words`` gives, per button, every text it may show (default: the text it has)."""

    def __init__(self, buttons: list[QPushButton], words: dict[QPushButton, list[str]] | None = None,
                 spacing: int = 6, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons = buttons
        self.words = words or {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(spacing)
        for b in buttons:               # the row asks for no width of its own: the panel decides
            b.setSizePolicy(QSizePolicy.Policy.Ignored, b.sizePolicy().verticalPolicy())
        self.columns = 0
        self._arrange(len(buttons))

    def needed_width(self) -> int:
        """One row's width with every button showing its widest words."""
        total = 0
        for b in self.buttons:
            metrics = b.fontMetrics()
            chrome = b.sizeHint().width() - metrics.horizontalAdvance(b.text())
            widest = max(metrics.horizontalAdvance(w) for w in self.words.get(b, [b.text()]))
            total += widest + chrome
        return total + self.grid.spacing() * (len(self.buttons) - 1)

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for b in self.buttons:
            self.grid.removeWidget(b)
        for i, b in enumerate(self.buttons):
            self.grid.addWidget(b, i // columns, i % columns)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        n = len(self.buttons)
        self._arrange(n if self.needed_width() <= event.size().width() else (n + 1) // 2)
        super().resizeEvent(event)


__all__ = ["ButtonRow"]
