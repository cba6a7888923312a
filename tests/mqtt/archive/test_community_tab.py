"""The Recipes page's Community tab against a real Mosquitto: list, import, a hostile share, broker down."""

from __future__ import annotations

import threading

import pytest
from archive_helpers import kitchen_with_soup, run_cli

from kitchen_ui.core.clock import ManualClock
from kitchen_ui.mqtt.archive_client import publish_retained
from kitchen_ui.mqtt.broker import broker_login
from kitchen_ui.mqtt.topics import Topics
from kitchen_ui.sim.local import LocalStove
from kitchen_ui.sim.profiles import load_profile
from kitchen_ui.storage.database import open_db
from kitchen_ui.storage.provenance import provenance_of
from kitchen_ui.storage.recipes_store import resolve_id


@pytest.fixture
def kitchen_b(qtbot, tmp_path):
    """Kitchen B's dashboard on a simulated stove, with its own database on disk (no tab yet)."""
    from kitchen_ui.ui.main_window import MainWindow
    from kitchen_ui.ui.recipes.kitchen import Kitchen
    from kitchen_ui.ui.stove_model import StoveModel

    stove = LocalStove(load_profile("hybrid-4"), clock=ManualClock(), threaded=False)
    model = StoveModel(stove)
    window = MainWindow(model)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    stove.start()
    window.show()
    kdb = open_db(tmp_path / "kitchen-b.sqlite3")
    kitchen = Kitchen(window, model, kdb)
    yield kitchen
    kitchen.close()
    model.close()
    stove.stop()
    kdb.close()


def open_tab(qtbot, kitchen, broker):
    from kitchen_ui.ui.recipes.community_model import attach
    page = attach(kitchen, broker_login(broker.url), Topics())
    kitchen.window.show_page(kitchen.library_page)
    qtbot.mouseClick(kitchen.library_page.tab_buttons[1], qtbot_left())
    return page


def qtbot_left():
    from PySide6.QtCore import Qt
    return Qt.MouseButton.LeftButton


def settled(page):
    from kitchen_ui.ui.recipes.community_model import LOADING
    return page.model.state not in ("idle", LOADING)


def rows(page):
    return [page.list.item(i).text() for i in range(page.list.count())]


def test_the_tab_lists_what_kitchen_a_shared_and_imports_it_with_its_provenance(qtbot, tmp_path, capsys,
                                                                                 mosquitto, kitchen_b):
    db_a = kitchen_with_soup(tmp_path, capsys)
    code, _out, err = run_cli(capsys, "recipes", "share", "grandmas-barley-soup", "--broker", mosquitto.url,
                              "--kitchen", "Nord", "--db", db_a)
    assert code == 0, err
    page = open_tab(qtbot, kitchen_b, mosquitto)
    assert page.isVisible() and not kitchen_b.library_page.body.isVisible()
    qtbot.waitUntil(lambda: settled(page) and page.list.count() == 1, timeout=10_000)
    assert threading.get_ident() not in page.model.worker_threads       # the network is read off the GUI thread
    (row,) = rows(page)
    assert row.startswith("Grandma's barley soup\nAna Kowalska · Nord · CC-BY-4.0\nMy grandmother made this")
    assert "Recipes shared on " + mosquitto.url + ": 1" in page.status.text()
    assert page.title.text() == "Grandma's barley soup" and "nobody was allowed to lift the lid" in page.story.text()
    assert "Shared by Ana Kowalska from Nord" in page.meta.text()

    qtbot.mouseClick(page.import_button, qtbot_left())
    assert "is in your library now" in page.result.text()
    assert page.import_button.text().startswith("In your library (#") and not page.import_button.isEnabled()
    kdb = kitchen_b.library.kdb
    rid = resolve_id(kdb, "grandmas-barley-soup")
    where = provenance_of(kdb, rid)
    assert (where.author, where.kitchen, where.licence, where.broker) == ("Ana Kowalska", "Nord", "CC-BY-4.0",
                                                                          mosquitto.url)
    kitchen_b.library_page.select("grandmas-barley-soup")               # and the library tab has it now
    assert kitchen_b.library_page.body.isVisible() and not page.isVisible()
    assert "Grandma's barley soup" in kitchen_b.library_page.titles()
    note = kitchen_b.provenance_note                                     # and it says where it came from
    assert note.isVisible() and note.text().startswith("From the community archive: shared by Ana Kowalska from Nord")
    assert mosquitto.url in note.text()
    kitchen_b.library_page.select("arroz-rojo")                          # the kitchen's own: no note
    assert not note.isVisible()


def test_a_hostile_share_is_counted_as_rejected_and_never_shown(qtbot, tmp_path, capsys, mosquitto, kitchen_b):
    login = broker_login(mosquitto.url)
    publish_retained(login, Topics().archive("evil"), b'{"format": "hearth-share/1", "uid": "evil", '
                                                      b'"recipe": {"name": "<script>x</script>"}}')
    publish_retained(login, Topics().archive("junk"), b"\xff" * 300_000)
    db_a = kitchen_with_soup(tmp_path, capsys)
    assert run_cli(capsys, "recipes", "share", "arroz-rojo", "--broker", mosquitto.url, "--db", db_a)[0] == 0
    page = open_tab(qtbot, kitchen_b, mosquitto)
    qtbot.waitUntil(lambda: settled(page) and page.list.count() == 1, timeout=10_000)
    assert "(rejected as broken or unsafe: 2)" in page.status.text()
    assert all("script" not in r for r in rows(page))


def test_a_broker_that_is_down_is_said_plainly_and_retry_finds_it_again(qtbot, tmp_path, capsys, mosquitto,
                                                                        kitchen_b):
    mosquitto.stop()
    page = open_tab(qtbot, kitchen_b, mosquitto)
    qtbot.waitUntil(lambda: settled(page), timeout=10_000)
    assert page.body.currentWidget() is page.notice
    words = page.notice_text.text()
    assert "cannot be reached" in words and mosquitto.url in words and "refused" in words.lower()
    assert page.retry_button.isVisible() and page.model._retry.isActive()         # and it tries by itself
    assert page.status.text() == f"Cannot reach {mosquitto.url}"

    mosquitto.start()
    qtbot.mouseClick(page.retry_button, qtbot_left())
    qtbot.waitUntil(lambda: settled(page), timeout=10_000)
    assert page.model.state == "ready" and not page.retry_button.isVisible()
    assert "No kitchen has shared a recipe here yet" in page.notice_text.text()      # empty, and says so

    db_a = kitchen_with_soup(tmp_path, capsys)
    assert run_cli(capsys, "recipes", "share", "grandmas-barley-soup", "--broker", mosquitto.url, "--db", db_a)[0] == 0
    qtbot.mouseClick(page.refresh_button, qtbot_left())
    qtbot.waitUntil(lambda: page.list.count() == 1, timeout=10_000)
    assert page.body.currentWidget() is page.content


def test_the_dashboard_has_the_tab_only_with_a_broker(qtbot, tmp_path, mosquitto):
    from kitchen_ui.ui.app import DashboardOptions, run_dashboard

    def run(community):
        seen = []
        stove = LocalStove(load_profile("hybrid-4"))
        with open_db(tmp_path / "k.sqlite3") as kdb:
            opts = DashboardOptions(size=(1024, 600), run_for=0.5, kitchen_db=kdb, community=community)
            code = run_dashboard(stove, opts, prepare=lambda window, _m: seen.append(
                window.kitchen.library_page.tabs is not None))        # the database is open: the kitchen is there
        assert code == 0
        return seen

    assert run(None) == [False]
    assert run((broker_login(mosquitto.url), Topics())) == [True]


@pytest.mark.parametrize("flags, words", [(["--broker", "http://127.0.0.1"], "expected mqtt://"),
                                          (["--broker", "mqtt://127.0.0.1", "--password-file", "pw"], "--username"),
                                          (["--broker", "mqtt://127.0.0.1", "--topic-prefix", "#"], "--topic-prefix")])
def test_the_dashboard_refuses_wrong_broker_flags_with_exit_2(capsys, tmp_path, flags, words):
    from kitchen_ui.cli import main
    capsys.readouterr()
    code = main([*flags, "--run-for", "0.1", "--db", str(tmp_path / "k.sqlite3")])
    assert code == 2 and words in capsys.readouterr().err
