"""The garbage collector held back while the dashboard starts, for a faster first frame.

Starting the dashboard allocates a few hundred thousand long-lived objects (Qt bindings,
pyqtgraph, numpy, the window): the collector would walk all of them again and again while they
are made, and never find garbage among them. The ``kitchen-ui`` command pauses it before
anything is imported (:func:`pause`); once the first frame is on screen, or as soon as a
subcommand (long-running ``serve-sim`` included) has parsed its flags, :func:`resume` moves
everything alive so far out of the collector's view (``gc.freeze``) and switches it back on.
Code that never paused it (tests calling ``main()``) is unaffected: :func:`resume` does nothing.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def paused() -> bool:
    return _paused
