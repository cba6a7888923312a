"""One module per command line command; each adds its arguments and runs."""

from __future__ import annotations

import argparse


def action_adder(actions: argparse._SubParsersAction):
    """``add(name, help_text)`` for a command's actions (``recipes list``, ``db check``, …): each
    also takes ``--db PATH`` after the action, as every command does before it (hidden in help)."""
    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        sp = actions.add_parser(name, help=help_text, description=help_text)
        sp.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
        return sp
    return add
