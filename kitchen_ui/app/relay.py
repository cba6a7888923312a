"""How calls from the stove's threads reach the host's thread, without Qt.

A :data:`Post` is ``post(fn, *args)``: run ``fn(*args)`` on the host's thread, soon. The
dashboard's is :class:`kitchen_ui.ui.relay.Relay`; a terminal program uses :class:`QueueRelay`
and drains it in its loop; :func:`direct` runs at once (single-threaded tests).
"""

from __future__ import annotations

import queue
from typing import Any, Callable

Post = Callable[..., None]


def direct(fn: Callable[..., Any], *args: Any) -> None:
    """Run now, on the caller's thread (for a stove that speaks only on this thread)."""
    fn(*args)


class QueueRelay:
    """Calls posted from any thread, run by :meth:`drain` on the thread that owns the loop."""

    def __init__(self) -> None:
        self._q: queue.SimpleQueue[tuple[Callable[..., Any], tuple[Any, ...]]] = queue.SimpleQueue()
        self.closed = False

    def post(self, fn: Callable[..., Any], *args: Any) -> None:
        if not self.closed:
            self._q.put((fn, args))

    def drain(self, timeout: float = 0.0) -> int:
        """Run what is waiting (waiting up to ``timeout`` s for the first); returns how many ran."""
        n = 0
        try:
            fn, args = self._q.get(timeout=timeout) if timeout > 0 else self._q.get_nowait()
        except queue.Empty:
            return 0
        while True:
            if not self.closed:
                fn(*args)
                n += 1
            try:
                fn, args = self._q.get_nowait()
            except queue.Empty:
                return n

    def close(self) -> None:
        self.closed = True
