"""The recipe engine: runs a recipe's steps on a stove, on the injected clock.

It drives the stove only through :class:`kitchen_ui.core.stove.Stove` (in-process simulator or
network stove alike) and keeps its own time from the injected clock, so tests jump hours in one
call (in the app, give it the in-process stove's own clock, ``LocalStove.clock``). Call :meth:`RecipeEngine.tick` regularly (the app on a timer; the engine also ticks on every
telemetry message); every decision happens there or in a cook's command.

Controls: :meth:`start`, :meth:`pause`, :meth:`resume`, :meth:`confirm`, :meth:`skip`,
:meth:`back`, :meth:`abort`. Abort and completion switch off every zone the recipe used, except
zones a finished step put on keep-warm. Pausing freezes the timers and the engine stops
commanding zones. On resume (after a pause, or after a crash on a cold stove) a timed step whose
zone has left its temperature heats back first; its timer goes on from where it stopped once the
zone is there again, so "3 min at 220 °C" is never spent on a cold pan. The engine never fights the cook: when a zone it set shows another setting
(someone changed it at the hob or in traditional mode), or the stove switches a zone off by
itself (fault, overheat, boil-dry, auto-off), or a command is refused, the run pauses with an
alert; :meth:`resume` re-applies the recipe's settings.

Signals (psygnal; emitted on the thread that caused them, so a Qt view re-emits on its own):

* ``changed(RunView)`` — after each change and each running tick (countdowns),
* ``status_changed(RunStatus)``, ``step_started(int)``, ``step_ended(int, str)`` ("done"/"skipped"),
* ``prompt(int, str)`` — the cook must confirm step *i* (the text says what),
* ``alert(RunAlert)``, ``log(RunLogEntry)``.

Progress is saved through a :class:`ProgressStore` at every transition and at most every
``save_interval_s`` while timers run; :meth:`RecipeEngine.from_snapshot` rebuilds a paused run.
"""

from __future__ import annotations

import threading
import uuid
from contextlib import contextmanager
from typing import Any, Iterator, Protocol

from psygnal import Signal

from ..core.clock import Clock
from ..core.model import LinkState, LinkStatus, StoveEvent, StoveState
from ..core.signals import disconnect_all
from ..core.stove import Stove
from .ingredients import servings_words
from .model import Recipe, RecipeError
from .run_state import Phase, RunAlert, RunLogEntry, RunStatus, RunView, StepRun
from .step_flow import StepFlow
from .zone_control import ZoneControl
from .zones import plan_zones

STOVE_OFF_EVENTS = ("overheat", "fault", "auto_off", "boil_dry", "timer_elapsed")


class RunError(RuntimeError):
    """A control that does not apply now (confirm while paused, skip with nothing running …)."""


class ProgressStore(Protocol):
    def save(self, snapshot: dict[str, Any]) -> None: ...
    def finish(self, run_id: str, status: str) -> None: ...


class RecipeEngine(StepFlow):
    changed = Signal(object)
    status_changed = Signal(object)
    step_started = Signal(int)
    step_ended = Signal(int, str)
    prompt = Signal(int, str)
    alert = Signal(object)
    log = Signal(object)

    def __init__(self, recipe: Recipe, stove: Stove, clock: Clock, *, zone_plan: dict[str, int] | None = None,
                 store: ProgressStore | None = None, run_id: str | None = None,
                 save_interval_s: float = 1.0) -> None:
        if stove.info is None:
            raise RecipeError("the stove has not announced its zones yet (not connected)")
        self.recipe = recipe
        self.stove = stove
        self.clock = clock
        self.store = store
        self.run_id = run_id or uuid.uuid4().hex
        self.save_interval_s = save_interval_s
        self.zone_plan = plan_zones(recipe, stove.info.zones, zone_plan) if zone_plan is None else dict(zone_plan)
        names = {z.id for z in stove.info.zones}
        for pot, zone in self.zone_plan.items():
            if zone not in names:
                raise RecipeError(f"pot {pot!r} was planned on zone {zone}, which this stove does not have")
        self.status = RunStatus.READY
        self.paused_reason = ""
        self.runs = [StepRun(i) for i in range(len(recipe.steps))]
        self._deps = [recipe.dependencies(i) for i in range(len(recipe.steps))]
        self._lock = threading.RLock()
        self.zones = ZoneControl(stove, self.zone_plan.values(), self._log, self._command_failed)
        self._alerts: list[RunAlert] = []
        self._failures: list[tuple[int, str]] = []
        self._end_seq = 0
        self._depth = 0                  # >0 while a control or tick is in progress
        self._dirty = False              # something happened since the last save
        self._last_save = float("-inf")
        stove.telemetry.connect(self._on_telemetry)
        stove.event.connect(self._on_event)
        stove.link_changed.connect(self._on_link)

    # -- lifecycle ----------------------------------------------------------------------------
    def close(self) -> None:
        """Stop listening to the stove (the run's state stays as it is)."""
        disconnect_all([(self.stove.telemetry, self._on_telemetry), (self.stove.event, self._on_event),
                        (self.stove.link_changed, self._on_link)])

    @contextmanager
    def _op(self) -> Iterator[None]:
        """One control or tick: refused commands and saving are handled once it is over."""
        with self._lock:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            if self._depth == 0:
                self._handle_failures()
                self._save_and_emit()

    def start(self) -> None:
        with self._op():
            if self.status is not RunStatus.READY:
                raise RunError(f"the recipe is already {self.status.value}")
            self._log("recipe_started", f"{self.recipe.title} ({servings_words(self.recipe.servings)})",
                      data={"zones": {p: z for p, z in self.zone_plan.items()}})
            self._set_status(RunStatus.RUNNING)
            self._advance(self.clock.now())

    def pause(self, reason: str = "paused by the cook") -> None:
        with self._op():
            if self.status is not RunStatus.RUNNING:
                return
            now = self.clock.now()
            for r in self.runs:
                r.freeze(now)
            self.paused_reason = reason
            self._log("paused", reason)
            self._set_status(RunStatus.PAUSED)

    def resume(self) -> None:
        """Carry on: timers run again and the recipe's zone settings are applied again."""
        with self._op():
            if self.status is not RunStatus.PAUSED:
                raise RunError(f"only a paused recipe can resume (it is {self.status.value})")
            now = self.clock.now()
            self.paused_reason = ""
            self._set_status(RunStatus.RUNNING)
            self._log("resumed", "recipe resumed")
            for zone, want in self.zones.release_unwanted():
                self.zones.command(zone, want, "resume")
            for r in self.runs:
                if r.phase is Phase.RUNNING:
                    r.timer_since = now
                    self._reheat_if_cold(r, now)
            self._advance(now)

    def abort(self) -> None:
        with self._op():
            if self.status.finished:
                return
            now = self.clock.now()
            for r in self.runs:
                r.freeze(now)
            self._log("recipe_aborted", "recipe aborted")
            self._switch_off_used()
            self._set_status(RunStatus.ABORTED)

    # -- the cook's controls ------------------------------------------------------------------
    def _active_run(self, index: int | None, phases: tuple[Phase, ...], what: str) -> StepRun:
        if self.status is not RunStatus.RUNNING:
            raise RunError(f"cannot {what}: the recipe is {self.status.value}"
                           + (" (resume it first)" if self.status is RunStatus.PAUSED else ""))
        cands = [r for r in self.runs if r.phase in phases and (index is None or r.index == index)]
        if not cands:
            which = f"step {index + 1}" if index is not None else "any step"
            raise RunError(f"cannot {what}: {which} is not waiting for that")
        return min(cands, key=lambda r: (r.activated_t or 0.0, r.index))

    def confirm(self, index: int | None = None) -> int:
        """The cook says go: starts a step waiting to start, or ends one whose timer is over."""
        with self._op():
            r = self._active_run(index, (Phase.PROMPT, Phase.FINISHING), "confirm")
            now = self.clock.now()
            self._log("confirmed", self.recipe.steps[r.index].text, step=r.index)
            if r.phase is Phase.PROMPT:
                self._apply(r)
                self._start_timer(r, now)
            else:
                self._finish(r, now, "done")
            self._advance(now)
            return r.index

    def skip(self, index: int | None = None) -> int:
        """End an active step now (its end action still applies, but it waits for nobody)."""
        with self._op():
            r = self._active_run(index, (Phase.PROMPT, Phase.HEATING, Phase.RUNNING, Phase.FINISHING), "skip")
            now = self.clock.now()
            self._finish(r, now, "skipped")
            self._advance(now)
            return r.index

    def back(self) -> int:
        """Go back one step: the step that ended last runs again (its timer from the start)."""
        with self._op():
            if self.status is not RunStatus.RUNNING:
                raise RunError(f"cannot go back: the recipe is {self.status.value}")
            ended = [r for r in self.runs if r.phase.ended]
            if ended:
                target = max(ended, key=lambda r: r.end_seq)
            else:
                active = [r for r in self.runs if r.phase.active]
                if not active:
                    raise RunError("cannot go back: nothing has started")
                target = min(active, key=lambda r: r.index)
            again = {target.index} | self._dependents(target.index)
            for r in self.runs:
                if r.index in again and (r.phase.active or r.phase.ended):
                    r.reset()
            self._log("back", f"back to step {target.index + 1}: {self.recipe.steps[target.index].text}",
                      step=target.index)
            self._advance(self.clock.now())
            return target.index

    def _dependents(self, index: int) -> set[int]:
        out: set[int] = set()
        for i in range(index + 1, len(self.runs)):
            if any(d == index or d in out for d in self._deps[i]):
                out.add(i)
        return out

    # -- time ---------------------------------------------------------------------------------
    def tick(self) -> None:
        with self._lock:
            if self.status is not RunStatus.RUNNING:
                return
            with self._op():
                self._advance(self.clock.now())

    # -- zones --------------------------------------------------------------------------------
    def _command_failed(self, zone: int, message: str) -> None:
        with self._lock:
            self._failures.append((zone, message))
            if self._depth == 0:             # a network reply, after the control that sent it
                self._handle_failures()

    def _handle_failures(self) -> None:
        while self._failures:
            zone, message = self._failures.pop(0)
            self._raise("command", message, None, zone, warning=True)
            self.pause(f"a command failed: {message}")

    def _switch_off_used(self) -> None:
        for zone in sorted(self.zones.used):
            if zone not in self.zones.keep_warm and not self.zones.is_off(zone):
                self.zones.command(zone, None, "recipe end")

    # -- stove signals ------------------------------------------------------------------------
    def _on_telemetry(self, state: StoveState) -> None:
        with self._lock:
            changed = self.zones.observe(state, watching=self.status is RunStatus.RUNNING)
            if changed is not None:
                msg = f"{self.zones.label(changed)} was changed at the stove; the recipe paused"
                self._raise("cook", msg, None, changed, warning=True)
                self.pause(msg)
        self.tick()

    def _on_event(self, ev: StoveEvent) -> None:
        with self._lock:
            if self.status.finished or self.status is RunStatus.READY:
                return
            ours = ev.zone is not None and ev.zone in self.zones.used
            self._log("event", ev.message, zone=ev.zone, data={"event": ev.kind})
            if ours and ev.kind in STOVE_OFF_EVENTS and self.zones.stove_switched_off(ev.zone):  # type: ignore[arg-type]
                self._raise("stove", f"{ev.message} — the recipe paused", None, ev.zone, warning=True)
                self.pause(ev.message)
            elif ev.kind == "all_off" and any([self.zones.stove_switched_off(z) for z in sorted(self.zones.used)]):
                self._raise("stove", "all zones were switched off — the recipe paused", warning=True)
                self.pause("all zones were switched off")
            elif ours and ev.kind == "pan_removed":
                self._raise("stove", ev.message, None, ev.zone, warning=True)

    def _on_link(self, link: LinkState) -> None:
        with self._lock:
            if link.status in (LinkStatus.LOST, LinkStatus.CLOSED) and self.status is RunStatus.RUNNING:
                self._raise("link", f"lost the stove ({link.message or link.status.value}) — the recipe paused",
                            warning=True)
                self.pause("lost the connection to the stove")

    # -- bookkeeping --------------------------------------------------------------------------
    def _raise(self, kind: str, message: str, step: int | None = None, zone: int | None = None,
               warning: bool = False) -> None:
        a = RunAlert(t=self.clock.now(), kind=kind, message=message, step=step, zone=zone, warning=warning)
        self._alerts = (self._alerts + [a])[-20:]
        self._log("alert", message, step=step, zone=zone, data={"alert": kind})
        self.alert.emit(a)

    def _log(self, kind: str, message: str, *, step: int | None = None, zone: int | None = None,
             data: dict[str, Any] | None = None) -> None:
        self._dirty = True
        self.log.emit(RunLogEntry(self.clock.now(), kind, message, step, zone, data))

    def _set_status(self, status: RunStatus) -> None:
        if status is not self.status:
            self.status = status
            self.status_changed.emit(status)

    def _save_and_emit(self) -> None:
        now = self.clock.now()
        if self.store is not None:
            if self.status.finished:
                self.store.save(self.snapshot())
                self.store.finish(self.run_id, self.status.value)
            elif self._dirty or (self.status is RunStatus.RUNNING
                                 and now - self._last_save >= self.save_interval_s):
                self.store.save(self.snapshot())
            else:
                now = self._last_save
            self._last_save = now
        self._dirty = False
        self.changed.emit(self.view())

    # -- views and snapshots ------------------------------------------------------------------
    def view(self) -> RunView:
        from .run_view import build_view
        with self._lock:
            return build_view(self)

    def snapshot(self) -> dict[str, Any]:
        from .run_view import snapshot_of
        with self._lock:
            return snapshot_of(self)

    @classmethod
    def from_snapshot(cls, snap: dict[str, Any], stove: Stove, clock: Clock,
                      store: ProgressStore | None = None, **kwargs: Any) -> "RecipeEngine":
        from .run_view import restore
        return restore(cls, snap, stove, clock, store, **kwargs)
