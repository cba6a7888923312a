"""The ingredient table: USDA figures per 100 g, household weights, allergens and diet facts.

``resources/nutrition/foods.csv`` is built by ``tools/build_nutrition_table.py`` from USDA SR28 /
SR Legacy (see resources/nutrition/README.md); every row keeps its NDB number and, where known,
its FoodData Central id. :meth:`FoodTable.match` finds the food an ingredient name means:

1. the name as written, then each side of an "A or B";
2. without words that do not change the food ("fresh", "chopped", "large" ...);
3. shorter and shorter endings ("hot vegetable stock" -> "vegetable stock"), since English puts
   the food last — unless a dropped word is itself a food or a plant qualifier ("oat milk" is
   not milk), in which case the name stays unknown;
4. singular and plural forms of each.

A name that none of these finds is *unknown*: never the nearest food by guesswork.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from ..recipes.vocabulary import ALLERGENS, ORIGINS, diets_allowing
from ..resources import resource_path

NUTRIENTS = ("kcal", "protein_g", "fat_g", "saturated_fat_g", "carbohydrate_g", "sugars_g", "fibre_g", "salt_g")
TABLE_FILE = ("nutrition", "foods.csv")
FILLER_WORDS = frozenset("""
    fresh freshly chopped finely roughly thinly sliced diced minced grated crushed peeled large small medium
    big little ripe organic free-range raw hot cold warm boiling good-quality quality extra handful of
    beaten melted softened cubed halved quartered trimmed washed rinsed drained dried-out optional
    approx about whole plain
""".split())
# words that mean the same for finding a food ("tin tomatoes", "tinned tomatoes", "canned tomatoes")
_SAME_WORD = {"tin": "canned", "tins": "canned", "tinned": "canned", "can": "canned", "cans": "canned"}
# a dropped word like these changes what the rest means ("oat milk", "vegan butter")
QUALIFIERS = frozenset("""
    oat oats soy soya almond coconut rice vegan plant dairy-free gluten-free egg-free nut cashew hemp
    vegetarian meatless imitation flavoured flavored
""".split())


class NutritionDataError(Exception):
    """The ingredient table (or substitutions file) is missing or malformed; names file and line."""


@dataclass(frozen=True)
class Food:
    key: str
    name: str
    per_100g: dict[str, float | None]         # None: the USDA record has no figure for it
    fdc_id: int | None
    ndb_number: str
    usda_description: str
    g_per_ml: float | None = None
    piece_g: float | None = None
    measures: dict[str, float] = field(default_factory=dict)    # "slice" -> grams for one
    aliases: tuple[str, ...] = ()
    allergens: tuple[str, ...] = ()
    origin: str = "plant"
    note: str = ""
    source: str = ""

    @property
    def diets(self) -> frozenset[str]:
        return diets_allowing(self.origin, self.allergens)


def normalise(name: str) -> str:
    """Lower case, no accents or brackets, one space between words, typographic quotes plain."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"\([^)]*\)", " ", text.lower().replace("’", "'"))
    text = re.sub(r"[^a-z0-9' -]+", " ", text)
    return " ".join(_SAME_WORD.get(w, w) for w in text.split())


def _variants(words: list[str]) -> Iterator[str]:
    yield " ".join(words)
    last = words[-1]
    for alt in ({last[:-2], last[:-1]} if last.endswith("es") else {last[:-1]} if last.endswith("s") else {last + "s"}):
        if alt:
            yield " ".join(words[:-1] + [alt])


class FoodTable:
    def __init__(self, foods: list[Food]) -> None:
        self.foods = {f.key: f for f in foods}
        self._names: dict[str, Food] = {}
        for f in foods:
            for n in (f.key, f.name, *f.aliases):
                self._names.setdefault(normalise(n), f)

    def __len__(self) -> int:
        return len(self.foods)

    def __getitem__(self, key: str) -> Food:
        return self.foods[key]

    def _lookup(self, words: list[str]) -> Food | None:
        for v in _variants(words):
            if v in self._names:
                return self._names[v]
        return None

    def match(self, name: str) -> Food | None:
        """The food ``name`` means, or None (see the module docstring for the rules)."""
        text = normalise(name)
        if not text:
            return None
        for part in [text] + [p.strip() for p in re.split(r"\bor\b|/", text) if p.strip() and p.strip() != text]:
            words = part.split()
            found = self._lookup(words)
            if found is None:
                kept = [w for w in words if w not in FILLER_WORDS]
                found = self._lookup(kept) if kept and kept != words else None
                words = kept or words
            for i in range(1, len(words)):
                if found is not None:
                    break
                dropped = words[:i]
                if any(w in QUALIFIERS for w in dropped) or self._lookup(dropped) is not None:
                    break
                found = self._lookup(words[i:])
            if found is not None:
                return found
        return None


def _float(row: dict[str, str], key: str, where: str) -> float | None:
    text = (row.get(key) or "").strip()
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise NutritionDataError(f"{where}: {key}: not a number: {text!r}") from None


def parse_table(text: str, where: str = "foods.csv") -> FoodTable:
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in ("key", "fdc_id", "ndb_number", *NUTRIENTS) if c not in (reader.fieldnames or [])]
    if missing:
        raise NutritionDataError(f"{where}: missing columns: {', '.join(missing)}")
    foods = []
    for i, row in enumerate(reader, start=2):
        at = f"{where} line {i}"
        key = (row.get("key") or "").strip()
        if not key:
            raise NutritionDataError(f"{at}: key: empty")
        allergens = tuple(a for a in (row.get("allergens") or "").split("|") if a)
        bad = [a for a in allergens if a not in ALLERGENS]
        if bad:
            raise NutritionDataError(f"{at} ({key}): unknown allergen {', '.join(bad)}")
        origin = (row.get("origin") or "plant").strip()
        if origin not in ORIGINS:
            raise NutritionDataError(f"{at} ({key}): origin must be one of {', '.join(ORIGINS)}, not {origin!r}")
        measures = {}
        for item in filter(None, (row.get("measures") or "").split(";")):
            unit, _, grams = item.partition("=")
            try:
                measures[unit.strip()] = float(grams)
            except ValueError:
                raise NutritionDataError(f"{at} ({key}): measures: cannot read {item!r}") from None
        fdc = _float(row, "fdc_id", at)
        foods.append(Food(
            key=key, name=(row.get("name") or key).strip(),
            per_100g={n: _float(row, n, at) for n in NUTRIENTS}, fdc_id=None if fdc is None else int(fdc),
            ndb_number=(row.get("ndb_number") or "").strip(), usda_description=row.get("usda_description", ""),
            g_per_ml=_float(row, "g_per_ml", at), piece_g=_float(row, "piece_g", at), measures=measures,
            aliases=tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()),
            allergens=allergens, origin=origin, note=row.get("note", ""), source=row.get("source", "")))
    return FoodTable(foods)


def load_table(path: str | Path | None = None) -> FoodTable:
    """The shipped table (cached) or one from ``path``; NutritionDataError if unreadable."""
    if path is None:
        return _shipped()
    return _read(Path(path))


def _read(p: Path) -> FoodTable:
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise NutritionDataError(f"cannot read the ingredient table {p}: {exc}") from None
    return parse_table(text, str(p))


@lru_cache(maxsize=1)
def _shipped() -> FoodTable:
    return _read(resource_path(*TABLE_FILE))
