"""Stove profiles: the shipped data files, --zones N, and clear errors for broken files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kitchen_ui.connect import open_simulated
from kitchen_ui.core.clock import ManualClock
from kitchen_ui.sim.profiles import (
    ProfileError, default_profile_name, load_profile, profile_names, profile_with_zones,
)
from kitchen_ui.sim.stove import SimulatedStove

GOOD_ZONE = {"name": "front", "kind": "induction", "diameter_mm": 210, "max_power_w": 2300,
             "boost_power_w": 3700, "pan": {"material": "steel", "mass_kg": 1.2,
                                            "contents": {"kind": "water", "mass_kg": 1.0}}}


def kinds(profile) -> list[str]:
    return [z.kind for z in profile.zones]


def test_the_shipped_profiles():
    assert set(profile_names()) >= {"hybrid-4", "induction-4", "range-6"}
    assert default_profile_name() == "hybrid-4"
    assert sorted(kinds(load_profile("hybrid-4"))) == ["gas", "induction", "induction", "radiant"]
    assert kinds(load_profile("induction-4")) == ["induction"] * 4
    assert len(load_profile("range-6").zones) == 6


@pytest.mark.parametrize("name", ["hybrid-4", "induction-4", "range-6"])
def test_every_shipped_profile_runs_an_hour_with_all_zones_on(name):
    clock = ManualClock()
    stove = SimulatedStove(load_profile(name), clock)
    for i in range(len(stove.zones)):
        stove.set_level(i, 4)
    clock.advance(3600)
    stove.update()
    assert all(z.temp_c is not None and 20 <= z.temp_c <= 300 for z in stove.snapshot().zones)


@pytest.mark.parametrize("n", range(1, 7))
def test_zones_n_gives_n_zones(n):
    p = profile_with_zones(n)
    assert len(p.zones) == n and kinds(p) == kinds(load_profile("range-6"))[:n]
    stove = open_simulated(zones=n, threaded=False, clock=ManualClock())
    stove.start()
    assert len(stove.info.zones) == n
    stove.stop()


@pytest.mark.parametrize("n", [0, 7, -1, True, 2.5])
def test_zones_out_of_range_is_refused(n):
    with pytest.raises(ProfileError, match="--zones"):
        profile_with_zones(n)


def test_profile_by_name_through_connect():
    stove = open_simulated(profile="induction-4", threaded=False, clock=ManualClock())
    stove.start()
    assert [z.kind for z in stove.info.zones] == ["induction"] * 4
    stove.stop()


def test_an_unknown_profile_name_lists_the_known_ones():
    with pytest.raises(ProfileError, match="no stove profile named 'nope'.*hybrid-4"):
        load_profile("nope")


def write(tmp_path: Path, data, name: str = "mine.json") -> Path:
    f = tmp_path / name
    f.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return f


def test_a_profile_file_of_ones_own_loads_and_runs(tmp_path):
    f = write(tmp_path, {"name": "mine", "model": "My hob", "zones": [GOOD_ZONE, dict(GOOD_ZONE, kind="gas",
                                                                                  boost_power_w=None)]})
    p = load_profile(f)
    assert p.name == "mine" and kinds(p) == ["induction", "gas"]
    assert load_profile(str(f)).zones == p.zones
    stove = SimulatedStove(p, ManualClock())
    assert stove.zone_snapshot(0).temp_c == 20


@pytest.mark.parametrize("content,field", [
    ("{not json", "not valid JSON: .*line 1"),
    ("[1, 2]", "JSON object"),
    ({"zones": []}, "zones: must be a list of 1 to 6"),
    ({"zones": [GOOD_ZONE] * 7}, "zones: must be a list of 1 to 6"),
    ({"model": 5, "zones": [GOOD_ZONE]}, "model: must be text"),
    ({"default": "yes", "zones": [GOOD_ZONE]}, "default: must be true or false"),
    ({"zones": ["front"]}, r"zones\[0\]: must be an object"),
    ({"zones": [GOOD_ZONE, {k: v for k, v in GOOD_ZONE.items() if k != "kind"}]}, r"zones\[1\]\.kind: missing"),
    ({"zones": [dict(GOOD_ZONE, kind="plasma")]}, r"zones\[0\]\.kind: must be one of induction, radiant, gas"),
    ({"zones": [dict(GOOD_ZONE, max_power_w="lots")]}, r"zones\[0\]\.max_power_w: must be a number"),
    ({"zones": [dict(GOOD_ZONE, max_power_w=True)]}, r"zones\[0\]\.max_power_w"),
    ({"zones": [dict(GOOD_ZONE, diameter_mm=5)]}, r"zones\[0\]\.diameter_mm"),
    ({"zones": [dict(GOOD_ZONE, boost_power_w=1000)]}, r"zones\[0\]\.boost_power_w: .*above max_power_w"),
    ({"zones": [dict(GOOD_ZONE, name="")]}, r"zones\[0\]\.name"),
    ({"zones": [dict(GOOD_ZONE, role="large")]}, r"zones\[0\]\.role: must be a list"),
    ({"zones": [dict(GOOD_ZONE, min_target_c=200, max_target_c=100)]}, r"zones\[0\]\.max_target_c"),
    ({"zones": [dict(GOOD_ZONE, pan={"material": "glass", "mass_kg": 1})]}, r"zones\[0\]\.pan\.material"),
    ({"zones": [dict(GOOD_ZONE, pan={"material": "steel", "mass_kg": 1, "contents": {"kind": "soup"}})]},
     r"zones\[0\]\.pan\.contents\.kind"),
    ({"zones": [dict(GOOD_ZONE, pan={"material": "steel", "mass_kg": -1})]}, r"zones\[0\]\.pan\.mass_kg"),
])
def test_a_broken_profile_names_the_file_and_the_field(tmp_path, content, field):
    f = write(tmp_path, content)
    with pytest.raises(ProfileError) as info:
        load_profile(f)
    assert str(f) in str(info.value)
    assert info.match(field)


def test_an_unreadable_profile_is_named(tmp_path):
    f = tmp_path / "latin.json"
    f.write_bytes(b'{"name": "caf\xe9"}')
    with pytest.raises(ProfileError, match="latin.json.*not UTF-8"):
        load_profile(f)
    with pytest.raises(ProfileError, match="cannot read stove profile .*missing.json"):
        load_profile(tmp_path / "missing.json")
