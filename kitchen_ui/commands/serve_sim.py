"""``kitchen-ui serve-sim``: the simulated stove served over KSP/1 (see the network issue)."""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7868)


def run(args: argparse.Namespace) -> int:
    from ..cli import UsageError
    raise UsageError("serve-sim is not available yet")
