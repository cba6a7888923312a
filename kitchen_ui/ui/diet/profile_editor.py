"""The household editor: add, change or remove who eats here (name, allergies, diets).

Shown in the library in place of the recipe ("Household…"), finger-sized: the profiles on the
left, the chosen one's form on the right. Allergies are the 14 EU allergens by their ids (what
``kitchen-ui profiles add --allergies`` takes), with the full words of the law under the chips.
Saving goes through :class:`~kitchen_ui.diet.profiles.ProfileStore`, which checks everything: a
refused profile (empty name, a comma, a name taken) says why under the form and nothing is
written. Removing asks first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget,
)

from ...diet.profiles import Profile, ProfileNotFound, check_name
from ...recipes.vocabulary import ALLERGENS, DIETS, DietError
from ..recipes.recipe_view import touch_scrolling, vertical_scroll
from ..zone_card import set_text
from .household import Household
from .words import allergen, diet, translate

COLUMNS = 3


def _chip(text: str, tip: str) -> QPushButton:
    """A choice that reads "✓ peanuts" when chosen, not only lit."""
    b = QPushButton(text)
    b.setObjectName("Chip")
    b.setCheckable(True)
    b.setToolTip(tip)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    b.toggled.connect(lambda on: b.setText(("✓ " if on else "") + text))
    return b


def _grid(chips: dict[str, QPushButton]) -> QGridLayout:
    grid = QGridLayout()
    grid.setSpacing(6)
    for i, b in enumerate(chips.values()):
        grid.addWidget(b, i // COLUMNS, i % COLUMNS)
    return grid


def _label(text: str, name: str = "") -> QLabel:
    lab = QLabel(text)
    if name:
        lab.setObjectName(name)
    lab.setWordWrap(True)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    return lab


class ProfileEditor(QFrame):
    done_requested = Signal()

    def __init__(self, household: Household, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Panel")
        self.household = household
        self.editing: str | None = None          # the profile's name as stored, None for a new one
        self.names: list[str] = []

        self.list = QListWidget()
        self.list.setObjectName("RecipeList")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        touch_scrolling(self.list)
        self.list.currentRowChanged.connect(self._on_row)
        self.new_button = QPushButton(translate("Diet", "New profile"))
        self.new_button.clicked.connect(self.new_profile)
        self.done_button = QPushButton(translate("Diet", "Done"))
        self.done_button.setObjectName("Primary")
        self.done_button.clicked.connect(self.done_requested)

        self.name = QLineEdit()
        self.name.setObjectName("Search")
        self.name.setPlaceholderText(translate("Diet", "Name"))
        self.name.setMaxLength(60)
        self.allergy_chips = {a: _chip(a, allergen(a)) for a in ALLERGENS}
        self.diet_chips = {d: _chip(diet(d), diet(d)) for d in DIETS}
        for chip in self.allergy_chips.values():
            chip.toggled.connect(self._show_chosen)
        self.chosen = _label("", "Hint")
        self.error = _label("", "FormError")
        self.error.hide()
        self.save_button = QPushButton(translate("Diet", "Save"))
        self.save_button.setObjectName("Primary")
        self.save_button.clicked.connect(self.save)
        self.remove_button = QPushButton(translate("Diet", "Remove"))
        self.remove_button.setObjectName("Danger")
        self.remove_button.clicked.connect(self.ask_remove)
        self.confirm = QWidget()
        self.confirm_label = _label("")
        self.remove_yes = QPushButton(translate("Diet", "Yes, remove"))
        self.remove_yes.setObjectName("DangerYes")
        self.remove_yes.clicked.connect(self.remove)
        self.remove_no = QPushButton(translate("Diet", "Keep"))
        self.remove_no.clicked.connect(self.confirm.hide)
        cl = QVBoxLayout(self.confirm)
        cl.setContentsMargins(0, 0, 0, 0)
        cl.addWidget(self.confirm_label)
        cr = QHBoxLayout()
        cr.addWidget(self.remove_yes)
        cr.addWidget(self.remove_no)
        cl.addLayout(cr)
        self.confirm.hide()
        for b in (self.new_button, self.done_button, self.save_button, self.remove_button, self.remove_yes,
                  self.remove_no):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        form = QWidget()
        fl = QVBoxLayout(form)
        fl.setContentsMargins(0, 0, 6, 0)
        fl.setSpacing(6)
        fl.addWidget(self.name)
        fl.addWidget(_label(translate("Diet", "Allergies (EU allergen ids)"), "Section"))
        fl.addLayout(_grid(self.allergy_chips))
        fl.addWidget(self.chosen)
        fl.addWidget(_label(translate("Diet", "Diets"), "Section"))
        fl.addLayout(_grid(self.diet_chips))
        fl.addStretch(1)
        scroll = vertical_scroll(form, touch=False)            # no drag-scrolling here: it would swallow taps on the chips

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)
        right = QVBoxLayout()
        right.addWidget(scroll, 1)
        right.addWidget(self.error)
        right.addWidget(self.confirm)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button, 2)
        buttons.addWidget(self.remove_button, 1)
        right.addLayout(buttons)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        head = QHBoxLayout()
        head.addWidget(_label(translate("Diet", "Household: who eats here"), "PanelTitle"), 1)
        head.addWidget(self.done_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 10)
        lay.addLayout(head)
        lay.addLayout(body, 1)
        household.changed.connect(self.reload)
        self.reload()
        self.select_first()

    # -- the list ------------------------------------------------------------------------------
    def reload(self) -> None:
        """The list again; the form keeps what the cook is typing (only a vanished profile clears it)."""
        keep = self.editing
        profiles = self.household.profiles()
        self.names = [p.name for p in profiles]
        self.list.blockSignals(True)
        self.list.clear()
        for p in profiles:
            needs = list(p.allergies) + [diet(d) for d in p.diets]
            self.list.addItem(p.name + ("\n" + ", ".join(needs) if needs else ""))
        if keep is not None and keep in self.names:
            self.list.setCurrentRow(self.names.index(keep))
        self.list.blockSignals(False)
        if keep is not None and keep not in self.names:
            self.new_profile()

    def select_first(self) -> None:
        if self.names:
            self.list.setCurrentRow(0)
            self._on_row(0)
        else:
            self.new_profile()

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self.names):
            try:
                self._show(self.household.store.get(self.names[row]))
            except ProfileNotFound:          # removed elsewhere (the CLI) meanwhile
                self.reload()

    def _show(self, p: Profile | None) -> None:
        self.editing = p.name if p is not None else None
        self.name.setText(p.name if p is not None else "")
        for a, chip in self.allergy_chips.items():
            chip.setChecked(p is not None and a in p.allergies)
        for d, chip in self.diet_chips.items():
            chip.setChecked(p is not None and d in p.diets)
        self.remove_button.setEnabled(p is not None)
        self.confirm.hide()
        self.show_error("")
        self._show_chosen()

    def new_profile(self) -> None:
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self.list.blockSignals(False)
        self._show(None)

    def _show_chosen(self, *_args: object) -> None:
        chosen = [f"{allergen(a)} ({a})" for a in self.allergies()]
        set_text(self.chosen, translate("Diet", "Allergic to: {list}").format(list=", ".join(chosen)) if chosen
                 else translate("Diet", "No allergies chosen."))

    # -- the form ------------------------------------------------------------------------------
    def allergies(self) -> list[str]:
        return [a for a, chip in self.allergy_chips.items() if chip.isChecked()]

    def diets(self) -> list[str]:
        return [d for d, chip in self.diet_chips.items() if chip.isChecked()]

    def show_error(self, words: str) -> None:
        set_text(self.error, f"⚠ {words}" if words else "")
        self.error.setVisible(bool(words))

    def save(self) -> Profile | None:
        """Save the form (a new profile, or the one being edited, perhaps renamed)."""
        store = self.household.store
        old = self.editing
        try:
            name = check_name(self.name.text())
            taken = store.exists(name) and (old is None or name.casefold() != old.casefold())
            if taken:
                raise DietError(translate("Diet", "there is already a profile called {name}").format(name=name))
            if old is not None and name != old:
                self.household.renamed(old, name)
            self.editing = name
            p = store.save(name, self.allergies(), self.diets())
            if old is not None and name.casefold() != old.casefold():
                store.remove(old)
        except (DietError, ProfileNotFound) as exc:
            self.editing = old
            self.show_error(str(exc))
            return None
        self.show_error("")
        return p

    def ask_remove(self) -> None:
        if self.editing is None:
            return
        set_text(self.confirm_label, translate("Diet", "Remove {name} from the household?").format(name=self.editing))
        self.confirm.show()

    def remove(self) -> None:
        name, self.editing = self.editing, None
        self.confirm.hide()
        self.name.clear()
        if name is not None:
            try:
                self.household.store.remove(name)
            except ProfileNotFound:
                self.reload()
        self.select_first()
