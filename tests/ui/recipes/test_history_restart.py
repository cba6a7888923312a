"""A session recorded across a stove restart (serve-sim stopped and started: stove time back to ~0).

What a cook sees on the History page: no line runs back across the chart, each run of the stove
is drawn after the one before, the events of the second run sit in the second run, the duration
adds the runs up, and event labels close together do not print on top of each other.
"""

from __future__ import annotations

import numpy as np
import pytest

from kitchen_ui.core.clock import ManualClock
from kitchen_ui.core.model import StoveEvent
from kitchen_ui.sim.local import LocalStove
from kitchen_ui.sim.profiles import load_profile
from kitchen_ui.storage.library import KitchenLibrary
from kitchen_ui.storage.recorder import SessionRecorder
from kitchen_ui.ui.recipes.timeline import Timeline, label_rows


def run_of_the_stove(rec: SessionRecorder, seconds: float, level: int) -> LocalStove:
    """A fresh simulated stove (its clock starts at 0) heating zone 0, recorded every second."""
    stove = LocalStove(load_profile("hybrid-4"), clock=ManualClock(), threaded=False)
    stove.start()
    stove.set_level(0, level)
    for _ in range(int(seconds)):
        stove.advance(1.0)
        rec.record_state(stove.state)
    return stove


@pytest.fixture
def restarted_session(db_path, kdb):
    rec = SessionRecorder(db_path, None, title="Stock across a restart", flush_interval_s=0.05)
    rec.start()
    first = run_of_the_stove(rec, 300, 9)            # hot by the end of the first run
    for t, kind in ((100.0, "boost_ended"), (101.0, "pan_removed"), (102.0, "pan_detected")):
        rec.record_event(StoveEvent(t, kind, 0, f"{kind} at {t}"))
    first.stop()
    second = run_of_the_stove(rec, 120, 3)           # the stove came back; its clock began at 0 again
    rec.record_event(StoveEvent(60.0, "boil_dry", 0, "boil-dry after the restart"))
    second.stop()
    rec.stop()
    return rec.session_id


@pytest.fixture
def page(qtbot, kdb, restarted_session):
    from kitchen_ui.ui.recipes.history_view import HistoryPage
    from kitchen_ui.ui.theme import Theme

    p = HistoryPage(KitchenLibrary(kdb), Theme())
    qtbot.addWidget(p)
    p.resize(1280, 700)
    p.show()
    qtbot.waitExposed(p)
    p.refresh()
    return p


def test_time_never_runs_backwards_and_the_runs_are_not_joined(page):
    x, y = page.curves[0].getOriginalDataset()
    finite = np.isfinite(x)
    assert np.all(np.diff(x[finite]) > 0)                        # no diagonal back across the chart
    gap = np.flatnonzero(~np.isfinite(y))
    assert len(gap) == 1                                           # one break, at the restart
    before, after = y[gap[0] - 1], y[gap[0] + 1]
    assert before > after + 50                                     # hot then cold, not joined by a line
    assert x[gap[0] + 1] >= x[gap[0] - 1]                          # the second run comes after the first
    assert np.nanmax(x) == pytest.approx(300 + 120)


def test_events_of_the_second_run_are_placed_in_it_and_the_restart_is_marked(page):
    marks = {m.label.format: m.value() for m in page.markers}
    assert marks["boil dry"] == pytest.approx(300 + 60)      # not back at 60 s, among the first run's events
    assert marks["boost ended"] == pytest.approx(100)
    assert marks["stove restarted"] == pytest.approx(301)
    assert "restarted 1×" in page.facts.text()
    assert " · 7 min · " in page.facts.text()                      # 299 s + 119 s, not "last minus first"


def test_labels_close_together_do_not_overlap(qtbot, page):
    labels = [m.label for m in page.markers]
    assert len(labels) == 5

    def overlapping():
        rects = [lab.sceneBoundingRect() for lab in labels]
        return [(labels[i].format, labels[j].format) for i in range(len(rects)) for j in range(i + 1, len(rects))
                if rects[i].intersects(rects[j])]

    assert overlapping() == []
    page.view.getPlotItem().getViewBox().setXRange(0, 2000, padding=0)   # zoomed out: even closer together
    qtbot.wait(50)
    assert overlapping() == []


def test_label_rows_and_the_timeline_on_their_own():
    assert label_rows([0, 5, 10, 100], [20, 20, 20, 20], rows=3) == [0, 1, 2, 0]
    t = np.array([10.0, 11.0, 12.0, 0.5, 1.5, 0.2, 0.9])
    tl = Timeline.from_samples([t])
    assert tl.restarts == 2 and tl.duration_s == pytest.approx(2 + 1 + 0.7)
    x, = tl.place_samples(t)
    assert np.all(np.diff(x[np.isfinite(x)]) >= 0) and np.isnan(x).sum() == 2
    assert tl.place_marks([11.0, 1.4, 0.2]) == pytest.approx([11.0, 1.4 + 12.5, 0.2 + 14.8])


