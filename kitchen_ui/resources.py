"""Where the shipped data files live, found the same way in every kind of installation.

The repository keeps them at the top level (``resources/``, ``db/migrations/``). Building a wheel
maps them into the package as ``kitchen_ui/_resources`` and ``kitchen_ui/_migrations`` (setup.py),
and the PyInstaller spec puts them at the same place in the bundle, so an installed Hearth finds
them through ``importlib.resources``. A source checkout or an editable install has no such
folders inside the package; there the top-level folders beside ``kitchen_ui/`` are used.
"""

from __future__ import annotations

import functools
import importlib.resources
from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent
# name inside the package, folder in a source checkout, a file that proves it is Hearth's
_SHIPPED = {
    "resources": ("_resources", "resources", "theme/dark.json"),
    "migrations": ("_migrations", "db/migrations", "0001_initial.sql"),
}


@functools.cache          # one look per kind and run (a missing folder raises, and is looked for again)
def shipped_dir(kind: str) -> Path:
    """The folder of shipped data ``kind`` ("resources" or "migrations"); FileNotFoundError if absent."""
    inside, checkout, marker = _SHIPPED[kind]
    installed = importlib.resources.files(__package__) / inside
    for cand in (Path(str(installed)), _CHECKOUT / checkout):
        if (cand / marker).is_file():
            return cand
    raise FileNotFoundError(f"Hearth's {checkout} folder is missing from this installation "
                            f"(looked in {installed} and {_CHECKOUT / checkout})")


def resources_root() -> Path:
    return shipped_dir("resources")


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
