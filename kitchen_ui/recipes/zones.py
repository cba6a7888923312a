"""Which zone each pot goes on: zone roles resolved from what every stove announces.

A network stove announces no roles, only each zone's kind, diameter and maximum power
(:class:`~kitchen_ui.core.model.ZoneInfo`). So a role is a preference over those: ``large`` wants
the widest zone, ``small`` the narrowest, ``medium`` the one nearest the middle size, ``wok`` a
gas burner (else the most powerful), ``any`` takes what is left. Pots get distinct zones; the
assignment with the best total fit wins (a stove has at most six zones, so trying every
assignment is cheap and the result never depends on the order pots are listed in).
"""

from __future__ import annotations

from itertools import permutations
from typing import Sequence

from ..core.model import ZoneInfo
from .model import Pot, Recipe, RecipeError

BOOST_BONUS = 0.5


def _rank(values: Sequence[float], v: float) -> float:
    """0 for the smallest value, 1 for the largest (0.5 when all are equal)."""
    lo, hi = min(values), max(values)
    return 0.5 if hi == lo else (v - lo) / (hi - lo)


def role_score(role: str, zone: ZoneInfo, zones: Sequence[ZoneInfo]) -> float:
    """How well ``zone`` suits ``role`` among ``zones`` (0..2, higher is better)."""
    size = _rank([z.diameter_mm for z in zones], zone.diameter_mm)
    power = _rank([z.max_power_w for z in zones], zone.max_power_w)
    if role == "large":
        return size + 0.1 * power
    if role == "small":
        return (1 - size) + 0.1 * (1 - power)
    if role == "medium":
        return 1 - abs(size - 0.5) * 2 + 0.05 * power
    if role == "wok":
        return (1.0 if zone.kind == "gas" else 0.0) + power * 0.8 + size * 0.2
    return 0.0  # "any": indifferent, leaves the good zones to pickier pots


def assign_zones(pots: Sequence[Pot], zones: Sequence[ZoneInfo], needs_boost: set[str] | None = None) -> dict[str, int]:
    """Map pot id -> zone id, one zone per pot; RecipeError when the stove has too few zones.

    Pots in ``needs_boost`` (a step asks for boost) lean towards zones that have it; elsewhere the
    engine falls back to level 9.
    """
    if not pots:
        return {}
    if len(pots) > len(zones):
        raise RecipeError(f"this recipe needs {len(pots)} zones at once "
                          f"({', '.join(p.id for p in pots)}); the stove has {len(zones)}")
    boost = needs_boost or set()
    scores = [[role_score(p.zone, z, zones) + (BOOST_BONUS if p.id in boost and z.has_boost else 0.0)
               for z in zones] for p in pots]
    best: tuple[float, tuple[int, ...]] | None = None
    for perm in permutations(range(len(zones)), len(pots)):
        total = sum(scores[i][zi] for i, zi in enumerate(perm))
        if best is None or total > best[0] + 1e-9:
            best = (total, perm)
    assert best is not None
    return {p.id: zones[zi].id for p, zi in zip(pots, best[1])}


def used_pots(recipe: Recipe) -> list[Pot]:
    """The pots that at least one step uses (a pot nobody cooks in needs no zone)."""
    wanted = {s.pot for s in recipe.steps if s.pot is not None}
    return [p for p in recipe.pots if p.id in wanted]


def plan_zones(recipe: Recipe, zones: Sequence[ZoneInfo],
               overrides: dict[str, int] | None = None) -> dict[str, int]:
    """Pot id -> zone id for this recipe on this stove; ``overrides`` pins pots the cook placed."""
    overrides = dict(overrides or {})
    ids = {z.id for z in zones}
    for pot_id, zone_id in overrides.items():
        if recipe.pot(pot_id) is None:
            raise RecipeError(f"zone choice: the recipe has no pot {pot_id!r}")
        if zone_id not in ids:
            raise RecipeError(f"zone choice: the stove has no zone {zone_id}")
    if len(set(overrides.values())) != len(overrides):
        raise RecipeError("zone choice: two pots cannot share one zone")
    free = [z for z in zones if z.id not in overrides.values()]
    rest = [p for p in used_pots(recipe) if p.id not in overrides]
    boost = {s.pot for s in recipe.steps if s.pot and s.setting is not None and s.setting.mode == "boost"}
    plan = assign_zones(rest, free, boost) if rest else {}
    plan.update(overrides)
    return plan
