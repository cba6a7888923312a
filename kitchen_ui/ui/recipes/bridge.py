"""A recipe engine's signals on the GUI thread.

The engine emits on whichever thread caused a change: the simulator's or the network loop's for
telemetry, the GUI's for a tap. Views must only be touched on the GUI thread, so the bridge
re-emits everything through a Qt signal whose receiver lives there (queued across threads,
direct on the GUI thread, as :class:`~kitchen_ui.ui.stove_model.StoveModel` does for the stove).
It also ticks the engine on a timer, so countdowns move even between telemetry messages.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ...recipes.engine import RecipeEngine

TICK_MS = 250


class EngineBridge(QObject):
    changed = Signal(object)          # RunView
    alert = Signal(object)            # RunAlert
    status_changed = Signal(object)   # RunStatus
    prompt = Signal(int, str)         # step index, what the cook must confirm
    _incoming = Signal(str, object)

    def __init__(self, engine: RecipeEngine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self._incoming.connect(self._deliver)
        engine.changed.connect(self._on_changed)
        engine.alert.connect(self._on_alert)
        engine.status_changed.connect(self._on_status)
        engine.prompt.connect(self._on_prompt)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(engine.tick)
        self._timer.start()

    def close(self) -> None:
        """Stop listening (the run is over or the window closes); the engine is left as it is."""
        self._timer.stop()
        for sig, slot in ((self.engine.changed, self._on_changed), (self.engine.alert, self._on_alert),
                          (self.engine.status_changed, self._on_status), (self.engine.prompt, self._on_prompt)):
            try:
                sig.disconnect(slot)
            except (ValueError, RuntimeError):
                pass

    # -- any thread ------------------------------------------------------------------------------
    def _post(self, kind: str, payload: Any) -> None:
        try:
            self._incoming.emit(kind, payload)
        except RuntimeError:          # the window closed while the stove was still talking
            pass

    def _on_changed(self, view: Any) -> None:
        self._post("changed", view)

    def _on_alert(self, alert: Any) -> None:
        self._post("alert", alert)

    def _on_status(self, status: Any) -> None:
        self._post("status", status)

    def _on_prompt(self, index: int, words: str) -> None:
        self._post("prompt", (index, words))

    # -- GUI thread ------------------------------------------------------------------------------
    @Slot(str, object)
    def _deliver(self, kind: str, payload: Any) -> None:
        if kind == "changed":
            self.changed.emit(payload)
        elif kind == "alert":
            self.alert.emit(payload)
        elif kind == "status":
            self.status_changed.emit(payload)
        elif kind == "prompt":
            self.prompt.emit(*payload)
