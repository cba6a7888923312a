"""``recipes try`` on every starter recipe: each cooks to the end on the default stove."""

from __future__ import annotations

import pytest

from kitchen_ui.recipes.archive import archive_files, load_recipe_file, starter_recipes
from kitchen_ui.recipes.model import LICENCE, RecipeError
from kitchen_ui.recipes.trial import format_timeline, run_trial
from kitchen_ui.sim.profiles import default_profile_name, load_profile, profile_names

from .conftest import recipe

STARTERS = starter_recipes()


def test_the_archive_has_enough_recipes_from_several_cuisines():
    assert len(STARTERS) >= 12
    cuisines = {c for r in STARTERS for c in r.tag_values("cuisine")}
    assert len(cuisines) >= 8
    for r in STARTERS:
        assert r.licence == LICENCE, r.slug
        assert len(r.story.text) > 100, r.slug
        assert r.uses_stove, r.slug
        assert r.ingredients, r.slug


@pytest.mark.parametrize("r", STARTERS, ids=[r.slug for r in STARTERS])
def test_every_starter_recipe_completes_on_the_default_stove(r):
    result = run_trial(r, load_profile(default_profile_name()))
    assert result.completed, format_timeline(result)
    tl = result.timeline
    times = [e["t"] for e in tl]
    assert times == sorted(times), "stove time never goes backwards"
    assert all(isinstance(e["kind"], str) and e["kind"] for e in tl)
    assert tl[-1]["t"] <= result.duration_s
    kinds = [e["kind"] for e in tl]
    assert kinds.count("recipe_started") == 1 and kinds.count("recipe_completed") == 1
    # every step starts once and ends once, and ends after it starts
    for i, step in enumerate(r.steps):
        starts = [e["t"] for e in tl if e["kind"] == "step_active" and e.get("step") == i]
        ends = [e["t"] for e in tl if e["kind"] == "step_ended" and e.get("step") == i]
        assert len(starts) == 1 and len(ends) == 1, (i, step.text)
        assert ends[0] >= starts[0]
        if step.duration_s:
            assert ends[0] - starts[0] >= step.duration_s - 1e-6
    # the stove did nothing alarming
    alarming = [e for e in tl if e["kind"] == "event" and e["event"] in ("overheat", "boil_dry", "fault", "auto_off")]
    assert alarming == []
    # zones the recipe used are off at the end, except those it keeps warm
    warm = {result.zones[s.pot]["zone"] for s in r.steps if s.on_end == "keep_warm"}
    last = {}
    for e in tl:
        if e["kind"] == "zone_set":
            last[e["zone"]] = e["setting"]
    assert {z for z, s in last.items() if s != "off"} == warm


@pytest.mark.parametrize("profile", [p for p in profile_names() if p != default_profile_name()])
def test_the_starter_recipes_cook_on_the_other_stoves_too(profile):
    stove = load_profile(profile)
    failed = {r.slug: res.problem for r in STARTERS if not (res := run_trial(r, stove)).completed}
    assert failed == {}


def test_a_recipe_that_cannot_finish_says_why():
    # a big pot of water never reaches 150 °C: the trial notices instead of hanging
    r = recipe([{"text": "Heat", "pot": "p", "setting": {"mode": "target", "temp_c": 150}, "start": "target"}],
               [{"id": "p", "zone": "large", "vessel": {"material": "steel", "contents": "water", "contents_kg": 5.0}}])
    result = run_trial(r, load_profile("hybrid-4"))
    assert not result.completed
    assert "step 1 waits for" in result.problem and "to reach 150 °C, but it stays at 100 °C" in result.problem
    slow = recipe([{"text": "Wait", "duration_s": 7200}])
    result = run_trial(slow, load_profile("hybrid-4"), limit_s=3600)
    assert not result.completed and "did not finish within 1 h" in result.problem


def test_a_recipe_needing_more_zones_than_the_stove_has_is_refused():
    pots = [{"id": f"p{i}"} for i in range(5)]
    steps = [{"text": f"s{i}", "pot": f"p{i}", "setting": {"mode": "level", "level": 2}, "duration_s": 10, "after": []}
             for i in range(5)]
    with pytest.raises(RecipeError, match="needs 5 zones"):
        run_trial(recipe(steps, pots), load_profile("hybrid-4"))


def test_a_broken_archive_file_is_named(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"title": "x", "steps": [{"text": "y", "duration_s": "whenever"}]}')
    with pytest.raises(RecipeError, match=r"bad\.json: steps\[0\]\.duration_s"):
        load_recipe_file(bad)
    assert len(archive_files()) == len(STARTERS)
