"""Recipes in the kitchen database: save, find, list and load them whole.

A recipe is kept in parts (recipes, ingredients, tags, stories, pots, steps) and rebuilt into
exactly the :class:`~kitchen_ui.recipes.model.Recipe` that was saved, so export after import
loses nothing. Saving a recipe whose slug exists replaces it (same id).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from ..recipes.dietary import Dietary
from ..recipes.model import Alert, Ingredient, Pot, Recipe, Setting, Step, Story, Vessel, validate
from .database import KitchenDB


class RecipeNotFound(LookupError):
    """No recipe with that id or slug; the message says which were asked for."""


@dataclass(frozen=True)
class RecipeSummary:
    id: int
    slug: str
    title: str
    servings: int
    total_time_s: float | None
    tags: tuple[tuple[str, str], ...]
    steps: int
    stove_steps: int

    def to_dict(self) -> dict[str, Any]:
        tags: dict[str, list[str]] = {}
        for k, v in self.tags:
            tags.setdefault(k, []).append(v)
        return {"id": self.id, "slug": self.slug, "title": self.title, "servings": self.servings,
                "total_time_s": self.total_time_s, "tags": tags, "steps": self.steps, "stove_steps": self.stove_steps}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _json(v: Any) -> str | None:
    return None if v is None else json.dumps(v, ensure_ascii=False, separators=(",", ":"))


def save_recipe(kdb: KitchenDB, recipe: Recipe) -> int:
    """Store ``recipe`` (replacing one with the same slug) in one transaction; returns its id."""
    validate(recipe)
    conn = kdb.conn
    now = _now()
    with conn:
        row = conn.execute("SELECT id, created_at FROM recipes WHERE slug = ?", (recipe.slug,)).fetchone()
        fields = (recipe.slug, recipe.title, recipe.servings, recipe.description, recipe.total_time_s,
                  recipe.active_time_s, recipe.source, recipe.licence)
        if row is None:
            cur = conn.execute(
                "INSERT INTO recipes (slug, title, servings, description, total_time_s, active_time_s, source, "
                "licence, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", fields + (now, now))
            rid = int(cur.lastrowid)
        else:
            rid = int(row[0])
            conn.execute(
                "UPDATE recipes SET slug = ?, title = ?, servings = ?, description = ?, total_time_s = ?, "
                "active_time_s = ?, source = ?, licence = ?, updated_at = ? WHERE id = ?", fields + (now, rid))
            for table in ("ingredients", "tags", "stories", "pots", "steps", "recipe_dietary"):
                conn.execute(f"DELETE FROM {table} WHERE recipe_id = ?", (rid,))
        conn.executemany("INSERT INTO ingredients VALUES (?, ?, ?, ?, ?, ?)",
                         [(rid, i, x.quantity, x.unit, x.name, x.note) for i, x in enumerate(recipe.ingredients)])
        conn.executemany("INSERT INTO tags VALUES (?, ?, ?, ?)",
                         [(rid, i, k, v) for i, (k, v) in enumerate(recipe.tags)])
        conn.execute("INSERT INTO stories VALUES (?, ?, ?, ?)",
                     (rid, recipe.story.text, recipe.story.origin, recipe.story.cook))
        conn.executemany("INSERT INTO pots VALUES (?, ?, ?, ?, ?, ?)",
                         [(rid, i, p.id, p.label, p.zone, _json(p.vessel and p.vessel.to_dict()))
                          for i, p in enumerate(recipe.pots)])
        conn.executemany(
            "INSERT INTO steps VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(rid, i, s.id, s.text, s.pot, _json(s.setting and s.setting.to_dict()), s.duration_s, s.start,
              s.on_end, _json(None if s.after is None else list(s.after)), _json([a.to_dict() for a in s.alerts]))
             for i, s in enumerate(recipe.steps)])
        if recipe.dietary is not None:
            dt = recipe.dietary
            conn.execute("INSERT INTO recipe_dietary VALUES (?, ?, ?)",
                         (rid, _json(None if dt.allergens is None else list(dt.allergens)),
                          _json(None if dt.diets is None else list(dt.diets))))
    return rid


def resolve_id(kdb: KitchenDB, key: str | int) -> int:
    """A recipe's id from its number or its slug; RecipeNotFound otherwise."""
    text = str(key).strip()
    if text.isascii() and text.isdigit():
        # past SQLite's 64-bit integers there is no such recipe (and sqlite3 would raise OverflowError)
        rid = int(text)
        row = kdb.conn.execute("SELECT id FROM recipes WHERE id = ?", (rid,)).fetchone() if rid < 2**63 else None
    else:
        row = kdb.conn.execute("SELECT id FROM recipes WHERE slug = ?", (text,)).fetchone()
    if row is None:
        raise RecipeNotFound(f"no recipe {text!r} in {kdb.path} (see 'kitchen-ui recipes list')")
    return int(row[0])


def load_recipe(kdb: KitchenDB, key: str | int) -> Recipe:
    rid = resolve_id(kdb, key)
    db = kdb.db
    r = next(db["recipes"].rows_where("id = ?", [rid]))
    ingredients = tuple(Ingredient(name=x["name"], quantity=x["quantity"], unit=x["unit"], note=x["note"])
                        for x in db["ingredients"].rows_where("recipe_id = ?", [rid], order_by="position"))
    tags = tuple((x["kind"], x["value"]) for x in db["tags"].rows_where("recipe_id = ?", [rid], order_by="position"))
    st = next(db["stories"].rows_where("recipe_id = ?", [rid]), None)
    story = Story(st["text"], st["origin"], st["cook"]) if st else Story()
    pots = tuple(Pot(id=x["pot_id"], label=x["label"], zone=x["zone_role"],
                     vessel=None if x["vessel"] is None else Vessel.from_dict(json.loads(x["vessel"]), "vessel"))
                 for x in db["pots"].rows_where("recipe_id = ?", [rid], order_by="position"))
    steps = []
    for x in db["steps"].rows_where("recipe_id = ?", [rid], order_by="position"):
        after = None if x["after"] is None else tuple(json.loads(x["after"]))
        steps.append(Step(
            id=x["step_id"], text=x["text"], pot=x["pot_id"],
            setting=None if x["setting"] is None else Setting.from_dict(json.loads(x["setting"]), "setting"),
            duration_s=x["duration_s"], start=x["start"], on_end=x["on_end"], after=after,
            alerts=tuple(Alert.from_dict(a, "alert") for a in json.loads(x["alerts"]))))
    dt = kdb.conn.execute("SELECT allergens, diets FROM recipe_dietary WHERE recipe_id = ?", (rid,)).fetchone()
    dietary = None if dt is None else Dietary(
        allergens=None if dt[0] is None else tuple(json.loads(dt[0])),
        diets=None if dt[1] is None else tuple(json.loads(dt[1])))
    return Recipe(title=r["title"], servings=r["servings"], slug=r["slug"], description=r["description"],
                  ingredients=ingredients, tags=tags, total_time_s=r["total_time_s"],
                  active_time_s=r["active_time_s"], story=story, source=r["source"], licence=r["licence"],
                  pots=pots, steps=tuple(steps), dietary=dietary)


def list_recipes(kdb: KitchenDB, tag: str | None = None) -> list[RecipeSummary]:
    """All recipes by title; ``tag`` keeps those with that tag (``"italian"`` or ``"cuisine:italian"``)."""
    sql = ("SELECT r.id, r.slug, r.title, r.servings, r.total_time_s, "
           "(SELECT COUNT(*) FROM steps s WHERE s.recipe_id = r.id), "
           "(SELECT COUNT(*) FROM steps s WHERE s.recipe_id = r.id AND s.setting IS NOT NULL) FROM recipes r")
    args: list[Any] = []
    if tag:
        kind, _, value = tag.lower().rpartition(":")
        sql += " WHERE r.id IN (SELECT recipe_id FROM tags WHERE value = ?" + (" AND kind = ?)" if kind else ")")
        args = [value.strip()] + ([kind.strip()] if kind else [])
    sql += " ORDER BY r.title COLLATE NOCASE"
    rows = kdb.conn.execute(sql, args).fetchall()
    tags: dict[int, list[tuple[str, str]]] = {}
    for rid, kind, value in kdb.conn.execute("SELECT recipe_id, kind, value FROM tags ORDER BY recipe_id, position"):
        tags.setdefault(rid, []).append((kind, value))
    return [RecipeSummary(id=r[0], slug=r[1], title=r[2], servings=r[3], total_time_s=r[4],
                          tags=tuple(tags.get(r[0], ())), steps=r[5], stove_steps=r[6]) for r in rows]


def delete_recipe(kdb: KitchenDB, key: str | int) -> None:
    rid = resolve_id(kdb, key)
    with kdb.conn:
        kdb.conn.execute("DELETE FROM recipes WHERE id = ?", (rid,))
