"""The recipe model: what a recipe file may say, and the errors that name what is wrong."""

from __future__ import annotations

import pytest

from kitchen_ui.recipes.model import Recipe, RecipeError, parse_duration, slugify

from .conftest import OIL_PAN, WATER_POT, recipe


def test_defaults_fill_in_ids_slug_and_end_actions():
    r = recipe([{"text": "Chop the onion"}, {"text": "Boil", "pot": "pot", "setting": {"mode": "target", "temp_c": 100},
                                            "start": "target"},
                {"text": "Simmer", "pot": "pot", "setting": {"mode": "level", "level": 3}, "duration_s": "10:00"}],
               [WATER_POT], title="Soup of the Day")
    assert [s.id for s in r.steps] == ["s1", "s2", "s3"]
    assert r.slug == "soup-of-the-day"
    # the cook's own work waits for the cook; a trigger or a timer goes on by itself
    assert [s.on_end for s in r.steps] == ["wait", "continue", "continue"]
    assert r.steps[2].duration_s == 600
    assert r.dependencies(0) == () and r.dependencies(2) == (1,)


def test_after_lets_steps_run_side_by_side():
    r = recipe([{"id": "a", "text": "Boil", "pot": "pot", "setting": {"mode": "boost"}, "duration_s": 60},
                {"id": "b", "text": "Fry", "pot": "pan", "setting": {"mode": "level", "level": 5}, "duration_s": 60,
                 "after": []},
                {"id": "c", "text": "Serve", "after": ["a", "b"]}], [WATER_POT, OIL_PAN])
    assert r.dependencies(1) == ()
    assert r.dependencies(2) == (0, 1)


@pytest.mark.parametrize("steps, pots, where", [
    ([], [], "steps"),
    ([{"text": ""}], [], "steps[0].text"),
    ([{"text": "x", "pot": "nope"}], [], "steps[0].pot"),
    ([{"text": "x", "setting": {"mode": "level", "level": 4}}], [], "steps[0].pot"),
    ([{"text": "x", "pot": "pot", "setting": {"mode": "level", "level": 12}}], [WATER_POT], "steps[0].setting.level"),
    ([{"text": "x", "pot": "pot", "setting": {"mode": "target"}}], [WATER_POT], "steps[0].setting.temp_c"),
    ([{"text": "x", "pot": "pot", "setting": {"mode": "target", "temp_c": 900}}], [WATER_POT], "steps[0].setting.temp_c"),
    ([{"text": "x", "pot": "pot", "setting": {"mode": "sear"}}], [WATER_POT], "steps[0].setting.mode"),
    ([{"text": "x", "pot": "pot", "setting": {"mode": "level", "level": 3}, "start": "target"}], [WATER_POT],
     "steps[0].start"),
    ([{"text": "x", "after": ["later"]}, {"id": "later", "text": "y"}], [], "steps[0].after"),
    ([{"text": "x", "duration_s": "soon"}], [], "steps[0].duration_s"),
    ([{"text": "x", "duration_s": -5}], [], "steps[0].duration_s"),
    ([{"text": "x", "on_end": "keep_warm"}], [], "steps[0].on_end"),
    ([{"text": "x", "alerts": [{"at_s": 10, "message": "m", "from": "end"}]}], [], "steps[0].alerts[0].from"),
    ([{"id": "a", "text": "x"}, {"id": "a", "text": "y"}], [], "steps[1].id"),
    ([{"text": "x"}], [{"id": "p", "zone": "huge"}], "pots[0].zone"),
    ([{"text": "x"}], [{"id": "p", "vessel": {"material": "glass"}}], "pots[0].vessel.material"),
])
def test_invalid_recipes_name_the_field(steps, pots, where):
    with pytest.raises(RecipeError) as err:
        recipe(steps, pots)
    assert str(err.value).startswith(where), str(err.value)


def test_top_level_fields_are_checked():
    with pytest.raises(RecipeError, match="^title"):
        Recipe.from_dict({"steps": [{"text": "x"}]})
    with pytest.raises(RecipeError, match="^servings"):
        Recipe.from_dict({"title": "t", "servings": 0, "steps": [{"text": "x"}]})
    with pytest.raises(RecipeError, match="^format"):
        Recipe.from_dict({"format": "other/2", "title": "t", "steps": [{"text": "x"}]})
    with pytest.raises(RecipeError, match="^tags"):
        Recipe.from_dict({"title": "t", "tags": {"colour": ["red"]}, "steps": [{"text": "x"}]})
    with pytest.raises(RecipeError, match="must be an object"):
        Recipe.from_dict(["not", "a", "recipe"])


def test_servings_scale_ingredients_but_not_unquantified_ones():
    r = recipe([{"text": "x"}], servings=4, ingredients=[
        {"quantity": 400, "unit": "g", "name": "spaghetti"}, {"name": "salt", "note": "to taste"}])
    six = r.scaled(6)
    assert six.servings == 6
    assert six.ingredients[0].quantity == 600
    assert six.ingredients[1].quantity is None
    assert r.ingredients[0].quantity == 400            # the original is untouched
    with pytest.raises(RecipeError, match="servings"):
        r.scaled(0)


def test_json_round_trip_is_exact():
    r = recipe([{"id": "a", "text": "Boil", "pot": "pot", "setting": {"mode": "boost", "temp_c": 98},
                 "start": "target", "alerts": [{"at_s": 30, "message": "Lid on"}]},
                {"text": "Cook", "pot": "pot", "setting": {"mode": "level", "level": 6}, "duration_s": 540,
                 "start": "confirm", "on_end": "off", "alerts": [{"at_s": 60, "message": "Taste", "from": "end"}]}],
               [WATER_POT], tags={"cuisine": ["Italian"], "diet": ["vegan"]}, story="A story.",
               total_time_s="PT30M", licence="CC BY 4.0")
    assert Recipe.from_dict(r.to_dict()) == r
    assert r.tags == (("cuisine", "italian"), ("diet", "vegan"))
    assert r.story.text == "A story." and r.total_time_s == 1800


@pytest.mark.parametrize("text, seconds", [
    (90, 90), ("1:30", 90), ("1:00:00", 3600), ("PT1H30M", 5400), ("PT45S", 45), ("10 min", 600), ("2 hours", 7200),
    (None, None)])
def test_durations_in_the_forms_people_write(text, seconds):
    assert parse_duration(text) == seconds


def test_slug_is_never_just_a_number():
    assert slugify("1984") == "recipe-1984"
    assert slugify("Crêpes Suzette!") == "cr-pes-suzette"
