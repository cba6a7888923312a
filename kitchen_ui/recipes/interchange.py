"""Recipes in and out: Hearth's own JSON, schema.org Recipe JSON-LD, and web pages.

Export to JSON-LD writes the schema.org fields every recipe site understands, plus ``hearth:``
terms (a namespace of our own in ``@context``) for what schema.org cannot say: structured
ingredients, pots, and each step's stove setting, trigger and timer. Importing that JSON-LD
gives back the identical recipe; a foreign schema.org recipe imports with manual steps (no stove
settings), which the cook can add later. Every failure is a :class:`RecipeError` that says what
is wrong, and nothing is written before a recipe has been fully read.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .ingredients import format_ingredient, parse_ingredient
from .model import FORMAT, Ingredient, Pot, Recipe, RecipeError, Step, Story, slugify, validate

HEARTH_NS = "urn:x-hearth:"
DIETS = {
    "vegetarian": "VegetarianDiet", "vegan": "VeganDiet", "gluten-free": "GlutenFreeDiet", "halal": "HalalDiet",
    "kosher": "KosherDiet", "low-calorie": "LowCalorieDiet", "low-fat": "LowFatDiet", "low-salt": "LowSaltDiet",
    "low-lactose": "LowLactoseDiet", "diabetic": "DiabeticDiet", "hindu": "HinduDiet",
}
_DIET_BACK = {v.lower(): k for k, v in DIETS.items()}


# -- ISO 8601 durations ------------------------------------------------------------------------
def iso_duration(seconds: float | None) -> str | None:
    if seconds is None:
        return None
    whole = int(seconds)
    frac = seconds - whole
    h, rem = divmod(whole, 3600)
    m, s = divmod(rem, 60)
    out = "PT" + (f"{h}H" if h else "") + (f"{m}M" if m else "")
    if s or frac or out == "PT":
        out += (f"{s + frac:g}" if frac else str(s)) + "S"
    return out


# -- our own JSON ------------------------------------------------------------------------------
def recipe_to_json(recipe: Recipe) -> str:
    return json.dumps(recipe.to_dict(), indent=2, ensure_ascii=False) + "\n"


# -- schema.org JSON-LD ------------------------------------------------------------------------
def recipe_to_jsonld(recipe: Recipe) -> dict[str, Any]:
    steps = []
    for s in recipe.steps:
        extra = s.to_dict()
        extra.pop("text")
        steps.append({"@type": "HowToStep", "text": s.text, "hearth:step": extra})
    doc: dict[str, Any] = {
        "@context": ["https://schema.org", {"hearth": HEARTH_NS}],
        "@type": "Recipe",
        "name": recipe.title,
        "description": recipe.description,
        "recipeYield": f"{recipe.servings} servings",
        "recipeIngredient": [format_ingredient(i) for i in recipe.ingredients],
        "recipeInstructions": steps,
        "recipeCuisine": recipe.tag_values("cuisine"),
        "recipeCategory": recipe.tag_values("course"),
        "suitableForDiet": [f"https://schema.org/{DIETS[d]}" for d in recipe.tag_values("diet") if d in DIETS],
        "keywords": ", ".join(recipe.tag_values("other")),
        "author": {"@type": "Person", "name": recipe.story.cook} if recipe.story.cook else None,
        "license": recipe.licence,
        "isBasedOn": recipe.source,
        "totalTime": iso_duration(recipe.total_time_s),
        "hearth:format": FORMAT,
        "hearth:slug": recipe.slug,
        "hearth:activeTime": iso_duration(recipe.active_time_s),
        "hearth:tags": [[k, v] for k, v in recipe.tags],
        "hearth:story": {"text": recipe.story.text, "origin": recipe.story.origin},
        "hearth:ingredients": [i.to_dict() for i in recipe.ingredients],
        "hearth:pots": [p.to_dict() for p in recipe.pots],
    }
    return {k: v for k, v in doc.items() if v not in (None, "", [])}


def _texts(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, str):
        return [x.strip() for x in v.split(",") if x.strip()]
    if isinstance(v, list):
        return [t for x in v for t in _texts(x)]
    if isinstance(v, dict):
        return _texts(v.get("name"))
    return [str(v)]


def _name(v: Any) -> str:
    if isinstance(v, list):
        return ", ".join(n for n in (_name(x) for x in v) if n)
    if isinstance(v, dict):
        return str(v.get("name") or "")
    return "" if v is None else str(v)


def _servings(v: Any) -> int:
    if isinstance(v, list):
        for x in v:
            n = _servings(x)
            if n:
                return n
        return 0
    if isinstance(v, bool):
        return 0
    if isinstance(v, (int, float)):
        return max(1, min(100, int(v)))
    m = re.search(r"\d+", str(v or ""))
    return max(1, min(100, int(m.group()))) if m else 0


def _instructions(v: Any, path: str = "recipeInstructions") -> list[tuple[str, dict[str, Any] | None]]:
    """(text, hearth step fields or None) for each step, sections flattened in order."""
    if v is None:
        return []
    if isinstance(v, str):
        return [(line.strip(), None) for line in re.split(r"\n+", v) if line.strip()]
    if isinstance(v, list):
        return [x for i, item in enumerate(v) for x in _instructions(item, f"{path}[{i}]")]
    if isinstance(v, dict):
        kind = v.get("@type")
        if kind == "HowToSection" or "itemListElement" in v:
            return _instructions(v.get("itemListElement"), f"{path}.itemListElement")
        text = v.get("text") or v.get("name")
        if not isinstance(text, str) or not text.strip():
            raise RecipeError(f"{path}: a step without text")
        extra = v.get("hearth:step")
        return [(text.strip(), extra if isinstance(extra, dict) else None)]
    raise RecipeError(f"{path}: cannot read {type(v).__name__} as a recipe step")


def find_recipe_node(doc: Any) -> dict[str, Any] | None:
    """The schema.org Recipe object in a JSON-LD document (top level, a list, or an @graph)."""
    if isinstance(doc, list):
        for x in doc:
            found = find_recipe_node(x)
            if found:
                return found
        return None
    if not isinstance(doc, dict):
        return None
    kind = doc.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    if "Recipe" in kinds or "schema:Recipe" in kinds:
        return doc
    if "@graph" in doc:
        return find_recipe_node(doc["@graph"])
    return None


def recipe_from_jsonld(doc: Any) -> Recipe:
    node = find_recipe_node(doc)
    if node is None:
        raise RecipeError("not a recipe: the JSON-LD has no schema.org Recipe object")
    title = node.get("name") or node.get("headline")
    if not isinstance(title, str) or not title.strip():
        raise RecipeError("Recipe.name: missing — a recipe needs a title")
    hearth_ing = node.get("hearth:ingredients")
    if isinstance(hearth_ing, list):
        ingredients = tuple(Ingredient.from_dict(x, f"hearth:ingredients[{i}]") for i, x in enumerate(hearth_ing))
    else:
        raw = node.get("recipeIngredient", node.get("ingredients")) or []
        if isinstance(raw, str):
            raw = [x for x in raw.split("\n") if x.strip()]
        if not isinstance(raw, list):
            raise RecipeError("Recipe.recipeIngredient: must be a list of text lines")
        ingredients = tuple(parse_ingredient(str(x)) for x in raw if str(x).strip())
    tags_raw = node.get("hearth:tags")
    if isinstance(tags_raw, list):
        tags = tuple((str(k), str(v)) for k, v in tags_raw)
    else:
        found: list[tuple[str, str]] = []
        for kind, key in (("cuisine", "recipeCuisine"), ("course", "recipeCategory")):
            found += [(kind, t.lower()) for t in _texts(node.get(key))]
        for d in _texts(node.get("suitableForDiet")):
            found.append(("diet", _DIET_BACK.get(d.rsplit("/", 1)[-1].lower(), d.rsplit("/", 1)[-1].lower())))
        found += [("other", t.lower()) for t in _texts(node.get("keywords"))]
        seen: set[str] = set()
        tags = tuple(t for t in found if not (t[1] in seen or seen.add(t[1])))  # type: ignore[func-returns-value]
    steps_raw = _instructions(node.get("recipeInstructions"))
    if not steps_raw:
        raise RecipeError("Recipe.recipeInstructions: missing — a recipe needs at least one step")
    steps = []
    for i, (text, extra) in enumerate(steps_raw):
        d = dict(extra or {})
        d["text"] = text
        if extra is None:
            d["id"] = f"s{i + 1}"
        steps.append(Step.from_dict(d, f"recipeInstructions[{i}]", i))
    story_raw = node.get("hearth:story") if isinstance(node.get("hearth:story"), dict) else {}
    from .model import parse_duration
    total = node.get("totalTime")
    if total is None and (node.get("prepTime") or node.get("cookTime")):
        total = (parse_duration(node.get("prepTime"), "prepTime") or 0) + (parse_duration(node.get("cookTime"), "cookTime") or 0)
    recipe = Recipe(
        title=title.strip(), servings=_servings(node.get("recipeYield")) or 2,
        slug=str(node.get("hearth:slug") or slugify(title)), description=str(node.get("description") or "").strip(),
        ingredients=ingredients, tags=tags,
        total_time_s=parse_duration(total, "totalTime"),
        active_time_s=parse_duration(node.get("hearth:activeTime"), "hearth:activeTime"),
        story=Story(text=str(story_raw.get("text", "")), origin=str(story_raw.get("origin", "")),
                    cook=_name(node.get("author"))),
        source=_name(node.get("isBasedOn")) or str(node.get("url") or ""), licence=_name(node.get("license")),
        pots=tuple(Pot.from_dict(p, f"hearth:pots[{i}]") for i, p in enumerate(node.get("hearth:pots") or [])),
        steps=tuple(steps))
    return validate(recipe)


_CANONICAL = re.compile(r'<link[^>]+rel=["\']canonical["\'][^>]*href=["\'](https?://[^"\']+)["\']'
                        r'|<meta[^>]+property=["\']og:url["\'][^>]*content=["\'](https?://[^"\']+)["\']', re.I)


def page_url(html: str) -> str | None:
    """The address a saved page came from (its canonical link), so the right site reader is used."""
    m = _CANONICAL.search(html)
    return (m.group(1) or m.group(2)) if m else None


def read_recipe_text(text: str, where: str = "input", url: str | None = None) -> Recipe:
    """A recipe from a file's text: Hearth JSON, schema.org JSON-LD, or an HTML page."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("<"):
        from .scrape import recipe_from_html
        return recipe_from_html(text, url or page_url(text) or "https://example.invalid/recipe", where)
    if not stripped:
        raise RecipeError(f"{where}: the file is empty")
    try:
        doc = json.loads(stripped)
    except json.JSONDecodeError as exc:
        raise RecipeError(f"{where}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    try:
        if isinstance(doc, dict) and ("@context" in doc or "@type" in doc or "@graph" in doc):
            return recipe_from_jsonld(doc)
        if isinstance(doc, list) and find_recipe_node(doc) is not None:
            return recipe_from_jsonld(doc)
        if isinstance(doc, dict) and ("format" in doc or "steps" in doc):
            return Recipe.from_dict(doc)
    except RecipeError as exc:
        raise RecipeError(f"{where}: {exc}") from None
    raise RecipeError(f"{where}: not a recipe (expected Hearth recipe JSON with 'title' and 'steps', "
                      "or schema.org Recipe JSON-LD)")


MAX_FILE_BYTES = 8 * 1024 * 1024          # as for a fetched web page: recipes are kilobytes, saved pages a few MB


def read_recipe_file(path: str) -> Recipe:
    """A recipe from a file (Hearth JSON, JSON-LD or a saved page), read whole before anything is
    written; a folder, an oversized file or text that is not UTF-8 is refused with the reason."""
    import os
    import stat as stat_
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise RecipeError(f"{path}: no such file") from None
    except OSError as exc:
        raise RecipeError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if stat_.S_ISDIR(st.st_mode):
        raise RecipeError(f"{path} is a folder; name a recipe file (JSON, JSON-LD or a saved .html page)")
    limit = f"{MAX_FILE_BYTES // (1024 * 1024)} MiB"
    if st.st_size > MAX_FILE_BYTES:
        raise RecipeError(f"{path} is {st.st_size / (1024 * 1024):.1f} MiB; a recipe file may be at most {limit}")
    try:
        with open(path, "rb") as fh:
            data = fh.read(MAX_FILE_BYTES + 1)     # a pipe or device has no size to stat
    except OSError as exc:
        raise RecipeError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise RecipeError(f"{path} is larger than {limit}, the most a recipe file may be")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecipeError(f"{path}: not valid UTF-8 at byte {exc.start} (0x{data[exc.start]:02x}); "
                          "save the file as UTF-8 and import it again") from None
    return read_recipe_text(text, path)
