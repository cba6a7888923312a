"""Cooking sessions: recorded off the caller's thread, loaded fast for a plot, exported as CSV."""

from __future__ import annotations

import csv
import io
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import numpy as np
import pytest

from kitchen_ui.core.clock import ManualClock
from kitchen_ui.recipes.engine import RecipeEngine
from kitchen_ui.recipes.model import Recipe
from kitchen_ui.sim.local import LocalStove
from kitchen_ui.sim.profiles import load_profile
from kitchen_ui.storage.database import open_db
from kitchen_ui.storage.recorder import SessionRecorder
from kitchen_ui.storage.sessions import SessionNotFound, export_csv, list_sessions, load_session


@pytest.fixture
def db_path(tmp_path):
    path = tmp_path / "kitchen.sqlite3"
    open_db(path, seed=False).close()
    return path


@pytest.fixture
def stove():
    s = LocalStove(load_profile("hybrid-4"), clock=ManualClock(), threaded=False)
    s.start()
    yield s
    s.stop()


def test_a_recorded_session_loads_back_sample_for_sample(db_path, stove):
    rec = SessionRecorder(db_path, stove, title="Test dinner", flush_interval_s=0.05)
    sid = rec.start()
    stove.set_target(0, 100).result()
    stove.set_level(2, 5).result()
    seen = []
    stove.telemetry.connect(seen.append)
    for _ in range(600):
        stove.advance(0.1)
    stove.sim_inject_fault(1, "sensor_open").result()
    stove.advance(0.1)
    rec.stop()
    with open_db(db_path) as kdb:
        data = load_session(kdb, sid)
        (info,) = list_sessions(kdb)
    assert info.title == "Test dinner" and info.ended_at is not None
    assert info.samples == len(seen) * 4 == sum(len(a) for a in data.zones.values())
    assert set(data.zones) == {0, 1, 2, 3}
    z0 = data.zones[0]
    assert np.array_equal(z0["t"], [s.t for s in seen])
    assert np.allclose(z0["temp_c"], [s.zones[0].temp_c for s in seen])
    assert z0["target_c"][-1] == 100 and data.zones[2]["level"][-1] == 5
    assert np.isnan(data.zones[1]["temp_c"][-1])         # a faulted sensor reads nothing
    assert [e["kind"] for e in data.events] == ["fault"]
    assert data.info.zone_name(3) == stove.info.zones[3].name


def test_the_callers_thread_only_queues(db_path, stove):
    """A slow disk must not stall the stove's thread: recording costs microseconds a message."""
    rec = SessionRecorder(db_path, stove, flush_interval_s=0.05)
    rec.start()
    state = stove.state
    t0 = time.perf_counter()
    for _ in range(2000):
        rec.record_state(state)
    per_call = (time.perf_counter() - t0) / 2000
    assert per_call < 0.0005
    assert rec._thread is not None and rec._thread is not threading.current_thread()
    rec.stop()


def test_recipe_steps_are_recorded_with_the_session(db_path, stove):
    r = Recipe.from_dict({"title": "Eggs", "pots": [{"id": "p", "zone": "small"}], "steps": [
        {"text": "Boil", "pot": "p", "setting": {"mode": "level", "level": 6}, "duration_s": 30, "on_end": "off"}]})
    e = RecipeEngine(r, stove, stove.clock)
    rec = SessionRecorder(db_path, stove, flush_interval_s=0.05)
    sid = rec.start()
    rec.attach_engine(e)
    e.start()
    for _ in range(40):
        stove.advance(1.0)
    rec.stop()
    with open_db(db_path) as kdb:
        data = load_session(kdb, sid)
    kinds = [s["kind"] for s in data.steps]
    assert kinds[0] == "recipe_started" and "step_ended" in kinds and kinds[-1] in ("recipe_completed", "zone_set")
    ended = next(s for s in data.steps if s["kind"] == "step_ended")
    assert ended["t"] == pytest.approx(30, abs=1.0)


def test_csv_export_has_a_row_per_zone_sample_plus_events(db_path, stove):
    rec = SessionRecorder(db_path, stove, flush_interval_s=0.05)
    sid = rec.start()
    stove.set_level(0, 7).result()
    for _ in range(50):
        stove.advance(0.2)
    stove.all_off().result()
    stove.advance(0.2)
    rec.stop()
    out = io.StringIO()
    with open_db(db_path) as kdb:
        n = export_csv(kdb, sid, out)
        with pytest.raises(SessionNotFound, match="no session 99"):
            export_csv(kdb, 99, io.StringIO())
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == n == 51 * 4 + 1
    samples = [r for r in rows if r["record"] == "sample"]
    assert float(samples[-1]["t"]) == pytest.approx(10.2)
    first_fl = next(r for r in samples if r["zone"] == "0")
    assert first_fl["zone_name"] == "front-left" and first_fl["mode"] == "level" and first_fl["level"] == "7"
    (event,) = [r for r in rows if r["record"] == "event"]
    assert event["kind"] == "all_off"
    times = [float(r["t"]) for r in rows]
    assert times == sorted(times)


def test_a_failing_disk_is_reported_and_the_batch_kept(db_path, stove, tmp_path):
    rec = SessionRecorder(db_path, stove, flush_interval_s=0.05, busy_timeout_s=0.05)
    problems = []
    rec.problem.connect(problems.append)
    rec.start()
    lock = open_db(db_path, seed=False)
    lock.conn.execute("BEGIN EXCLUSIVE")            # another writer holds the file
    stove.advance(0.1)
    rec.flush()
    assert problems and "cannot write the cooking session" in problems[0]
    lock.conn.execute("ROLLBACK")
    lock.close()
    stove.advance(0.1)
    rec.flush()
    rec.stop()
    with open_db(db_path) as kdb:
        assert list_sessions(kdb)[0].samples == 2 * 4     # nothing was lost


KILLED_CHILD = textwrap.dedent("""
    import os, signal, sys, time
    from kitchen_ui.core.model import StoveState, ZoneState
    from kitchen_ui.storage.recorder import SessionRecorder
    rec = SessionRecorder(sys.argv[1], None, flush_interval_s=float(sys.argv[2]))
    rec.start()
    start = time.monotonic()
    while (t := time.monotonic() - start) < 0.8:      # stove time runs with the wall here
        rec.record_state(StoveState(t=t, zones=(ZoneState(id=0, temp_c=20 + t), ZoneState(id=1))))
        time.sleep(0.01)
    print(repr(t), flush=True)
    os.kill(os.getpid(), signal.SIGKILL)
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_killed_process_loses_at_most_the_last_flush_interval(db_path):
    flush = 0.2
    proc = subprocess.run([sys.executable, "-c", KILLED_CHILD, str(db_path), str(flush)], capture_output=True,
                          text=True, timeout=30, env={**os.environ, "PYTHONPATH": os.getcwd()})
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    last_fed = float(proc.stdout.strip())
    with open_db(db_path) as kdb:
        (info,) = list_sessions(kdb)
        data = load_session(kdb, info.id)
    assert info.ended_at is None                      # never closed: it died
    assert len(data.zones[0]) > 0
    # stove time equals wall time in the child: at most one second of cooking may be missing
    lost_s = last_fed - float(data.zones[0]["t"][-1])
    assert lost_s <= 1.0, lost_s
    assert np.allclose(data.zones[0]["temp_c"], 20 + data.zones[0]["t"], atol=1e-3)
