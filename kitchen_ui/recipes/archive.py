"""The starter archive: Hearth's own recipes, shipped in ``resources/recipes`` (CC BY 4.0).

One ``hearth-recipe/1`` JSON file per recipe. A new kitchen database is filled from here, and
the tests run every one of them on the simulated stove, so each must cook to the end.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..resources import resource_path
from .model import Recipe, RecipeError

ARCHIVE_DIR = "recipes"


def archive_files() -> list[Path]:
    return sorted(resource_path(ARCHIVE_DIR).glob("*.json"))


def load_recipe_file(path: Path) -> Recipe:
    """One recipe file; RecipeError naming the file (and the field) when it is broken."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RecipeError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise RecipeError(f"{path}: not valid JSON ({exc})") from exc
    try:
        return Recipe.from_dict(data)
    except RecipeError as exc:
        raise RecipeError(f"{path}: {exc}") from exc


def starter_recipes() -> list[Recipe]:
    return [load_recipe_file(p) for p in archive_files()]
