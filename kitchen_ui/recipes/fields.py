"""Typed readers for recipe JSON: each failure names the field it read (``steps[2].duration_s``)."""

from __future__ import annotations

import math
import re
from typing import Any


class RecipeError(ValueError):
    """A recipe (file, JSON object or field) is not valid; the message says where and why."""


def field_error(path: str, message: str) -> RecipeError:
    return RecipeError(f"{path}: {message}" if path else message)


# -- typed readers --------------------------------------------------------------------------------
def as_object(v: Any, path: str) -> dict[str, Any]:
    if not isinstance(v, dict):
        raise field_error(path, f"must be an object, not {type(v).__name__}")
    return v


def as_text(v: Any, path: str, *, required: bool = False) -> str:
    if v is None:
        v = ""
    if not isinstance(v, str):
        raise field_error(path, f"must be text, not {v!r}")
    if required and not v.strip():
        raise field_error(path, "must not be empty")
    return v.strip()


def as_number(v: Any, path: str, lo: float, hi: float) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
        raise field_error(path, f"must be a number, not {v!r}")
    if not lo <= v <= hi:
        raise field_error(path, f"{v:g} is out of range {lo:g}..{hi:g}")
    return float(v)


def as_choice(v: Any, path: str, choices: tuple[str, ...]) -> str:
    if v not in choices:
        raise field_error(path, f"must be one of {', '.join(choices)}, not {v!r}")
    return v


_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{2})$")
_ISO = re.compile(r"^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$",
                  re.IGNORECASE)
_WORDS = re.compile(r"^(\d+(?:\.\d+)?)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?)$", re.IGNORECASE)


def parse_duration(v: Any, path: str = "duration") -> float | None:
    """Seconds from a number, ``"10:00"``, ``"1:30:00"``, ``"PT1H30M"`` or ``"10 min"`` (None stays None)."""
    if v is None:
        return None
    if isinstance(v, str):
        s = v.strip()
        m = _CLOCK.match(s)
        if m:
            return int(m.group(1) or 0) * 3600.0 + int(m.group(2)) * 60.0 + int(m.group(3))
        m = _ISO.match(s)
        if m and s.upper() not in ("P", "PT"):
            d, h, mi, se = (float(g) if g else 0.0 for g in m.groups())
            return d * 86400 + h * 3600 + mi * 60 + se
        m = _WORDS.match(s)
        if m:
            unit = m.group(2).lower()[0]
            return float(m.group(1)) * {"s": 1, "m": 60, "h": 3600}[unit]
        raise field_error(path, f"cannot read {v!r} as a duration (use seconds, '10:00' or 'PT10M')")
    return as_number(v, path, 0, 7 * 86400)


def slugify(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")
    return s if s and not s.isdigit() else f"recipe-{s}".rstrip("-")   # digits alone read as an id
