"""The author's word on a recipe's allergens and diets (the ``dietary`` object of a recipe file).

Hearth infers allergens and diets from the ingredients (:mod:`kitchen_ui.diet.inference`); an
author who knows better writes, for example::

    "dietary": {"allergens": ["milk", "sulphites"], "diets": ["vegetarian"]}

Each list, when present, replaces what the ingredients imply (an empty list says "none");
a key left out leaves that part to the ingredients. Ids are checked against
:mod:`kitchen_ui.recipes.vocabulary`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .vocabulary import DietError, parse_allergens, parse_diets
from .fields import as_object, field_error


@dataclass(frozen=True)
class Dietary:
    allergens: tuple[str, ...] | None = None
    diets: tuple[str, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {}
        if self.allergens is not None:
            d["allergens"] = list(self.allergens)
        if self.diets is not None:
            d["diets"] = list(self.diets)
        return d

    @classmethod
    def from_dict(cls, d: Any, path: str = "dietary") -> "Dietary":
        d = as_object(d, path)
        unknown = sorted(set(d) - {"allergens", "diets"})
        if unknown:
            raise field_error(f"{path}.{unknown[0]}", "unknown key (use 'allergens' and 'diets')")
        out: dict[str, tuple[str, ...] | None] = {}
        for key, parse in (("allergens", parse_allergens), ("diets", parse_diets)):
            v = d.get(key)
            if v is None:
                out[key] = None
                continue
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                raise field_error(f"{path}.{key}", "must be a list of ids")
            try:
                out[key] = parse(v, f"{path}.{key}")
            except DietError as exc:
                raise field_error("", str(exc)) from None
        return cls(allergens=out["allergens"], diets=out["diets"])
