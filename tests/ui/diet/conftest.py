"""The kitchen with its diet and energy views, on the real simulated stove (manual clock) and a
temporary kitchen database; recipes and profiles made for each test."""

from __future__ import annotations

import pytest

from kitchen_ui.recipes.model import Recipe
from kitchen_ui.storage.database import open_db

from ..recipes.conftest import make_kitchen


def peanut_noodles(*, saffron: bool = False, slug: str = "peanut-noodles") -> Recipe:
    """A pot of water that boils (so the simulator finds a lid tip), and peanuts in the dish."""
    ingredients = [{"name": "rice noodles", "quantity": 200, "unit": "g"},
                   {"name": "peanuts", "quantity": 60, "unit": "g"},
                   {"name": "lime juice", "quantity": 2, "unit": "tbsp"}]
    if saffron:
        ingredients.append({"name": "saffron", "quantity": 1, "unit": "pinch"})
    return Recipe.from_dict({
        "title": "Peanut noodles", "slug": slug, "servings": 2, "ingredients": ingredients,
        "pots": [{"id": "pot", "label": "Pot of water", "zone": "large",
                  "vessel": {"material": "steel", "mass_kg": 1.0, "contents": "water", "contents_kg": 1.0}}],
        "steps": [{"id": "boil", "text": "Bring the water to the boil", "pot": "pot",
                   "setting": {"mode": "boost", "temp_c": 98}, "start": "target"},
                  {"id": "cook", "text": "Cook the noodles", "pot": "pot", "setting": {"mode": "level", "level": 9},
                   "duration_s": 300, "on_end": "off"}]})


@pytest.fixture
def kdb(tmp_path):
    kdb = open_db(tmp_path / "kitchen.sqlite3")
    yield kdb
    kdb.close()


@pytest.fixture
def kitchen(qtbot, sim_stove, kdb):
    k = make_kitchen(qtbot, sim_stove, kdb)
    yield k
    k.close()
    k.model.close()
