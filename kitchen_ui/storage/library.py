"""The recipe library and the session history as one object a view can bind to (no Qt).

The recipe library view and the history view get a :class:`KitchenLibrary`: queries return
plain values (:class:`~.recipes_store.RecipeSummary`, :class:`~kitchen_ui.recipes.model.Recipe`,
:class:`~.sessions.SessionInfo`, :class:`~.sessions.SessionData` with numpy arrays), and the
psygnal signal ``recipes_changed`` fires after every change, so a list view reloads. The
``recipes import`` command uses the same :meth:`KitchenLibrary.add` rule: a recipe that is
already there is not added twice, and a different recipe never silently replaces one with the
same slug (it gets ``-2``) unless ``replace=True``.

Use it from one thread (the GUI's); the session recorder writes through its own connection.
"""

from __future__ import annotations

from dataclasses import dataclass, replace as dc_replace

from psygnal import Signal

from ..recipes.model import Recipe
from .database import KitchenDB
from .recipes_store import RecipeNotFound, RecipeSummary, delete_recipe, list_recipes, load_recipe, resolve_id, save_recipe
from .sessions import SessionData, SessionInfo, list_sessions, load_session


@dataclass(frozen=True)
class Added:
    id: int
    recipe: Recipe
    how: str            # "added", "renamed" (slug taken: saved as slug-N), "replaced", "unchanged"


class KitchenLibrary:
    recipes_changed = Signal()

    def __init__(self, kdb: KitchenDB) -> None:
        self.kdb = kdb

    # -- recipes ------------------------------------------------------------------------------
    def recipes(self, tag: str | None = None, text: str | None = None) -> list[RecipeSummary]:
        """Recipes by title; ``tag`` as in ``recipes list --tag``, ``text`` found in the title."""
        items = list_recipes(self.kdb, tag)
        if text:
            needle = text.casefold()
            items = [r for r in items if needle in r.title.casefold()]
        return items

    def tags(self) -> dict[str, list[str]]:
        """Every tag in use, by kind (filter chips for the library view)."""
        out: dict[str, list[str]] = {}
        for kind, value in self.kdb.conn.execute("SELECT DISTINCT kind, value FROM tags ORDER BY kind, value"):
            out.setdefault(kind, []).append(value)
        return out

    def recipe(self, key: str | int) -> Recipe:
        return load_recipe(self.kdb, key)

    def add(self, recipe: Recipe, *, replace: bool = False) -> Added:
        """Save a recipe under its slug (see the module's rule); emits ``recipes_changed``."""
        try:
            existing = resolve_id(self.kdb, recipe.slug)
        except RecipeNotFound:
            existing = None
        how = "added"
        if existing is not None:
            if load_recipe(self.kdb, existing) == recipe:
                return Added(existing, recipe, "unchanged")
            if replace:
                how = "replaced"
            else:
                n = 2
                while self._slug_taken(f"{recipe.slug}-{n}"):
                    n += 1
                recipe, how = dc_replace(recipe, slug=f"{recipe.slug}-{n}"), "renamed"
        rid = save_recipe(self.kdb, recipe)
        self.recipes_changed.emit()
        return Added(rid, recipe, how)

    def _slug_taken(self, slug: str) -> bool:
        return self.kdb.conn.execute("SELECT 1 FROM recipes WHERE slug = ?", (slug,)).fetchone() is not None

    def delete(self, key: str | int) -> None:
        delete_recipe(self.kdb, key)
        self.recipes_changed.emit()

    # -- sessions -----------------------------------------------------------------------------
    def sessions(self) -> list[SessionInfo]:
        return list_sessions(self.kdb)

    def session(self, session_id: int) -> SessionData:
        return load_session(self.kdb, session_id)
