"""``kitchen-ui recipes``: list, show, import, export and try recipes (no Qt).

Exit codes: 0 done; 1 the operation failed (the message says what and where); 2 usage error.
Every subcommand takes ``--db PATH`` before or after it.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any


def register(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("recipes", help="recipes in the kitchen database",
                       description="The recipe library: list, show, import, export, and try on a simulated stove.")
    rs = p.add_subparsers(dest="recipes_command", metavar="ACTION")
    db_help = argparse.SUPPRESS

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        sp = rs.add_parser(name, help=help_text, description=help_text)
        sp.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)
        return sp

    sp = add("list", "list the recipes")
    sp.add_argument("--json", action="store_true", help="print JSON")
    sp.add_argument("--tag", metavar="T", help="only recipes with this tag (e.g. italian or diet:vegan)")
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
    return p


def run(args: argparse.Namespace) -> int:
    from ..cli import UsageError
    from ..recipes.model import RecipeError
    from ..storage.database import DatabaseError
    from ..storage.recipes_store import RecipeNotFound

    action = getattr(args, "recipes_command", None)
    if action is None:
        raise UsageError("recipes: choose an action: list, show, export, import or try")
    try:
        return int(ACTIONS[action](args))
    except (DatabaseError, RecipeError, RecipeNotFound, OSError) as exc:
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
        print(f"{r.id:>4}  {r.title:<40} {r.servings:>2} servings  {_minutes(r.total_time_s):>8}  {tags}")
    return 0


def do_show(args: argparse.Namespace) -> int:
    from ..storage.recipes_store import load_recipe, resolve_id
    with _open(args) as kdb:
        rid = resolve_id(kdb, args.id)
        recipe = load_recipe(kdb, rid)
    if args.json:
        print(json.dumps({"id": rid, **recipe.to_dict()}, indent=2, ensure_ascii=False))
        return 0
    print(render_recipe(recipe, rid))
    return 0


def render_recipe(recipe: Any, rid: int | None = None) -> str:
    from ..recipes.ingredients import format_ingredient
    from ..recipes.trial import clock_text
    head = f"{recipe.title}" + (f"  (#{rid}, {recipe.slug})" if rid is not None else "")
    lines = [head, "=" * len(head)]
    if recipe.description:
        lines.append(recipe.description)
    facts = [f"{recipe.servings} servings"]
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
    """Standard output, or a file written whole (a temporary file renamed into place)."""
    if not output or output == "-":
        sys.stdout.write(text)
        return
    dest = Path(output)
    fd, tmp = tempfile.mkstemp(prefix=".hearth-", dir=str(dest.parent) if str(dest.parent) else ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
    from ..recipes.interchange import read_recipe_text
    from ..recipes.model import RecipeError
    from ..recipes.scrape import fetch_page
    if source.lower().startswith(("http://", "https://")):
        return read_recipe_text(fetch_page(source), source, url=source)
    path = Path(source)
    if not path.is_file():
        raise RecipeError(f"{source}: no such file")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise RecipeError(f"{source}: not a text file (expected JSON, JSON-LD or HTML)") from None
    return read_recipe_text(text, source)


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
