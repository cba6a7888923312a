"""Recipe runs saved as they go, so the next start can offer to resume a recipe cut short.

:class:`RunStore` is the engine's :class:`~kitchen_ui.recipes.engine.ProgressStore`: the engine
hands it a snapshot at every step change and about once a second while timers run; it keeps the
latest per run. After a crash, :meth:`RunStore.unfinished` lists what can be resumed and
:meth:`RunStore.resume` rebuilds a paused engine (timers as last saved) on the stove given.

It has its own connection and lock, because the engine may save from the stove's thread.

A run resumed after a crash is cooked in more than one recording session (the one that died
with the app, then the next app's). Each save adds the session it is recorded in
(``session_id``) to the snapshot's ``sessions``, so the run's energy can be summed over all of
them (:mod:`kitchen_ui.energy.store`); :func:`run_sessions` reads them back.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from ..core.clock import Clock
from ..core.stove import Stove
from .database import connect


@dataclass(frozen=True)
class SavedRun:
    run_id: str
    title: str
    status: str
    started_at: str
    updated_at: str
    current: str          # the step it was on, in words

    def to_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _current_step(snap: dict[str, Any]) -> str:
    steps = snap.get("recipe", {}).get("steps", [])
    for i, s in enumerate(snap.get("steps", [])):
        if s.get("phase") in ("prompt", "heating", "running", "finishing") and i < len(steps):
            # the offer embeds this in a sentence of its own: no full stop of the step's (no "..")
            return f"step {i + 1}: {str(steps[i].get('text', '')).rstrip().rstrip('.')}"
    return ""


def _sessions_in(snapshot: dict[str, Any], first: int | None) -> list[int]:
    """The sessions a saved run was recorded in (older snapshots name only the row's one)."""
    found = snapshot.get("sessions")
    if isinstance(found, list):
        return [int(x) for x in found if isinstance(x, int) and not isinstance(x, bool)]
    return [] if first is None else [int(first)]


def run_sessions(conn: sqlite3.Connection, run_id: str) -> list[int]:
    """The recording sessions of one run, in the order it was cooked in them ([] if unknown)."""
    row = conn.execute("SELECT session_id, json_extract(snapshot, '$.sessions') FROM recipe_runs WHERE run_id = ?",
                       (run_id,)).fetchone()
    if row is None:
        return []
    return _sessions_in({"sessions": json.loads(row[1])} if row[1] else {}, row[0])


def completed_runs(conn: sqlite3.Connection) -> list[tuple[str, list[int]]]:
    """(run id, its sessions) of every run cooked to the end; aborted and unfinished ones are not."""
    rows = conn.execute("SELECT run_id, session_id, json_extract(snapshot, '$.sessions') FROM recipe_runs "
                        "WHERE status = 'completed' AND finished_at IS NOT NULL").fetchall()
    return [(r[0], _sessions_in({"sessions": json.loads(r[2])} if r[2] else {}, r[1])) for r in rows]


class RunStore:
    def __init__(self, db_path: str | Path, session_id: int | None = None) -> None:
        self.db_path = Path(db_path)
        self.session_id = session_id          # the session runs are being recorded in now
        self._lock = threading.Lock()
        self._conn = connect(self.db_path)
        self._sessions: dict[str, list[int]] = {}     # run id -> sessions it was recorded in

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    # -- ProgressStore ------------------------------------------------------------------------
    def sessions_of(self, run_id: str) -> list[int]:
        """The sessions ``run_id`` has been recorded in, as this store knows them."""
        with self._lock:
            return list(self._sessions.get(run_id, []))

    def save(self, snapshot: dict[str, Any]) -> None:
        now = _now()
        recipe = snapshot.get("recipe", {})
        with self._lock:
            sessions = self._sessions.setdefault(str(snapshot["run_id"]), [])
            if self.session_id is not None and self.session_id not in sessions:
                sessions.append(int(self.session_id))
            snapshot = {**snapshot, "sessions": list(sessions)}
        with self._lock, self._conn:
            self._conn.execute(
                "INSERT INTO recipe_runs (run_id, title, recipe_slug, session_id, status, snapshot, started_at, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id) DO UPDATE SET "
                "status = excluded.status, snapshot = excluded.snapshot, updated_at = excluded.updated_at",
                (snapshot["run_id"], recipe.get("title", ""), recipe.get("slug", ""), self.session_id,
                 snapshot.get("status", ""), json.dumps(snapshot, separators=(",", ":")), now, now))

    def finish(self, run_id: str, status: str) -> None:
        with self._lock, self._conn:
            self._conn.execute("UPDATE recipe_runs SET status = ?, finished_at = ? WHERE run_id = ?",
                               (status, _now(), run_id))

    # -- after a restart ----------------------------------------------------------------------
    def unfinished(self) -> list[SavedRun]:
        """Runs that were neither completed nor aborted, newest first."""
        with self._lock:
            rows = self._conn.execute(
                "SELECT run_id, title, status, started_at, updated_at, snapshot FROM recipe_runs "
                "WHERE finished_at IS NULL ORDER BY updated_at DESC, rowid DESC").fetchall()
        return [SavedRun(r[0], r[1], r[2], r[3], r[4], _current_step(json.loads(r[5]))) for r in rows]

    def snapshot(self, run_id: str) -> dict[str, Any]:
        with self._lock:
            row = self._conn.execute("SELECT snapshot FROM recipe_runs WHERE run_id = ?", (run_id,)).fetchone()
        if row is None:
            raise LookupError(f"no saved recipe run {run_id!r} in {self.db_path}")
        return json.loads(row[0])

    def resume(self, run_id: str, stove: Stove, clock: Clock, **kwargs: Any) -> Any:
        """A paused :class:`~kitchen_ui.recipes.engine.RecipeEngine` where the run was saved."""
        from ..recipes.engine import RecipeEngine
        with self._lock:
            self._sessions[run_id] = run_sessions(self._conn, run_id)
        return RecipeEngine.from_snapshot(self.snapshot(run_id), stove, clock, store=self, **kwargs)

    def discard(self, run_id: str) -> None:
        """The cook declined to resume: mark the run aborted so it is not offered again."""
        self.finish(run_id, "aborted")
