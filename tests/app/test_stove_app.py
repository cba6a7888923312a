"""The application layer on its own: no window, the simulated stove on a manual clock."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from kitchen_ui.app.feed import StoveFeed
from kitchen_ui.app.kitchen import Kitchen
from kitchen_ui.app.relay import QueueRelay
from kitchen_ui.app.stove_app import CannotStart, Refusal
from kitchen_ui.cli import main
from kitchen_ui.core.clock import ManualClock
from kitchen_ui.recipes.run_state import RunStatus
from kitchen_ui.sim.local import LocalStove
from kitchen_ui.sim.profiles import load_profile
from kitchen_ui.storage.database import open_db
from kitchen_ui.storage.sessions import list_sessions, session_info


@pytest.fixture
def kitchen(tmp_path):
    kdb = open_db(tmp_path / "kitchen.sqlite3")
    stove = LocalStove(load_profile("hybrid-4"), clock=ManualClock(), threaded=False)
    stove.start()
    relay = QueueRelay()
    feed = StoveFeed(stove, relay.post)
    k = Kitchen(kdb, relay.post)
    app = k.add_stove("hob", feed, flush_interval_s=0.05)
    relay.drain()
    yield k, app, stove, relay
    k.close()
    feed.close()
    stove.stop()
    kdb.close()


def cook(app, stove, relay, *, seconds: float = 3600, answer: bool = True) -> None:
    """Stove time passes; every "Done?" is answered, as ``cook --auto-confirm`` does."""
    app.prompt.connect(lambda i, _w: app.control("confirm", i) if answer else None)
    for _ in range(int(seconds)):
        stove.advance(1.0)
        relay.drain()
        app.tick()
        if app.engine is None or app.engine.status.finished:
            break
    relay.drain()


def test_the_app_layer_and_the_cook_command_import_no_qt():
    code = ("import sys, kitchen_ui.app.kitchen, kitchen_ui.app.cook, kitchen_ui.commands.cook\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')"
            " or m.startswith('kitchen_ui.ui')]\n"
            "print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_a_recipe_cooked_to_the_end_is_recorded_finished_with_its_energy(kitchen, capsys):
    k, app, stove, relay = kitchen
    engine = app.start(k.library.recipe("french-omelette"))
    sid = app.sessions.session_id
    assert session_info(k.kdb, sid).outcome == "interrupted"      # while it cooks: dies now, interrupted
    cook(app, stove, relay)
    assert engine.status is RunStatus.COMPLETED
    report = app.after.report
    assert report is not None and report.complete
    k.close()
    assert main(["sessions", "list", "--json", "--db", str(k.kdb.path)]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["id"] == sid and listed["outcome"] == "finished"
    assert listed["energy_wh"] == pytest.approx(report.used.energy_wh, abs=0.01) and listed["energy_wh"] > 5


def test_an_aborted_run_is_recorded_aborted_and_not_compared(kitchen):
    k, app, stove, relay = kitchen
    engine = app.start(k.library.recipe("egg-fried-rice"))
    sid = app.sessions.session_id
    cook(app, stove, relay, seconds=60)
    app.control("abort")
    relay.drain()
    assert engine.status is RunStatus.ABORTED
    assert not app.after.report.complete and app.after.report.change_vs_earlier is None
    app.sessions.stop()
    assert session_info(k.kdb, sid).outcome == "aborted"


def test_cooking_by_hand_is_manual_and_a_run_left_cooking_is_interrupted(kitchen):
    k, app, stove, relay = kitchen
    stove.set_level(0, 5)
    stove.advance(1.0)
    relay.drain()
    by_hand = app.sessions.session_id
    assert by_hand is not None
    stove.set_level(0, 0)
    for _ in range(310):                         # idle long enough: the session closes
        stove.advance(1.0)
        relay.drain()
    assert app.sessions.session_id is None
    assert session_info(k.kdb, by_hand).outcome == "manual"

    app.start(k.library.recipe("egg-fried-rice"))
    cooking = app.sessions.session_id
    cook(app, stove, relay, seconds=30)
    k.close()                                     # the program ends mid-run: resumable, interrupted
    assert session_info(k.kdb, cooking).outcome == "interrupted"
    assert [s.outcome for s in list_sessions(k.kdb)] == ["interrupted", "manual"]
    from kitchen_ui.storage.runs import RunStore
    store = RunStore(k.kdb.path)
    assert [r.title for r in store.unfinished()] == ["Egg fried rice"]
    store.close()


def test_a_second_recipe_on_a_busy_stove_is_refused_and_says_which(kitchen):
    k, app, stove, relay = kitchen
    app.start(k.library.recipe("egg-fried-rice"))
    with pytest.raises(CannotStart) as refused:
        app.start(k.library.recipe("french-omelette"))
    assert refused.value.refusal is Refusal.BUSY and refused.value.detail == "Egg fried rice"


def test_two_stoves_in_one_kitchen_record_their_own_sessions(tmp_path):
    kdb = open_db(tmp_path / "kitchen.sqlite3")
    relay = QueueRelay()
    k = Kitchen(kdb, relay.post)
    stoves = [LocalStove(load_profile("hybrid-4"), clock=ManualClock(), threaded=False) for _ in range(2)]
    feeds = []
    for name, stove in zip(("left", "right"), stoves):
        stove.start()
        feeds.append(StoveFeed(stove, relay.post))
        k.add_stove(name, feeds[-1], flush_interval_s=0.05)
    with pytest.raises(ValueError, match="already has a stove named 'left'"):
        k.add_stove("left", feeds[0])
    relay.drain()
    k.stove("left").start(k.library.recipe("french-omelette"))
    stoves[1].set_level(2, 4)
    for s in stoves:
        s.advance(1.0)
    relay.drain()
    left, right = k.stove("left").sessions.session_id, k.stove("right").sessions.session_id
    assert left is not None and right is not None and left != right
    k.close()
    outcomes = {s.id: s.outcome for s in list_sessions(kdb)}
    assert outcomes == {left: "interrupted", right: "manual"}
    for f, s in zip(feeds, stoves):
        f.close()
        s.stop()
    kdb.close()


def test_a_stove_lost_for_a_moment_then_back_the_terminal_run_carries_on(tmp_path):
    """cook's loop: when the link comes back as controller, the paused recipe resumes by itself."""
    from kitchen_ui.app.cook import FINISHED, Cooking
    from kitchen_ui.core.model import LinkState, LinkStatus

    kdb = open_db(tmp_path / "kitchen.sqlite3")
    stove = LocalStove(load_profile("hybrid-4"), speed=500.0)
    stove.start()
    seen: list[dict] = []
    flips = iter([LinkState(LinkStatus.LOST, message="cable pulled"), LinkState(LinkStatus.ONLINE, role="controller")])

    def report(event: dict) -> None:
        seen.append(event)
        # the link drops once the first zone is set, and is back as soon as the run says it paused for it
        if (event["event"] == "zone" and len(seen) < 20 and not any(e["event"] == "alert" for e in seen)) or \
                (event["event"] == "alert" and event["kind"] == "link"):
            flip = next(flips, None)
            if flip is not None:
                stove.link_changed.emit(flip)

    cooking = Cooking(kdb, stove, report=report, auto_confirm=True, lost_after_s=60, flush_interval_s=0.05)
    assert cooking.wait_for_control(5.0) == ""
    cooking.start(cooking.kitchen.library.recipe("french-omelette"))
    try:
        code = cooking.run()
        assert code == FINISHED
    finally:
        stove.stop()
    kinds = [e["event"] for e in seen]
    assert "paused" in kinds and "resumed" in kinds[kinds.index("paused"):]
    assert seen[-1]["event"] == "finish" and seen[-1]["status"] == "completed"
    assert [s.outcome for s in list_sessions(kdb)] == ["finished"]
    kdb.close()


def test_an_observer_records_nothing_and_stops_recording_when_it_becomes_one(kitchen):
    from kitchen_ui.core.model import LinkState, LinkStatus

    k, app, stove, relay = kitchen
    stove.set_level(0, 5)
    stove.advance(1.0)
    relay.drain()
    assert app.sessions.session_id is not None                  # the controller records
    stove.link_changed.emit(LinkState(LinkStatus.ONLINE, role="observer"))
    relay.drain()
    assert app.sessions.session_id is None                       # another program controls (and records) now
    for _ in range(5):
        stove.advance(1.0)
        relay.drain()
    assert app.sessions.session_id is None                       # a zone on, seen as an observer: no session
    assert [s.outcome for s in list_sessions(k.kdb)] == ["manual"]


def test_a_recorder_that_cannot_write_says_so_on_the_hosts_thread(tmp_path):
    import threading

    kdb = open_db(tmp_path / "kitchen.sqlite3")
    stove = LocalStove(load_profile("hybrid-4"), clock=ManualClock(), threaded=False)
    stove.start()
    relay = QueueRelay()
    feed = StoveFeed(stove, relay.post)
    k = Kitchen(kdb, relay.post)
    app = k.add_stove("hob", feed, flush_interval_s=0.05)
    heard: list[tuple[str, str]] = []
    app.sessions.problem.connect(lambda words: heard.append((words, threading.current_thread().name)))
    stove.set_level(0, 5)
    stove.advance(1.0)
    relay.drain()
    app.sessions.recorder.busy_timeout_s = 0.05
    app.sessions.recorder._conn.execute("PRAGMA busy_timeout = 50")
    lock = open_db(kdb.path, seed=False)
    lock.conn.execute("BEGIN EXCLUSIVE")            # another writer holds the file
    stove.advance(1.0)
    app.sessions.flush()
    assert heard == []                              # nothing reaches the host behind its back
    relay.drain()
    assert heard and "cannot write the cooking session" in heard[0][0]
    assert heard[0][1] == threading.current_thread().name
    lock.conn.execute("ROLLBACK")
    lock.close()
    k.close()
    feed.close()
    stove.stop()
    kdb.close()
