"""One dashboard, two serve-sim stoves on loopback: the real DashboardRun, its switcher and ALL STOVES OFF.

The run is built and shown as ``kitchen-ui --stove left=URL --stove right=URL`` builds it, minus
the blocking event loop (pytest-qt spins it): taps reach the right stove, switching shows the
other's zones, a fault on the hidden stove raises a banner with its name, ALL OFF switches off
only the stove shown and ALL STOVES OFF both, and each stove's cooking is its own session.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kitchen_ui.core.ksp import SIM_FAULTS
from kitchen_ui.protocol.aio_server import ServerThread
from kitchen_ui.protocol.client import Backoff
from kitchen_ui.protocol.network_stove import NetworkStove
from kitchen_ui.sim.profiles import load_profile
from kitchen_ui.sim.serve import build_sim_server
from kitchen_ui.storage.database import open_db
from kitchen_ui.storage.sessions import list_sessions
from kitchen_ui.ui.own_words import stove_model_name

FAST = dict(connect_timeout_s=1.0, request_timeout_s=0.5, max_tick_s=0.02, min_controller_retry_s=0.05,
            backoff=Backoff(0.02, 0.1))


def tap(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


@pytest.fixture
def two_served():
    servers = [ServerThread(build_sim_server(load_profile(p), speed=20.0)).start()
               for p in ("induction-4", "range-6")]
    yield servers
    for s in servers:
        s.stop()


@pytest.fixture
def run(qtbot, two_served, tmp_path):
    from kitchen_ui.ui.app import DashboardOptions, DashboardRun

    stoves = [NetworkStove("ksp://{}:{}".format(*s.address), **FAST) for s in two_served]
    kdb = open_db(tmp_path / "kitchen.sqlite3")
    opts = DashboardOptions(size=(1280, 800), network=True, kitchen_db=kdb, stove_name="left",
                            more_stoves=[("right", stoves[1])])
    dash = DashboardRun(stoves[0], opts)
    qtbot.addWidget(dash.window)
    for s in stoves:
        s.start()
    dash._build()
    dash._show()
    qtbot.waitExposed(dash.window)
    qtbot.waitUntil(lambda: all(s.link.can_control for s in stoves) and len(dash.window.cards.cards) == 4
                    and len(dash.multi.extra[0].cards.cards) == 6, timeout=5000)
    dash.stoves = stoves
    dash.kdb = kdb
    yield dash
    dash._close()
    dash.crash.uninstall()
    kdb.close()


def level(stove, zone):
    return stove.state.zone(zone).level if stove.state is not None else None


def test_each_stove_is_driven_from_its_own_body_and_the_switcher_shows_the_other(qtbot, run):
    left, right = run.stoves
    window, multi = run.window, run.multi
    assert [b.text() for b in multi.buttons] == ["left", "right"] and multi.buttons[0].isChecked()
    tap(qtbot, window.cards.cards[1])
    tap(qtbot, window.manual.level_buttons[4])
    qtbot.waitUntil(lambda: level(left, 1) == 4, timeout=3000)

    tap(qtbot, multi.buttons[1])
    body = multi.extra[0]
    assert window.bodies.currentWidget() is body and multi.buttons[1].isChecked()
    qtbot.waitUntil(lambda: body.cards.cards[5].height() > 0, timeout=2000)    # laid out once shown
    assert body.cards.isVisible() and not window.cards.isVisible()
    assert [c.name.text() for c in body.cards.cards] == [z.name for z in right.info.zones]
    # the status bar tells about the stove shown
    assert stove_model_name(right.info.model) in window.status.link.full_text
    assert stove_model_name(left.info.model) not in window.status.link.full_text
    tap(qtbot, body.cards.cards[5])
    tap(qtbot, body.manual.level_buttons[7])
    qtbot.waitUntil(lambda: level(right, 5) == 7, timeout=3000)
    assert level(left, 3) == 0 and level(right, 1) == 0          # nothing went to the wrong stove
    # the energy figure is the first stove's: it never stands beside the other stove's name
    energy = window.kitchen.diet.status
    assert energy.isHidden()
    tap(qtbot, multi.buttons[0])
    assert not energy.isHidden()


def test_all_off_switches_off_the_stove_shown_and_all_stoves_off_both(qtbot, run):
    left, right = run.stoves
    multi = run.multi
    run.window.model.set_level(0, 6)
    multi.models[1].set_level(0, 5)
    qtbot.waitUntil(lambda: level(left, 0) == 6 and level(right, 0) == 5, timeout=3000)
    tap(qtbot, multi.buttons[1])
    assert run.window.shown_model is multi.models[1]
    tap(qtbot, run.window.all_off_button)                        # the right stove is shown
    qtbot.waitUntil(lambda: level(right, 0) == 0, timeout=3000)
    qtbot.wait(300)
    assert level(left, 0) == 6

    multi.models[1].set_level(2, 3)
    qtbot.waitUntil(lambda: level(right, 2) == 3, timeout=3000)
    tap(qtbot, multi.all_stoves_off_button)                      # no question asked
    qtbot.waitUntil(lambda: level(left, 0) == 0 and level(right, 2) == 0, timeout=3000)


def test_a_fault_on_the_hidden_stove_raises_a_banner_naming_it_and_marks_its_button(qtbot, run):
    multi = run.multi
    assert run.window.bodies.currentIndex() == 0                   # the left stove is shown
    multi.models[1].request("sim.inject_fault", {"zone": 2, "fault": SIM_FAULTS[0]})
    banner = multi.fault_banners[1]
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=3000)
    assert banner.label.text().startswith("right: ") and "FAULT" in banner.label.text()
    assert "FAULT" in multi.buttons[1].text() and multi.buttons[1].property("trouble") == "fault"
    assert not multi.fault_banners[0].isVisible() and multi.buttons[0].text() == "left"


def test_each_stove_records_its_own_session(qtbot, run):
    left, right = run.stoves
    qtbot.waitUntil(lambda: run.loader.kitchen is not None, timeout=3000)
    apps = run.loader.kitchen.app.stoves
    assert sorted(apps) == ["left", "right"]
    run.window.model.set_level(0, 6)
    run.multi.models[1].set_level(1, 4)
    qtbot.waitUntil(lambda: all(a.sessions.session_id is not None for a in apps.values()), timeout=5000)
    ids = {a.sessions.session_id for a in apps.values()}
    for a in apps.values():
        a.sessions.flush()
    run.kdb.conn.commit()
    recorded = {s.id: s for s in list_sessions(run.kdb)}
    assert set(recorded) == ids and len(ids) == 2
    assert {s.stove_model for s in recorded.values()} == {left.info.model, right.info.model}


def test_a_refused_command_on_the_other_stove_is_a_notice_naming_it(qtbot, run):
    run.multi.models[1].request("zone.set_level", {"zone": 99, "level": 1}, action="set zone 99")
    qtbot.waitUntil(lambda: any(m.startswith("right: ") for m in run.window.notices.messages), timeout=3000)
    assert run.window.notices.isVisible()


def test_a_lost_link_of_the_other_stove_names_it_on_its_banner_and_button(qtbot, run, two_served):
    two_served[1].stop()
    banner, button = run.multi.link_banners[1], run.multi.buttons[1]
    qtbot.waitUntil(lambda: banner.isVisible() and "LINK LOST" in button.text(), timeout=5000)
    assert banner.label.text().startswith("right: ") and button.property("trouble") == "link"
    assert not run.multi.link_banners[0].isVisible() and run.multi.buttons[0].text() == "left"


def test_a_recipe_started_while_the_other_stove_is_shown_shows_the_stove_it_cooks_on(qtbot, run):
    from kitchen_ui.recipes.model import Recipe

    qtbot.waitUntil(lambda: run.loader.kitchen is not None, timeout=3000)
    tap(qtbot, run.multi.buttons[1])
    assert run.window.bodies.currentIndex() == 1
    fry = Recipe.from_dict({"id": "fry", "title": "Onions", "servings": 2,
                            "pots": [{"id": "pan", "label": "Frying pan", "zone": "small"}],
                            "steps": [{"id": "fry", "text": "Fry the onions", "pot": "pan",
                                       "setting": {"mode": "level", "level": 5}, "duration_s": 60}]})
    assert run.loader.kitchen.start_recipe(fry) is not None
    assert run.window.bodies.currentIndex() == 0 and run.multi.buttons[0].isChecked()
    assert run.window.recipe_area.isVisibleTo(run.window)
    qtbot.waitUntil(lambda: any(z.level == 5 for z in run.stoves[0].state.zones), timeout=3000)
    assert all(z.level == 0 for z in run.stoves[1].state.zones)
