"""When a stove's cooking is recorded, so the history holds cooking and not idling.

A session starts when a zone goes on or a recipe starts, and ends once every zone has been off
for :data:`IDLE_CLOSE_S` of stove time with no recipe under way. While it lasts, a
:class:`~kitchen_ui.storage.recorder.SessionRecorder` writes every telemetry message, stove event
and recipe step from its own thread; this keeper only decides when, on the host's thread. Its
title names the recipes cooked in it ("Cooking by hand" when there were none), and it says how
the session ended: ``manual`` by hand, ``interrupted`` while a recipe is under way (so a session
that dies with the app says so), then ``finished`` or ``aborted`` as the recipe ends.

Only the stove's controller records. An observer (a second dashboard on the same machine and
kitchen database, watching) sees the same telemetry; recording it too would put the same cooking
in the history twice, so it starts no session, and a keeper whose link becomes an observer's stops
its own. Once it is the controller (the other one left), it records like any. A host that keeps
its own database and only ever watches (the MQTT bridge) asks to record as an observer too
(``observer_records``).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from psygnal import Signal

from ..core.model import LinkState, StoveState
from ..core.signals import disconnect_all
from ..recipes.run_state import RunStatus
from ..storage.database import KitchenDB
from ..storage.recorder import DEFAULT_FLUSH_S, SessionRecorder
from ..storage.sessions import retitle_session, set_session_outcome
from .feed import StoveSource
from .relay import Post, direct

IDLE_CLOSE_S = 300.0
HAND_TITLE = "Cooking by hand"


class SessionKeeper:
    session_started = Signal(int)
    session_ended = Signal(int)
    problem = Signal(str)             # the recorder cannot write (disk full, file locked …)

    def __init__(self, kdb: KitchenDB, source: StoveSource, *, idle_close_s: float = IDLE_CLOSE_S,
                 flush_interval_s: float = DEFAULT_FLUSH_S, post: Post = direct,
                 observer_records: bool = False) -> None:
        self.kdb = kdb
        self.post = post                   # the recorder reports problems from its writer thread
        self.model = source
        self.idle_close_s = idle_close_s
        self.flush_interval_s = flush_interval_s
        self.observer_records = observer_records
        self.recorder: SessionRecorder | None = None
        self.busy = False                  # a recipe run is under way (set by the stove's app)
        self.titles: list[str] = []
        self._idle_since: float | None = None
        source.state_changed.connect(self._on_state)
        source.link_changed.connect(self._on_link)

    @property
    def session_id(self) -> int | None:
        return None if self.recorder is None else self.recorder.session_id

    # -- decisions (host thread) ----------------------------------------------------------------
    def _on_link(self, link: LinkState) -> None:
        if link.online and not link.can_control and not self.observer_records:
            self.stop()                     # the controller (another dashboard) records from now on

    def _on_state(self, state: StoveState) -> None:
        if not self.model.can_control and not self.observer_records:
            return                          # an observer: the controller records this cooking
        if self.busy or any(z.is_on for z in state.zones):
            self._idle_since = None
            if self.recorder is None:
                self._begin(HAND_TITLE, None)
                self.recorder.record_state(state)    # type: ignore[union-attr]  (the one that started it)
            return
        if self.recorder is None:
            return
        if self._idle_since is None:
            self._idle_since = state.t
        elif state.t - self._idle_since >= self.idle_close_s:
            self.stop()

    def begin_recipe(self, title: str, recipe_id: int | None = None) -> SessionRecorder:
        """The session a recipe run records into (a session by hand becomes this one)."""
        self.busy = True
        self._idle_since = None
        if self.recorder is None:
            rec = self._begin(title, recipe_id)
        else:
            rec = self.recorder
            if title not in self.titles:
                self.titles = [t for t in self.titles if t != HAND_TITLE] + [title]
                self._store(retitle_session, ", ".join(self.titles), recipe_id)
        self._set_outcome("interrupted")   # until the run ends: a session that dies now was interrupted
        return rec

    def end_recipe(self, status: RunStatus | None = None) -> None:
        """The run is over (``status`` COMPLETED or ABORTED says how), or left to resume (None)."""
        self.busy = False
        if status is RunStatus.COMPLETED:
            self._set_outcome("finished")
        elif status is RunStatus.ABORTED:
            self._set_outcome("aborted")

    def _set_outcome(self, outcome: str) -> None:
        if self.recorder is not None and self.recorder.outcome != outcome:
            self.recorder.outcome = outcome
            self._store(set_session_outcome, outcome)

    def _begin(self, title: str, recipe_id: int | None) -> SessionRecorder:
        rec = SessionRecorder(self.kdb.path, self.model.stove, title=title, recipe_id=recipe_id,
                              flush_interval_s=self.flush_interval_s)
        rec.problem.connect(self._on_problem)
        rec.start()
        self.recorder = rec
        self.titles = [title]
        self.session_started.emit(int(rec.session_id))  # type: ignore[arg-type]
        return rec

    def _store(self, write: Any, *args: Any) -> None:
        try:
            write(self.kdb.conn, self.session_id, *args)
        except sqlite3.Error as exc:
            self.problem.emit(f"cannot update the cooking session: {exc}")

    def _on_problem(self, message: Any) -> None:
        self.post(self.problem.emit, str(message))

    # -- lifecycle ------------------------------------------------------------------------------
    def flush(self) -> None:
        """Everything recorded so far is in the database (before the history reads it)."""
        if self.recorder is not None:
            self.recorder.flush()

    def stop(self) -> None:
        rec, self.recorder = self.recorder, None
        self._idle_since = None
        self.titles = []
        if rec is not None:
            rec.stop()
            self.session_ended.emit(int(rec.session_id))  # type: ignore[arg-type]

    def close(self) -> None:
        disconnect_all([(self.model.state_changed, self._on_state), (self.model.link_changed, self._on_link)])
        self.stop()
