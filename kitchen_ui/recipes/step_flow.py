"""How a recipe's steps move: activation, triggers, timers, reminders and end actions.

A mixin of :class:`~kitchen_ui.recipes.engine.RecipeEngine`, kept apart so the engine module
holds the controls and the stove's signals, and this one the step life cycle::

    pending --(after-steps ended)--> active:
        start "now"     -> zone set, timer runs                      (RUNNING)
        start "target"  -> zone set, waits for its temperature        (HEATING) -> RUNNING
        start "confirm" -> waits for the cook, then zone set          (PROMPT)  -> RUNNING
    RUNNING --(resumed with its zone away from its temperature)--> HEATING (timer held)
        --(back at the temperature)--> RUNNING, the timer going on from where it stopped
    RUNNING --(timer over, or at once without a duration)-->
        on_end "wait"   -> waits for the cook                         (FINISHING) -> DONE
        otherwise       -> end action (continue / keep_warm / off)    -> DONE

All of it runs under the engine's lock, on the engine's clock.
"""

from __future__ import annotations

from typing import Any

from .run_state import Phase, RunStatus, StepRun

REACHED_TOL_C = 2.0


class StepFlow:
    """Step life cycle; the host engine provides recipe, runs, zones, clock, status and signals."""

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
                    again = r.started_t is not None          # re-heated: its timer goes on
                    where = f"{'back ' if again else ''}at {step.setting.temp_c:g} °C"
                    self._log("target_reached", f"{self.zones.label(zone)} {'is back' if again else 'reached'} "
                              f"{step.setting.temp_c:g} °C", step=r.index, zone=zone)
                    self._raise("target", f"{self.zones.label(zone)} is {where}: {step.text}", r.index, zone)
                    if again:
                        r.phase, r.timer_since = Phase.RUNNING, now
                    else:
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
        temp = self.zones.temp(self.zone_plan[step.pot])  # type: ignore[index]
        want = step.setting.temp_c  # type: ignore[union-attr]
        if temp is None or want is None:
            return False
        return temp >= want - REACHED_TOL_C if r.approach > 0 else temp <= want + REACHED_TOL_C

    def _reheat_if_cold(self, r: StepRun, now: float) -> None:
        """A running step whose zone is away from its temperature holds its timer until it is back."""
        step = self.recipe.steps[r.index]
        zone = self._zone_of(r.index)
        if zone is None or step.setting is None or step.setting.temp_c is None or step.duration_s is None:
            return
        if self._reached(r):
            return
        r.freeze(now)
        r.phase = Phase.HEATING
        temp = self.zones.temp(zone)
        now_c = "unknown" if temp is None else f"{temp:.0f} °C"
        self._log("heating", f"{self.zones.label(zone)} is at {now_c}: heating back to {step.setting.temp_c:g} °C "
                  "before the timer goes on", step=r.index, zone=zone)

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
            temp = self.zones.temp(self.zone_plan[step.pot])  # type: ignore[index]
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
        if zone is not None and step.on_end == "off" and not self.zones.is_off(zone):
            self.zones.command(zone, None, "step end")
        elif zone is not None and step.on_end == "keep_warm":
            self.zones.command(zone, self.zones.keep_warm_setting(zone), "keep warm")
            self.zones.keep_warm.add(zone)
        self._end_seq += 1
        r.phase, r.ended_t, r.end_seq = (Phase.SKIPPED if how == "skipped" else Phase.DONE), now, self._end_seq
        self._log("step_skipped" if how == "skipped" else "step_ended", step.text, step=r.index, zone=zone)
        self.step_ended.emit(r.index, how)

    def _ask(self, r: StepRun, text: str) -> None:
        self._log("prompt", text, step=r.index)
        self.prompt.emit(r.index, text)

    def _zone_of(self, index: int) -> int | None:
        pot = self.recipe.steps[index].pot
        return None if pot is None else self.zone_plan.get(pot)

    def _apply(self, r: StepRun) -> None:
        step = self.recipe.steps[r.index]
        zone = self._zone_of(r.index)
        if zone is not None and step.setting is not None:
            self.zones.keep_warm.discard(zone)
            self.zones.command(zone, step.setting, step.text)

