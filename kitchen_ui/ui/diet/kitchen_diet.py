"""Diet, nutrition and energy wired into the kitchen (:class:`~kitchen_ui.ui.recipes.kitchen.Kitchen`).

:class:`KitchenDiet` adds, through the kitchen views' hooks:

* the library: who is eating (:class:`.eaters_bar.EatersBar`), rows marked or hidden for them,
  and the household editor in place of the recipe;
* the recipe view: the allergy warning at the top, allergens, diets and nutrition as a section;
* starting a recipe: :meth:`KitchenDiet.ask_first` puts the allergy gate in the cooking area and
  the kitchen starts nothing until the cook acknowledges it;
* energy: views (:mod:`kitchen_ui.ui.energy`) of the stove's application: the live session
  figures in the status bar; after a recipe the summary with tips in the cooking view; the week
  by day from the History page. Metering and saving are the application's.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPushButton

from ...core.signals import disconnect_all
from ...recipes.model import Recipe
from ...storage.recipes_store import RecipeNotFound, RecipeSummary
from ..energy.after_recipe import AfterRecipePanel
from ..energy.status import EnergyStatus
from ..energy.weekly_view import WeeklyEnergyView
from .allergy_gate import AllergyGate
from .eaters_bar import EatersBar
from .household import Household, RowMark
from .profile_editor import ProfileEditor
from .recipe_facts import RecipeFacts
from .warning_box import WarningBox
from .words import translate


def energy_problem(what: str, reason: str) -> str:
    """The stove application's energy and after-recipe problems, in the cook's words."""
    if what == "settings":
        return translate("Diet", "Energy costs use the default prices: {reason}").format(reason=reason)
    if what == "save":
        return translate("Diet", "The session's energy could not be saved: {reason}").format(reason=reason)
    if what == "settle":
        return translate("Diet", "The energy used before the recipe was interrupted is not counted: {reason}").format(
            reason=reason)
    return translate("Diet", "What this run used cannot be shown: {reason}").format(reason=reason)


class KitchenDiet(QObject):
    def __init__(self, kitchen: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kitchen = kitchen
        window, kdb = kitchen.window, kitchen.kdb
        self.household = Household(kdb, self)
        self._recipes: dict[int, Recipe] = {}     # the library's recipes as read, until it changes
        # forgotten before the library page reloads (a higher priority runs first)
        kitchen.library.recipes_changed.connect(self._forget_recipes, priority=10)

        page = kitchen.library_page
        self.eaters = EatersBar(self.household)
        self.eaters.edit_requested.connect(self.edit_household)
        page.add_top_bar(self.eaters)
        page.marker = self.mark
        page.refiltered.connect(lambda: self.eaters.set_hidden_count(page.hidden))
        self.editor: ProfileEditor | None = None
        self.warning = WarningBox()
        self.facts = RecipeFacts()
        page.view.add_panel(self.warning, top=True)
        page.view.add_panel(self.facts, title=translate("Diet", "Allergens and nutrition"))
        page.view.recipe_shown.connect(self._on_recipe_shown)
        self.household.changed.connect(self._on_household)

        self.gate = AllergyGate()
        self.gate.acknowledged.connect(lambda recipe: kitchen.start_recipe(recipe, acknowledged=True))
        self.gate.cancelled.connect(self._gate_back)

        self.energy = kitchen.stove.energy
        kitchen.stove.problem.connect(self._on_problem)
        self.status = EnergyStatus(self.energy)
        window.status.addPermanentWidget(self.status)
        self.after = AfterRecipePanel(kitchen.stove.after)
        kitchen.cooking.set_after(self.after)

        self.weekly = WeeklyEnergyView(kdb)
        self.week_button = QPushButton(translate("Diet", "Energy by day"))
        self.week_button.setToolTip(translate("Diet", "Energy and cost of cooking, day by day, a week at a time"))
        kitchen.history_page.add_aside(self.week_button, self.weekly)
        self.week_button.clicked.connect(self.show_week)
        self.weekly.back_requested.connect(lambda: kitchen.history_page.show_aside(None))

    # -- the library and the recipe view ------------------------------------------------------------
    def mark(self, summary: RecipeSummary) -> RowMark | None:
        if not self.household.eaters():
            return None
        recipe = self._recipes.get(summary.id)
        if recipe is None:
            try:
                recipe = self._recipes[summary.id] = self.kitchen.library.recipe(summary.id)
            except RecipeNotFound:
                return None
        return self.household.mark(recipe)

    def _forget_recipes(self) -> None:
        self._recipes.clear()

    def _on_household(self) -> None:
        self.kitchen.library_page.refilter()
        self._on_recipe_shown(self.kitchen.library_page.view.recipe)

    def _on_recipe_shown(self, recipe: Recipe | None) -> None:
        check = None if recipe is None else self.household.check(recipe)
        if recipe is not None and check is None and self.household.problem:
            self.warning.show_problem(self.household.problem)
        else:
            self.warning.show_check(check)
        self.facts.set_recipe(recipe)

    def edit_household(self) -> None:
        if self.editor is None:
            self.editor = ProfileEditor(self.household)
            self.editor.done_requested.connect(lambda: self.kitchen.library_page.show_aside(None))
        self.kitchen.library_page.show_aside(self.editor)

    # -- starting a recipe -------------------------------------------------------------------------
    def ask_first(self, recipe: Recipe) -> bool:
        """True when ``recipe`` conflicts with an allergy of someone eating (or allergies could not
        be checked for people who have them): the gate shows instead."""
        check = self.household.check(recipe)
        unchecked = check is None and bool(self.household.problem) and any(
            p.allergies for p in self.household.eaters())
        if not unchecked and (check is None or not check.allergen_conflicts):
            return False
        window = self.kitchen.window
        self.gate.show_for(recipe, check, self.household.problem)
        window.recipe_area.set_content(self.gate, full=True, title=recipe.title)
        window.show_page(0)
        return True

    def _gate_back(self, _recipe: Recipe | None) -> None:
        kitchen = self.kitchen
        if kitchen.window.recipe_area.content is self.gate:
            kitchen.window.recipe_area.set_content(kitchen.idle)
            kitchen.refresh_offer()
        kitchen.window.show_page(kitchen.library_page)

    # -- energy ---------------------------------------------------------------------------------------
    def _on_problem(self, what: str, reason: str) -> None:
        words = energy_problem(what, reason)
        if what == "after":
            self.kitchen.cooking.show_message(words)
        else:
            self.kitchen.window.notices.notify(words, "error")

    def show_week(self) -> None:
        self.weekly.currency = self.energy.settings().currency
        self.weekly.show_week()

    def close(self) -> None:
        disconnect_all([(self.kitchen.library.recipes_changed, self._forget_recipes)])
        self.after.close_view()
        self.household.close()
