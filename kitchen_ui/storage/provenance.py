"""Where an imported recipe came from: the community share it was taken from (schema version 6).

A recipe imported from the community archive keeps who shared it, from which kitchen, under
which licence, when, and through which broker, so ``recipes show`` and the recipe view can say
so. The share's uid is unique here: the same share is never imported twice.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any

from ..recipes.model import Recipe
from .database import KitchenDB
from .library import KitchenLibrary


@dataclass(frozen=True)
class Provenance:
    uid: str
    author: str
    licence: str
    kitchen: str
    shared_at: str
    broker: str
    imported_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def describe(self) -> str:
        return (f"Shared by {self.author} from the kitchen '{self.kitchen}' on {self.shared_at} "
                f"(licence {self.licence}); imported from {self.broker} on {self.imported_at} (share {self.uid})")


@dataclass(frozen=True)
class Imported:
    id: int
    title: str
    how: str          # "imported", "renamed" (slug taken: saved as slug-N), "already" (this share), "identical"


def provenance_of(kdb: KitchenDB, recipe_id: int) -> Provenance | None:
    row = kdb.conn.execute("SELECT uid, author, licence, kitchen, shared_at, broker, imported_at "
                           "FROM recipe_provenance WHERE recipe_id = ?", (recipe_id,)).fetchone()
    return None if row is None else Provenance(*row)


def recipe_for_share(kdb: KitchenDB, uid: str) -> int | None:
    """The id of the recipe imported from share ``uid``, if it was."""
    row = kdb.conn.execute("SELECT recipe_id FROM recipe_provenance WHERE uid = ?", (uid,)).fetchone()
    return None if row is None else int(row[0])


def import_with_provenance(library: KitchenLibrary, recipe: Recipe, where: Provenance) -> Imported:
    """Add a shared recipe with where it came from; a share already imported is not added again,
    nor is a recipe the library already has word for word (it is the kitchen's own, not theirs)."""
    kdb = library.kdb
    known = recipe_for_share(kdb, where.uid)
    if known is not None:
        return Imported(known, library.recipe(known).title, "already")
    added = library.add(recipe)
    if added.how == "unchanged":
        return Imported(added.id, added.recipe.title, "identical")
    stamp = where.imported_at or datetime.now(timezone.utc).isoformat(timespec="seconds")
    try:
        with kdb.conn:
            kdb.conn.execute("INSERT INTO recipe_provenance VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             (added.id, where.uid, where.author, where.licence, where.kitchen, where.shared_at,
                              where.broker, stamp))
    except BaseException:
        library.delete(added.id)       # a recipe without its provenance is not what was asked for
        raise
    return Imported(added.id, added.recipe.title, "renamed" if added.how == "renamed" else "imported")
