"""Cooking sessions in the database: what the history view and ``sessions`` commands read.

:func:`load_session` returns every zone's samples as numpy arrays (``t``, ``temp_c``, …), with the
session's stove events and recipe steps, for a history plot. :func:`export_csv` writes one row
per zone sample (and a row per event and step), ordered by stove time. Writing happens in
:mod:`kitchen_ui.storage.recorder`.
"""

from __future__ import annotations

import csv
import json
import math
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, TextIO

import numpy as np

from ..core.model import StoveInfo
from .database import KitchenDB
from .samples import BOOST, PAN, RESIDUAL, fault_name, mode_name, unpack


class SessionNotFound(LookupError):
    """No session with that id; the message names the database."""


@dataclass(frozen=True)
class SessionInfo:
    id: int
    title: str
    started_at: str
    ended_at: str | None
    stove_model: str
    zones: tuple[dict[str, Any], ...]
    t_first: float | None
    t_last: float | None
    samples: int
    recipe_id: int | None = None
    outcome: str | None = None        # finished, aborted, interrupted, manual (None: still recording)
    energy_wh: float | None = None    # as saved with the session (None: none saved)

    @property
    def duration_s(self) -> float:
        return 0.0 if self.t_first is None or self.t_last is None else self.t_last - self.t_first

    def zone_name(self, zone: int) -> str:
        for z in self.zones:
            if z.get("id") == zone:
                return str(z.get("name", zone))
        return f"zone {zone}"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "started_at": self.started_at, "ended_at": self.ended_at,
                "stove_model": self.stove_model, "zones": [z.get("name") for z in self.zones],
                "duration_s": round(self.duration_s, 3), "samples": self.samples, "recipe_id": self.recipe_id,
                "outcome": self.outcome,
                "energy_wh": None if self.energy_wh is None else round(self.energy_wh, 3)}


@dataclass
class SessionData:
    """A session ready to plot: ``zones[id]`` is a record array with fields t, temp_c, … ."""

    info: SessionInfo
    zones: dict[int, np.ndarray] = field(default_factory=dict)
    events: list[dict[str, Any]] = field(default_factory=list)
    steps: list[dict[str, Any]] = field(default_factory=list)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def create_session(conn: sqlite3.Connection, info: StoveInfo | None, title: str = "",
                   recipe_id: int | None = None, outcome: str = "manual") -> int:
    """A new session; ``outcome`` is how it stands until it ends (a recipe's: 'interrupted')."""
    zones = [] if info is None else [z.to_dict() for z in info.zones]
    with conn:
        cur = conn.execute(
            "INSERT INTO sessions (title, recipe_id, started_at, stove_id, stove_model, zones, outcome) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (title, recipe_id, _now(), "" if info is None else info.id, "" if info is None else info.model,
             json.dumps(zones), outcome))
    return int(cur.lastrowid)


OUTCOMES = ("finished", "aborted", "interrupted", "manual")


def close_session(conn: sqlite3.Connection, session_id: int, outcome: str | None = None) -> None:
    """The session is over; ``outcome`` (one of :data:`OUTCOMES`) says how it ended."""
    if outcome is not None and outcome not in OUTCOMES:
        raise ValueError(f"a session ends {', '.join(OUTCOMES)}, not {outcome!r}")
    with conn:
        conn.execute("UPDATE sessions SET ended_at = ?, outcome = COALESCE(?, outcome) WHERE id = ?",
                     (_now(), outcome, session_id))


def set_session_outcome(conn: sqlite3.Connection, session_id: int, outcome: str) -> None:
    """How the session stands so far (a recipe under way is 'interrupted' until it ends)."""
    if outcome not in OUTCOMES:
        raise ValueError(f"a session ends {', '.join(OUTCOMES)}, not {outcome!r}")
    with conn:
        conn.execute("UPDATE sessions SET outcome = ? WHERE id = ?", (outcome, session_id))


def retitle_session(conn: sqlite3.Connection, session_id: int, title: str, recipe_id: int | None) -> None:
    """Name the recipes cooked in the session (its first recipe's id stays)."""
    with conn:
        conn.execute("UPDATE sessions SET title = ?, recipe_id = COALESCE(recipe_id, ?) WHERE id = ?",
                     (title, recipe_id, session_id))


def _info(row: sqlite3.Row | tuple) -> SessionInfo:
    (sid, title, started, ended, model, zones, t0, t1, n, recipe_id, outcome, energy_wh) = row
    return SessionInfo(id=sid, title=title, started_at=started, ended_at=ended, stove_model=model,
                       zones=tuple(json.loads(zones or "[]")), t_first=t0, t_last=t1, samples=n, recipe_id=recipe_id,
                       outcome=outcome, energy_wh=energy_wh)


_COLUMNS = ("id, title, started_at, ended_at, stove_model, zones, t_first, t_last, samples, recipe_id, outcome, "
            "(SELECT SUM(energy_wh) FROM session_energy e WHERE e.session_id = sessions.id)")


def list_sessions(kdb: KitchenDB) -> list[SessionInfo]:
    return [_info(r) for r in kdb.conn.execute(f"SELECT {_COLUMNS} FROM sessions ORDER BY id DESC")]


def session_info(kdb: KitchenDB, session_id: int) -> SessionInfo:
    # past SQLite's 64-bit integers there is no such session (and sqlite3 would raise OverflowError)
    row = (kdb.conn.execute(f"SELECT {_COLUMNS} FROM sessions WHERE id = ?", (session_id,)).fetchone()
           if -2**63 <= session_id < 2**63 else None)
    if row is None:
        raise SessionNotFound(f"no session {session_id} in {kdb.path} (see 'kitchen-ui sessions list')")
    return _info(row)


def load_session(kdb: KitchenDB, session_id: int) -> SessionData:
    """Samples per zone (numpy record arrays), events and steps of one session, each in the order recorded.

    Recorded order, not stove time: a stove restarted during the session starts its time again
    near 0, and only the order tells which run of the stove an event belongs to.
    """
    info = session_info(kdb, session_id)
    chunks: dict[int, list[bytes]] = {}
    for zone, data in kdb.conn.execute(
            "SELECT zone, data FROM session_samples WHERE session_id = ? ORDER BY zone, seq", (session_id,)):
        chunks.setdefault(zone, []).append(data)
    zones = {zone: unpack(c) for zone, c in chunks.items()}
    events = [{"t": t, "kind": k, "zone": z, "message": m} for t, k, z, m in kdb.conn.execute(
        "SELECT t, kind, zone, message FROM session_events WHERE session_id = ? ORDER BY rowid", (session_id,))]
    steps = []
    for t, k, step, z, m, data in kdb.conn.execute(
            "SELECT t, kind, step, zone, message, data FROM session_steps WHERE session_id = ? ORDER BY rowid",
            (session_id,)):
        steps.append({"t": t, "kind": k, "step": step, "zone": z, "message": m,
                      **(json.loads(data) if data else {})})
    return SessionData(info=info, zones=zones, events=events, steps=steps)


CSV_HEADER = ["t", "record", "zone", "zone_name", "mode", "level", "boost", "target_c", "temp_c", "pan_temp_c",
              "power_w", "energy_wh", "pan", "residual_heat", "fault", "kind", "message"]


def _num(v: float, digits: int = 2) -> str:
    return "" if math.isnan(v) else f"{v:.{digits}f}"


def export_csv(kdb: KitchenDB, session_id: int, out: TextIO) -> int:
    """Write the session as CSV (samples, events and steps by stove time); returns rows written."""
    data = load_session(kdb, session_id)
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_HEADER)
    rows: list[tuple[float, int, list[str]]] = []
    for zone, arr in data.zones.items():
        name = data.info.zone_name(zone)
        for rec in arr.tolist():
            t, temp, pan_t, target, power, energy, mode, level, flags, fault = rec
            rows.append((t, 1, [f"{t:.3f}", "sample", str(zone), name, mode_name(mode), str(level),
                                str(int(bool(flags & BOOST))), _num(target, 1), _num(temp), _num(pan_t),
                                _num(power, 1), _num(energy, 3), str(int(bool(flags & PAN))),
                                str(int(bool(flags & RESIDUAL))), fault_name(fault), "", ""]))
    for e in data.events:
        z = e["zone"]
        rows.append((e["t"], 0, [f"{e['t']:.3f}", "event", "" if z is None else str(z),
                                 "" if z is None else data.info.zone_name(z)] + [""] * 11 + [e["kind"], e["message"]]))
    for s in data.steps:
        z = s["zone"]
        rows.append((s["t"], 0, [f"{s['t']:.3f}", "step", "" if z is None else str(z),
                                 "" if z is None else data.info.zone_name(z)] + [""] * 11 + [s["kind"], s["message"]]))
    rows.sort(key=lambda r: (r[0], r[1]))
    w.writerows(r[2] for r in rows)
    return len(rows)
