"""Two dashboards on one kitchen database, a controller and an observer of one stove (serve-sim over
loopback): only the controller records the cooking; the observer records once it is the controller."""

from __future__ import annotations

import pytest

from kitchen_ui.protocol.aio_server import ServerThread
from kitchen_ui.protocol.client import Backoff
from kitchen_ui.protocol.network_stove import NetworkStove
from kitchen_ui.sim.serve import build_sim_server
from kitchen_ui.sim.profiles import load_profile
from kitchen_ui.storage.database import open_db
from kitchen_ui.storage.sessions import list_sessions

from .conftest import make_kitchen

FAST = dict(connect_timeout_s=1.0, request_timeout_s=0.5, max_tick_s=0.02, min_controller_retry_s=0.05,
            backoff=Backoff(0.02, 0.1))


@pytest.fixture
def served():
    # "hold": zones stay as they are when a dashboard leaves (so the other one finds cooking going on)
    server = ServerThread(build_sim_server(load_profile("induction-4"), speed=20.0, link_loss_policy="hold")).start()
    yield server
    server.stop()


@pytest.fixture
def dashboards(qtbot, served, db_path):
    host, port = served.address
    opened = []

    def dashboard():
        stove = NetworkStove(f"ksp://{host}:{port}", **FAST)
        kdb = open_db(db_path)
        kitchen = make_kitchen(qtbot, stove, kdb)
        opened.append((kitchen, stove, kdb))
        return kitchen, stove

    def leave(kitchen):
        """A dashboard closes (its kitchen, its link, its database connection)."""
        (entry,) = [e for e in opened if e[0] is kitchen]
        opened.remove(entry)
        kitchen.close()
        kitchen.model.close()
        entry[1].stop()
        entry[2].close()

    dashboard.leave = leave
    yield dashboard
    for kitchen, *_ in list(opened):
        leave(kitchen)


def sessions_recorded(kitchen) -> list[tuple[int, int]]:
    """(session id, samples) of every session in the shared database, after flushing ours."""
    kitchen.sessions.flush()
    kitchen.kdb.conn.commit()
    return [(s.id, s.samples) for s in list_sessions(kitchen.kdb)]


def test_only_the_controller_records_and_the_observer_takes_over_when_it_leaves(qtbot, dashboards):
    cook, cook_stove = dashboards()
    qtbot.waitUntil(lambda: cook_stove.link.can_control and cook.model.info is not None, timeout=5000)
    watcher, watcher_stove = dashboards()
    qtbot.waitUntil(lambda: watcher_stove.link.online and watcher_stove.link.role == "observer", timeout=5000)

    cook.model.set_level(0, 6)
    seen = []
    watcher.model.state_changed.connect(lambda st: seen.append(st.zones[0].is_on))
    qtbot.waitUntil(lambda: seen.count(True) >= 10, timeout=5000)        # the observer sees the cooking
    assert cook.sessions.session_id is not None
    assert watcher.sessions.session_id is None
    assert watcher.diet.status.text() == "⚡ No cooking yet"
    ((sid, samples),) = sessions_recorded(cook)                           # one session in the database
    assert sid == cook.sessions.session_id and samples > 0

    # the cook's dashboard goes away; the observer becomes the controller and records from then on
    dashboards.leave(cook)
    qtbot.waitUntil(lambda: watcher_stove.link.can_control, timeout=5000)
    qtbot.waitUntil(lambda: watcher.sessions.session_id is not None, timeout=5000)
    assert watcher.sessions.session_id != sid
    assert len(sessions_recorded(watcher)) == 2


def test_a_dashboard_that_becomes_an_observer_stops_recording(qtbot, kitchen, sim_stove):
    from kitchen_ui.core.model import LinkState, LinkStatus

    kitchen.model.set_level(0, 6)
    sim_stove.advance(1.0)
    sid = kitchen.sessions.session_id
    assert sid is not None
    # what the model says when the stove hands control to another dashboard
    kitchen.model.link_changed.emit(LinkState(LinkStatus.ONLINE, role="observer", transport="ksp://test"))
    assert kitchen.sessions.session_id is None
    ((info_id, _samples),) = sessions_recorded(kitchen)
    assert info_id == sid
    assert kitchen.kdb.conn.execute("SELECT ended_at FROM sessions WHERE id = ?", (sid,)).fetchone()[0] is not None
