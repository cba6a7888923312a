"""``kitchen-ui voice ACTION``: speech in (``recognize``) and out, offline. Each action lives in its
own module (``voice_recognize``, ...); this one only routes."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from .voice_recognize import register_recognize

    p = sub.add_parser("voice", help="voice commands and speech, offline",
                       description="Voice: recognize commands in WAV files; speak text.")
    actions = p.add_subparsers(dest="voice_command", metavar="ACTION")
    register_recognize(actions)
    return p


def run(args: argparse.Namespace) -> int:
    from ..cli import UsageError

    action = getattr(args, "voice_command", None)
    if action == "recognize":
        from .voice_recognize import run_recognize
        return run_recognize(args)
    raise UsageError("voice: choose an action: recognize")
