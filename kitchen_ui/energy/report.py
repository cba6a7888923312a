"""After a recipe: what the session used, how that compares with the recipe's earlier runs, tips.

:func:`after_recipe` is what the "done" view shows. The energy is the one saved with the session
(:func:`~.store.save_session_energy`), or metered from its stored telemetry when none was saved;
for a recipe run it is the run's, over every session it was cooked in (resumed after a crash,
the energy before the crash counts too). Only a complete run is compared with earlier complete
runs; an aborted one (or one whose energy is not all known) just says what it used.
The tips are computed by cooking the same recipe on a simulated stove with the session's zones
(:mod:`.tips`), so they hold for the stove the cook actually used, network stove or simulator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..sim.profiles import StoveProfile, ZoneSpec
from ..storage.database import KitchenDB
from ..storage.recipes_store import load_recipe
from ..storage.runs import run_sessions
from ..storage.sessions import SessionInfo, load_session, session_info
from .meter import EnergyReading
from .settings import EnergySettings, load_settings
from .store import RunEnergy, energy_from_samples, load_session_energy, recipe_runs, run_energy
from .tips import Tip, recipe_tips


@dataclass(frozen=True)
class AfterRecipe:
    session_id: int
    title: str
    used: EnergyReading
    earlier: tuple[RunEnergy, ...] = ()
    tips: tuple[Tip, ...] = ()
    notes: tuple[str, ...] = field(default_factory=tuple)
    complete: bool = True          # the whole recipe, all its energy known: comparable

    @property
    def earlier_average_wh(self) -> float | None:
        return None if not self.earlier else sum(r.energy_wh for r in self.earlier) / len(self.earlier)

    @property
    def change_vs_earlier(self) -> float | None:
        """This run against the average of the earlier ones (-0.1: used 10 % less)."""
        avg = self.earlier_average_wh
        return None if not avg or not self.complete else self.used.energy_wh / avg - 1.0

    def to_dict(self) -> dict[str, Any]:
        avg = self.earlier_average_wh
        change = self.change_vs_earlier
        return {"session_id": self.session_id, "title": self.title, "used": self.used.to_dict(),
                "earlier_runs": [r.to_dict() for r in self.earlier],
                "earlier_average_kwh": None if avg is None else round(avg / 1000, 4),
                "change_vs_earlier": None if change is None else round(change, 3),
                "tips": [t.to_dict() for t in self.tips], "notes": list(self.notes), "complete": self.complete}


def profile_from_session(info: SessionInfo) -> StoveProfile:
    """A simulated stove with the zones the session's stove announced."""
    zones = tuple(ZoneSpec(name=str(z.get("name", f"zone {i}")), kind=str(z.get("kind", "induction")),
                           diameter_mm=int(z.get("diameter_mm") or 180), max_power_w=float(z.get("max_power_w") or 1800),
                           boost_power_w=None if z.get("boost_power_w") is None else float(z["boost_power_w"]),
                           min_target_c=float(z.get("min_target_c", 30)), max_target_c=float(z.get("max_target_c", 250)))
                  for i, z in enumerate(info.zones))
    return StoveProfile(name=f"session-{info.id}", model=info.stove_model or "stove of the session", zones=zones)


def after_recipe(kdb: KitchenDB, session_id: int, *, settings: EnergySettings | None = None,
                 profile: StoveProfile | None = None, with_tips: bool = True, run_id: str | None = None,
                 complete: bool = True) -> AfterRecipe:
    """What the run ``run_id`` (ending in ``session_id``) used, or the session alone without one.
    ``complete`` is False for a run that was aborted: it is then compared with nothing."""
    settings = settings or load_settings(kdb)
    info = session_info(kdb, session_id)
    notes = []
    if run_id is not None:
        sessions = run_sessions(kdb.conn, run_id)
        used, known = run_energy(kdb, sessions + [s for s in [session_id] if s not in sessions], settings)
        if len(sessions) > 1:
            notes.append(f"the run was cooked in {len(sessions)} sessions (resumed); all of them count")
        if not known:
            notes.append("part of the run's energy is unknown (a session of it was deleted)")
        complete = complete and known
    else:
        used = load_session_energy(kdb, session_id)
        if used is None:
            used = energy_from_samples(load_session(kdb, session_id), settings)
            notes.append("energy metered from the recorded telemetry (none was saved with the session)")
    earlier: list[RunEnergy] = []
    tips: list[Tip] = []
    title = info.title
    if info.recipe_id is not None and not complete:
        notes.append("not compared: the run did not cook the whole recipe")
    elif info.recipe_id is not None:
        earlier = [r for r in recipe_runs(kdb, info.recipe_id)
                   if r.session_id != session_id and (run_id is None or r.run_id != run_id)
                   and (r.started_at, r.session_id) < (info.started_at, session_id)]
    if info.recipe_id is not None:
        recipe = load_recipe(kdb, info.recipe_id)
        title = title or recipe.title
        if with_tips:
            if profile is None and not info.zones:
                notes.append("no tips: the session does not say which zones the stove had")
            else:
                tips = recipe_tips(recipe, profile or profile_from_session(info), settings)
    else:
        notes.append("no recipe: nothing to compare with and no tips")
    return AfterRecipe(session_id, title, used, tuple(earlier), tuple(tips), tuple(notes), complete)
