"""``kitchen-ui profiles``: who eats in this household (name, allergies, diets); no Qt.

Exit codes: 0 done; 1 the profile asked for does not exist (or the database cannot be used);
2 a bad flag value (an unknown allergen or diet id, an empty name). Messages name the problem.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import action_adder


def register(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("profiles", help="household profiles (allergies, diets)",
                       description="Household profiles: who eats, their allergies and diets.")
    ps = p.add_subparsers(dest="profiles_command", metavar="ACTION")

    add = action_adder(ps)

    sp = add("add", "add a profile, or change the one with that name")
    sp.add_argument("name", metavar="NAME")
    sp.add_argument("--allergies", default="", metavar="A,B",
                    help="allergen ids: celery, gluten, crustaceans, eggs, fish, lupin, milk, molluscs, mustard, "
                         "tree-nuts, peanuts, sesame, soya, sulphites")
    sp.add_argument("--diets", default="", metavar="D,E",
                    help="diet ids: vegetarian, vegan, pescatarian, gluten-free, dairy-free")
    sp = add("list", "list the profiles")
    sp.add_argument("--json", action="store_true", help="print JSON")
    sp = add("remove", "remove a profile")
    sp.add_argument("name", metavar="NAME")
    return p


def run(args: argparse.Namespace) -> int:
    from ..cli import UsageError
    from ..diet.profiles import ProfileNotFound, ProfileStore
    from ..recipes.vocabulary import DietError
    from ..storage.database import DatabaseError, open_db

    action = getattr(args, "profiles_command", None)
    if action is None:
        raise UsageError("profiles: choose an action: add, list or remove")
    try:
        with open_db(getattr(args, "db", None)) as kdb:
            store = ProfileStore(kdb)
            if action == "add":
                try:
                    p = store.save(args.name, args.allergies, args.diets)
                except DietError as exc:
                    raise UsageError(str(exc)) from None
                print(f"saved profile '{p.name}': allergies {', '.join(p.allergies) or 'none'}; "
                      f"diets {', '.join(p.diets) or 'none'}")
            elif action == "remove":
                store.remove(args.name)
                print(f"removed profile '{args.name}'")
            else:
                items = store.list()
                if args.json:
                    print(json.dumps([p.to_dict() for p in items], indent=2, ensure_ascii=False))
                elif not items:
                    print("no profiles (add one with 'kitchen-ui profiles add NAME --allergies a,b')")
                else:
                    for p in items:
                        print(f"{p.name:<20} allergies: {', '.join(p.allergies) or '-':<30} "
                              f"diets: {', '.join(p.diets) or '-'}")
        return 0
    except BrokenPipeError:
        raise  # the reader went away (``| head``): cli.main handles it
    except (DatabaseError, ProfileNotFound, OSError) as exc:
        print(f"kitchen-ui: error: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 1
