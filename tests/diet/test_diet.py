"""Allergens and diets from ingredients, the author's override, profiles, conflicts, the CLI."""

from __future__ import annotations

import json

import pytest

from kitchen_ui.cli import main
from kitchen_ui.diet.filters import check_recipe
from kitchen_ui.diet.inference import recipe_diet
from kitchen_ui.diet.profiles import Profile, ProfileNotFound, ProfileStore
from kitchen_ui.recipes.vocabulary import ALLERGENS, DietError, parse_allergens
from kitchen_ui.recipes.archive import starter_recipes
from kitchen_ui.recipes.model import Ingredient, Recipe, RecipeError, Step
from kitchen_ui.storage.database import open_db
from kitchen_ui.storage.recipes_store import load_recipe, save_recipe

ARCHIVE = {r.slug: r for r in starter_recipes()}


def recipe(*names, dietary=None):
    d = {"title": "Test dish", "ingredients": [{"name": n, "quantity": 100, "unit": "g"} for n in names],
         "steps": [{"text": "cook"}]}
    if dietary is not None:
        d["dietary"] = dietary
    return Recipe.from_dict(d)


def test_the_fourteen_allergen_ids():
    assert list(ALLERGENS) == ["celery", "gluten", "crustaceans", "eggs", "fish", "lupin", "milk", "molluscs",
                               "mustard", "tree-nuts", "peanuts", "sesame", "soya", "sulphites"]
    with pytest.raises(DietError, match="'nuts'"):
        parse_allergens("milk, nuts")


def test_allergens_come_with_the_ingredients_responsible():
    d = recipe_diet(ARCHIVE["buttermilk-pancakes"])
    assert d.allergens == ("gluten", "eggs", "milk")
    assert d.sources["milk"] == ("buttermilk", "butter") and d.sources["gluten"] == ("plain flour",)
    assert "vegetarian" in d.diets and "vegan" not in d.diets and "gluten-free" not in d.diets
    thai = recipe_diet(ARCHIVE["thai-basil-chicken"])
    assert {"fish", "molluscs", "soya", "gluten"} <= set(thai.allergens) and "vegetarian" not in thai.diets


def test_diets_follow_every_ingredient():
    assert set(recipe_diet(ARCHIVE["miso-soup"]).diets) >= {"vegan", "vegetarian", "gluten-free", "dairy-free"}
    assert recipe_diet(recipe("tofu", "rice")).diets == ("vegetarian", "vegan", "pescatarian", "gluten-free",
                                                         "dairy-free")
    assert "pescatarian" in recipe_diet(recipe("salmon", "rice")).diets
    assert "vegetarian" not in recipe_diet(recipe("salmon", "rice")).diets
    unknown = recipe_diet(recipe("rice", "dragon fruit leather"))
    assert unknown.diets == () and unknown.unknown == ("dragon fruit leather",)


def test_archive_diet_tags_agree_with_the_ingredients():
    for slug, r in ARCHIVE.items():
        inferred = set(recipe_diet(r).diets)
        for tag in r.tag_values("diet"):
            assert tag in inferred, (slug, tag)


def test_author_overrides_and_it_is_kept(tmp_path):
    r = recipe("tofu", "rice", dietary={"allergens": ["soya", "sesame"], "diets": ["vegan"]})
    d = recipe_diet(r)
    assert d.allergens == ("sesame", "soya") and d.diets == ("vegan",) and d.allergens_by_author
    assert d.inferred_allergens == ("soya",)
    with open_db(tmp_path / "k.sqlite3", seed=False) as kdb:
        rid = save_recipe(kdb, r)
        assert load_recipe(kdb, rid) == r
    assert Recipe.from_dict(r.to_dict()) == r
    with pytest.raises(RecipeError, match="unknown allergen 'nuts'"):
        recipe("rice", dietary={"allergens": ["nuts"]})
    with pytest.raises(RecipeError, match="dietary.contains"):
        recipe("rice", dietary={"contains": []})


def test_conflicts_name_people_ingredients_and_safe_swaps():
    ana, ben = Profile("Ana", ("milk",)), Profile("Ben", ("soya",), ("vegan",))
    c = check_recipe(ARCHIVE["crepes"], [ana, ben])
    assert not c.fits
    milk = next(x for x in c.allergen_conflicts if x.allergen == "milk")
    assert milk.who == ("Ana",) and milk.ingredients == ("milk", "butter")
    swaps = [s.text for s in milk.substitutions]
    assert any("oat drink" in s for s in swaps)
    assert not any("soya" in s for s in swaps)            # Ben is allergic to soya
    vegan = next(x for x in c.diet_conflicts if x.diet == "vegan")
    assert vegan.who == ("Ben",) and set(vegan.ingredients) >= {"eggs", "milk", "butter"}
    assert check_recipe(ARCHIVE["arroz-rojo"], [ana, ben]).fits


def test_flax_egg_only_where_sensible():
    eggs_ok = Profile("Eli", ("eggs",))
    pancakes = check_recipe(ARCHIVE["buttermilk-pancakes"], [eggs_ok]).allergen_conflicts[0]
    assert any("flax" in s.text for s in pancakes.substitutions)
    for slug in ("french-omelette", "egg-fried-rice", "shakshuka"):
        conflict = check_recipe(ARCHIVE[slug], [eggs_ok]).allergen_conflicts[0]
        assert conflict.allergen == "eggs" and not conflict.substitutions, slug


def test_profile_store(tmp_path):
    with open_db(tmp_path / "k.sqlite3", seed=False) as kdb:
        store = ProfileStore(kdb)
        seen = []
        store.profiles_changed.connect(lambda: seen.append(1))
        store.save("Ana", "milk,eggs", "vegetarian")
        store.save("ana", ["milk"])                     # same person, case does not matter
        assert store.list() == [Profile("ana", ("milk",), ())]
        with pytest.raises(DietError, match="unknown diet 'keto'"):
            store.save("Bo", "", "keto")
        assert [p.name for p in store.list()] == ["ana"]
        store.remove("ANA")
        with pytest.raises(ProfileNotFound, match="no profile 'Zoe'"):
            store.get("Zoe")
        assert len(seen) == 3


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_profiles_and_filters(tmp_path, capsys):
    db = str(tmp_path / "k.sqlite3")
    assert run(capsys, "profiles", "add", "Ana", "--allergies", "milk,eggs", "--db", db)[0] == 0
    assert run(capsys, "profiles", "add", "Ben", "--diets", "vegan", "--db", db)[0] == 0
    code, out, err = run(capsys, "profiles", "add", "Cy", "--allergies", "nuts", "--db", db)
    assert code == 2 and "unknown allergen 'nuts'" in err
    code, out, _ = run(capsys, "profiles", "list", "--json", "--db", db)
    assert [p["name"] for p in json.loads(out)] == ["Ana", "Ben"]

    code, out, _ = run(capsys, "recipes", "list", "--for", "Ana,Ben", "--json", "--db", db)
    items = {i["slug"]: i for i in json.loads(out)}
    assert items["miso-soup"]["fits"] and not items["crepes"]["fits"]
    assert [i["fits"] for i in json.loads(out)] == sorted((i["fits"] for i in json.loads(out)), reverse=True)
    code, out, _ = run(capsys, "recipes", "list", "--for", "Ana", "--db", db)
    assert "contains milk (sour cream) — Ana" in out

    code, out, err = run(capsys, "recipes", "list", "--for", "Zoe", "--db", db)
    assert code == 1 and "no profile 'Zoe'" in err
    code, out, err = run(capsys, "recipes", "list", "--exclude-allergens", "milk,foo", "--db", db)
    assert code == 2 and "unknown allergen 'foo'" in err
    code, out, _ = run(capsys, "recipes", "list", "--exclude-allergens", "milk,gluten", "--json", "--db", db)
    assert {i["slug"] for i in json.loads(out)} == {"arroz-rojo", "chili-con-carne", "miso-soup", "shakshuka"}

    code, out, _ = run(capsys, "recipes", "show", "buttermilk-pancakes", "--json", "--db", db)
    d = json.loads(out)
    assert d["allergens"] == ["gluten", "eggs", "milk"] and "vegetarian" in d["diets"]
    assert set(d["nutrition"]["per_serving"]) == {"kcal", "protein_g", "fat_g", "saturated_fat_g",
                                                  "carbohydrate_g", "sugars_g", "fibre_g", "salt_g"}
    assert d["nutrition"]["coverage"] == 1.0
    assert run(capsys, "profiles", "remove", "Ana", "--db", db)[0] == 0
    code, _, err = run(capsys, "profiles", "remove", "Ana", "--db", db)
    assert code == 1 and "no profile 'Ana'" in err
