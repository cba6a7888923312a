"""One stove of the kitchen: its recording, its energy, its recipe run and the run's rules.

:class:`StoveApp` starts, resumes and controls recipe runs on its stove, decides when a session
is recorded (:class:`~.recording.SessionKeeper`), meters it (:class:`~.energy.SessionEnergy`) and,
once a run ends, works out what it used and tips (:class:`~.after.AfterRecipeTips`). The run's
signals reach the host's thread through ``post``; the host ticks :meth:`tick` so countdowns move
between telemetry messages. What it refuses it says as a :class:`Refusal` (the view words it).

On a simulated stove, starting a recipe stands its pots (with their contents) on the zones, as
the cook would. A tap on a zone the run is using pauses the run (:meth:`take_by_hand`). A run
resumed after a crash counts the energy of every session it was cooked in; an aborted run is
never compared with earlier ones.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from enum import Enum
from typing import Any, Callable

from psygnal import Signal

from ..core.signals import disconnect_all
from ..recipes.engine import RecipeEngine, RunError
from ..recipes.model import Recipe, RecipeError
from ..recipes.run_state import RunAlert, RunStatus
from ..recipes.stove_clock import TelemetryClock, clock_for
from ..storage.database import KitchenDB
from ..storage.recipes_store import RecipeNotFound, resolve_id
from ..storage.recorder import DEFAULT_FLUSH_S
from ..storage.runs import RunStore, SavedRun
from .after import AfterRecipeTips
from .energy import SessionEnergy
from .feed import StoveSource
from .recording import IDLE_CLOSE_S, SessionKeeper
from .relay import Post
from .rules import pot_placements, zones_in_use

__all__ = ["Refusal", "CannotStart", "StoveApp", "RunError"]


class Refusal(str, Enum):
    BUSY = "busy"                        # a recipe is cooking on this stove
    NOT_CONTROLLER = "not_controller"    # not connected as the stove's controller
    UNSUITABLE = "unsuitable"            # the recipe cannot be cooked on this stove
    NOT_RESUMABLE = "not_resumable"      # the saved run cannot be rebuilt


@dataclass
class CannotStart(Exception):
    refusal: Refusal
    detail: str = ""                     # the running recipe's title, or the reason

    def __str__(self) -> str:
        return self.detail or self.refusal.value


class StoveApp:
    run_started = Signal(object)          # RecipeEngine
    run_finished = Signal(object)         # RecipeEngine
    changed = Signal(object)              # RunView
    alert = Signal(object)                # RunAlert
    status_changed = Signal(object)       # RunStatus
    prompt = Signal(int, str)             # step index, what the cook must confirm
    logged = Signal(object)               # RunLogEntry: steps started and ended, zones set, alerts
    problem = Signal(str, str)            # (what, reason): "after" (figures not shown), or the energy's

    def __init__(self, name: str, source: StoveSource, kdb: KitchenDB, post: Post, *,
                 flush_interval_s: float = DEFAULT_FLUSH_S, idle_close_s: float = IDLE_CLOSE_S,
                 observer_records: bool = False,
                 pot_action: Callable[[str], str] = lambda pot: f"put the {pot} on the zone") -> None:
        self.name = name
        self.source = source
        self.kdb = kdb
        self.post = post
        self.pot_action = pot_action
        self.runs = RunStore(kdb.path)
        self.clock = clock_for(source.stove)
        self.sessions = SessionKeeper(kdb, source, idle_close_s=idle_close_s, flush_interval_s=flush_interval_s,
                                      post=post, observer_records=observer_records)
        self.energy = SessionEnergy(kdb, source.stove, post)
        self.energy.problem.connect(self.problem.emit)
        self.sessions.session_started.connect(self.energy.begin)
        self.sessions.session_ended.connect(self.energy.end)
        self.after = AfterRecipeTips(post)
        self.engine: RecipeEngine | None = None
        self._slots: list[tuple[Any, Any]] = []

    # -- what can start --------------------------------------------------------------------------
    def why_not(self) -> CannotStart | None:
        if self.engine is not None and not self.engine.status.finished:
            return CannotStart(Refusal.BUSY, self.engine.recipe.title)
        if self.source.info is None or not self.source.can_control:
            return CannotStart(Refusal.NOT_CONTROLLER)
        return None

    def unfinished(self) -> list[SavedRun]:
        """Saved runs that can be resumed (not the one cooking now)."""
        running = self.engine.run_id if self.engine is not None else None
        return [r for r in self.runs.unfinished() if r.run_id != running]

    def start(self, recipe: Recipe) -> RecipeEngine:
        """Cook ``recipe`` (already scaled to its servings) now; raises :class:`CannotStart`."""
        refusal = self.why_not()
        if refusal is not None:
            raise refusal
        try:
            engine = RecipeEngine(recipe, self.source.stove, self.clock, store=self.runs)
        except RecipeError as exc:
            raise CannotStart(Refusal.UNSUITABLE, str(exc)) from exc
        self._place_pots(engine)
        self._adopt(engine)
        engine.start()
        return engine

    def resume(self, run_id: str) -> RecipeEngine:
        """Carry on a saved run with its timers; raises :class:`CannotStart` (or RunError if it had
        finished after all: the engine is adopted, nothing more to do)."""
        refusal = self.why_not()
        if refusal is not None:
            raise refusal
        try:
            engine = self.runs.resume(run_id, self.source.stove, self.clock)
        except (RecipeError, LookupError) as exc:
            raise CannotStart(Refusal.NOT_RESUMABLE, str(exc)) from exc
        self._place_pots(engine)
        self._adopt(engine)
        engine.resume()
        return engine

    def discard(self, run_id: str) -> None:
        self.runs.discard(run_id)

    def recipe_id(self, recipe: Recipe) -> int | None:
        try:
            return resolve_id(self.kdb, recipe.slug) if recipe.slug else None
        except RecipeNotFound:
            return None

    def _place_pots(self, engine: RecipeEngine) -> None:
        if self.source.info is None or not self.source.info.sim:
            return
        for zone, pan, label in pot_placements(engine):
            self.source.request("sim.set_pan", {"zone": zone, "pan": pan}, zone=zone, action=self.pot_action(label))

    def _adopt(self, engine: RecipeEngine) -> None:
        self.engine = engine
        recorder = self.sessions.begin_recipe(engine.recipe.title, self.recipe_id(engine.recipe))
        self.runs.session_id = recorder.session_id
        recorder.attach_engine(engine)
        post = self.post
        self._slots = [(engine.changed, lambda view: post(self.changed.emit, view)),
                       (engine.alert, lambda alert: post(self.alert.emit, alert)),
                       (engine.status_changed, lambda status: post(self._on_status, engine, status)),
                       (engine.prompt, lambda i, words: post(self.prompt.emit, i, words)),
                       (engine.log, lambda entry: post(self.logged.emit, entry))]
        for sig, slot in self._slots:
            sig.connect(slot)
        # a run resumed after a crash: the session that died with the app gets its energy now
        self.after.clear()
        self.energy.settle(self.runs.sessions_of(engine.run_id))
        self.run_started.emit(engine)

    def _release(self) -> None:
        disconnect_all(self._slots)
        self._slots = []

    # -- while it cooks --------------------------------------------------------------------------
    def tick(self) -> None:
        engine = self.engine
        if engine is not None and not engine.status.finished:
            engine.tick()

    def control(self, what: str, index: int | None = None) -> int | None:
        """confirm/skip (a step), pause/resume/abort/back; raises RunError with the reason.
        confirm, skip and back return the step they acted on."""
        engine = self.engine
        if engine is None:
            return None
        if what in ("confirm", "skip"):
            return getattr(engine, what)(index)
        return getattr(engine, what)()

    def zones_in_use(self) -> set[int]:
        return zones_in_use(self.engine)

    def take_by_hand(self, zone: int, why: Callable[[], str]) -> RunAlert | None:
        """The cook set ``zone`` by hand: a running recipe using it pauses (``why()`` says so)."""
        engine = self.engine
        if engine is None or engine.status is not RunStatus.RUNNING or zone not in self.zones_in_use():
            return None
        words = why()
        engine.pause(words)
        return RunAlert(t=self.clock.now(), kind="cook", message=words, zone=zone, warning=True)

    def _on_status(self, engine: RecipeEngine, status: RunStatus) -> None:
        self.status_changed.emit(status)
        if engine is not self.engine or not status.finished:
            return
        self.sessions.end_recipe(status)
        self._release()
        engine.close()
        self._after_recipe(engine)
        self.run_finished.emit(engine)

    def _after_recipe(self, engine: RecipeEngine) -> None:
        sid = self.sessions.session_id
        if sid is None:
            return
        self.sessions.flush()
        self.energy.save()
        settings = self.energy.meter.settings if self.energy.meter is not None else self.energy.settings()
        try:
            self.after.run(self.kdb, sid, engine.recipe, settings, run_id=engine.run_id,
                           complete=engine.status is RunStatus.COMPLETED)
        except (sqlite3.Error, LookupError) as exc:
            self.problem.emit("after", str(exc))

    def put_away(self) -> bool:
        """The finished run is forgotten (its view goes); False while it still cooks."""
        if self.engine is not None and not self.engine.status.finished:
            return False
        self.engine = None
        return True

    def close(self) -> None:
        """Stop listening and recording. A running recipe stays resumable."""
        self._release()
        if self.engine is not None:
            self.engine.close()
        self.sessions.close()
        self.energy.end()
        self.after.clear()
        self.runs.close()
        if isinstance(self.clock, TelemetryClock):
            self.clock.close()
