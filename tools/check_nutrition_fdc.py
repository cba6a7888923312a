#!/usr/bin/env python3
"""Re-check resources/nutrition/foods.csv against FoodData Central's API (needs the internet).

Written for a maintainer with network access and a free FDC API key (https://fdc.nal.usda.gov/);
it was NOT run when the table was built (no internet there). For every row it:

* finds the SR Legacy food: by ``fdc_id`` when the row has one, else by searching SR Legacy for
  the row's description and keeping the hit whose ``ndbNumber`` equals the row's NDB number;
* compares the eight figures per 100 g (salt from sodium x 2.5) and prints each difference
  above ``--tolerance`` (relative) and every missing FDC id it found;
* with ``--write``, fills in missing ``fdc_id`` values in the CSV (figures are never overwritten:
  a difference is for a person to judge, then to fix in tools/nutrition_foods.csv or here).

    FDC_API_KEY=... python tools/check_nutrition_fdc.py [--write]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

API = "https://api.nal.usda.gov/fdc/v1"
TABLE = Path(__file__).resolve().parent.parent / "resources" / "nutrition" / "foods.csv"
NUTRIENT_NUMBERS = {"208": "kcal", "203": "protein_g", "204": "fat_g", "606": "saturated_fat_g",
                    "205": "carbohydrate_g", "269": "sugars_g", "291": "fibre_g", "307": "sodium_mg"}


def get(path: str, key: str, **params: str) -> object:
    url = f"{API}/{path}?{urllib.parse.urlencode({**params, 'api_key': key}, doseq=True)}"
    with urllib.request.urlopen(url, timeout=30) as resp:
        return json.load(resp)


def figures(food: dict) -> dict[str, float]:
    out: dict[str, float] = {}
    for n in food.get("foodNutrients", []):
        num = str((n.get("nutrient") or {}).get("number") or n.get("nutrientNumber") or "")
        amount = n.get("amount", n.get("value"))
        if num in NUTRIENT_NUMBERS and amount is not None:
            out[NUTRIENT_NUMBERS[num]] = float(amount)
    if "sodium_mg" in out:
        out["salt_g"] = out.pop("sodium_mg") * 2.5 / 1000
    return out


def find_by_ndb(row: dict[str, str], key: str) -> dict | None:
    found = get("foods/search", key, query=row["usda_description"], dataType="SR Legacy", pageSize="25")
    for hit in found.get("foods", []):  # type: ignore[union-attr]
        if str(hit.get("ndbNumber", "")).zfill(5) == row["ndb_number"].zfill(5):
            return get(f"food/{hit['fdcId']}", key)  # type: ignore[return-value]
    return None


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--api-key", default=os.environ.get("FDC_API_KEY", ""), help="FDC API key (or FDC_API_KEY)")
    p.add_argument("--table", type=Path, default=TABLE)
    p.add_argument("--tolerance", type=float, default=0.02, help="relative difference to report (default 2 %%)")
    p.add_argument("--write", action="store_true", help="fill in missing fdc_id values")
    a = p.parse_args(argv)
    if not a.api_key:
        p.error("an FDC API key is needed: --api-key or FDC_API_KEY")
    with a.table.open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        columns, rows = reader.fieldnames, list(reader)
    differences = filled = 0
    for row in rows:
        food = get(f"food/{row['fdc_id']}", a.api_key) if row["fdc_id"] else find_by_ndb(row, a.api_key)
        time.sleep(0.1)   # stay well inside the API's rate limit
        if not food:
            print(f"{row['key']}: not found in SR Legacy (NDB {row['ndb_number']})")
            continue
        if not row["fdc_id"]:
            row["fdc_id"] = str(food["fdcId"])  # type: ignore[index]
            filled += 1
            print(f"{row['key']}: fdc_id {row['fdc_id']}")
        for name, value in figures(food).items():  # type: ignore[arg-type]
            ours = float(row[name]) if row.get(name) else None
            if ours is None or abs(ours - value) > a.tolerance * max(abs(value), 1.0):
                differences += 1
                print(f"{row['key']}: {name} table {row.get(name) or '-'} vs FDC {value:g}")
    if a.write and filled:
        with a.table.open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, columns, lineterminator="\n")  # type: ignore[arg-type]
            w.writeheader()
            w.writerows(rows)
    print(f"{len(rows)} foods checked: {differences} differences, {filled} FDC ids found", file=sys.stderr)
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
