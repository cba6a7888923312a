"""Stop listening to signals, whatever state the connection is in.

A view or meter that detaches twice, or whose Qt object is already gone, must not fail while
closing: psygnal raises ValueError for a slot it does not know (``missing_ok=False``), Qt raises
RuntimeError or TypeError. One helper instead of a try/except loop in every ``close()``.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable


def disconnect_all(pairs: Iterable[tuple[Any, Callable[..., Any]]]) -> None:
    """Disconnect each ``(signal, slot)``; a pair that is no longer connected is skipped quietly."""
    for signal, slot in pairs:
        try:
            signal.disconnect(slot)
        except (ValueError, RuntimeError, TypeError):
            pass
