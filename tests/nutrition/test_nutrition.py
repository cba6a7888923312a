"""Nutrition per serving: checked by hand against named rows of the shipped table."""

from __future__ import annotations

import csv

import pytest

from kitchen_ui.nutrition.calc import recipe_nutrition
from kitchen_ui.nutrition.parse import UnparsableLine, parse_line
from kitchen_ui.nutrition.table import NUTRIENTS, NutritionDataError, load_table
from kitchen_ui.nutrition.units import Grams, NotConverted, to_grams
from kitchen_ui.recipes.archive import starter_recipes
from kitchen_ui.recipes.model import Ingredient, Recipe, Step
from kitchen_ui.resources import resource_path

TBSP_ML, TSP_ML, CUP_ML = 14.7868, 4.92892, 236.588


@pytest.fixture(scope="module")
def rows():
    """The table's rows read with the csv module alone (not through the code under test)."""
    with resource_path("nutrition", "foods.csv").open(encoding="utf-8") as fh:
        return {r["key"]: r for r in csv.DictReader(fh)}


def recipe(*ingredients, servings=2):
    return Recipe(title="t", servings=servings, ingredients=tuple(ingredients), steps=(Step(id="s", text="cook"),))


def test_pasta_oil_and_eggs_by_hand(rows):
    pasta, oil, egg = rows["pasta"], rows["olive-oil"], rows["egg"]
    grams = {"pasta": 200.0, "olive-oil": 2 * TBSP_ML * float(oil["g_per_ml"]), "egg": 3 * float(egg["piece_g"])}
    r = recipe(Ingredient("spaghetti", 200, "g"), Ingredient("olive oil", 2, "tbsp"), Ingredient("eggs", 3, ""))
    n = recipe_nutrition(r)
    assert n.coverage == 1.0
    for k in NUTRIENTS:
        expected = sum(g * float(rows[key][k]) / 100 for key, g in grams.items()) / 2
        assert n.per_serving[k] == pytest.approx(expected, rel=1e-9), k
    assert n.to_dict()["per_serving"]["kcal"] == round(n.per_serving["kcal"], 1)
    assert pasta["fdc_id"] and egg["fdc_id"]      # these rows carry their FDC ids


def test_french_omelette_from_the_archive(rows):
    omelette = next(r for r in starter_recipes() if r.slug == "french-omelette")
    n = recipe_nutrition(omelette)
    # 3 eggs, 15 g butter, salt "a pinch" (no amount: not counted), 1 tsp chives
    grams = {"egg": 3 * float(rows["egg"]["piece_g"]), "butter": 15.0,
             "chives": TSP_ML * float(rows["chives"]["g_per_ml"])}
    expected_kcal = sum(g * float(rows[k]["kcal"]) / 100 for k, g in grams.items()) / omelette.servings
    assert n.per_serving["kcal"] == pytest.approx(expected_kcal)
    assert n.coverage == pytest.approx(3 / 4)
    assert [(ln.ingredient.name, ln.status) for ln in n.not_counted] == [("salt", "no_amount")]


def test_unknown_food_is_shown_not_guessed():
    n = recipe_nutrition(recipe(Ingredient("unobtainium", 100, "g"), Ingredient("flour", 100, "g")))
    assert n.coverage == 0.5
    line = n.lines[0]
    assert line.status == "unknown_food" and line.food is None and "unobtainium" in line.how
    assert n.per_serving["kcal"] == pytest.approx(n.lines[1].nutrients["kcal"] / 2)


def test_missing_usda_figures_are_named():
    n = recipe_nutrition(recipe(Ingredient("arborio rice", 100, "g")))
    assert "sugars_g" in n.missing_values and n.missing_values["sugars_g"] == ("arborio rice",)


@pytest.mark.parametrize("quantity,unit,food,expected", [
    (1, "kg", "flour", 1000.0), (2, "oz", "flour", 56.699), (1, "lb", "butter", 453.592),
    (250, "ml", "milk", None), (1, "cup", "flour", None), (2, "garlic", "garlic", None),
])
def test_weights_and_volumes(rows, quantity, unit, food, expected):
    table = load_table()
    got = to_grams(quantity, unit, table[food])
    if expected is None:      # volumes by density, from the row
        ml = {"ml": 1.0, "cup": CUP_ML}.get(unit)
        if ml is None:
            assert isinstance(got, NotConverted)
            return
        expected = quantity * ml * float(rows[food]["g_per_ml"])
    assert isinstance(got, Grams) and got.grams == pytest.approx(expected, rel=1e-4)


def test_pieces_use_usda_weights(rows):
    table = load_table()
    assert to_grams(2, "cloves", table["garlic"]).grams == pytest.approx(2 * float(rows["garlic"]["piece_g"]))
    assert to_grams(1, "", table["onion"]).grams == 110.0            # USDA: 1 medium onion
    assert to_grams(4, "slices", table["bread"]).grams == pytest.approx(4 * 29)
    assert to_grams(2, "large", table["egg"]).grams == 100.0
    assert to_grams(1, "pinch", table["salt"]).grams == pytest.approx(TSP_ML / 16 * float(rows["salt"]["g_per_ml"]))


@pytest.mark.parametrize("quantity,unit", [(1, "handful"), (1, "bunch"), (1, "furlong"), (None, ""), (-1, "g")])
def test_amounts_that_cannot_be_converted_say_why(quantity, unit):
    got = to_grams(quantity, unit, load_table()["basil"])
    assert isinstance(got, NotConverted) and got.reason


def test_parser_reads_lines_and_refuses_nonsense():
    assert parse_line("2 cloves garlic, crushed") == Ingredient("garlic", 2.0, "cloves", "crushed")
    chickpeas = parse_line("2 x 400g cans chickpeas")
    assert (chickpeas.name, chickpeas.quantity, chickpeas.unit) == ("chickpeas", 800.0, "g")
    assert parse_line("3 large eggs").unit == "large"
    for bad in ("", "   ", "!!!", "to taste"):
        with pytest.raises(UnparsableLine):
            parse_line(bad)


def test_free_text_line_kept_as_a_name_is_parsed():
    n = recipe_nutrition(recipe(Ingredient("200 g plain flour")))
    assert n.coverage == 1.0 and n.lines[0].grams == 200.0


def test_table_covers_the_archive_and_names_its_sources():
    table = load_table()
    assert len(table) >= 200
    for r in starter_recipes():
        for ing in r.ingredients:
            assert table.match(ing.name) is not None, (r.slug, ing.name)
    for f in table.foods.values():
        assert f.ndb_number and f.source.startswith("USDA"), f.key
    with_fdc = sum(1 for f in table.foods.values() if f.fdc_id)
    assert with_fdc >= 200


def test_matching_rules():
    t = load_table()
    assert t.match("hot vegetable stock").key == "vegetable-stock"
    assert t.match("toor dal or yellow split lentils").key == "toor-dal"
    assert t.match("tin tomatoes").key == "canned-tomatoes"
    assert t.match("gluten-free pasta").key == "gluten-free-pasta"
    assert t.match("peanut butter").key == "peanut-butter"
    assert t.match("oat milk") is None                 # not cow's milk
    assert t.match("coconut yogurt") is None


def test_broken_table_is_refused_with_its_line(tmp_path):
    p = tmp_path / "foods.csv"
    text = resource_path("nutrition", "foods.csv").read_text(encoding="utf-8").splitlines()
    text[3] = text[3].replace(",plant,", ",martian,", 1)
    p.write_text("\n".join(text), encoding="utf-8")
    with pytest.raises(NutritionDataError, match="line 4"):
        load_table(p)
    with pytest.raises(NutritionDataError, match="cannot read"):
        load_table(tmp_path / "missing.csv")
