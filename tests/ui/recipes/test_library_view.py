"""Finding a recipe and reading it for any number of people (the library page)."""

from kitchen_ui.storage.library import KitchenLibrary
from kitchen_ui.ui.recipes.library_view import LibraryPage

from .conftest import tap


def page_on(qtbot, kdb):
    page = LibraryPage(KitchenLibrary(kdb))
    qtbot.addWidget(page)
    page.resize(1280, 700)
    page.show()
    return page


def test_search_by_words_in_the_title_or_tags(qtbot, kdb):
    page = page_on(qtbot, kdb)
    assert len(page.titles()) == 14 and page.count.text() == "14 recipes"
    page.search.setText("spag")
    assert page.titles() == ["Spaghetti al pomodoro"]
    page.search.setText("ITALIAN")
    assert page.titles() == ["Risotto ai funghi", "Spaghetti al pomodoro"]
    assert page.count.text() == "2 of 14 recipes"
    page.search.setText("egg rice")                           # every word must match
    assert page.titles() == ["Egg fried rice"]
    page.search.setText("klingon")
    assert page.titles() == [] and page.count.text() == "0 of 14 recipes"


def test_filters_by_cuisine_diet_and_time_combine(qtbot, kdb):
    page = page_on(qtbot, kdb)
    page.tag_box.setCurrentIndex(page.tag_box.findText("Cuisine: french"))
    assert page.titles() == ["Crêpes", "French omelette"]
    page.tag_box.setCurrentIndex(0)
    tap(qtbot, page.diet_chips["vegan"])
    assert page.titles() == ["Arroz rojo", "Miso soup with tofu and wakame", "Spaghetti al pomodoro"]
    tap(qtbot, page.time_chips["≤ 30 min"])                   # arroz rojo takes 40 minutes
    assert page.titles() == ["Miso soup with tofu and wakame", "Spaghetti al pomodoro"]
    tap(qtbot, page.diet_chips["gluten-free"])                # both diets at once
    assert page.titles() == []
    tap(qtbot, page.diet_chips["vegan"])
    tap(qtbot, page.time_chips["≤ 15 min"])
    assert page.titles() == ["French omelette"]
    tap(qtbot, page.time_chips["Any time"])
    tap(qtbot, page.diet_chips["gluten-free"])
    assert len(page.titles()) == 14


def test_servings_rescale_every_quantity(qtbot, kdb):
    page = page_on(qtbot, kdb)
    page.select("spaghetti-al-pomodoro")
    view = page.view
    assert view.title.text() == "Spaghetti al pomodoro" and view.servings_label.text() == "2 servings"
    assert "200 g spaghetti" in view.ingredient_lines
    tap(qtbot, view.more)
    tap(qtbot, view.more)
    assert view.servings_label.text() == "4 servings"
    assert view.ingredient_lines[:3] == ["400 g spaghetti", "800 g tinned whole tomatoes", "6 tbsp olive oil"]
    assert "400 g spaghetti" in view.ingredients.text()       # what the cook reads, not only the model
    for _ in range(3):
        tap(qtbot, view.less)
    assert view.servings_label.text() == "1 serving"
    assert view.ingredient_lines[:3] == ["100 g spaghetti", "200 g tinned whole tomatoes", "1½ tbsp olive oil"]
    assert not view.less.isEnabled()                          # never fewer than one
    assert view.ingredient_lines[-1] == "salt, to taste"      # no quantity: nothing to scale
    assert view.scaled().servings == 1


def test_the_recipe_view_tells_the_story_source_and_licence(qtbot, kdb):
    page = page_on(qtbot, kdb)
    page.select("spaghetti-al-pomodoro")
    view = page.view
    assert "Every Italian household" in view.story.text() and "Southern Italy" in view.story.text()
    assert view.source.text() == "Source: Hearth starter archive    Licence: CC BY 4.0"
    assert "Large pot of water — large zone" in view.pots.text()
    assert "5. Add the spaghetti" in view.steps.text()


def test_typing_keeps_the_chosen_recipe_and_its_servings(qtbot, kdb):
    page = page_on(qtbot, kdb)
    page.select("crepes")
    tap(qtbot, page.view.more)
    page.search.setText("cr")
    assert page.view.recipe.slug == "crepes" and page.view.servings == 5
    page.search.setText("risotto")                             # filtered out: the view lets it go
    assert page.view.recipe is None and not page.view.start_button.isVisible()


def test_a_recipe_imported_meanwhile_appears(qtbot, kdb):
    from .conftest import FRY, PAN, recipe

    page = page_on(qtbot, kdb)
    page.library.add(recipe(FRY, [PAN], title="Onion marmalade", tags={"diet": ["vegan"]}))
    assert "Onion marmalade" in page.titles()
    tap(qtbot, page.diet_chips["vegan"])
    assert "Onion marmalade" in page.titles()
