"""Paint soak: thousands of frames of the real dashboard's plot must not crash the interpreter.

PySide6 6.12.0 on CPython 3.11 leaks a reference to None on each paint of a Python paintEvent
override and aborts with "Fatal Python error: none_dealloc" after a few thousand paints; the
plot canvas has such an override (frame timing) and so has pyqtgraph's GraphicsView. The
project pins PySide6 below 6.12 on Python 3.11; this test catches a regression of that pin.
"""

import sys
import time

import pytest

FRAMES = 5000


@pytest.mark.slow
def test_thousands_of_plot_paints_with_live_data(qtbot, dashboard, sim_stove):
    sim_stove.set_level(0, 9)
    sim_stove.set_target(1, 150.0)
    view = dashboard.plot.view
    painted = []
    view.on_paint = painted.append
    none_refs = sys.getrefcount(None)
    start = time.perf_counter()
    for i in range(FRAMES):
        if i % 10 == 0:                      # new telemetry and a redraw tick every 10 frames
            sim_stove.advance(0.5)
            dashboard.plot.refresh()
        view.repaint()
    elapsed = time.perf_counter() - start
    assert len(painted) >= FRAMES            # every repaint really went through paintEvent
    # a leak of one reference per paint would show as thousands here
    assert sys.getrefcount(None) - none_refs < FRAMES // 2
    print(f"{FRAMES} plot paints in {elapsed:.1f} s ({1000 * elapsed / FRAMES:.2f} ms each)")
