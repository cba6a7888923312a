"""The recipe view's allergens and nutrition, and the warning the cook must acknowledge before the
first step (nothing touches the stove until then)."""

from __future__ import annotations

import pytest

from kitchen_ui.nutrition.calc import recipe_nutrition
from kitchen_ui.recipes.run_state import RunStatus

from ..recipes.conftest import tap
from .conftest import peanut_noodles


def test_nutrition_shown_is_the_qt_free_figures_with_their_coverage(qtbot, kitchen):
    recipe = kitchen.library.add(peanut_noodles(saffron=True)).recipe
    page = kitchen.library_page
    kitchen.window.show_page(page)
    page.select("peanut-noodles")
    facts = kitchen.diet.facts
    assert facts.isVisible()
    per = recipe_nutrition(recipe).per_serving
    assert facts.values == {"kcal": f"{per['kcal']:.0f} kcal", "protein_g": f"{per['protein_g']:.1f} g",
                            "fat_g": f"{per['fat_g']:.1f} g", "saturated_fat_g": f"{per['saturated_fat_g']:.1f} g",
                            "carbohydrate_g": f"{per['carbohydrate_g']:.1f} g", "sugars_g": f"{per['sugars_g']:.1f} g",
                            "fibre_g": f"{per['fibre_g']:.1f} g", "salt_g": f"{per['salt_g']:.2f} g"}
    assert facts.cells["protein_g"].text() == facts.values["protein_g"]          # what the cook reads
    assert per["kcal"] > 300                                                     # noodles and peanuts count
    assert facts.coverage.text() == "Covers 75 % of the recipe; unknown: saffron"
    assert facts.allergens.text().startswith("Allergens: peanuts (peanuts)")
    assert "check yourself: saffron" in facts.allergens.text()
    assert facts.diets.text() == "Diets: none certain"                           # saffron is unknown
    tap(qtbot, page.view.more)                                                   # 3 servings: per serving stays
    assert facts.cells["kcal"].text() == f"{per['kcal']:.0f} kcal"
    page.select("miso-soup")
    assert facts.coverage.text().startswith("Covers ") and "vegan" in facts.diets.text()
    assert facts.values["kcal"] != f"{per['kcal']:.0f} kcal"


def test_the_cooking_view_warns_before_the_first_step_and_starts_nothing_until_acknowledged(qtbot, kitchen, sim_stove):
    kitchen.library.add(peanut_noodles())
    kitchen.diet.household.store.save("Ana", ["peanuts"])
    page = kitchen.library_page
    window = kitchen.window
    tap(qtbot, kitchen.recipes_tab)
    page.select("peanut-noodles")
    pans_before = [z.physics.pan for z in sim_stove.sim.zones]
    tap(qtbot, page.view.start_button)

    gate = kitchen.diet.gate
    assert window.pages.currentIndex() == 0 and window.recipe_area.content is gate and gate.isVisible()
    assert window.recipe_area.title.text() == "Peanut noodles"
    assert gate.warning.isVisible() and "which Ana must avoid — in: peanuts" in gate.warning.text()
    assert "Instead: peanuts → sunflower seeds" in gate.warning.text()
    assert gate.first_step.text().startswith("First step: 1. Bring the water to the boil")
    assert kitchen.engine is None
    sim_stove.advance(5.0)
    assert all(z.mode == "off" for z in sim_stove.sim.zones)                     # the stove is untouched
    assert [z.physics.pan for z in sim_stove.sim.zones] == pans_before           # no pot placed either

    tap(qtbot, gate.back_button)                                                 # back: nothing happened
    assert window.pages.currentWidget() is page and window.recipe_area.content is kitchen.idle
    assert kitchen.engine is None and all(z.mode == "off" for z in sim_stove.sim.zones)

    tap(qtbot, page.view.start_button)
    assert window.recipe_area.content is gate
    tap(qtbot, gate.start_button)                                                # "I have checked"
    engine = kitchen.engine
    assert engine is not None and engine.status is RunStatus.RUNNING
    assert window.recipe_area.content is kitchen.cooking
    assert sim_stove.sim.zones[engine.zone_plan["pot"]].boost is True
    assert kitchen.cooking.cards[0].text.text() == "Bring the water to the boil"


@pytest.mark.parametrize("eaters", [[], ["Ben"]])
def test_no_gate_when_nobody_eating_is_allergic(qtbot, kitchen, sim_stove, eaters):
    recipe = kitchen.library.add(peanut_noodles()).recipe
    store = kitchen.diet.household.store
    store.save("Ana", ["peanuts"])
    store.save("Ben", [], ["vegan"])
    kitchen.diet.household.set_eaters(eaters)
    engine = kitchen.start_recipe(recipe)
    assert engine is not None and engine.status is RunStatus.RUNNING


def test_allergies_that_cannot_be_checked_are_said_so_and_still_stop_the_start(qtbot, kitchen, sim_stove, monkeypatch):
    from kitchen_ui.diet import filters
    from kitchen_ui.nutrition.table import NutritionDataError
    from kitchen_ui.ui.diet import recipe_facts

    def broken(*_a, **_k):
        raise NutritionDataError("cannot read the ingredient table foods.csv: line 7: bad number 'x'")

    monkeypatch.setattr(filters, "load_table", broken)
    monkeypatch.setattr(recipe_facts, "load_table", broken)
    kitchen.library.add(peanut_noodles())
    kitchen.diet.household.store.save("Ana", ["peanuts"])
    page = kitchen.library_page
    kitchen.window.show_page(page)
    page.select("peanut-noodles")
    problem = "Allergy checks are off: cannot read the ingredient table foods.csv: line 7: bad number 'x'"
    assert kitchen.diet.eaters.hint.text().startswith(problem)
    assert kitchen.diet.warning.isVisible() and kitchen.diet.warning.heading.text() == "ALLERGIES NOT CHECKED"
    assert kitchen.diet.facts.allergens.text().startswith("Allergens and nutrition are unavailable: cannot read")
    tap(qtbot, page.view.start_button)
    assert kitchen.engine is None and kitchen.window.recipe_area.content is kitchen.diet.gate
    assert problem in kitchen.diet.gate.warning.text()
    assert all(z.mode == "off" for z in sim_stove.sim.zones)
