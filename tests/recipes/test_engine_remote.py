"""The engine on a stove whose replies come later, from another thread (as a network stove's do)."""

from __future__ import annotations

import threading
from concurrent.futures import Future

from kitchen_ui.core.stove import Stove
from kitchen_ui.recipes.engine import RecipeEngine
from kitchen_ui.recipes.run_state import RunStatus

from .conftest import WATER_POT, make_stove, recipe


class LateStove(Stove):
    """Wraps a simulated stove; requests reach it (and reply) only when :meth:`deliver` is called."""

    def __init__(self) -> None:
        super().__init__()
        self.inner, self.clock = make_stove()
        self.pending: list[tuple[str, dict | None, Future]] = []
        self.inner.telemetry.connect(self._publish_state)
        self.inner.event.connect(self._publish_event)
        self.inner.link_changed.connect(self._set_link)
        self.info, self.state, self.link = self.inner.info, self.inner.state, self.inner.link

    def start(self) -> None:
        pass

    def stop(self) -> None:
        self.inner.stop()

    def request(self, method, params=None) -> Future:
        outer: Future = Future()
        self.pending.append((method, params, outer))
        return outer

    def deliver(self) -> None:
        """The requests reach the stove now, and their replies come back."""
        pending, self.pending = self.pending, []
        for method, params, outer in pending:
            inner = self.inner.request(method, params)
            if inner.exception() is not None:
                outer.set_exception(inner.exception())
            else:
                outer.set_result(inner.result())


def test_a_late_refusal_from_another_thread_still_pauses_the_run():
    stove = LateStove()
    stove.inner.set_lock(True).result()
    alerts = []
    e = RecipeEngine(recipe([{"text": "Simmer", "pot": "pot", "setting": {"mode": "level", "level": 4},
                              "duration_s": 600}], [WATER_POT]), stove, stove.clock)
    e.alert.connect(alerts.append)
    e.start()
    assert e.status is RunStatus.RUNNING            # nothing known yet
    t = threading.Thread(target=stove.deliver)
    t.start()
    t.join(5)
    assert e.status is RunStatus.PAUSED
    assert alerts[-1].kind == "command" and "locked" in alerts[-1].message
    stove.stop()


def test_late_acknowledgements_do_not_look_like_the_cooks_hand():
    stove = LateStove()
    e = RecipeEngine(recipe([{"text": "Simmer", "pot": "pot", "setting": {"mode": "level", "level": 4},
                              "duration_s": 60, "on_end": "off"}], [WATER_POT]), stove, stove.clock)
    e.start()
    for _ in range(5):
        stove.inner.advance(1.0)                    # telemetry still shows the zone off: not yet applied
    assert e.status is RunStatus.RUNNING
    stove.deliver()
    while e.status is RunStatus.RUNNING:
        stove.inner.advance(1.0)
        stove.deliver()
    assert e.status is RunStatus.COMPLETED
    stove.stop()
