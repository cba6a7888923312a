"""The recipe engine: runs a recipe's steps on a stove, on the injected clock.

It drives the stove only through :class:`kitchen_ui.core.stove.Stove` (in-process simulator or
network stove alike) and keeps its own time from the injected clock, so tests jump hours in one
call. Call :meth:`RecipeEngine.tick` regularly (the app on a timer; the engine also ticks on every
telemetry message); every decision happens there or in a cook's command.

Controls: :meth:`start`, :meth:`pause`, :meth:`resume`, :meth:`confirm`, :meth:`skip`,
:meth:`back`, :meth:`abort`. Abort and completion switch off every zone the recipe used, except
zones a finished step put on keep-warm. Pausing freezes the timers and the engine stops
commanding zones. The engine never fights the cook: when a zone it set shows another setting
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
from concurrent.futures import Future
from typing import Any, Iterator, Protocol

from psygnal import Signal

from ..core.clock import Clock
from ..core.model import LinkState, LinkStatus, StoveEvent, StoveState, ZoneInfo, ZoneState
from ..core.stove import Stove
from .model import KEEP_WARM_C, Recipe, RecipeError, Setting
from .predict import HeatPredictor
from .run_state import ActiveStep, Phase, RunAlert, RunLogEntry, RunStatus, RunView, StepRun
from .zones import plan_zones

REACHED_TOL_C = 2.0
STOVE_OFF_EVENTS = ("overheat", "fault", "auto_off", "boil_dry", "timer_elapsed")


class RunError(RuntimeError):
    """A control that does not apply now (confirm while paused, skip with nothing running …)."""


class ProgressStore(Protocol):
    def save(self, snapshot: dict[str, Any]) -> None: ...
    def finish(self, run_id: str, status: str) -> None: ...


def matches(zs: ZoneState, want: Setting | None) -> bool:
    """Does the zone show the setting the engine commanded? (Boost may end by itself.)"""
    if want is None or want.mode == "off":
        return zs.mode == "off"
    if want.mode == "target":
        return zs.mode == "target" and zs.target_c is not None and abs(zs.target_c - (want.temp_c or 0)) < 0.01
    if want.mode == "boost":
        return zs.mode == "level" and (zs.boost or zs.level == 9)
    return zs.mode == "level" and zs.level == want.level and not zs.boost


class RecipeEngine:
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
        self.zone_names = {z.id: z.name for z in stove.info.zones}
        for pot, zone in self.zone_plan.items():
            if zone not in self.zone_names:
                raise RecipeError(f"pot {pot!r} was planned on zone {zone}, which this stove does not have")
        self.status = RunStatus.READY
        self.paused_reason = ""
        self.runs = [StepRun(i) for i in range(len(recipe.steps))]
        self._deps = [recipe.dependencies(i) for i in range(len(recipe.steps))]
        self._lock = threading.RLock()
        self._desired: dict[int, Setting | None] = {}   # what the engine last commanded, as the stove should show
        self._wanted: dict[int, Setting | None] = {}    # what the recipe wants now (resume re-applies it)
        self._armed: dict[int, bool] = {}
        self._keep_warm: set[int] = set()
        self._used: set[int] = set()
        self._predictors = {z: HeatPredictor() for z in self.zone_plan.values()}
        self._alerts: list[RunAlert] = []
        self._failures: list[tuple[int, str]] = []
        self._end_seq = 0
        self._depth = 0                  # >0 while a control or tick is in progress
        self._dirty = False              # something happened since the last save
        self._last_save = float("-inf")
        self._latest: StoveState | None = stove.state
        stove.telemetry.connect(self._on_telemetry)
        stove.event.connect(self._on_event)
        stove.link_changed.connect(self._on_link)

    # -- lifecycle ----------------------------------------------------------------------------
    def close(self) -> None:
        """Stop listening to the stove (the run's state stays as it is)."""
        for sig, slot in ((self.stove.telemetry, self._on_telemetry), (self.stove.event, self._on_event),
                          (self.stove.link_changed, self._on_link)):
            try:
                sig.disconnect(slot)
            except (ValueError, RuntimeError):
                pass

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
            self._log("recipe_started", f"{self.recipe.title} ({self.recipe.servings} servings)",
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
            for zone, want in list(self._wanted.items()):
                if want is None or want.mode == "off":
                    self._desired.pop(zone, None)    # the recipe is done with it: it is the cook's
                else:
                    self._command(zone, want, "resume")
            for r in self.runs:
                if r.phase in (Phase.RUNNING,):
                    r.timer_since = now
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

    def next_deadline(self) -> float | None:
        """The clock time of the next timer end or reminder (``recipes try`` jumps to it)."""
        with self._lock:
            if self.status is not RunStatus.RUNNING:
                return None
            now = self.clock.now()
            best: float | None = None
            for r in self.runs:
                step = self.recipe.steps[r.index]
                if r.phase is not Phase.RUNNING or step.duration_s is None:
                    continue
                left = step.duration_s - r.elapsed(now)
                times = [left] + [self._alert_at(a, step.duration_s) - r.elapsed(now)
                                  for i, a in enumerate(step.alerts) if i not in r.fired]
                for x in times:
                    if x >= 0 and (best is None or now + x < best):
                        best = now + x
            return best

    @staticmethod
    def _alert_at(alert: Any, duration: float | None) -> float:
        return (duration or 0.0) - alert.at_s if alert.before_end else alert.at_s

    def _advance(self, now: float) -> bool:
        moved_any = False
        for _ in range(4 * len(self.runs) + 4):
            if self.status is not RunStatus.RUNNING:
                break
            moved = False
            for r in self.runs:
                step = self.recipe.steps[r.index]
                if r.phase is Phase.HEATING and self._reached(r):
                    zone = self.zone_plan[step.pot]  # type: ignore[index]
                    self._log("target_reached", f"{self._zone_label(zone)} reached {step.setting.temp_c:g} °C",
                              step=r.index, zone=zone)
                    self._raise("target", f"{self._zone_label(zone)} is at {step.setting.temp_c:g} °C: {step.text}",
                                r.index, zone)
                    self._start_timer(r, now)
                    moved = True
                if r.phase is Phase.RUNNING:
                    self._fire_reminders(r, now)
                    if step.duration_s is None or r.elapsed(now) >= step.duration_s - 1e-9:
                        self._timer_done(r, now)
                        moved = True
            for r in self.runs:
                if r.phase is Phase.PENDING and all(self.runs[d].phase.ended for d in self._deps[r.index]):
                    self._activate(r, now)
                    moved = True
            moved_any |= moved
            if all(r.phase.ended for r in self.runs):
                self._log("recipe_completed", f"{self.recipe.title} is ready")
                self._switch_off_used()
                self._set_status(RunStatus.COMPLETED)
                return True
            if not moved:
                break
        return moved_any

    def _reached(self, r: StepRun) -> bool:
        step = self.recipe.steps[r.index]
        temp = self._temp(self.zone_plan[step.pot])  # type: ignore[index]
        want = step.setting.temp_c  # type: ignore[union-attr]
        if temp is None or want is None:
            return False
        return temp >= want - REACHED_TOL_C if r.approach > 0 else temp <= want + REACHED_TOL_C

    def _activate(self, r: StepRun, now: float) -> None:
        step = self.recipe.steps[r.index]
        r.activated_t = now
        self.step_started.emit(r.index)
        self._log("step_active", step.text, step=r.index, zone=self._zone_of(r.index))
        if step.start == "confirm":
            r.phase = Phase.PROMPT
            self._ask(r, f"Start: {step.text}")
            return
        self._apply(r)
        if step.start == "target":
            temp = self._temp(self.zone_plan[step.pot])  # type: ignore[index]
            r.approach = -1 if temp is not None and temp > step.setting.temp_c + REACHED_TOL_C else 1  # type: ignore
            r.phase = Phase.HEATING
            self._log("heating", f"waiting for {step.setting.temp_c:g} °C", step=r.index,  # type: ignore
                      zone=self._zone_of(r.index))
        else:
            self._start_timer(r, now)

    def _start_timer(self, r: StepRun, now: float) -> None:
        r.phase, r.started_t, r.timer_since, r.elapsed_s = Phase.RUNNING, now, now, 0.0
        d = self.recipe.steps[r.index].duration_s
        if d:
            self._log("timer_started", f"timer {int(d) // 60}:{int(d) % 60:02d}", step=r.index,
                      data={"duration_s": d})

    def _fire_reminders(self, r: StepRun, now: float) -> None:
        step = self.recipe.steps[r.index]
        for i, a in enumerate(step.alerts):
            if i not in r.fired and r.elapsed(now) >= self._alert_at(a, step.duration_s) - 1e-9:
                r.fired.add(i)
                self._raise("reminder", a.message, r.index, self._zone_of(r.index))

    def _timer_done(self, r: StepRun, now: float) -> None:
        step = self.recipe.steps[r.index]
        r.freeze(now)
        if step.duration_s is not None:
            r.elapsed_s = min(r.elapsed_s, step.duration_s)
        if step.on_end == "wait":
            r.phase = Phase.FINISHING
            if step.duration_s:
                self._raise("timer", f"Time is up: {step.text}", r.index, self._zone_of(r.index))
            self._ask(r, f"Done? {step.text}")
        else:
            self._finish(r, now, "done")

    def _finish(self, r: StepRun, now: float, how: str) -> None:
        step = self.recipe.steps[r.index]
        r.freeze(now)
        zone = self._zone_of(r.index)
        if zone is not None and step.on_end == "off" and not self._is_off(zone):
            self._command(zone, None, "step end")
        elif zone is not None and step.on_end == "keep_warm":
            self._command(zone, self._keep_warm_setting(zone), "keep warm")
            self._keep_warm.add(zone)
        self._end_seq += 1
        r.phase, r.ended_t, r.end_seq = (Phase.SKIPPED if how == "skipped" else Phase.DONE), now, self._end_seq
        self._log("step_skipped" if how == "skipped" else "step_ended", step.text, step=r.index, zone=zone)
        self.step_ended.emit(r.index, how)

    def _ask(self, r: StepRun, text: str) -> None:
        self._log("prompt", text, step=r.index)
        self.prompt.emit(r.index, text)

    # -- zones --------------------------------------------------------------------------------
    def _zone_of(self, index: int) -> int | None:
        pot = self.recipe.steps[index].pot
        return None if pot is None else self.zone_plan.get(pot)

    def _zone_label(self, zone: int) -> str:
        return self.zone_names.get(zone, f"zone {zone}")

    def _zone_info(self, zone: int) -> ZoneInfo:
        return next(z for z in self.stove.info.zones if z.id == zone)  # type: ignore[union-attr]

    def _keep_warm_setting(self, zone: int) -> Setting:
        info = self._zone_info(zone)
        if info.min_target_c <= KEEP_WARM_C <= info.max_target_c:
            return Setting("target", temp_c=KEEP_WARM_C)
        return Setting("level", level=1)

    def _apply(self, r: StepRun) -> None:
        step = self.recipe.steps[r.index]
        zone = self._zone_of(r.index)
        if zone is not None and step.setting is not None:
            self._keep_warm.discard(zone)
            self._command(zone, step.setting, step.text)

    def _command(self, zone: int, want: Setting | None, why: str) -> None:
        """Send one zone command; a refusal pauses the run with an alert naming it."""
        self._used.add(zone)
        self._desired[zone] = self._wanted[zone] = want
        self._armed[zone] = False
        self._predictors[zone].reset() if zone in self._predictors else None
        s = self.stove
        if want is None or want.mode == "off":
            fut, text = s.zone_off(zone), "off"
        elif want.mode == "boost" and self._zone_info(zone).has_boost:
            fut, text = s.set_boost(zone, True), "boost"
        elif want.mode == "boost":                   # this zone has none: its top level instead
            self._desired[zone] = self._wanted[zone] = want = Setting("level", level=9, temp_c=want.temp_c)
            fut, text = s.set_level(zone, 9), "level 9 (no boost on this zone)"
        elif want.mode == "level":
            fut, text = s.set_level(zone, int(want.level or 1)), f"level {want.level}"
        else:
            fut, text = s.set_target(zone, want.temp_c), f"{want.temp_c:g} °C"
        self._log("zone_set", f"{self._zone_label(zone)}: {text}", zone=zone, data={"setting": text, "why": why})
        fut.add_done_callback(lambda f, z=zone, t=text: self._on_command_done(f, z, t))

    def _on_command_done(self, fut: Future, zone: int, text: str) -> None:
        exc = fut.exception()
        if exc is None:
            return
        with self._lock:
            self._failures.append((zone, f"{self._zone_label(zone)} could not be set to {text}: {exc}"))
            self._desired[zone] = None
            if self._depth == 0:             # a network reply, after the control that sent it
                self._handle_failures()

    def _handle_failures(self) -> None:
        while self._failures:
            zone, message = self._failures.pop(0)
            self._raise("command", message, None, zone, warning=True)
            self.pause(f"a command failed: {message}")

    def _switch_off_used(self) -> None:
        for zone in sorted(self._used):
            if zone in self._keep_warm:
                continue
            if self._is_off(zone):
                continue
            self._command(zone, None, "recipe end")

    def _is_off(self, zone: int) -> bool:
        """The engine switched this zone off itself (and nobody has touched it since)."""
        return zone in self._desired and (self._desired[zone] is None or self._desired[zone].mode == "off")

    def _temp(self, zone: int) -> float | None:
        st = self._latest
        if st is None or zone >= len(st.zones):
            return None
        return st.zones[zone].temp_c

    # -- stove signals ------------------------------------------------------------------------
    def _on_telemetry(self, state: StoveState) -> None:
        with self._lock:
            self._latest = state
            for zone, p in self._predictors.items():
                if zone < len(state.zones):
                    p.add(state.t, state.zones[zone].temp_c)
            if self.status is RunStatus.RUNNING:
                for zone, want in list(self._desired.items()):
                    if zone >= len(state.zones):
                        continue
                    if matches(state.zones[zone], want):
                        self._armed[zone] = True
                    elif self._armed.get(zone):
                        self._armed[zone] = False
                        self._desired.pop(zone)
                        msg = f"{self._zone_label(zone)} was changed at the stove; the recipe paused"
                        self._raise("cook", msg, None, zone, warning=True)
                        self.pause(msg)
                        break
        self.tick()

    def _on_event(self, ev: StoveEvent) -> None:
        with self._lock:
            if self.status.finished or self.status is RunStatus.READY:
                return
            ours = ev.zone is not None and ev.zone in self._used
            self._log("event", ev.message, zone=ev.zone, data={"event": ev.kind})
            if ours and ev.kind in STOVE_OFF_EVENTS and self._desired.get(ev.zone) is not None:
                self._desired[ev.zone] = None  # type: ignore[index]
                self._raise("stove", f"{ev.message} — the recipe paused", None, ev.zone, warning=True)
                self.pause(ev.message)
            elif ev.kind == "all_off" and any(self._desired.get(z) is not None for z in self._used):
                for z in self._used:
                    self._desired[z] = None
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
