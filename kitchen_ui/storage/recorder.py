"""SessionRecorder: a stove's telemetry, events and recipe steps, written off the caller's thread.

The dashboard makes one per cooking session::

    rec = SessionRecorder(db_path, stove, title="Sunday dinner")
    rec.start()                 # creates the session row, subscribes to the stove
    rec.attach_engine(engine)   # optional: record the recipe's steps as they are taken
    ...
    rec.stop()                  # flushes, closes the session

The signal handlers only put objects on a queue, so the stove's thread (and the UI) never
waits for the disk. A writer thread with its own SQLite connection drains the queue and commits
a batch every ``flush_interval_s`` (0.5 s by default), so a process killed mid-session loses at
most that much. If a write fails (disk full, file locked), the batch is kept and retried, and
``problem`` is emitted once with the reason.
"""

from __future__ import annotations

import json
import queue
import sqlite3
import threading
from dataclasses import replace
from pathlib import Path
from typing import Any

from psygnal import Signal

from ..core.model import StoveEvent, StoveState
from ..core.signals import disconnect_all
from ..core.stove import Stove
from .database import connect
from .samples import pack_states
from .sessions import close_session, create_session

DEFAULT_FLUSH_S = 0.5
MAX_PENDING = 200_000        # items kept while writes fail, before the oldest are dropped


class _Flush:
    def __init__(self) -> None:
        self.done = threading.Event()


class SessionRecorder:
    problem = Signal(str)        # a human-readable reason writes are failing (emitted once)

    def __init__(self, db_path: str | Path, stove: Stove | None, *, title: str = "", recipe_id: int | None = None,
                 flush_interval_s: float = DEFAULT_FLUSH_S, busy_timeout_s: float = 5.0,
                 outcome: str = "manual") -> None:
        self.db_path = Path(db_path)
        self.stove = stove
        self.title = title
        self.recipe_id = recipe_id
        self.flush_interval_s = flush_interval_s
        self.busy_timeout_s = busy_timeout_s      # how long a write waits for another writer
        self.outcome = outcome                    # how the session stands (storage.sessions.OUTCOMES)
        self.session_id: int | None = None
        self.error: str | None = None
        self._q: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._wake = threading.Event()
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._conn: sqlite3.Connection | None = None
        self._seq: dict[int, int] = {}
        self._engines: list[Any] = []
        self._pending: list[Any] = []

    # -- lifecycle ----------------------------------------------------------------------------
    def start(self) -> int:
        """Create the session and start recording; returns the session id."""
        if self._thread is not None:
            return int(self.session_id)  # type: ignore[arg-type]
        self._conn = connect(self.db_path, self.busy_timeout_s)
        info = self.stove.info if self.stove is not None else None
        self.session_id = create_session(self._conn, info, self.title, self.recipe_id, self.outcome)
        self._thread = threading.Thread(target=self._run, name="hearth-recorder", daemon=True)
        self._thread.start()
        if self.stove is not None:
            self.stove.telemetry.connect(self.record_state)
            self.stove.event.connect(self.record_event)
        return self.session_id

    def attach_engine(self, engine: Any) -> None:
        """Record a recipe engine's log (steps started and ended, zone settings, alerts)."""
        engine.log.connect(self.record_step)
        self._engines.append(engine)

    def stop(self) -> None:
        """Unsubscribe, write everything still queued, close the session."""
        if self._thread is None:
            return
        if self.stove is not None:
            disconnect_all([(self.stove.telemetry, self.record_state), (self.stove.event, self.record_event)])
        disconnect_all([(e.log, self.record_step) for e in self._engines])
        self._stopping = True
        self._wake.set()
        self._thread.join(timeout=10.0)
        self._thread = None
        if self._conn is not None:
            try:
                close_session(self._conn, int(self.session_id), self.outcome)  # type: ignore[arg-type]
            finally:
                self._conn.close()
                self._conn = None

    def flush(self, timeout: float = 5.0) -> bool:
        """Block until everything queued so far is committed (tests, and before an export)."""
        if self._thread is None:
            return True
        f = _Flush()
        self._q.put(f)
        self._wake.set()
        return f.done.wait(timeout)

    # -- what the signals call (any thread; cheap) --------------------------------------------
    def record_state(self, state: StoveState) -> None:
        self._q.put(state)

    def record_event(self, ev: StoveEvent) -> None:
        self._q.put(ev)

    def record_step(self, entry: Any) -> None:
        """A recipe engine's log entry, stamped with the stove's time so it lines up with samples."""
        if getattr(entry, "kind", "") == "event":    # the stove's events arrive on their own
            return
        st = self.stove.state if self.stove is not None else None
        self._q.put((entry if st is None else replace(entry, t=st.t)))

    # -- the writer thread --------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            self._wake.wait(self.flush_interval_s)
            self._wake.clear()
            stopping = self._stopping
            flushes = self._drain()
            self._write()
            for f in flushes:
                f.done.set()
            if stopping:
                break

    def _drain(self) -> list[_Flush]:
        flushes = []
        while True:
            try:
                item = self._q.get_nowait()
            except queue.Empty:
                return flushes
            if isinstance(item, _Flush):
                flushes.append(item)
            else:
                self._pending.append(item)

    def _write(self) -> None:
        if not self._pending or self._conn is None:
            return
        items, sid = self._pending, self.session_id
        states = [x for x in items if isinstance(x, StoveState)]
        events = [x for x in items if isinstance(x, StoveEvent)]
        steps = [x for x in items if not isinstance(x, (StoveState, StoveEvent))]
        packed = pack_states(states) if states else {}
        try:
            with self._conn:
                n = 0
                if states:
                    rows = []
                    for zone, arr in packed.items():
                        seq = self._seq.get(zone, 0)
                        rows.append((sid, zone, seq, float(arr["t"][0]), float(arr["t"][-1]), len(arr), arr.tobytes()))
                        n += len(arr)
                    self._conn.executemany("INSERT INTO session_samples VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
                    self._conn.execute(
                        "UPDATE sessions SET t_first = COALESCE(t_first, ?), t_last = ?, samples = samples + ? "
                        "WHERE id = ?", (states[0].t, states[-1].t, n, sid))
                if events:
                    self._conn.executemany("INSERT INTO session_events VALUES (?, ?, ?, ?, ?)",
                                           [(sid, e.t, e.kind, e.zone, e.message) for e in events])
                if steps:
                    self._conn.executemany(
                        "INSERT INTO session_steps VALUES (?, ?, ?, ?, ?, ?, ?)",
                        [(sid, s.t, s.kind, s.step, s.zone, s.message, json.dumps(s.data) if s.data else None)
                         for s in steps])
        except sqlite3.Error as exc:
            if self.error is None:
                self.error = f"cannot write the cooking session to {self.db_path}: {exc}"
                self.problem.emit(self.error)
            if len(self._pending) > MAX_PENDING:
                del self._pending[: len(self._pending) - MAX_PENDING]
            return
        for zone in packed:
            self._seq[zone] = self._seq.get(zone, 0) + 1
        self._pending = []
        self.error = None
