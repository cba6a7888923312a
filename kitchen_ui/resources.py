"""Where the shipped data files live (source tree, installed package or PyInstaller bundle)."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    here = Path(__file__).resolve().parent
    for cand in (here.parent / "resources", here / "resources"):
        if cand.is_dir():
            return cand
    raise FileNotFoundError("Hearth's resources folder is missing from this installation")


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)
