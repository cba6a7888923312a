"""Recipes in and out: Hearth JSON, schema.org JSON-LD, saved web pages; bad input named clearly."""

from __future__ import annotations

import json

import pytest

from kitchen_ui.recipes.archive import starter_recipes
from kitchen_ui.recipes.ingredients import format_ingredient, parse_ingredient
from kitchen_ui.recipes.interchange import (
    iso_duration, read_recipe_text, recipe_from_jsonld, recipe_to_json, recipe_to_jsonld,
)
from kitchen_ui.recipes.model import Ingredient, RecipeError

STARTERS = starter_recipes()

FOREIGN_JSONLD = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebPage", "name": "A page"},
        {"@type": ["Recipe"], "name": "Lemon lentil soup", "recipeYield": ["6", "6 bowls"],
         "description": "Bright and thick.", "author": [{"@type": "Person", "name": "Ada"}],
         "prepTime": "PT15M", "cookTime": "PT45M", "recipeCuisine": "Turkish", "recipeCategory": ["Soup", "Starter"],
         "suitableForDiet": "https://schema.org/VeganDiet", "keywords": "lentils, winter",
         "recipeIngredient": ["250 g red lentils", "1 1/2 l water", "2 cloves garlic, crushed", "½ tsp cumin",
                              "Salt to taste"],
         "recipeInstructions": [
             {"@type": "HowToSection", "name": "Soup", "itemListElement": [
                 {"@type": "HowToStep", "text": "Rinse the lentils."},
                 {"@type": "HowToStep", "text": "Simmer everything for 30 minutes."}]},
             {"@type": "HowToStep", "text": "Blend, add lemon juice and serve."}]},
    ],
}

PAGE = """<!doctype html><html><head><title>Kitchen blog</title>
<link rel="canonical" href="https://blog.example.org/tomato-rice">
<script type="application/ld+json">{json}</script></head>
<body><h1>Tomato rice</h1><p>Some story nobody reads.</p></body></html>"""


@pytest.mark.parametrize("r", STARTERS, ids=[r.slug for r in STARTERS])
def test_starter_recipes_round_trip_through_both_formats(r):
    assert read_recipe_text(recipe_to_json(r)) == r
    assert read_recipe_text(json.dumps(recipe_to_jsonld(r))) == r


def test_jsonld_export_speaks_schema_org():
    r = next(x for x in STARTERS if x.slug == "spaghetti-al-pomodoro")
    doc = recipe_to_jsonld(r)
    assert doc["@type"] == "Recipe" and doc["name"] == r.title
    assert doc["recipeYield"] == "2 servings"
    assert "200 g spaghetti" in doc["recipeIngredient"]
    assert doc["recipeInstructions"][0]["@type"] == "HowToStep"
    assert doc["recipeCuisine"] == ["italian"]
    assert "https://schema.org/VeganDiet" in doc["suitableForDiet"]
    assert doc["totalTime"] == "PT30M" and doc["license"] == "CC BY 4.0"


def test_a_foreign_schema_org_recipe_imports_with_manual_steps():
    r = recipe_from_jsonld(FOREIGN_JSONLD)
    assert r.title == "Lemon lentil soup" and r.servings == 6
    assert [s.text for s in r.steps] == ["Rinse the lentils.", "Simmer everything for 30 minutes.",
                                         "Blend, add lemon juice and serve."]
    assert all(s.manual and s.on_end == "wait" for s in r.steps)
    assert r.total_time_s == 3600
    assert r.story.cook == "Ada"
    assert ("diet", "vegan") in r.tags and ("course", "starter") in r.tags and ("other", "winter") in r.tags
    assert r.ingredients[1] == Ingredient(name="water", quantity=1.5, unit="l")
    assert r.ingredients[4] == Ingredient(name="Salt to taste")
    # and then it round-trips without loss
    assert recipe_from_jsonld(json.loads(json.dumps(recipe_to_jsonld(r)))) == r


def test_a_saved_web_page_is_read_with_recipe_scrapers():
    node = {"@context": "https://schema.org", "@type": "Recipe", "name": "Tomato rice", "recipeYield": "4 servings",
            "totalTime": "PT40M", "recipeIngredient": ["300 g rice", "2 tomatoes"],
            "recipeInstructions": [{"@type": "HowToStep", "text": "Fry the rice."},
                                   {"@type": "HowToStep", "text": "Simmer with the tomatoes."}]}
    r = read_recipe_text(PAGE.replace("{json}", json.dumps(node)), "tomato-rice.html")
    assert r.title == "Tomato rice" and r.servings == 4 and r.total_time_s == 2400
    assert [s.text for s in r.steps] == ["Fry the rice.", "Simmer with the tomatoes."]
    assert r.source == "https://blog.example.org/tomato-rice"
    assert r.ingredients[0] == Ingredient(name="rice", quantity=300, unit="g")


@pytest.mark.parametrize("text, message", [
    ("", "the file is empty"),
    ("{ not json", "not valid JSON (line 1"),
    ("[1, 2, 3]", "not a recipe"),
    ('{"hello": "world"}', "not a recipe"),
    ('{"@context": "https://schema.org", "@type": "Person", "name": "Ada"}', "no schema.org Recipe"),
    ('{"@type": "Recipe", "recipeInstructions": ["Boil."]}', "Recipe.name: missing"),
    ('{"@type": "Recipe", "name": "Toast"}', "recipeInstructions: missing"),
    ('{"@type": "Recipe", "name": "Toast", "recipeInstructions": [{"@type": "HowToStep"}]}',
     "recipeInstructions[0]: a step without text"),
    ('{"@type": "Recipe", "name": "T", "recipeIngredient": 5, "recipeInstructions": "Toast it."}',
     "recipeIngredient: must be a list"),
    ('{"title": "T", "steps": [{"text": "x", "setting": {"mode": "level", "level": 11}, "pot": "p"}],'
     ' "pots": [{"id": "p"}]}', "steps[0].setting.level"),
    ("<html><body><p>No recipe here.</p></body></html>", "no recipe found in the page"),
])
def test_malformed_input_is_named(text, message):
    with pytest.raises(RecipeError) as err:
        read_recipe_text(text, "in.json")
    assert str(err.value).startswith("in.json: ")
    assert message in str(err.value)


@pytest.mark.parametrize("line, q, unit, name, note", [
    ("200 g spaghetti", 200, "g", "spaghetti", ""),
    ("1 1/2 cups flour, sifted", 1.5, "cups", "flour", "sifted"),
    ("½ tsp salt", 0.5, "tsp", "salt", ""),
    ("1½ tbsp oil", 1.5, "tbsp", "oil", ""),
    ("2-3 cloves of garlic", 2, "cloves", "garlic", "2-3"),
    ("3 eggs", 3, "", "eggs", ""),
    ("Salt and pepper", None, "", "Salt and pepper", ""),
    ("0,5 l milk", 0.5, "l", "milk", ""),
])
def test_ingredient_lines(line, q, unit, name, note):
    ing = parse_ingredient(line)
    assert (ing.quantity, ing.unit, ing.name, ing.note) == (q, unit, name, note)


def test_ingredient_lines_round_trip_for_the_starters():
    for r in STARTERS:
        for ing in r.ingredients:
            back = parse_ingredient(format_ingredient(ing))
            assert back.quantity == ing.quantity and back.note == ing.note, ing


def test_iso_durations():
    assert iso_duration(5400) == "PT1H30M"
    assert iso_duration(90.5) == "PT1M30.5S"
    assert iso_duration(0) == "PT0S"
    assert iso_duration(None) is None
