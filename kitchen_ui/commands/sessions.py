"""``kitchen-ui sessions``: see the recipes issue."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    return sub.add_parser("sessions", help="sessions in the kitchen database")


def run(args: argparse.Namespace) -> int:
    from ..cli import UsageError
    raise UsageError("'sessions' is not available yet")
