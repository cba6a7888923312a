"""Zone roles come from what any stove announces (size, power, kind), never from profile roles."""

from __future__ import annotations

import pytest

from kitchen_ui.core.model import ZoneInfo
from kitchen_ui.recipes.model import Pot, RecipeError
from kitchen_ui.recipes.zones import assign_zones, plan_zones
from kitchen_ui.sim.profiles import load_profile

from .conftest import recipe


def zone(i, kind, d, p, boost=None):
    return ZoneInfo(id=i, name=f"z{i}", kind=kind, diameter_mm=d, max_power_w=p, boost_power_w=boost)


HOB = [zone(0, "induction", 210, 2300, 3700), zone(1, "induction", 160, 1400, 2100),
       zone(2, "radiant", 180, 1800), zone(3, "gas", 230, 3000)]


def test_each_role_gets_the_zone_that_fits():
    pots = [Pot("a", zone="small"), Pot("b", zone="wok"), Pot("c", zone="large"), Pot("d", zone="medium")]
    assert assign_zones(pots, HOB) == {"a": 1, "b": 3, "c": 0, "d": 2}


def test_order_of_pots_does_not_change_the_plan():
    pots = [Pot("a", zone="small"), Pot("b", zone="wok"), Pot("c", zone="large")]
    assert assign_zones(pots, HOB) == assign_zones(list(reversed(pots)), HOB)


def test_any_leaves_the_best_zones_to_the_picky_pots():
    plan = assign_zones([Pot("x", zone="any"), Pot("big", zone="large")], HOB[:2])
    assert plan == {"big": 0, "x": 1}


def test_a_network_stove_without_roles_still_resolves():
    # the same zones as hybrid-4, but renamed and reordered: roles follow size and kind, not names
    shuffled = [zone(0, "gas", 230, 3000), zone(1, "radiant", 180, 1800), zone(2, "induction", 160, 1400, 2100)]
    assert assign_zones([Pot("wok", zone="wok"), Pot("s", zone="small")], shuffled) == {"wok": 0, "s": 2}


def test_too_many_pots_is_a_clear_error():
    with pytest.raises(RecipeError, match="needs 3 zones at once.*the stove has 2"):
        assign_zones([Pot("a"), Pot("b"), Pot("c")], HOB[:2])


def test_boost_steps_lean_towards_a_zone_with_boost():
    r = recipe([{"text": "boil", "pot": "p", "setting": {"mode": "boost"}, "duration_s": 10}],
               [{"id": "p", "zone": "large"}])
    assert plan_zones(r, HOB) == {"p": 0}          # the widest zone (gas) has no boost
    r2 = recipe([{"text": "boil", "pot": "p", "setting": {"mode": "level", "level": 9}, "duration_s": 10}],
                [{"id": "p", "zone": "large"}])
    assert plan_zones(r2, HOB) == {"p": 3}


def test_overrides_pin_a_pot_and_are_checked():
    r = recipe([{"text": "a", "pot": "a", "setting": {"mode": "level", "level": 2}, "duration_s": 1},
                {"text": "b", "pot": "b", "setting": {"mode": "level", "level": 2}, "duration_s": 1}],
               [{"id": "a", "zone": "large"}, {"id": "b", "zone": "large"}])
    plan = plan_zones(r, HOB, {"a": 1})
    assert plan["a"] == 1 and plan["b"] != 1
    with pytest.raises(RecipeError, match="no zone 9"):
        plan_zones(r, HOB, {"a": 9})
    with pytest.raises(RecipeError, match="no pot"):
        plan_zones(r, HOB, {"zz": 0})


def test_unused_pots_take_no_zone():
    r = recipe([{"text": "a", "pot": "a", "setting": {"mode": "level", "level": 2}, "duration_s": 1}],
               [{"id": "a"}, {"id": "spare"}])
    assert plan_zones(r, HOB[:1]) == {"a": 0}


def test_profiles_six_zone_range_plans_four_pots():
    infos = [zone(i, z.kind, z.diameter_mm, z.max_power_w, z.boost_power_w)
             for i, z in enumerate(load_profile("range-6").zones)]
    plan = assign_zones([Pot("w", zone="wok"), Pot("l", zone="large"), Pot("s", zone="small"), Pot("m", zone="medium")],
                        infos)
    assert len(set(plan.values())) == 4
    assert infos[plan["w"]].kind == "gas"
    assert infos[plan["s"]].diameter_mm == min(z.diameter_mm for z in infos)
