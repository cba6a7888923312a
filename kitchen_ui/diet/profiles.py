"""Household profiles (who eats: name, allergies, diets), kept in the kitchen database.

:class:`ProfileStore` is what the CLI and the views use; its psygnal signal
``profiles_changed`` fires after every change so a profile list reloads. Names are unique
regardless of case ("Ana" and "ana" are one person). Unknown allergen or diet ids raise
:class:`~kitchen_ui.recipes.vocabulary.DietError` and nothing is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Iterable

from psygnal import Signal

from ..recipes.vocabulary import DietError, parse_allergens, parse_diets
from ..storage.database import KitchenDB
from ..storage.profiles import delete_profile_row, profile_row, profile_rows, save_profile_row

MAX_NAME = 60


class ProfileNotFound(LookupError):
    """No profile with that name; the message lists the profiles there are."""


@dataclass(frozen=True)
class Profile:
    name: str
    allergies: tuple[str, ...] = ()
    diets: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "allergies": list(self.allergies), "diets": list(self.diets)}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def check_name(name: str) -> str:
    name = " ".join(str(name).split())
    if not name:
        raise DietError("profile name: must not be empty")
    if len(name) > MAX_NAME or "," in name:
        raise DietError(f"profile name: {name!r} must be at most {MAX_NAME} characters, without commas")
    return name


class ProfileStore:
    profiles_changed = Signal()

    def __init__(self, kdb: KitchenDB) -> None:
        self.kdb = kdb

    def list(self) -> list[Profile]:
        return [Profile(*row) for row in profile_rows(self.kdb)]

    def get(self, name: str) -> Profile:
        row = profile_row(self.kdb, " ".join(str(name).split()))
        if row is None:
            known = ", ".join(p.name for p in self.list()) or "none yet"
            raise ProfileNotFound(f"no profile {name!r} (profiles: {known}; add one with 'kitchen-ui profiles add')")
        return Profile(*row)

    def get_many(self, names: Iterable[str]) -> list[Profile]:
        return [self.get(n) for n in names]

    def save(self, name: str, allergies: Iterable[str] | str = (), diets: Iterable[str] | str = ()) -> Profile:
        """Add a profile or replace the one with that name (case-insensitive)."""
        p = Profile(check_name(name), parse_allergens(allergies, "allergies"), parse_diets(diets))
        save_profile_row(self.kdb, p.name, p.allergies, p.diets, _now())
        self.profiles_changed.emit()
        return p

    def exists(self, name: str) -> bool:
        return profile_row(self.kdb, " ".join(str(name).split())) is not None

    def remove(self, name: str) -> None:
        delete_profile_row(self.kdb, self.get(name).name)
        self.profiles_changed.emit()
