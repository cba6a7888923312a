"""``kitchen-ui voice ACTION``: speech out (``say``) and commands in (``recognize``), offline; no Qt.

Each action lives in its own module (``voice_say``, ``voice_recognize``) with a
``register_<action>(actions)`` and a ``run_<action>(args)``; an action whose module is not
installed is simply not offered.
"""

from __future__ import annotations

import argparse
import importlib

ACTIONS = ("say", "recognize")


def _action_module(name: str):
    try:
        return importlib.import_module(f".voice_{name}", __package__)
    except ModuleNotFoundError as exc:
        if exc.name != f"{__package__}.voice_{name}":
            raise
        return None


def register(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("voice", help="speech out and voice commands in, offline",
                       description="Voice: speak text into a WAV file, recognize spoken commands.")
    actions = p.add_subparsers(dest="voice_command", metavar="ACTION")
    for name in ACTIONS:
        module = _action_module(name)
        if module is not None:
            getattr(module, f"register_{name}")(actions)
    p.set_defaults(voice_parser=p)
    return p


def run(args: argparse.Namespace) -> int:
    name = getattr(args, "voice_command", None)
    if name is None:
        args.voice_parser.print_help()
        return 2
    return int(getattr(_action_module(name), f"run_{name}")(args))
