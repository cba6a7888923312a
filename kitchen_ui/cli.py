"""Command line: ``kitchen-ui`` opens the dashboard; subcommands do the rest.

Qt is imported only when the dashboard actually opens, so ``serve-sim`` and the recipe tools run
on a headless machine. Wrong flags exit with code 2 and a message that names the problem.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from typing import Sequence

from . import __version__, startup_gc

# subcommand -> its module in kitchen_ui.commands (imported only when named)
COMMANDS = {"serve-sim": "serve_sim", "recipes": "recipes", "sessions": "sessions", "profiles": "profiles", "energy": "energy",
            "db": "db", "cook": "cook", "bridge": "bridge", "voice": "voice"}


class UsageError(Exception):
    """A flag's value is wrong in a way argparse cannot see (exit code 2)."""


def positive_float(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
    if not v > 0 or v != v or v == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number above 0, got {text!r}")
    return v


SPEED_RANGE = (0.1, 10000.0)     # as serve-sim's --speed and KSP/1's sim.set_speed accept


def speed_factor(text: str) -> float:
    lo, hi = SPEED_RANGE
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number {lo:g} to {hi:g}, got {text!r}") from None
    if not lo <= v <= hi:                # also refuses nan and inf
        raise argparse.ArgumentTypeError(f"the simulated stove runs at {lo:g} to {hi:g} times real time, not {text}")
    return v


def window_size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(p) for p in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1280x800, got {text!r}") from None
    if not (320 <= w <= 7680 and 240 <= h <= 4320):
        raise argparse.ArgumentTypeError(f"window size {text!r} is out of range (320x240 to 7680x4320)")
    return w, h


def seconds_or_never(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected whole seconds (0 = never), got {text!r}") from None
    if not 0 <= v <= 86400:
        raise argparse.ArgumentTypeError(f"expected 0 to 86400 seconds, got {v}")
    return v


def zone_count(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number 1-6, got {text!r}") from None
    if not 1 <= n <= 6:
        raise argparse.ArgumentTypeError(f"a stove has 1 to 6 zones, not {n}")
    return n


def add_stove_choice(p: argparse.ArgumentParser) -> None:
    g = p.add_mutually_exclusive_group()
    g.add_argument("--profile", metavar="NAME", help="stove profile of the simulated stove (see resources/profiles)")
    g.add_argument("--zones", type=zone_count, metavar="N", help="a simulated stove with N zones (1-6)")


def _named_commands(argv: Sequence[str] | None) -> set[str]:
    """The subcommands whose modules the parser needs for ``argv`` (all of them when unsure)."""
    if argv is None or any(a in ("-h", "--help") for a in argv):
        return set(COMMANDS)
    return set(COMMANDS).intersection(argv)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line; given ``argv``, only the subcommands it names are imported.

    The dashboard is the common case and names none: it then skips importing every command
    module (serve-sim alone brings in asyncio), and gets its first frame on screen sooner.
    """
    p = argparse.ArgumentParser(
        prog="kitchen-ui",
        description="Hearth: a kitchen stove dashboard. Without a subcommand it opens the dashboard.")
    p.add_argument("--version", action="version", version=f"kitchen-ui {__version__}")
    p.add_argument("--stove", action="append", metavar="[NAME=]URL",
                   help="'sim' (built-in simulated stove, default), ksp://HOST:PORT or ksps://HOST:PORT; "
                        "repeat as NAME=URL for several stoves in one dashboard")
    tok = p.add_mutually_exclusive_group()
    tok.add_argument("--token", metavar="T", help="the network stove's pre-shared token")
    tok.add_argument("--token-file", metavar="F", help="read the token from a file")
    p.add_argument("--ca-cert", metavar="F", help="trust this certificate for a ksps:// stove")
    add_stove_choice(p)
    p.add_argument("--speed", type=speed_factor, default=1.0, metavar="X",
                   help="run the simulated stove at X times real time (0.1-10000)")
    p.add_argument("--size", type=window_size, default=None, metavar="WxH",
                   help="window size (default: as last time, else 1280x800; with --kiosk: a frameless window of "
                        "this size instead of full screen)")
    p.add_argument("--kiosk", action="store_true",
                   help="kitchen touchscreen: full screen, no frame or menus, on-screen keypad, settings and "
                        "quitting behind a PIN, screen dims when idle")
    p.add_argument("--lang", metavar="CODE", help="language of the dashboard, e.g. de or en "
                   "(default: $HEARTH_LANG, else the system's)")
    p.add_argument("--settings", metavar="PATH", help="remember choices in this INI file (default: "
                   "$HEARTH_SETTINGS, else your user settings)")
    p.add_argument("--dim-after", type=seconds_or_never, metavar="SECONDS",
                   help="kiosk: dim the screen after this many idle seconds, 0 = never (default: as set, 120)")
    p.add_argument("--screenshot", metavar="PNG", help="save the window as PNG after --run-for seconds, then exit")
    p.add_argument("--run-for", type=positive_float, metavar="SECONDS",
                   help="exit after this many seconds (default 2 with --screenshot)")
    p.add_argument("--stats", action="store_true",
                   help="print one JSON line of frame and memory figures at exit")
    p.add_argument("--demo", action="store_true",
                   help="start a few zones on the simulated stove so there is something to watch")
    p.add_argument("--db", metavar="PATH", help="the kitchen database (default: $HEARTH_DB, else in your user "
                   "data folder; --screenshot/--run-for runs without either use a temporary one)")
    from .mqtt.cli_args import add_broker_args
    add_broker_args(p, ca_flag="--broker-ca-cert",
                    url_help="an MQTT broker shared with other kitchens (the Recipes page's Community tab)")
    p.add_argument("--fleet", metavar="URL", help="the fleet screen: every stove on this MQTT broker "
                   "(mqtt://HOST:PORT), a tile each, with ALL OFF everywhere")
    p.add_argument("--power-budget", type=positive_float, metavar="W",
                   help="--fleet: warn when the zones on could draw more than W watts (e.g. the circuit's limit)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    wanted = _named_commands(argv)
    for name, module_name in COMMANDS.items():
        if name not in wanted:
            sub.add_parser(name)       # a name for argparse's messages; never parsed (argv lacks it)
            continue
        sp = importlib.import_module(f".commands.{module_name}", __package__).register(sub)
        # --db may stand before or after the subcommand
        sp.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    try:
        code = _main(argv)
        # Flushed here, inside the guard: buffered output into a pipe whose reader has gone (`| head`)
        # fails now rather than at interpreter exit ("Exception ignored ... BrokenPipeError", exit 120).
        sys.stdout.flush()
        return code
    except SystemExit:                       # argparse: --help, --version, a usage error
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _stdout_to_devnull()
        raise
    except BrokenPipeError:
        # output piped into `head` or a pager that quit: stop quietly, like other Unix tools
        _stdout_to_devnull()
        return 0


def _stdout_to_devnull() -> None:
    """What the Python docs advise after a BrokenPipeError: nothing is left to flush at exit."""
    import os
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):   # replaced by a non-file (tests capture it)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def _main(argv: Sequence[str] | None) -> int:
    import sqlite3
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if args.command in COMMANDS and not isinstance(args.stove, str):
        # a subcommand drives one stove (cook also takes its own --stove): the last given, else the simulator
        args.stove = args.stove[-1] if args.stove else "sim"
    try:
        if args.command in COMMANDS:
            startup_gc.resume()          # only the dashboard's first frame waits for the collector
            module = importlib.import_module(f".commands.{COMMANDS[args.command]}", __package__)
            return int(module.run(args))
        from .commands import dashboard
        return int(dashboard.run(args))
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"kitchen-ui: error: {exc}", file=sys.stderr)
        return 2
    except sqlite3.Error as exc:
        # e.g. damage the check at open could not see (it walks pages, not every value): name the file
        from pathlib import Path

        from .storage.database import damaged_message, default_db_path
        db = Path(args.db).expanduser() if getattr(args, "db", None) else default_db_path()
        corrupt = getattr(exc, "sqlite_errorcode", None) in (11, 26)     # SQLITE_CORRUPT, SQLITE_NOTADB
        if corrupt:
            from .storage.integrity import forget
            forget(db)                                   # the next open checks the whole file
        print(f"kitchen-ui: error: {damaged_message(db, str(exc)) if corrupt else f'{db}: {exc}'}", file=sys.stderr)
        return 1


def entry() -> None:
    """The ``kitchen-ui`` command (and ``python -m kitchen_ui``): run, then leave quickly.

    When main() returns, everything is closed and saved (database, settings, log). Freezing the
    garbage collector's view of what is still alive spares the interpreter its collection passes
    over all of it on the way out: ~0.15 s of a dashboard run on a 2-core machine
    (benchmarks/bench_startup.py). Tests call main() and keep their collector as it was.
    """
    startup_gc.pause()           # until the first frame (or a subcommand) is under way
    code = main()
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    entry()
