"""The one way the Qt layer brings calls from any thread onto the GUI thread.

Stoves, recipe engines, energy meters and the tips worker speak on whichever thread caused a
change (the simulator's, the network loop's, a worker's). :class:`Relay` is the ``post`` the
application layer (:mod:`kitchen_ui.app`) and the stove model are given: ``post(fn, *args)``
emits a Qt signal whose receiver lives on the GUI thread, so the call runs there, queued across
threads and direct on the GUI thread itself. Once the relay is closed (the window went), calls
still on their way are dropped, never run on a dead object.
"""

from __future__ import annotations

from typing import Any, Callable

from PySide6.QtCore import QObject, Signal, Slot


class Relay(QObject):
    _incoming = Signal(object, object)      # (callable, args)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.closed = False
        self._incoming.connect(self._deliver)

    def post(self, fn: Callable[..., Any], *args: Any) -> None:
        """Run ``fn(*args)`` on the GUI thread (now, if this is it). Safe from any thread."""
        if self.closed:
            return
        try:
            self._incoming.emit(fn, args)
        except RuntimeError:            # the relay's C++ side is gone: the app is closing
            pass

    def close(self) -> None:
        self.closed = True

    @Slot(object, object)
    def _deliver(self, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        if not self.closed:
            fn(*args)
