"""A recipe as Hearth cooks it: ingredients and a story for the cook, pots and steps for the stove.

How a recipe says what runs side by side: it names its **pots** (``"pasta"``, ``"sauce"``), each
on a zone *role* (``"large"``, ``"small"``, ``"wok"`` …, resolved per stove by
:mod:`kitchen_ui.recipes.zones`). Every step may use one pot. A step starts when the steps in its
``after`` list have ended; without ``after`` it follows the step before it in the list, and
``"after": []`` starts it with the recipe. So "boil the pasta while the sauce simmers" is a pasta
step whose ``after`` names the step that started the sauce simmering.

A step's life: it becomes *active* when its ``after`` steps are done; its ``start`` says when its
timer runs — ``now``, when the pot's zone reaches ``setting.temp_c`` (``target``), or when the cook
says so (``confirm``; the zone is set only then). When its ``duration_s`` has run (or at once
without a duration, or once the target is reached for a ``target`` start), ``on_end`` says what
happens: ``continue`` (the zone keeps its setting), ``keep_warm``, ``off``, or ``wait`` for the cook.
Without ``on_end``, an untimed ``now`` step waits for the cook (it is the cook's work, "chop the
onions"); every other step continues.

The JSON form (``to_dict``/``from_dict``) is the project's own recipe format, ``hearth-recipe/1``.
Every problem is reported as a :class:`RecipeError` whose message names the field.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from .dietary import Dietary
from .fields import (  # noqa: F401 - RecipeError, parse_duration and slugify are part of this module's API
    RecipeError, as_choice, as_number, as_object, as_text, field_error, parse_duration, slugify,
)

FORMAT = "hearth-recipe/1"
LICENCE = "CC BY 4.0"
ROLES = ("any", "large", "medium", "small", "wok")
TAG_KINDS = ("cuisine", "course", "diet", "other")
STARTS = ("now", "target", "confirm")
ON_END = ("continue", "keep_warm", "off", "wait")
MODES = ("level", "boost", "target", "off")
MATERIALS = ("steel", "cast_iron", "aluminium", "copper")
CONTENTS = ("water", "oil", "none")
MIN_TEMP_C, MAX_TEMP_C = 30.0, 250.0
KEEP_WARM_C = 65.0


# -- the parts -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Ingredient:
    name: str
    quantity: float | None = None
    unit: str = ""
    note: str = ""

    def scaled(self, factor: float) -> "Ingredient":
        if self.quantity is None or factor == 1:
            return self
        return replace(self, quantity=round(self.quantity * factor, 3))

    def to_dict(self) -> dict[str, Any]:
        return {"quantity": self.quantity, "unit": self.unit, "name": self.name, "note": self.note}

    @classmethod
    def from_dict(cls, d: Any, path: str) -> "Ingredient":
        d = as_object(d, path)
        q = d.get("quantity")
        return cls(name=as_text(d.get("name"), f"{path}.name", required=True),
                   quantity=None if q is None else as_number(q, f"{path}.quantity", 0, 1e6),
                   unit=as_text(d.get("unit"), f"{path}.unit"), note=as_text(d.get("note"), f"{path}.note"))


@dataclass(frozen=True)
class Vessel:
    """What stands on the zone; the cook reads it, ``recipes try`` puts it on a simulated zone."""

    material: str = "steel"
    mass_kg: float = 1.2
    contents: str = "none"
    contents_kg: float = 0.0

    def pan_params(self) -> dict[str, Any]:
        """The ``sim.set_pan`` ``pan`` parameter for this vessel."""
        return {"material": self.material, "mass_kg": self.mass_kg,
                "contents": {"kind": self.contents, "mass_kg": self.contents_kg}}

    def to_dict(self) -> dict[str, Any]:
        return {"material": self.material, "mass_kg": self.mass_kg, "contents": self.contents,
                "contents_kg": self.contents_kg}

    @classmethod
    def from_dict(cls, d: Any, path: str) -> "Vessel":
        d = as_object(d, path)
        return cls(material=as_choice(d.get("material", "steel"), f"{path}.material", MATERIALS),
                   mass_kg=as_number(d.get("mass_kg", 1.2), f"{path}.mass_kg", 0.05, 20),
                   contents=as_choice(d.get("contents", "none"), f"{path}.contents", CONTENTS),
                   contents_kg=as_number(d.get("contents_kg", 0.0), f"{path}.contents_kg", 0, 50))


@dataclass(frozen=True)
class Pot:
    """A pot or pan the recipe uses, on a zone chosen by role; steps on one pot run one at a time."""

    id: str
    label: str = ""
    zone: str = "any"
    vessel: Vessel | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "zone": self.zone,
                "vessel": None if self.vessel is None else self.vessel.to_dict()}

    @classmethod
    def from_dict(cls, d: Any, path: str) -> "Pot":
        d = as_object(d, path)
        v = d.get("vessel")
        return cls(id=as_text(d.get("id"), f"{path}.id", required=True), label=as_text(d.get("label"), f"{path}.label"),
                   zone=as_choice(d.get("zone", "any"), f"{path}.zone", ROLES),
                   vessel=None if v is None else Vessel.from_dict(v, f"{path}.vessel"))


@dataclass(frozen=True)
class Setting:
    """What the zone does: a level 1-9, boost, a target temperature, or off.

    ``temp_c`` is the controlled temperature in ``target`` mode; on ``level``/``boost`` it is
    only watched (a step that starts on ``target`` waits until the zone reaches it).
    """

    mode: str
    level: int | None = None
    temp_c: float | None = None

    def describe(self) -> str:
        if self.mode == "target":
            return f"{self.temp_c:g} °C"
        if self.mode == "boost":
            return "boost" + (f" until {self.temp_c:g} °C" if self.temp_c is not None else "")
        if self.mode == "level":
            return f"level {self.level}" + (f" until {self.temp_c:g} °C" if self.temp_c is not None else "")
        return "off"

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"mode": self.mode}
        if self.level is not None:
            d["level"] = self.level
        if self.temp_c is not None:
            d["temp_c"] = self.temp_c
        return d

    @classmethod
    def from_dict(cls, d: Any, path: str) -> "Setting":
        d = as_object(d, path)
        mode = as_choice(d.get("mode"), f"{path}.mode", MODES)
        level = temp = None
        if mode == "level":
            lv = d.get("level")
            if isinstance(lv, bool) or not isinstance(lv, int) or not 1 <= lv <= 9:
                raise field_error(f"{path}.level", f"must be a whole number 1-9, not {lv!r}")
            level = lv
        if d.get("temp_c") is not None:
            if mode == "off":
                raise field_error(f"{path}.temp_c", "an 'off' setting has no temperature")
            temp = as_number(d["temp_c"], f"{path}.temp_c", MIN_TEMP_C, MAX_TEMP_C)
        elif mode == "target":
            raise field_error(f"{path}.temp_c", "a 'target' setting needs a temperature")
        return cls(mode=mode, level=level, temp_c=temp)


@dataclass(frozen=True)
class Alert:
    """A reminder during a step, ``at_s`` seconds after its timer starts (or before it ends)."""

    at_s: float
    message: str
    before_end: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"at_s": self.at_s, "message": self.message, "from": "end" if self.before_end else "start"}

    @classmethod
    def from_dict(cls, d: Any, path: str) -> "Alert":
        d = as_object(d, path)
        return cls(at_s=parse_duration(d.get("at_s"), f"{path}.at_s") or 0.0,
                   message=as_text(d.get("message"), f"{path}.message", required=True),
                   before_end=as_choice(d.get("from", "start"), f"{path}.from", ("start", "end")) == "end")


@dataclass(frozen=True)
class Step:
    id: str
    text: str
    pot: str | None = None
    setting: Setting | None = None
    duration_s: float | None = None
    start: str = "now"
    on_end: str = "continue"
    after: tuple[str, ...] | None = None      # None: the step before it in the list
    alerts: tuple[Alert, ...] = ()

    @property
    def manual(self) -> bool:
        """A step for the cook's hands only (no stove setting)."""
        return self.setting is None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "pot": self.pot,
                "setting": None if self.setting is None else self.setting.to_dict(),
                "duration_s": self.duration_s, "start": self.start, "on_end": self.on_end,
                "after": None if self.after is None else list(self.after),
                "alerts": [a.to_dict() for a in self.alerts]}

    @classmethod
    def from_dict(cls, d: Any, path: str, index: int) -> "Step":
        d = as_object(d, path)
        s = d.get("setting")
        setting = None if s is None else Setting.from_dict(s, f"{path}.setting")
        duration = parse_duration(d.get("duration_s"), f"{path}.duration_s")
        start = as_choice(d.get("start", "now"), f"{path}.start", STARTS)
        # a timed step or one that waits for something goes on by itself; an untimed "now" step
        # is the cook's work ("chop the onions") and waits for the cook to say it is done
        default_end = "continue" if duration is not None or start != "now" else "wait"
        after = d.get("after")
        if after is not None:
            if isinstance(after, str):
                after = [after]
            if not isinstance(after, list) or not all(isinstance(a, str) for a in after):
                raise field_error(f"{path}.after", "must be a list of step ids")
            after = tuple(after)
        alerts = d.get("alerts") or []
        if not isinstance(alerts, list):
            raise field_error(f"{path}.alerts", "must be a list")
        pot = d.get("pot")
        return cls(id=as_text(d.get("id"), f"{path}.id") or f"s{index + 1}",
                   text=as_text(d.get("text"), f"{path}.text", required=True),
                   pot=None if pot is None else as_text(pot, f"{path}.pot", required=True),
                   setting=setting, duration_s=duration, start=start,
                   on_end=as_choice(d.get("on_end", default_end), f"{path}.on_end", ON_END),
                   after=after, alerts=tuple(Alert.from_dict(a, f"{path}.alerts[{i}]") for i, a in enumerate(alerts)))


@dataclass(frozen=True)
class Story:
    text: str = ""
    origin: str = ""
    cook: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "origin": self.origin, "cook": self.cook}


@dataclass(frozen=True)
class Recipe:
    title: str
    servings: int = 2
    slug: str = ""
    description: str = ""
    ingredients: tuple[Ingredient, ...] = ()
    tags: tuple[tuple[str, str], ...] = ()            # (kind, value), kind in TAG_KINDS
    total_time_s: float | None = None
    active_time_s: float | None = None
    story: Story = field(default_factory=Story)
    source: str = ""
    licence: str = ""
    pots: tuple[Pot, ...] = ()
    steps: tuple[Step, ...] = ()
    dietary: Dietary | None = None     # the author's word on allergens/diets (see .dietary)

    # -- queries ----------------------------------------------------------------------------------
    def pot(self, pot_id: str | None) -> Pot | None:
        return next((p for p in self.pots if p.id == pot_id), None)

    def step_index(self, step_id: str) -> int:
        for i, s in enumerate(self.steps):
            if s.id == step_id:
                return i
        raise KeyError(step_id)

    def dependencies(self, index: int) -> tuple[int, ...]:
        """Indexes of the steps that must end before step ``index`` starts."""
        after = self.steps[index].after
        if after is None:
            return () if index == 0 else (index - 1,)
        return tuple(self.step_index(a) for a in after)

    def tag_values(self, kind: str) -> list[str]:
        return [v for k, v in self.tags if k == kind]

    @property
    def uses_stove(self) -> bool:
        return any(s.setting is not None for s in self.steps)

    def scaled(self, servings: int) -> "Recipe":
        """The same recipe for ``servings`` people (ingredient quantities scale)."""
        if isinstance(servings, bool) or not isinstance(servings, int) or not 1 <= servings <= 100:
            raise field_error("servings", f"must be a whole number 1-100, not {servings!r}")
        factor = servings / self.servings
        return replace(self, servings=servings, ingredients=tuple(i.scaled(factor) for i in self.ingredients))

    # -- JSON -------------------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        tags: dict[str, list[str]] = {}
        for k, v in self.tags:
            tags.setdefault(k, []).append(v)
        return {
            "format": FORMAT, "slug": self.slug, "title": self.title, "servings": self.servings,
            "description": self.description, "ingredients": [i.to_dict() for i in self.ingredients],
            "tags": tags, "total_time_s": self.total_time_s, "active_time_s": self.active_time_s,
            "story": self.story.to_dict(), "source": self.source, "licence": self.licence,
            "pots": [p.to_dict() for p in self.pots], "steps": [s.to_dict() for s in self.steps],
            **({} if self.dietary is None else {"dietary": self.dietary.to_dict()}),
        }

    @classmethod
    def from_dict(cls, d: Any) -> "Recipe":
        d = as_object(d, "recipe")
        fmt = d.get("format", FORMAT)
        if fmt != FORMAT:
            raise field_error("format", f"expected {FORMAT!r}, not {fmt!r}")
        title = as_text(d.get("title"), "title", required=True)
        servings = d.get("servings", 2)
        if isinstance(servings, bool) or not isinstance(servings, int) or not 1 <= servings <= 100:
            raise field_error("servings", f"must be a whole number 1-100, not {servings!r}")
        tags_raw = as_object(d.get("tags") or {}, "tags")
        tags: list[tuple[str, str]] = []
        for kind, values in tags_raw.items():
            as_choice(kind, "tags", TAG_KINDS)
            if isinstance(values, str):
                values = [values]
            if not isinstance(values, list):
                raise field_error(f"tags.{kind}", "must be a list of words")
            tags += [(kind, as_text(v, f"tags.{kind}", required=True).lower()) for v in values]
        story_raw = d.get("story") or {}
        if isinstance(story_raw, str):
            story_raw = {"text": story_raw}
        story_raw = as_object(story_raw, "story")
        story = Story(text=as_text(story_raw.get("text"), "story.text"), origin=as_text(story_raw.get("origin"), "story.origin"),
                      cook=as_text(story_raw.get("cook"), "story.cook"))

        def _list(name: str) -> list[Any]:
            v = d.get(name) or []
            if not isinstance(v, list):
                raise field_error(name, "must be a list")
            return v

        recipe = cls(
            title=title, servings=servings, slug=as_text(d.get("slug"), "slug") or slugify(title),
            description=as_text(d.get("description"), "description"),
            ingredients=tuple(Ingredient.from_dict(x, f"ingredients[{i}]") for i, x in enumerate(_list("ingredients"))),
            tags=tuple(tags),
            total_time_s=parse_duration(d.get("total_time_s"), "total_time_s"),
            active_time_s=parse_duration(d.get("active_time_s"), "active_time_s"),
            story=story, source=as_text(d.get("source"), "source"), licence=as_text(d.get("licence"), "licence"),
            pots=tuple(Pot.from_dict(x, f"pots[{i}]") for i, x in enumerate(_list("pots"))),
            steps=tuple(Step.from_dict(x, f"steps[{i}]", i) for i, x in enumerate(_list("steps"))),
            dietary=None if d.get("dietary") is None else Dietary.from_dict(d["dietary"]),
        )
        validate(recipe)
        return recipe


def validate(recipe: Recipe) -> Recipe:
    """Check what ties the parts together (ids, pots, ``after``, triggers); raise RecipeError."""
    if not recipe.steps:
        raise field_error("steps", "a recipe needs at least one step")
    pot_ids = [p.id for p in recipe.pots]
    if len(set(pot_ids)) != len(pot_ids):
        raise field_error("pots", "pot ids must be unique")
    seen: set[str] = set()
    for i, s in enumerate(recipe.steps):
        path = f"steps[{i}]"
        if s.id in seen:
            raise field_error(f"{path}.id", f"{s.id!r} is used by an earlier step")
        if s.pot is not None and s.pot not in pot_ids:
            raise field_error(f"{path}.pot", f"no pot {s.pot!r} (pots: {', '.join(pot_ids) or 'none'})")
        if s.setting is not None and s.pot is None:
            raise field_error(f"{path}.pot", "a step with a stove setting must name its pot")
        if s.on_end in ("keep_warm", "off") and s.pot is None:
            raise field_error(f"{path}.on_end", f"{s.on_end!r} needs a pot whose zone it acts on")
        if s.start == "target" and (s.setting is None or s.setting.temp_c is None):
            raise field_error(f"{path}.start", "'target' needs a setting with temp_c to wait for")
        for a in s.after or ():
            if a not in seen:
                raise field_error(f"{path}.after", f"{a!r} is not the id of an earlier step")
        for j, al in enumerate(s.alerts):
            if al.before_end and s.duration_s is None:
                raise field_error(f"{path}.alerts[{j}].from", "'end' needs a step with a duration")
        seen.add(s.id)
    return recipe
