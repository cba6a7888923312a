"""Session energy in the kitchen database: save it, read it back, compare runs, sum up weeks.

* :func:`save_session_energy` keeps a meter's reading with its session (one row per zone, with
  the tariff and intensity it was costed at, so later price changes do not rewrite history).
* :func:`energy_from_samples` meters a recorded session from its stored telemetry with the same
  counter rules as the live meter (for sessions recorded without one).
* :func:`run_energy` sums what one recipe run used over every session it was cooked in (a run
  resumed after a crash has the session that died with the app, and the next);
  :func:`settle_session` gives a session cut short by a crash its energy from its samples.
* :func:`recipe_runs` lists what earlier complete runs of the same recipe used, oldest first. An
  aborted run, or one whose energy is not all known, is never among them: comparing a complete
  run with part of one would say "used 58 % less" of a run that simply stopped early.
* :func:`weekly_summary` sums energy, cost and CO2 per day over a week of sessions (days in the
  caller's time zone; sessions are placed by the day they started).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any, Iterable

from ..storage.database import KitchenDB
from ..storage.energy import (energy_per_session, replace_session_energy, session_energy_rows,
                              session_totals_started_between, sessions_recipe_and_start)
from ..storage.runs import completed_runs
from ..storage.sessions import SessionData, SessionNotFound, load_session, session_info
from .meter import EnergyReading, ZoneCounter, ZoneEnergy
from .settings import EnergySettings


def save_session_energy(kdb: KitchenDB, session_id: int, reading: EnergyReading, settings: EnergySettings) -> None:
    session_info(kdb, session_id)      # SessionNotFound names the session
    replace_session_energy(kdb, session_id, [
        (z.zone, z.kind, z.energy_wh, z.cost, z.co2_g, settings.price(z.kind), settings.intensity(z.kind),
         settings.currency, z.resets) for z in reading.zones])


def load_session_energy(kdb: KitchenDB, session_id: int) -> EnergyReading | None:
    rows = session_energy_rows(kdb, session_id)
    if not rows:
        return None
    info = session_info(kdb, session_id)
    return EnergyReading(info.t_last, tuple(ZoneEnergy(z, k, e, c, g, r) for z, k, e, c, g, r, _ in rows),
                         rows[0][6])


def energy_from_samples(data: SessionData, settings: EnergySettings) -> EnergyReading:
    """The energy a recorded session used, from its stored ``energy_wh`` samples."""
    kinds = {int(z.get("id", -1)): str(z.get("kind", "induction")) for z in data.info.zones}
    zones = []
    for zid in sorted(data.zones):
        counter = ZoneCounter()
        for wh in data.zones[zid]["energy_wh"].tolist():
            counter.feed(float(wh))
        kind = kinds.get(zid, "induction")
        zones.append(ZoneEnergy(zid, kind, counter.used_wh, settings.cost(kind, counter.used_wh),
                                settings.co2_g(kind, counter.used_wh), counter.resets))
    return EnergyReading(data.info.t_last, tuple(zones), settings.currency)


def settle_session(kdb: KitchenDB, session_id: int, settings: EnergySettings) -> bool:
    """A session without saved energy (the app died while recording it) gets the energy its
    recorded samples show; True if it had to. Its ``ended_at`` stays empty: nobody saw it end."""
    if load_session_energy(kdb, session_id) is not None:
        return False
    save_session_energy(kdb, session_id, energy_from_samples(load_session(kdb, session_id), settings), settings)
    return True


def run_energy(kdb: KitchenDB, sessions: Iterable[int], settings: EnergySettings) -> tuple[EnergyReading, bool]:
    """What a run used over its ``sessions``, zone by zone, and whether all of it is known (a
    session deleted since counts as unknown). Saved energy first, else metered from samples."""
    per_zone: dict[int, list[Any]] = {}
    known, t_last, currency = True, None, ""
    for sid in dict.fromkeys(sessions):
        try:
            reading = load_session_energy(kdb, sid)
            if reading is None:
                reading = energy_from_samples(load_session(kdb, sid), settings)
        except SessionNotFound:
            known = False
            continue
        t_last, currency = reading.t, currency or reading.currency
        for z in reading.zones:
            acc = per_zone.setdefault(z.zone, [z.kind, 0.0, 0.0, 0.0, 0])
            acc[1:] = [acc[1] + z.energy_wh, acc[2] + z.cost, acc[3] + z.co2_g, acc[4] + z.resets]
    zones = tuple(ZoneEnergy(zid, *per_zone[zid]) for zid in sorted(per_zone))
    return EnergyReading(t_last, zones, currency or settings.currency), known


@dataclass(frozen=True)
class RunEnergy:
    session_id: int            # the (last) session it was cooked in
    started_at: str
    energy_wh: float
    cost: float
    co2_g: float
    run_id: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"session_id": self.session_id, "run_id": self.run_id, "started_at": self.started_at,
                "kwh": round(self.energy_wh / 1000, 4), "cost": round(self.cost, 4), "co2_g": round(self.co2_g, 1)}


def recipe_runs(kdb: KitchenDB, recipe_id: int) -> list[RunEnergy]:
    """Complete runs of one recipe with all their energy saved, oldest first (see the module doc)."""
    out = []
    for run_id, sids in completed_runs(kdb.conn):
        if not sids:
            continue
        sessions = sessions_recipe_and_start(kdb, sids)
        if len(sessions) != len(set(sids)) or not any(r[1] == recipe_id for r in sessions):
            continue
        energy = energy_per_session(kdb, sids)
        if set(energy) != set(sids):
            continue                        # part of it unknown: not comparable
        out.append(RunEnergy(sids[-1], min(r[2] for r in sessions), sum(e[0] for e in energy.values()),
                             sum(e[1] for e in energy.values()), sum(e[2] for e in energy.values()), run_id))
    return sorted(out, key=lambda r: (r.started_at, r.session_id))


@dataclass(frozen=True)
class DayEnergy:
    day: date
    sessions: int
    energy_wh: float
    cost: float
    co2_g: float

    def to_dict(self) -> dict[str, Any]:
        return {"day": self.day.isoformat(), "sessions": self.sessions, "kwh": round(self.energy_wh / 1000, 4),
                "cost": round(self.cost, 4), "co2_g": round(self.co2_g, 1)}


@dataclass(frozen=True)
class WeekEnergy:
    start: date
    days: tuple[DayEnergy, ...]
    currency: str

    @property
    def energy_wh(self) -> float:
        return sum(d.energy_wh for d in self.days)

    @property
    def cost(self) -> float:
        return sum(d.cost for d in self.days)

    @property
    def co2_g(self) -> float:
        return sum(d.co2_g for d in self.days)

    def to_dict(self) -> dict[str, Any]:
        return {"week_start": self.start.isoformat(), "currency": self.currency,
                "kwh": round(self.energy_wh / 1000, 4), "cost": round(self.cost, 4), "co2_g": round(self.co2_g, 1),
                "days": [d.to_dict() for d in self.days]}


def weekly_summary(kdb: KitchenDB, week_start: date, tz: tzinfo = timezone.utc) -> WeekEnergy:
    """Seven days from ``week_start`` (every day listed, empty ones as zero)."""
    days = {week_start + timedelta(days=i): [0, 0.0, 0.0, 0.0] for i in range(7)}
    currency = ""
    lo = datetime.combine(week_start, datetime.min.time(), tz).astimezone(timezone.utc) - timedelta(days=1)
    hi = lo + timedelta(days=9)
    rows = session_totals_started_between(kdb, lo.isoformat(timespec="seconds"), hi.isoformat(timespec="seconds"))
    for _, started, wh, cost, co2, cur in rows:
        day = datetime.fromisoformat(started).astimezone(tz).date()
        if day in days:
            acc = days[day]
            acc[0] += 1
            acc[1] += wh
            acc[2] += cost
            acc[3] += co2
            currency = currency or cur
    return WeekEnergy(week_start, tuple(DayEnergy(d, int(v[0]), v[1], v[2], v[3]) for d, v in sorted(days.items())),
                      currency)
