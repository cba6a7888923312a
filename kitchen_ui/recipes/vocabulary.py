"""The words of dietary needs: the 14 allergens of EU law and the diets Hearth understands.

Allergen ids are exactly those of Regulation (EU) No 1169/2011, Annex II, in Hearth's spelling;
they are what profiles, recipe files, the ingredient table and ``--exclude-allergens`` use. A diet
follows from where each ingredient comes from (its ``origin`` in the ingredient table) and from
its allergens: vegan is plant only, gluten-free is no ``gluten`` and so on (:func:`diets_allowing`).
No Qt, no I/O.
"""

from __future__ import annotations

from typing import Iterable

ALLERGENS: dict[str, str] = {
    "celery": "celery",
    "gluten": "cereals containing gluten",
    "crustaceans": "crustaceans",
    "eggs": "eggs",
    "fish": "fish",
    "lupin": "lupin",
    "milk": "milk",
    "molluscs": "molluscs",
    "mustard": "mustard",
    "tree-nuts": "tree nuts",
    "peanuts": "peanuts",
    "sesame": "sesame",
    "soya": "soya",
    "sulphites": "sulphur dioxide and sulphites",
}

DIETS: dict[str, str] = {
    "vegetarian": "no meat, poultry, fish or shellfish",
    "vegan": "nothing from animals (no dairy, eggs or honey either)",
    "pescatarian": "no meat or poultry; fish is fine",
    "gluten-free": "no cereals containing gluten",
    "dairy-free": "no milk or anything made from it",
}

# where an ingredient comes from, as the ingredient table says (column "origin")
ORIGINS = ("plant", "dairy", "egg", "honey", "meat", "fish", "shellfish")
_NOT_VEGETARIAN = {"meat", "fish", "shellfish"}


class DietError(ValueError):
    """An unknown allergen or diet id, or a malformed list; the message names it and the choices."""


def _split(text: str | Iterable[str]) -> list[str]:
    items = text.split(",") if isinstance(text, str) else list(text)
    return [str(x).strip().lower() for x in items if str(x).strip()]


def parse_allergens(text: str | Iterable[str], what: str = "allergens") -> tuple[str, ...]:
    """``"milk, eggs"`` -> ``("eggs", "milk")``; DietError names any unknown id and lists the known."""
    ids = _split(text)
    unknown = [a for a in ids if a not in ALLERGENS]
    if unknown:
        raise DietError(f"{what}: unknown allergen {', '.join(repr(u) for u in unknown)}; "
                        f"known: {', '.join(ALLERGENS)}")
    return tuple(sorted(set(ids)))


def parse_diets(text: str | Iterable[str], what: str = "diets") -> tuple[str, ...]:
    ids = _split(text)
    unknown = [d for d in ids if d not in DIETS]
    if unknown:
        raise DietError(f"{what}: unknown diet {', '.join(repr(u) for u in unknown)}; known: {', '.join(DIETS)}")
    return tuple(sorted(set(ids)))


def diets_allowing(origin: str, allergens: Iterable[str]) -> frozenset[str]:
    """The diets a single food fits, from its origin and its allergens."""
    allergens = set(allergens)
    out = set()
    if origin not in _NOT_VEGETARIAN:
        out.add("vegetarian")
    if origin == "plant":
        out.add("vegan")
    if origin not in ("meat",):
        out.add("pescatarian")
    if "gluten" not in allergens:
        out.add("gluten-free")
    if "milk" not in allergens and origin != "dairy":
        out.add("dairy-free")
    return frozenset(out)
