"""Session energy in the kitchen database: save it, read it back, compare runs, sum up weeks.

* :func:`save_session_energy` keeps a meter's reading with its session (one row per zone, with
  the tariff and intensity it was costed at, so later price changes do not rewrite history).
* :func:`energy_from_samples` meters a recorded session from its stored telemetry with the same
  counter rules as the live meter (for sessions recorded without one).
* :func:`recipe_runs` lists what earlier sessions of the same recipe used, oldest first.
* :func:`weekly_summary` sums energy, cost and CO2 per day over a week of sessions (days in the
  caller's time zone; sessions are placed by the day they started).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any

from ..storage.database import KitchenDB
from ..storage.sessions import SessionData, session_info
from .meter import EnergyReading, ZoneCounter, ZoneEnergy
from .settings import EnergySettings


def save_session_energy(kdb: KitchenDB, session_id: int, reading: EnergyReading, settings: EnergySettings) -> None:
    session_info(kdb, session_id)      # SessionNotFound names the session
    with kdb.conn:
        kdb.conn.execute("DELETE FROM session_energy WHERE session_id = ?", (session_id,))
        kdb.conn.executemany(
            "INSERT INTO session_energy VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(session_id, z.zone, z.kind, z.energy_wh, z.cost, z.co2_g, settings.price(z.kind),
              settings.intensity(z.kind), settings.currency, z.resets) for z in reading.zones])


def load_session_energy(kdb: KitchenDB, session_id: int) -> EnergyReading | None:
    rows = kdb.conn.execute(
        "SELECT zone, kind, energy_wh, cost, co2_g, counter_resets, currency FROM session_energy "
        "WHERE session_id = ? ORDER BY zone", (session_id,)).fetchall()
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


@dataclass(frozen=True)
class RunEnergy:
    session_id: int
    started_at: str
    energy_wh: float
    cost: float
    co2_g: float

    def to_dict(self) -> dict[str, Any]:
        return {"session_id": self.session_id, "started_at": self.started_at, "kwh": round(self.energy_wh / 1000, 4),
                "cost": round(self.cost, 4), "co2_g": round(self.co2_g, 1)}


def recipe_runs(kdb: KitchenDB, recipe_id: int) -> list[RunEnergy]:
    """Sessions of one recipe that have their energy saved, oldest first."""
    rows = kdb.conn.execute(
        "SELECT s.id, s.started_at, SUM(e.energy_wh), SUM(e.cost), SUM(e.co2_g) FROM sessions s "
        "JOIN session_energy e ON e.session_id = s.id WHERE s.recipe_id = ? GROUP BY s.id ORDER BY s.started_at, s.id",
        (recipe_id,)).fetchall()
    return [RunEnergy(*r) for r in rows]


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
    rows = kdb.conn.execute(
        "SELECT s.id, s.started_at, SUM(e.energy_wh), SUM(e.cost), SUM(e.co2_g), MAX(e.currency) FROM sessions s "
        "JOIN session_energy e ON e.session_id = s.id WHERE s.started_at >= ? AND s.started_at < ? GROUP BY s.id",
        (lo.isoformat(timespec="seconds"), hi.isoformat(timespec="seconds")))
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
