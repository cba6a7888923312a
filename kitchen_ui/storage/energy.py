"""Session energy's rows (the ``session_energy`` table) and the queries that sum them.

Only the SQL lives here; :mod:`kitchen_ui.energy.store` turns the rows into readings, run
comparisons and weekly summaries. A session has one row per zone that drew energy, with the
tariff and intensity it was costed at.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from .database import KitchenDB

# zone, kind, energy_wh, cost, co2_g, tariff, intensity_g, currency, counter_resets
EnergyRow = tuple[int, str, float, float, float, float, float, str, int]


def replace_session_energy(kdb: KitchenDB, session_id: int, rows: Iterable[EnergyRow]) -> None:
    """The session's rows become ``rows`` (in one transaction)."""
    with kdb.conn:
        kdb.conn.execute("DELETE FROM session_energy WHERE session_id = ?", (session_id,))
        kdb.conn.executemany(
            "INSERT INTO session_energy (session_id, zone, kind, energy_wh, cost, co2_g, tariff, intensity_g, "
            "currency, counter_resets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(session_id, *r) for r in rows])


def session_energy_rows(kdb: KitchenDB, session_id: int) -> list[tuple[int, str, float, float, float, int, str]]:
    """(zone, kind, energy_wh, cost, co2_g, counter_resets, currency) per zone, by zone; [] if none saved."""
    return kdb.conn.execute(
        "SELECT zone, kind, energy_wh, cost, co2_g, counter_resets, currency FROM session_energy "
        "WHERE session_id = ? ORDER BY zone", (session_id,)).fetchall()


def sessions_recipe_and_start(kdb: KitchenDB, session_ids: Sequence[int]) -> list[tuple[int, int | None, str]]:
    """(id, recipe_id, started_at) of those of ``session_ids`` that still exist."""
    marks = ",".join("?" * len(session_ids))
    return kdb.conn.execute(f"SELECT id, recipe_id, started_at FROM sessions WHERE id IN ({marks})",
                            list(session_ids)).fetchall()


def energy_per_session(kdb: KitchenDB, session_ids: Sequence[int]) -> dict[int, tuple[float, float, float]]:
    """Session id -> (energy_wh, cost, co2_g) summed over its zones, for sessions with saved energy."""
    marks = ",".join("?" * len(session_ids))
    return {r[0]: r[1:] for r in kdb.conn.execute(
        f"SELECT session_id, SUM(energy_wh), SUM(cost), SUM(co2_g) FROM session_energy "
        f"WHERE session_id IN ({marks}) GROUP BY session_id", list(session_ids))}


def session_totals_started_between(kdb: KitchenDB, lo: str, hi: str) -> list[tuple[int, str, float, float, float, str]]:
    """(id, started_at, energy_wh, cost, co2_g, currency) of sessions with saved energy that started
    in [lo, hi) (ISO times in UTC)."""
    return kdb.conn.execute(
        "SELECT s.id, s.started_at, SUM(e.energy_wh), SUM(e.cost), SUM(e.co2_g), MAX(e.currency) FROM sessions s "
        "JOIN session_energy e ON e.session_id = s.id WHERE s.started_at >= ? AND s.started_at < ? GROUP BY s.id",
        (lo, hi)).fetchall()
