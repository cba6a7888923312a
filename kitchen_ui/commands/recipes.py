"""``kitchen-ui recipes``: see the recipes issue."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    return sub.add_parser("recipes", help="recipes in the kitchen database")


def run(args: argparse.Namespace) -> int:
    from ..cli import UsageError
    raise UsageError("'recipes' is not available yet")
