"""Who is eating: the household editor, rows marked (icon and words) or hidden, swaps offered."""

from __future__ import annotations

from kitchen_ui.diet.profiles import Profile

from ..recipes.conftest import tap
from .conftest import peanut_noodles


def row(page, title: str):
    """The list item of a recipe shown in the library (None when it is not listed)."""
    for i, r in enumerate(page.shown):
        if r.title == title:
            return page.list.item(i)
    return None


def open_editor(qtbot, kitchen):
    tap(qtbot, kitchen.recipes_tab)
    tap(qtbot, kitchen.diet.eaters.edit_button)
    editor = kitchen.diet.editor
    assert editor.isVisible() and not kitchen.library_page.view.isVisible()
    return editor


def test_a_peanut_allergy_marks_the_recipe_with_the_ingredient_and_offers_a_swap(qtbot, kitchen):
    kitchen.library.add(peanut_noodles())
    page = kitchen.library_page
    editor = open_editor(qtbot, kitchen)
    editor.name.setText("Ana")
    tap(qtbot, editor.allergy_chips["peanuts"])
    assert "peanuts (peanuts)" in editor.chosen.text()
    tap(qtbot, editor.save_button)
    assert kitchen.diet.household.store.list() == [Profile("Ana", ("peanuts",), ())]
    assert kitchen.diet.eaters.chips["Ana"].text() == "✓ Ana"        # eating from the start: the safe default
    tap(qtbot, editor.done_button)
    assert page.view.isVisible() and not editor.isVisible()

    item = row(page, "Peanut noodles")
    assert "⚠ Allergy — Ana: peanuts (in peanuts)" in item.text()
    assert "Swap: peanuts → sunflower seeds or pumpkin seeds" in item.text()
    assert not item.icon().isNull()                                   # a sign, not colour alone
    miso = row(page, "Miso soup with tofu and wakame")
    assert "Allergy" not in miso.text() and miso.icon().isNull()

    page.select("peanut-noodles")
    box = kitchen.diet.warning
    assert box.isVisible() and box.heading.text() == "ALLERGY WARNING"
    assert box.lines == ["Contains peanuts (peanuts), which Ana must avoid — in: peanuts.",
                         "Instead: peanuts → sunflower seeds or pumpkin seeds."]
    page.select("miso-soup")
    assert not box.isVisible()


def test_the_editor_refuses_bad_profiles_and_asks_before_removing(qtbot, kitchen):
    store = kitchen.diet.household.store
    store.save("Ana", ["milk"])
    editor = open_editor(qtbot, kitchen)
    assert editor.name.text() == "Ana" and editor.allergy_chips["milk"].isChecked()
    tap(qtbot, editor.new_button)
    assert editor.name.text() == "" and not editor.allergy_chips["milk"].isChecked()
    tap(qtbot, editor.save_button)                                    # no name
    assert editor.error.isVisible() and "must not be empty" in editor.error.text()
    editor.name.setText("ana")
    tap(qtbot, editor.save_button)                                    # the same person, whatever the case
    assert "already a profile called ana" in editor.error.text()
    editor.name.setText("Bo, Cy")
    tap(qtbot, editor.save_button)
    assert "without commas" in editor.error.text()
    assert [p.name for p in store.list()] == ["Ana"]                   # nothing written
    editor.name.setText("Ben")
    tap(qtbot, editor.diet_chips["vegan"])
    tap(qtbot, editor.save_button)
    assert not editor.error.isVisible() and store.get("Ben").diets == ("vegan",)

    editor.list.setCurrentRow(0)                                       # Ana: rename her, keep her allergy
    editor.name.setText("Anna")
    tap(qtbot, editor.save_button)
    assert [p.name for p in store.list()] == ["Anna", "Ben"] and store.get("Anna").allergies == ("milk",)
    assert kitchen.diet.household.is_eating("Anna")

    tap(qtbot, editor.remove_button)
    assert editor.confirm.isVisible() and "Remove Anna" in editor.confirm_label.text()
    tap(qtbot, editor.remove_no)
    assert [p.name for p in store.list()] == ["Anna", "Ben"]
    tap(qtbot, editor.remove_button)
    tap(qtbot, editor.remove_yes)
    assert [p.name for p in store.list()] == ["Ben"]
    assert list(kitchen.diet.eaters.chips) == ["Ben"]


def test_two_profiles_at_once_hide_what_breaks_a_diet_and_mark_allergies(qtbot, kitchen):
    kitchen.library.add(peanut_noodles())
    store = kitchen.diet.household.store
    store.save("Ana", ["peanuts"])
    store.save("Ben", [], ["vegan"])
    page = kitchen.library_page
    bar = kitchen.diet.eaters
    tap(qtbot, kitchen.recipes_tab)
    assert bar.eating() == ["Ana", "Ben"]
    titles = page.titles()
    assert "Crêpes" not in titles and "Buttermilk pancakes" not in titles      # not vegan: hidden
    assert "Peanut noodles" in titles and "⚠ Allergy — Ana" in row(page, "Peanut noodles").text()
    assert "Miso soup with tofu and wakame" in titles and "Allergy" not in row(page, "Miso soup with tofu and wakame").text()
    assert f"{page.hidden} hidden: they do not suit someone's diet." in bar.hint.text() and page.hidden >= 8
    assert "Ana (peanuts); Ben (vegan)" in bar.hint.text()
    assert page.count.text() == f"{len(titles)} of 15 recipes"

    tap(qtbot, bar.chips["Ben"])                                       # Ben is not eating tonight
    assert bar.eating() == ["Ana"] and bar.chips["Ben"].text() == "Ben"
    assert "Crêpes" in page.titles() and "Allergy" not in row(page, "Crêpes").text()
    assert "⚠ Allergy — Ana" in row(page, "Peanut noodles").text()
    assert page.hidden == 0 and "hidden" not in bar.hint.text()

    tap(qtbot, bar.chips["Ana"])
    tap(qtbot, bar.chips["Ben"])                                       # only Ben: peanuts are vegan
    assert bar.eating() == ["Ben"]
    assert "Peanut noodles" in page.titles() and "Allergy" not in row(page, "Peanut noodles").text()
    assert "Crêpes" not in page.titles()

    tap(qtbot, bar.chips["Ben"])                                       # nobody chosen: nothing checked
    assert len(page.titles()) == 15 and "not checked for allergies" in bar.hint.text()


def test_a_recipe_changed_in_the_library_is_checked_again(qtbot, kitchen):
    plain = peanut_noodles()
    plain = type(plain).from_dict({**plain.to_dict(), "ingredients": [{"name": "rice noodles", "quantity": 200,
                                                                          "unit": "g"}]})
    kitchen.library.add(plain)
    kitchen.diet.household.store.save("Ana", ["peanuts"])
    page = kitchen.library_page
    assert "Allergy" not in row(page, "Peanut noodles").text()
    kitchen.library.add(peanut_noodles(), replace=True)            # e.g. imported again, now with peanuts
    assert "⚠ Allergy — Ana: peanuts (in peanuts)" in row(page, "Peanut noodles").text()
