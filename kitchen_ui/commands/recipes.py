"""``kitchen-ui recipes``: list, show, import, export, try; share and community (.community). No Qt.

Exit codes: 0 done; 1 the operation failed (the message says what and where; also a profile in
``list --for`` that does not exist); 2 usage error (also an unknown allergen id in
``--exclude-allergens``). Every subcommand takes ``--db PATH`` before or after it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from . import action_adder


def register(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("recipes", help="recipes in the kitchen database",
                       description="The recipe library: list, show, import, export, and try on a simulated stove.")
    rs = p.add_subparsers(dest="recipes_command", metavar="ACTION")

    add = action_adder(rs)

    sp = add("list", "list the recipes")
    sp.add_argument("--json", action="store_true", help="print JSON")
    sp.add_argument("--tag", metavar="T", help="only recipes with this tag (e.g. italian or diet:vegan)")
    sp.add_argument("--for", dest="for_profiles", metavar="PROFILE[,PROFILE]",
                    help="who is eating: recipes that suit everyone first, then the others with what conflicts "
                         "and what to swap (unknown profile: exit 1)")
    sp.add_argument("--exclude-allergens", metavar="A,B",
                    help="leave out recipes containing any of these allergen ids (unknown id: exit 2)")
    sp = add("show", "show one recipe")
    sp.add_argument("id", metavar="ID", help="recipe number or slug")
    sp.add_argument("--json", action="store_true", help="print the recipe as Hearth JSON")
    sp = add("export", "write a recipe to a file (or standard output)")
    sp.add_argument("id", metavar="ID", help="recipe number or slug")
    sp.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    sp.add_argument("--format", choices=("json", "jsonld"), default="json",
                    help="json: Hearth's own format (default); jsonld: schema.org Recipe")
    sp = add("import", "add a recipe from a file or a web page")
    sp.add_argument("source", metavar="FILE|URL", help="Hearth JSON, schema.org JSON-LD, a saved .html page, or a URL")
    sp.add_argument("--replace", action="store_true", help="replace a different recipe with the same slug")
    sp = add("try", "cook a recipe on a simulated stove as fast as possible and print its timeline")
    sp.add_argument("id", metavar="ID", help="recipe number or slug (or a recipe file)")
    sp.add_argument("--profile", metavar="NAME", default=argparse.SUPPRESS,
                    help="stove profile of the simulated stove (default: the default one)")
    sp.add_argument("--json", action="store_true", help="print the result as JSON")
    from .community import register_actions
    register_actions(add)         # share, community: the archive on an MQTT broker
    return p


def run(args: argparse.Namespace) -> int:
    from ..cli import UsageError
    from ..recipes.model import RecipeError
    from ..storage.database import DatabaseError
    from ..storage.recipes_store import RecipeNotFound
    from ..diet.profiles import ProfileNotFound
    from ..nutrition.table import NutritionDataError

    action = getattr(args, "recipes_command", None)
    if action is None:
        raise UsageError("recipes: choose an action: list, show, export, import, try, share or community")
    from .community import ACTIONS as COMMUNITY
    try:
        return int({**ACTIONS, **COMMUNITY}[action](args))
    except BrokenPipeError:
        raise  # the reader went away (``| head``): not an error of ours; cli.main handles it
    except (DatabaseError, RecipeError, RecipeNotFound, ProfileNotFound, NutritionDataError, OSError) as exc:
        print(f"kitchen-ui: error: {_message(exc)}", file=sys.stderr)
        return 1


def _message(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.filename:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc.args[0]) if exc.args else str(exc)


def _open(args: argparse.Namespace) -> Any:
    from ..storage.database import open_db
    return open_db(getattr(args, "db", None))


def _minutes(seconds: float | None) -> str:
    return "" if seconds is None else f"{round(seconds / 60)} min"


def do_list(args: argparse.Namespace) -> int:
    from ..storage.recipes_store import list_recipes
    if getattr(args, "for_profiles", None) is not None or getattr(args, "exclude_allergens", None) is not None:
        return do_list_for(args)
    with _open(args) as kdb:
        items = list_recipes(kdb, args.tag)
    if args.json:
        print(json.dumps([r.to_dict() for r in items], indent=2, ensure_ascii=False))
        return 0
    if not items:
        print("no recipes" + (f" tagged {args.tag!r}" if args.tag else ""))
        return 0
    for r in items:
        tags = ", ".join(v for _, v in r.tags)
        print(f"{r.id:>4}  {r.title:<40} {_servings(r.servings):>11}  {_minutes(r.total_time_s):>8}  {tags}")
    return 0


def do_show(args: argparse.Namespace) -> int:
    from ..diet.inference import recipe_diet
    from ..nutrition.calc import recipe_nutrition
    from ..storage.provenance import provenance_of
    from ..storage.recipes_store import load_recipe, resolve_id
    with _open(args) as kdb:
        rid = resolve_id(kdb, args.id)
        recipe = load_recipe(kdb, rid)
        came_from = provenance_of(kdb, rid)
    diet = recipe_diet(recipe)
    nutrition = recipe_nutrition(recipe)
    if args.json:
        print(json.dumps({"id": rid, **recipe.to_dict(), "allergens": list(diet.allergens), "diets": list(diet.diets),
                          "dietary_detail": diet.to_dict(), "nutrition": nutrition.to_dict(),
                          "provenance": came_from and came_from.to_dict()},
                         indent=2, ensure_ascii=False))
        return 0
    print(render_recipe(recipe, rid))
    if came_from is not None:
        print(f"\nFrom the community archive: {came_from.describe()}")
    print(render_diet_and_nutrition(diet, nutrition))
    return 0


def render_diet_and_nutrition(diet: Any, nutrition: Any) -> str:
    from ..recipes.vocabulary import ALLERGENS
    lines = ["", "Allergens: " + (", ".join(f"{ALLERGENS[a]} ({', '.join(diet.sources.get(a, ())) or 'author'})"
                                            for a in diet.allergens) or "none known")]
    lines.append("Diets: " + (", ".join(diet.diets) or "none certain")
                 + (f"   (unknown ingredients: {', '.join(diet.unknown)})" if diet.unknown else ""))
    per = nutrition.per_serving
    lines.append(f"Per serving: {per['kcal']:.0f} kcal, protein {per['protein_g']:.1f} g, fat {per['fat_g']:.1f} g "
                 f"(saturated {per['saturated_fat_g']:.1f} g), carbohydrate {per['carbohydrate_g']:.1f} g "
                 f"(sugars {per['sugars_g']:.1f} g), fibre {per['fibre_g']:.1f} g, salt {per['salt_g']:.2f} g")
    lines.append(f"  covers {nutrition.coverage:.0%} of the ingredient lines"
                 + "".join(f"\n  not counted: {ln.ingredient.name} ({ln.how})" for ln in nutrition.not_counted))
    return "\n".join(lines)


def do_list_for(args: argparse.Namespace) -> int:
    """``recipes list --for A,B --exclude-allergens x,y``: who is eating decides."""
    from ..cli import UsageError
    from ..diet.filters import check_recipe
    from ..diet.profiles import ProfileStore
    from ..recipes.vocabulary import DietError, parse_allergens
    from ..storage.recipes_store import list_recipes, load_recipe
    try:
        excluded = parse_allergens(args.exclude_allergens or "", "--exclude-allergens")
    except DietError as exc:
        raise UsageError(str(exc)) from None
    names = [n.strip() for n in (args.for_profiles or "").split(",") if n.strip()]
    if args.for_profiles is not None and not names:
        raise UsageError("--for: name at least one profile (see 'kitchen-ui profiles list')")
    with _open(args) as kdb:
        profiles = ProfileStore(kdb).get_many(names)
        checks = [(r, check_recipe(load_recipe(kdb, r.id), profiles, excluded)) for r in list_recipes(kdb, args.tag)]
    checks = [(r, c) for r, c in checks if not set(c.diet.allergens) & set(excluded)]
    checks.sort(key=lambda rc: not rc[1].fits)
    if args.json:
        print(json.dumps([{**r.to_dict(), "allergens": list(c.diet.allergens), "diets": list(c.diet.diets),
                           **c.to_dict()} for r, c in checks], indent=2, ensure_ascii=False))
        return 0
    if not checks:
        print("no recipes suit" + (f" {', '.join(names)}" if names else "") + (
            f" without {', '.join(excluded)}" if excluded else ""))
        return 0
    for r, c in checks:
        mark = "ok " if c.fits else "NO "
        print(f"{mark}{r.id:>4}  {r.title:<40} {_servings(r.servings):>11}  {_minutes(r.total_time_s):>8}")
        for a in c.allergen_conflicts:
            print(f"          {a.describe()}")
        for d in c.diet_conflicts:
            print(f"          {', '.join(d.who)}: {d.reason}")
    return 0


def _servings(n: int) -> str:
    from ..recipes.ingredients import servings_words
    return servings_words(n)


def render_recipe(recipe: Any, rid: int | None = None) -> str:
    from ..recipes.ingredients import format_ingredient
    from ..recipes.trial import clock_text
    head = f"{recipe.title}" + (f"  (#{rid}, {recipe.slug})" if rid is not None else "")
    lines = [head, "=" * len(head)]
    if recipe.description:
        lines.append(recipe.description)
    facts = [_servings(recipe.servings)]
    if recipe.total_time_s:
        facts.append(f"total {_minutes(recipe.total_time_s)}")
    if recipe.active_time_s:
        facts.append(f"active {_minutes(recipe.active_time_s)}")
    lines.append(", ".join(facts) + ("   tags: " + ", ".join(f"{k}:{v}" for k, v in recipe.tags) if recipe.tags else ""))
    lines += ["", "Ingredients:"] + [f"  - {format_ingredient(i)}" for i in recipe.ingredients]
    if recipe.pots:
        lines += ["", "Pots:"] + [f"  - {p.id}: {p.label or p.id} (zone: {p.zone})" for p in recipe.pots]
    lines += ["", "Steps:"]
    for i, s in enumerate(recipe.steps, start=1):
        how = []
        if s.pot:
            how.append(f"[{s.pot}]")
        if s.setting:
            how.append(s.setting.describe())
        if s.duration_s is not None:
            how.append(clock_text(s.duration_s))
        if s.start != "now":
            how.append({"target": "starts at temperature", "confirm": "starts when you confirm"}[s.start])
        if s.on_end != "continue":
            how.append({"keep_warm": "then keep warm", "off": "then off", "wait": "then wait for you"}[s.on_end])
        lines.append(f"  {i}. {s.text}" + (f"  ({', '.join(how)})" if how else ""))
    if recipe.story.text:
        lines += ["", "Story:", f"  {recipe.story.text}"]
        who = ", ".join(x for x in (recipe.story.origin, recipe.story.cook) if x)
        if who:
            lines.append(f"  — {who}")
    if recipe.source or recipe.licence:
        lines += ["", f"Source: {recipe.source or 'unknown'}   Licence: {recipe.licence or 'unknown'}"]
    return "\n".join(lines)


def write_output(text: str, output: str | None) -> None:
    """Standard output, or the file named (see storage.safe_write: links, pipes, modes)."""
    if not output or output == "-":
        sys.stdout.write(text)
        return
    from ..storage.safe_write import write_text
    write_text(output, text)


def do_export(args: argparse.Namespace) -> int:
    from ..recipes.interchange import recipe_to_json, recipe_to_jsonld
    from ..storage.recipes_store import load_recipe
    with _open(args) as kdb:
        recipe = load_recipe(kdb, args.id)
    if args.format == "jsonld":
        text = json.dumps(recipe_to_jsonld(recipe), indent=2, ensure_ascii=False) + "\n"
    else:
        text = recipe_to_json(recipe)
    write_output(text, args.output)
    if args.output and args.output != "-":
        print(f"exported '{recipe.title}' to {args.output}", file=sys.stderr)
    return 0


def read_source(source: str) -> Any:
    """A recipe from a file path or an http(s) URL; nothing is written here."""
    from ..recipes.interchange import read_recipe_file, read_recipe_text
    from ..recipes.scrape import fetch_page
    if source.lower().startswith(("http://", "https://")):
        return read_recipe_text(fetch_page(source), source, url=source)
    return read_recipe_file(source)


def do_import(args: argparse.Namespace) -> int:
    from ..storage.library import KitchenLibrary
    recipe = read_source(args.source)            # read whole before anything is written
    with _open(args) as kdb:
        added = KitchenLibrary(kdb).add(recipe, replace=args.replace)
    r = added.recipe
    if added.how == "unchanged":
        print(f"'{r.title}' is already in the library as #{added.id} ({r.slug})")
        return 0
    manual = sum(1 for s in r.steps if s.setting is None)
    print(f"{'replaced' if added.how == 'replaced' else 'imported'} '{r.title}' as #{added.id} ({r.slug}): "
          f"{len(r.steps)} steps, {manual} of them manual")
    return 0


def do_try(args: argparse.Namespace) -> int:
    from ..cli import UsageError
    from ..recipes.trial import format_timeline, run_trial
    from ..sim.profiles import ProfileError, default_profile_name, load_profile
    try:
        profile = load_profile(getattr(args, "profile", None) or default_profile_name())
    except ProfileError as exc:
        raise UsageError(f"--profile: {exc}") from None
    if Path(args.id).suffix.lower() in (".json", ".jsonld", ".html", ".htm") and Path(args.id).is_file():
        recipe = read_source(args.id)
    else:
        from ..storage.recipes_store import load_recipe
        with _open(args) as kdb:
            recipe = load_recipe(kdb, args.id)
    result = run_trial(recipe, profile)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        print(format_timeline(result))
    if not result.completed:
        print(f"kitchen-ui: error: '{recipe.title}' did not complete on '{profile.name}': {result.problem}",
              file=sys.stderr)
        return 1
    return 0


ACTIONS = {"list": do_list, "show": do_show, "export": do_export, "import": do_import, "try": do_try}
