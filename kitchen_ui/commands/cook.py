"""``kitchen-ui cook``: cook a recipe from a terminal, through the same application as the dashboard.

::

    kitchen-ui cook ID [--stove URL] [--token-file F] [--db PATH] [--servings N] [--auto-confirm] [--json]
    kitchen-ui cook --resume [--stove URL] [--token-file F] [--db PATH] [--auto-confirm] [--json]

Without ``--stove`` it cooks on the built-in simulated stove (``--speed X``, ``--profile``).
A step that asks "Done?" waits for Enter, or is answered at once with ``--auto-confirm``.
``--json`` prints one JSON object per line (step, waiting, done, zone, alert, …, finish or
stopped) and nothing else on standard output. The session is recorded as the dashboard records
it (:class:`kitchen_ui.app.cook.Cooking`).

Exit codes: 0 the recipe finished; 1 it failed (a stove fault, a lost stove that did not come
back, a refused command, no such recipe, nothing to resume); 130 Ctrl-C, after switching the
recipe's zones off and recording it; 2 usage errors. No Qt is imported.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from typing import Any

CONNECT_TIMEOUT_S = 15.0


def _servings(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or not 1 <= int(text) <= 100:
        raise argparse.ArgumentTypeError(f"servings are a whole number 1-100, not {text!r}")
    return int(text)


def _seconds(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected seconds, got {text!r}") from None
    if not 0 <= v <= 3600:
        raise argparse.ArgumentTypeError(f"expected 0 to 3600 seconds, got {text!r}")
    return v


def register(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from ..cli import speed_factor, zone_count

    p = sub.add_parser("cook", help="cook a recipe from the terminal",
                       description="Cook a recipe on a stove (or the built-in simulator) from the terminal.")
    p.add_argument("recipe", nargs="?", metavar="ID", help="recipe number or slug (see 'recipes list')")
    p.add_argument("--resume", action="store_true", help="carry on the interrupted run in the database")
    # the same flags as the dashboard's, given after 'cook' (SUPPRESS: the dashboard's default stands)
    p.add_argument("--stove", metavar="URL", default=argparse.SUPPRESS,
                   help="ksp://HOST:PORT or ksps://HOST:PORT (default: the built-in simulated stove)")
    p.add_argument("--token-file", metavar="F", default=argparse.SUPPRESS, help="read the stove's token from a file")
    p.add_argument("--speed", type=speed_factor, metavar="X", default=argparse.SUPPRESS,
                   help="the built-in simulated stove runs at X times real time")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--profile", metavar="NAME", default=argparse.SUPPRESS, help="profile of the simulated stove")
    g.add_argument("--zones", type=zone_count, metavar="N", default=argparse.SUPPRESS,
                   help="a simulated stove with N zones")
    p.add_argument("--servings", type=_servings, metavar="N", help="cook for N servings (default: the recipe's)")
    p.add_argument("--auto-confirm", action="store_true", help="answer every 'Done?' at once")
    p.add_argument("--json", action="store_true", help="one JSON object per line on standard output")
    p.add_argument("--lost-after", type=_seconds, default=30.0, metavar="SECONDS",
                   help="give up when a lost stove has not come back after this long (default 30)")
    return p


def _say(event: dict[str, Any]) -> str:
    kind = event["event"]
    step = event.get("step")
    if kind == "step":
        return f"Step {step}: {event['text']}"
    if kind == "waiting":
        return f"  {event['text']}  [Enter when done]"
    if kind == "done":
        return f"  Step {step} {'skipped' if event['how'] == 'skipped' else 'done'}."
    if kind == "zone":
        return f"  {event['text']}"
    if kind == "alert":
        return f"  ! {event['message']}"
    if kind == "finish":
        used = "" if event["energy_wh"] is None else f" ({event['energy_wh'] / 1000:.3f} kWh)"
        return f"{event['recipe']}: {event['status']}{used}, session {event['session']}."
    if kind == "stopped":
        return f"Stopped: {event['reason']}. Zones switched off: {event['zones_off'] or 'none in use'}."
    return f"  {event.get('text', kind)}"


def run(args: argparse.Namespace) -> int:
    from ..cli import UsageError

    if args.resume and args.recipe is not None:
        raise UsageError("cook: give a recipe or --resume, not both")
    if not args.resume and args.recipe is None:
        raise UsageError("cook: which recipe? give its number or slug (see 'kitchen-ui recipes list'), or --resume")
    if args.resume and args.servings is not None:
        raise UsageError("cook --resume: the run keeps its servings; leave out --servings")
    network = args.stove not in ("sim", "")
    if network and args.speed != 1.0:
        raise UsageError("--speed is for the built-in simulated stove (a network stove keeps its own time)")

    out = sys.stdout

    def report(event: dict[str, Any]) -> None:
        out.write((json.dumps(event, ensure_ascii=False) if args.json else _say(event)) + "\n")
        out.flush()

    from ..storage.database import DatabaseError, open_db

    try:
        kdb = open_db(getattr(args, "db", None))
    except DatabaseError as exc:
        print(f"kitchen-ui: error: {exc}", file=sys.stderr)
        return 1
    try:
        return _cook(args, kdb, report, network)
    finally:
        kdb.close()


def _cook(args: argparse.Namespace, kdb: Any, report: Any, network: bool) -> int:
    from ..app.cook import INTERRUPTED, Cooking
    from ..app.stove_app import CannotStart
    from ..recipes.engine import RunError
    from ..storage.recipes_store import RecipeNotFound
    from .dashboard import open_one_stove as _open

    recipe = None
    if not args.resume:
        from ..storage.recipes_store import load_recipe
        try:
            recipe = load_recipe(kdb, args.recipe if not args.recipe.isdigit() else int(args.recipe))
        except (RecipeNotFound, OverflowError) as exc:
            print(f"kitchen-ui: error: {exc.args[0] if exc.args else exc}", file=sys.stderr)
            return 1
        if args.servings is not None:
            recipe = recipe.scaled(args.servings)
    opened = _open(args)
    if opened is None:
        return 1
    stove, _network = opened
    stop_requested = threading.Event()
    previous = signal.signal(signal.SIGINT, lambda *_: stop_requested.set())
    try:
        stove.start()
    except Exception as exc:  # a stove that cannot start must say why
        signal.signal(signal.SIGINT, previous)
        print(f"kitchen-ui: cannot start the stove: {exc}", file=sys.stderr)
        return 1
    cooking = Cooking(kdb, stove, report=report, auto_confirm=args.auto_confirm, lost_after_s=args.lost_after)
    signal.signal(signal.SIGINT, lambda *_: cooking.interrupt())
    try:
        if stop_requested.is_set():
            return INTERRUPTED
        why = cooking.wait_for_control(CONNECT_TIMEOUT_S if network else 5.0)
        if why:
            print(f"kitchen-ui: error: cannot cook on {args.stove}: {why}", file=sys.stderr)
            cooking.kitchen.close()
            return 1
        try:
            if recipe is not None:
                cooking.start(recipe)
            else:
                saved = cooking.app.unfinished()
                if not saved:
                    print(f"kitchen-ui: error: no interrupted run to resume in {kdb.path}", file=sys.stderr)
                    cooking.kitchen.close()
                    return 1
                try:
                    cooking.resume(saved[0].run_id)
                except RunError:
                    pass                          # it had finished after all: the loop reports it
        except CannotStart as exc:
            print(f"kitchen-ui: error: cannot cook it: {exc}", file=sys.stderr)
            cooking.kitchen.close()
            return 1
        if not args.auto_confirm:
            _read_answers(cooking)
        return cooking.run()
    finally:
        signal.signal(signal.SIGINT, previous)
        stove.stop()


def _read_answers(cooking: Any) -> None:
    """Each line on standard input (Enter) answers the oldest waiting step."""
    def read() -> None:
        try:
            for _line in sys.stdin:
                cooking.answer()
        except (OSError, ValueError):
            pass
        cooking.no_more_answers()

    threading.Thread(target=read, name="hearth-cook-answers", daemon=True).start()
