"""The recipe cooking on a stove, published for the fleet screen: ``<prefix>/runs/<stove uid>``.

A dashboard running a recipe with ``--broker`` tells the kitchen which recipe cooks on which
stove and how long its current step has left (retained; an empty payload when the run ends).
The topic is keyed by the stove's own KSP/1 id (:func:`~.topics.stove_uid`), since the dashboard
does not know the name a bridge gave the stove; the fleet matches it through the stove's info.
``at`` (wall-clock seconds) lets a screen count the time down between messages.

Payload: ``{"recipe", "status", "step", "steps_done", "steps_total", "time_left_s", "at"}``.
Published when the step, the status or the minute changes, not on every tick.
"""

from __future__ import annotations

import json
import math
import time
from typing import Any, Callable

from .broker import BrokerLogin
from .paho_link import PahoLink, client_id
from .topics import Topics, stove_uid


def run_payload(view: Any, wall: float) -> dict[str, Any]:
    """The message for a :class:`~kitchen_ui.recipes.run_state.RunView`."""
    active = list(view.active)
    left = [a.remaining_s for a in active if a.remaining_s is not None]
    return {"recipe": view.title, "status": getattr(view.status, "value", str(view.status)),
            "step": active[0].text if active else "", "steps_done": view.steps_done,
            "steps_total": view.steps_total, "time_left_s": round(max(left), 1) if left else None,
            "at": round(wall, 3)}


class RunPublisher:
    """Publishes one stove's recipe runs; ``attach(stove_app, stove_id)`` follows a StoveApp."""

    def __init__(self, login: BrokerLogin, topics: Topics | None = None, *, link: PahoLink | None = None,
                 wall: Callable[[], float] = time.time) -> None:
        self.topics = topics or Topics()
        self.link = link or PahoLink(login, client_id("runs"), [], lambda _t, _p: None)
        self._wall = wall
        self._last: dict[str, tuple] = {}

    def start(self) -> None:
        self.link.start()

    def stop(self) -> None:
        self.link.stop()

    def attach(self, stove_app: Any, stove_id: Callable[[], str | None]) -> None:
        """Follow ``stove_app``'s runs (its ``changed`` / ``run_finished`` signals)."""
        def changed(view: Any) -> None:
            sid = stove_id()
            if sid:
                self.publish(sid, view)

        def finished(_engine: Any) -> None:
            sid = stove_id()
            if sid:
                self.clear(sid)

        stove_app.changed.connect(changed)
        stove_app.run_finished.connect(finished)

    def publish(self, stove_id: str, view: Any) -> bool:
        """Publish the run if its step, status or minute changed; True if a message went out."""
        msg = run_payload(view, self._wall())
        left = msg["time_left_s"]
        key = (msg["recipe"], msg["status"], msg["step"], msg["steps_done"], None if left is None else math.ceil(left / 60))
        uid = stove_uid(stove_id)
        if self._last.get(uid) == key:
            return False
        if self.link.publish(self.topics.run(uid), json.dumps(msg), qos=1, retain=True):
            self._last[uid] = key
            return True
        return False

    def clear(self, stove_id: str) -> None:
        uid = stove_uid(stove_id)
        self._last.pop(uid, None)
        self.link.publish(self.topics.run(uid), "", qos=1, retain=True)
