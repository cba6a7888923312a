"""Who lives here and who is eating now: the profiles, the choice of eaters, and each recipe's check.

:class:`Household` is the one model the library, the recipe view and the allergy gate share, so
they always agree on who is eating. Everyone in the household is eating until the cook says
otherwise (the safe default: an allergy is never hidden because nobody ticked a box), and a new
profile is eating from the moment it is saved. Checks come from the Qt-free
:func:`kitchen_ui.diet.filters.check_recipe`, remembered per recipe until the eaters change.

If the ingredient table cannot be read, checks are impossible: :attr:`Household.problem` says so
in words and every view shows it, rather than showing no warning at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon

from ...core.signals import disconnect_all
from ...diet.profiles import Profile, ProfileStore
from ...recipes.model import Recipe
from ...storage.database import KitchenDB
from .icons import warning_icon
from .words import allergen, diet, translate

if TYPE_CHECKING:  # the checks and their nutrition table load with the first check
    from ...diet.filters import AllergenConflict, RecipeCheck

MAX_CACHED = 256


@dataclass(frozen=True)
class RowMark:
    """How a recipe's row in the library shows for the people eating."""

    hidden: bool            # it breaks someone's diet: nothing to swap, so it is left out
    text: str               # the words under the title (never the colour alone)
    icon: QIcon | None


def conflict_words(c: AllergenConflict) -> str:
    """"Ana: peanuts (in peanuts)"."""
    return translate("Diet", "{who}: {allergen} (in {ingredients})").format(
        who=", ".join(c.who), allergen=allergen(c.allergen),
        ingredients=", ".join(c.ingredients) or translate("Diet", "the recipe says so"))


def short_swap(text: str) -> str:
    """The swap without its how-to: "a flax egg: 1 tbsp ground flaxseed …" -> "a flax egg"."""
    cut = min((i for i in (text.find(":"), text.find(" ("), text.find(",")) if i > 0), default=len(text))
    return text[:cut].strip()


def swap_words(c: AllergenConflict, short: bool = False) -> str:
    """"peanuts → sunflower seeds or pumpkin seeds" (empty when the archive knows none)."""
    by_ingredient: dict[str, list[str]] = {}
    for s in c.substitutions:
        text = short_swap(s.text) if short else s.text
        if text not in by_ingredient.setdefault(s.ingredient, []):
            by_ingredient[s.ingredient].append(text)
    return "; ".join(translate("Diet", "{ingredient} → {instead}").format(
        ingredient=i, instead=translate("Diet", " or ").join(v)) for i, v in by_ingredient.items())


def row_mark(check: RecipeCheck | None) -> RowMark | None:
    if check is None or check.fits:
        return None
    if check.diet_conflicts:
        return RowMark(True, "", None)
    parts = [conflict_words(c) for c in check.allergen_conflicts]
    swaps = [w for w in (swap_words(c, short=True) for c in check.allergen_conflicts) if w]
    text = "⚠ " + translate("Diet", "Allergy — {conflicts}").format(conflicts="; ".join(parts))
    if swaps:
        text += "\n" + translate("Diet", "Swap: {swaps}").format(swaps="; ".join(swaps))
    return RowMark(False, text, warning_icon())


class Household(QObject):
    changed = Signal()          # the profiles, or who is eating, changed: checks are new

    def __init__(self, kdb: KitchenDB, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = ProfileStore(kdb)
        self.problem = ""
        self._profiles = self.store.list()        # read again when the store says it changed
        self._known = {p.name.casefold() for p in self._profiles}
        self._eating = set(self._known)
        self._checks: dict[Recipe, RecipeCheck] = {}
        self.store.profiles_changed.connect(self._on_profiles)

    def close(self) -> None:
        disconnect_all([(self.store.profiles_changed, self._on_profiles)])

    # -- who ------------------------------------------------------------------------------------
    def profiles(self) -> list[Profile]:
        return list(self._profiles)

    def eaters(self) -> list[Profile]:
        return [p for p in self._profiles if p.name.casefold() in self._eating]

    def is_eating(self, name: str) -> bool:
        return name.casefold() in self._eating

    def set_eating(self, name: str, eating: bool) -> None:
        key = name.casefold()
        if (key in self._eating) == eating:
            return
        (self._eating.add if eating else self._eating.discard)(key)
        self._checks.clear()
        self.changed.emit()

    def set_eaters(self, names: list[str]) -> None:
        self._eating = {n.casefold() for n in names} & self._known
        self._checks.clear()
        self.changed.emit()

    def renamed(self, old: str, new: str) -> None:
        """A profile got a new name (the editor): it keeps eating, or not, as before."""
        if old.casefold() in self._eating:
            self._eating.add(new.casefold())

    def _on_profiles(self) -> None:
        self._profiles = self.store.list()
        names = {p.name.casefold() for p in self._profiles}
        self._eating = (self._eating & names) | (names - self._known)
        self._known = names
        self._checks.clear()
        self.changed.emit()

    # -- checks ---------------------------------------------------------------------------------
    def check(self, recipe: Recipe) -> RecipeCheck | None:
        """The recipe for the people eating; None when nobody is chosen or checks are impossible."""
        eaters = self.eaters()
        if not eaters:
            return None
        hit = self._checks.get(recipe)
        if hit is not None:
            return hit
        from ...diet.filters import check_recipe
        from ...nutrition.table import NutritionDataError

        try:
            result = check_recipe(recipe, eaters)
        except NutritionDataError as exc:
            self.problem = translate("Diet", "Allergy checks are off: {reason}").format(reason=exc)
            return None
        self.problem = ""
        if len(self._checks) >= MAX_CACHED:
            self._checks.clear()
        self._checks[recipe] = result
        return result

    def mark(self, recipe: Recipe) -> RowMark | None:
        return row_mark(self.check(recipe))

    def eaters_words(self) -> str:
        eaters = self.eaters()
        if not self._profiles:
            return translate("Diet", "No household profiles yet: add who eats here to see allergy warnings.")
        if not eaters:
            return translate("Diet", "Nobody chosen: recipes are not checked for allergies.")
        needs = []
        for p in eaters:
            wants = [allergen(a) for a in p.allergies] + [diet(d) for d in p.diets]
            if wants:
                needs.append(f"{p.name} ({', '.join(wants)})")
        return translate("Diet", "Checked for: {needs}").format(needs="; ".join(needs)) if needs else \
            translate("Diet", "Nobody eating has allergies or a diet.")
