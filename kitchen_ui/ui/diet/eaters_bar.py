"""Who is eating: one chip a household profile, across the top of the recipe library.

Tap a name to leave that person out or take them in again; several at once is the point (Ana
and Ben tonight). A chosen chip reads "✓ Ana" as well as being lit, so the choice is not
colour alone. "Household…" opens the profile editor. The line under the chips says whose needs
the list is checked for, and how many recipes are hidden because they break someone's diet.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from ..zone_card import set_text
from .household import Household
from .words import translate

PER_ROW = 6           # chips a row (a seventh person starts a second row)
CHECK = "✓ "


class EatersBar(QWidget):
    edit_requested = Signal()

    def __init__(self, household: Household, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.household = household
        self.chips: dict[str, QPushButton] = {}
        self.edit_button = QPushButton(translate("Diet", "Household…"))
        self.edit_button.setObjectName("Chip")
        self.edit_button.setToolTip(translate("Diet", "Add, change or remove who eats here: allergies and diets"))
        self.edit_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.edit_button.clicked.connect(self.edit_requested)
        self.grid = QGridLayout()
        self.grid.setSpacing(6)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel("")
        self.hint.setObjectName("Hint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hidden_count = 0
        self.label = QLabel(translate("Diet", "Who is eating:"))
        self.label.setObjectName("Section")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        lay.addWidget(self.label)
        lay.addLayout(self.grid)
        lay.addWidget(self.hint, 1)
        household.changed.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        """One chip a profile, lit for those eating (after any change to the household)."""
        for chip in self.chips.values():
            self.grid.removeWidget(chip)
            chip.hide()                      # gone now, not when Qt gets round to deleting it
            chip.deleteLater()
        self.grid.removeWidget(self.edit_button)
        self.chips = {}
        items: list[QWidget] = []
        for p in self.household.profiles():
            chip = QPushButton()
            chip.setObjectName("Chip")
            chip.setCheckable(True)
            chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            chip.setChecked(self.household.is_eating(p.name))
            chip.setText((CHECK if chip.isChecked() else "") + p.name)
            chip.setToolTip(translate("Diet", "Tap to say whether {name} is eating").format(name=p.name))
            chip.toggled.connect(lambda on, name=p.name: self.household.set_eating(name, on))
            self.chips[p.name] = chip
            items.append(chip)
        items.append(self.edit_button)
        for i, w in enumerate(items):
            self.grid.addWidget(w, i // PER_ROW, i % PER_ROW)
            w.show()
        self.show_hint()

    def set_hidden_count(self, n: int) -> None:
        self.hidden_count = n
        self.show_hint()

    def show_hint(self) -> None:
        words = self.household.problem or self.household.eaters_words()
        if self.hidden_count:
            words += "\n" + translate("Diet", "{n} hidden: they do not suit someone's diet.").format(
                n=self.hidden_count)
        set_text(self.hint, words)

    def eating(self) -> list[str]:
        return [name for name, chip in self.chips.items() if chip.isChecked()]
