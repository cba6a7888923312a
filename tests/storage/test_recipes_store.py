"""The recipe library: what is saved is what comes back, found by number, slug or tag."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kitchen_ui.recipes.archive import starter_recipes
from kitchen_ui.storage.database import open_db
from kitchen_ui.storage.recipes_store import (
    RecipeNotFound, delete_recipe, list_recipes, load_recipe, resolve_id, save_recipe,
)


@pytest.fixture
def kdb(tmp_path):
    with open_db(tmp_path / "kitchen.sqlite3") as k:
        yield k


def test_every_starter_recipe_comes_back_identical(kdb):
    for r in starter_recipes():
        assert load_recipe(kdb, r.slug) == r


def test_find_by_number_or_slug(kdb):
    rid = resolve_id(kdb, "dal-tadka")
    assert resolve_id(kdb, str(rid)) == rid
    assert load_recipe(kdb, rid).title == "Dal tadka"
    with pytest.raises(RecipeNotFound, match="no recipe 'nope'"):
        resolve_id(kdb, "nope")


def test_saving_the_same_slug_replaces_it_in_place(kdb):
    r = load_recipe(kdb, "crepes")
    rid = resolve_id(kdb, "crepes")
    changed = replace(r, servings=8, ingredients=r.ingredients[:2], steps=r.steps[:3], tags=(("other", "party"),))
    assert save_recipe(kdb, changed) == rid
    assert load_recipe(kdb, rid) == changed
    assert kdb.conn.execute("SELECT COUNT(*) FROM steps WHERE recipe_id = ?", (rid,)).fetchone()[0] == 3


def test_list_filters_by_tag_with_or_without_its_kind(kdb):
    italian = {r.slug for r in list_recipes(kdb, "italian")}
    assert italian == {"spaghetti-al-pomodoro", "risotto-ai-funghi"}
    assert {r.slug for r in list_recipes(kdb, "cuisine:italian")} == italian
    assert list_recipes(kdb, "course:italian") == []
    vegan = list_recipes(kdb, "diet:vegan")
    assert vegan and all(("diet", "vegan") in r.tags for r in vegan)
    titles = [r.title for r in list_recipes(kdb)]
    assert titles == sorted(titles, key=str.lower)


def test_delete_takes_the_parts_with_it(kdb):
    rid = resolve_id(kdb, "borscht")
    delete_recipe(kdb, rid)
    for table in ("ingredients", "tags", "stories", "pots", "steps"):
        assert kdb.conn.execute(f"SELECT COUNT(*) FROM {table} WHERE recipe_id = ?", (rid,)).fetchone()[0] == 0
    with pytest.raises(RecipeNotFound):
        load_recipe(kdb, rid)


def test_library_signals_changes_and_never_overwrites_silently(kdb):
    from kitchen_ui.storage.library import KitchenLibrary
    lib = KitchenLibrary(kdb)
    changes = []
    lib.recipes_changed.connect(lambda: changes.append(1))
    eggs = lib.recipe("dippy-eggs")
    assert lib.add(eggs).how == "unchanged" and changes == []
    more = replace(eggs, servings=6)
    added = lib.add(more)
    assert added.how == "renamed" and added.recipe.slug == "dippy-eggs-2" and changes == [1]
    assert lib.recipe("dippy-eggs").servings == 2                 # the original is intact
    assert lib.add(more, replace=True).how == "replaced"
    assert lib.recipe("dippy-eggs").servings == 6
    assert [r.slug for r in lib.recipes(text="EGGS")] == ["dippy-eggs", "dippy-eggs-2"]
    assert "italian" in lib.tags()["cuisine"]
    lib.delete("dippy-eggs-2")
    assert len(changes) == 3 and lib.sessions() == []
