"""Household profiles' rows (the ``profiles`` table): a name, its allergies and diets.

Only the SQL lives here. Checking names and ids, and telling views that profiles changed, is
:class:`kitchen_ui.diet.profiles.ProfileStore`'s job. Names match regardless of case (the
column's ``COLLATE NOCASE``); allergies and diets are kept as JSON lists of ids.
"""

from __future__ import annotations

import json
from typing import Iterable

from .database import KitchenDB

ProfileRow = tuple[str, tuple[str, ...], tuple[str, ...]]      # name, allergies, diets


def _row(r: tuple[str, str, str]) -> ProfileRow:
    return r[0], tuple(json.loads(r[1])), tuple(json.loads(r[2]))


def profile_rows(kdb: KitchenDB) -> list[ProfileRow]:
    """Every profile, by name regardless of case."""
    rows = kdb.conn.execute("SELECT name, allergies, diets FROM profiles ORDER BY name COLLATE NOCASE")
    return [_row(r) for r in rows]


def profile_row(kdb: KitchenDB, name: str) -> ProfileRow | None:
    r = kdb.conn.execute("SELECT name, allergies, diets FROM profiles WHERE name = ?", (name,)).fetchone()
    return None if r is None else _row(r)


def save_profile_row(kdb: KitchenDB, name: str, allergies: Iterable[str], diets: Iterable[str], now: str) -> None:
    """Add the profile, or replace the one with that name (its spelling too) keeping its creation."""
    with kdb.conn:
        kdb.conn.execute(
            "INSERT INTO profiles (name, allergies, diets, created_at, updated_at) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (name) DO UPDATE SET name = excluded.name, allergies = excluded.allergies, "
            "diets = excluded.diets, updated_at = excluded.updated_at",
            (name, json.dumps(list(allergies)), json.dumps(list(diets)), now, now))


def delete_profile_row(kdb: KitchenDB, name: str) -> None:
    with kdb.conn:
        kdb.conn.execute("DELETE FROM profiles WHERE name = ?", (name,))
