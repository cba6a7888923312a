"""``kitchen-ui serve-sim``: the simulated stove served over KSP/1 (headless, no Qt)."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("serve-sim", help="serve the simulated stove over KSP/1 (headless)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7868)
    from ..cli import add_stove_choice
    add_stove_choice(p)
    return p


def run(args: argparse.Namespace) -> int:
    from ..cli import UsageError
    raise UsageError("serve-sim is not available yet")
