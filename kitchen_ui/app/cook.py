"""Cooking one recipe without a window: the loop behind ``kitchen-ui cook``.

:class:`Cooking` puts one stove in an application :class:`~.kitchen.Kitchen` (the same objects
the dashboard uses, so the session is recorded exactly as the dashboard records it), starts or
resumes a run and drives it from the calling thread: the stove's signals arrive through a
:class:`~.relay.QueueRelay` the loop drains, and the loop ticks the run as the dashboard's timer
does. What happens is reported as plain dicts (``report``), one per step started, step waiting,
step done, zone set, alert and the finish; the command prints them.

How it ends (:meth:`Cooking.run`): 0 the recipe finished; 1 it failed (the stove switched a zone
off by itself or faulted, a command was refused, the stove was lost and did not come back within
``lost_after_s``, or a step waits for an answer that can never come); 130 interrupted
(:meth:`interrupt`, e.g. Ctrl-C). On failure or interruption the zones the recipe uses are
switched off; the run stays saved, so ``--resume`` carries it on, and the session says
``interrupted``.
"""

from __future__ import annotations

import threading
import time
from typing import Any, Callable

from ..core.model import LinkState
from ..core.stove import Stove
from ..recipes.engine import RecipeEngine, RunError
from ..recipes.model import Recipe
from ..recipes.run_state import Phase, RunAlert, RunStatus
from ..storage.database import KitchenDB
from .feed import StoveFeed
from .kitchen import Kitchen
from .relay import QueueRelay

FINISHED, FAILED, INTERRUPTED = 0, 1, 130
OFF_TIMEOUT_S = 5.0

Report = Callable[[dict[str, Any]], None]


class Cooking:
    def __init__(self, kdb: KitchenDB, stove: Stove, *, report: Report, auto_confirm: bool = False,
                 lost_after_s: float = 30.0, name: str = "stove", wall: Callable[[], float] = time.monotonic,
                 flush_interval_s: float = 0.5) -> None:
        self.stove = stove
        self.report = report
        self.auto_confirm = auto_confirm
        self.lost_after_s = lost_after_s
        self.wall = wall
        self.relay = QueueRelay()
        self.feed = StoveFeed(stove, self.relay.post)
        self.kitchen = Kitchen(kdb, self.relay.post)
        self.app = self.kitchen.add_stove(name, self.feed, flush_interval_s=flush_interval_s)
        self.waiting: list[int] = []          # steps waiting for the cook, oldest first
        self.failure = ""
        self.answers_closed = False           # no answer can come any more (standard input closed)
        self._lost_since: float | None = None
        self._interrupted = threading.Event()
        self._done: RecipeEngine | None = None
        self.app.run_finished.connect(self._on_finished)
        self.app.logged.connect(self._on_log)
        self.app.prompt.connect(self._on_prompt)
        self.app.alert.connect(self._on_alert)
        self.feed.link_changed.connect(self._on_link)
        self.feed.command_failed.connect(lambda what, why: self._fail(f"could not {what}: {why}"))

    # -- before the run ----------------------------------------------------------------------------
    def wait_for_control(self, timeout_s: float) -> str:
        """Until this program controls the stove; "" then, else why not."""
        deadline = self.wall() + timeout_s
        while not (self.feed.info is not None and self.feed.can_control):
            if self.wall() >= deadline:
                link = self.feed.link
                if link.online:
                    return "another program controls the stove (this one would only watch)"
                return f"the stove did not answer: {link.message or link.status.value}"
            self.relay.drain(timeout=0.05)
        return ""

    def start(self, recipe: Recipe) -> RecipeEngine:
        return self.app.start(recipe)

    def resume(self, run_id: str) -> RecipeEngine:
        return self.app.resume(run_id)

    # -- from other threads ------------------------------------------------------------------------
    def interrupt(self) -> None:
        """Stop cooking soon (a signal handler may call this)."""
        self._interrupted.set()

    def answer(self) -> None:
        """The cook pressed Enter: the oldest waiting step is done (any thread)."""
        self.relay.post(self._confirm_oldest)

    def no_more_answers(self) -> None:
        self.relay.post(setattr, self, "answers_closed", True)

    # -- the loop ----------------------------------------------------------------------------------
    def run(self) -> int:
        engine = self.app.engine
        assert engine is not None, "start or resume a run first"
        try:
            while True:
                self.relay.drain(timeout=0.05)
                if self._interrupted.is_set():
                    return self._stop(INTERRUPTED, "interrupted")
                self.app.tick()
                if self.auto_confirm and self.waiting and engine.status is RunStatus.RUNNING:
                    self._answer_waiting()             # asked while paused (e.g. the link dropped)
                if self._done is not None:            # its session is settled: the figures are in
                    return self._finish(self._done)
                if self.failure:
                    return self._stop(FAILED, self.failure)
                if self._lost_since is not None and self.wall() - self._lost_since > self.lost_after_s:
                    return self._stop(FAILED, f"the stove was lost and did not come back within {self.lost_after_s:g} s")
                if self.waiting and self.answers_closed and not self.auto_confirm:
                    return self._stop(FAILED, "a step waits for the cook, and no answer can come "
                                              "(standard input is closed; use --auto-confirm)")
        finally:
            self.kitchen.close()
            self.relay.close()
            self.feed.close()

    def _finish(self, engine: RecipeEngine) -> int:
        after = self.app.after.report
        self.report({"event": "finish", "status": engine.status.value, "recipe": engine.recipe.title,
                     "session": after.session_id if after is not None else self.app.sessions.session_id,
                     "energy_wh": None if after is None else round(after.used.energy_wh, 3)})
        return FINISHED if engine.status is RunStatus.COMPLETED else FAILED

    def _stop(self, code: int, why: str) -> int:
        """Pause the run and switch its zones off (waiting for the stove's answer, briefly)."""
        engine = self.app.engine
        zones = sorted(self.app.zones_in_use())
        if engine is not None and engine.status is RunStatus.RUNNING:
            engine.pause(why)
        futures = []
        for z in zones:
            try:
                futures.append((z, self.stove.zone_off(z)))
            except Exception as exc:           # a transport that raises: say so, go on with the others
                self.report({"event": "alert", "kind": "command", "message": f"zone {z} not switched off: {exc}"})
        off = []
        for z, fut in futures:
            try:
                fut.result(timeout=OFF_TIMEOUT_S)
                off.append(z)
            except Exception as exc:
                self.report({"event": "alert", "kind": "command", "message": f"zone {z} not switched off: {exc}"})
        self.relay.drain()
        self.report({"event": "stopped", "reason": why, "exit": code, "zones_off": off,
                     "session": self.app.sessions.session_id})
        return code

    # -- what the run says (host thread) -------------------------------------------------------------
    def _on_log(self, entry: Any) -> None:
        step = None if entry.step is None else entry.step + 1
        kind = entry.kind
        if kind == "step_active":
            self.report({"event": "step", "step": step, "text": entry.message})
        elif kind == "prompt":
            self.report({"event": "waiting", "step": step, "text": entry.message})
        elif kind in ("step_ended", "step_skipped"):
            self.report({"event": "done", "step": step, "text": entry.message,
                         "how": "skipped" if kind == "step_skipped" else "done"})
        elif kind == "zone_set":
            data = entry.data or {}
            self.report({"event": "zone", "zone": entry.zone, "setting": data.get("setting"), "text": entry.message})
        elif kind in ("paused", "resumed", "heating", "timer_started", "target_reached"):
            self.report({"event": kind, "step": step, "text": entry.message})

    def _on_finished(self, engine: RecipeEngine) -> None:
        self._done = engine

    def _on_prompt(self, index: int, _words: str) -> None:
        if index not in self.waiting:
            self.waiting.append(index)
        if self.auto_confirm:
            self._confirm(index)

    def _still_waiting(self) -> list[int]:
        engine = self.app.engine
        if engine is None:
            return []
        live = {a.index for a in engine.view().active if a.phase in (Phase.PROMPT, Phase.FINISHING)}
        self.waiting = [i for i in self.waiting if i in live]
        return self.waiting

    def _confirm_oldest(self) -> None:
        if self._still_waiting():
            self._confirm(self.waiting[0])

    def _answer_waiting(self) -> None:
        for index in list(self._still_waiting()):
            self._confirm(index)

    def _confirm(self, index: int) -> None:
        try:
            self.app.control("confirm", index)
        except RunError:
            return                              # answered already, or the step moved on
        if index in self.waiting:
            self.waiting.remove(index)

    def _on_alert(self, alert: RunAlert) -> None:
        step = None if alert.step is None else alert.step + 1
        self.report({"event": "alert", "kind": alert.kind, "message": alert.message, "step": step, "zone": alert.zone})
        if not alert.warning:
            return
        if alert.kind == "link":
            if self._lost_since is None:
                self._lost_since = self.wall()
        else:                                   # the stove or a refused command stopped the recipe
            self._fail(alert.message)

    def _on_link(self, link: LinkState) -> None:
        if self._lost_since is None or not link.can_control:
            return
        self._lost_since = None                 # back: the recipe sets its zones again
        engine = self.app.engine
        if engine is not None and engine.status is RunStatus.PAUSED:
            try:
                engine.resume()
            except RunError as exc:
                self._fail(str(exc))

    def _fail(self, why: str) -> None:
        if not self.failure:
            self.failure = why
