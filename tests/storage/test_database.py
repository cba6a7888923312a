"""Opening the kitchen database: created, migrated from any version, and never harming a foreign file."""

from __future__ import annotations

import sqlite3

import pytest

from kitchen_ui.recipes.archive import starter_recipes
from kitchen_ui.storage import database
from kitchen_ui.storage.database import APPLICATION_ID, DatabaseError, apply_migrations, latest_version, open_db
from kitchen_ui.storage.recipes_store import list_recipes, load_recipe, resolve_id


def test_a_new_database_is_ours_in_wal_mode_with_the_starter_recipes(tmp_path):
    path = tmp_path / "sub" / "kitchen.sqlite3"
    with open_db(path) as kdb:
        assert kdb.created
        assert kdb.version == latest_version() >= 3
        assert kdb.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert kdb.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert len(list_recipes(kdb)) == len(starter_recipes())
    with open_db(path) as kdb:                      # opening again neither re-seeds nor re-migrates
        assert not kdb.created
        assert len(list_recipes(kdb)) == len(starter_recipes())


def test_the_default_file_is_in_the_user_data_folder(monkeypatch, tmp_path):
    monkeypatch.setattr(database.platformdirs, "user_data_path", lambda app, appauthor=None: tmp_path / app)
    assert database.default_db_path() == tmp_path / "Hearth" / "kitchen.sqlite3"
    with open_db(None, seed=False) as kdb:
        assert kdb.path == tmp_path / "Hearth" / "kitchen.sqlite3"
    assert (tmp_path / "Hearth" / "kitchen.sqlite3").exists()


def _fill(conn: sqlite3.Connection, version: int) -> None:
    """Data that a database at ``version`` could hold."""
    if version >= 1:
        conn.execute("INSERT INTO recipes (id, slug, title, servings, created_at, updated_at) "
                     "VALUES (7, 'old-soup', 'Old soup', 3, '2024-01-01', '2024-01-01')")
        conn.execute("INSERT INTO steps (recipe_id, position, step_id, text) VALUES (7, 0, 's1', 'Stir.')")
        conn.execute("INSERT INTO tags VALUES (7, 0, 'cuisine', 'danish')")
    if version >= 2:
        conn.execute("INSERT INTO sessions (id, title, started_at) VALUES (3, 'Lunch', '2024-01-02T12:00:00+00:00')")
    if version >= 3:
        conn.execute("INSERT INTO recipe_runs VALUES ('r1', 'Old soup', 'old-soup', 3, 'paused', '{}', 'a', 'b', NULL)")
    conn.commit()


@pytest.mark.parametrize("version", range(0, latest_version() + 1))
def test_upgrade_from_every_earlier_version_keeps_the_data(tmp_path, version):
    path = tmp_path / "kitchen.sqlite3"
    conn = sqlite3.connect(path)
    if version:
        apply_migrations(conn, upto=version)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == version
    _fill(conn, version)
    conn.close()
    with open_db(path) as kdb:
        assert kdb.version == latest_version()
        if version >= 1:
            assert not kdb.created
            old = load_recipe(kdb, "old-soup")
            assert old.title == "Old soup" and old.servings == 3 and old.tags == (("cuisine", "danish"),)
            assert old.steps[0].text == "Stir."
        if version >= 2:
            assert kdb.conn.execute("SELECT title FROM sessions WHERE id = 3").fetchone()[0] == "Lunch"
        if version >= 3:
            assert kdb.conn.execute("SELECT status FROM recipe_runs").fetchone()[0] == "paused"
        # the newest tables work whatever the starting point
        kdb.conn.execute("INSERT INTO recipe_runs VALUES ('r9', 't', '', NULL, 'running', '{}', 'a', 'b', NULL)")


def _unchanged(path, before: bytes) -> None:
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-wal").exists()


def test_a_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_bytes(b"shopping list: eggs, flour, milk\n" * 50)
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match=r"notes\.txt is not a SQLite database.*will not touch it"):
        open_db(path)
    _unchanged(path, before)


def test_someone_elses_sqlite_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "photos.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, file TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match=r"photos\.db is a SQLite database but not Hearth's.*tables photos"):
        open_db(path)
    _unchanged(path, before)


def test_another_applications_id_is_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="application id 0x4d2"):
        open_db(path)


def test_a_damaged_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "kitchen.sqlite3"
    open_db(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)          # wreck the schema page after a valid header
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(DatabaseError, match="is damaged"):
        open_db(path)
    _unchanged(path, before)


def test_a_database_from_a_newer_hearth_is_refused(tmp_path):
    path = tmp_path / "kitchen.sqlite3"
    open_db(path, seed=False).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 5}")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="written by a newer Hearth"):
        open_db(path)


def test_a_folder_is_not_a_database(tmp_path):
    with pytest.raises(DatabaseError, match="is a folder"):
        open_db(tmp_path)


def test_an_empty_file_becomes_a_new_database(tmp_path):
    path = tmp_path / "kitchen.sqlite3"
    path.touch()
    with open_db(path, seed=False) as kdb:
        assert kdb.created and kdb.version == latest_version()


def test_upgrading_to_version_5_says_how_each_earlier_session_ended(tmp_path):
    """Sessions recorded before outcomes existed are judged by their runs and whether they closed."""
    path = tmp_path / "kitchen.sqlite3"
    conn = sqlite3.connect(path)
    apply_migrations(conn, upto=4)
    rows = [(1, "Soup", "2024-01-01T12:00:00+00:00", "2024-01-01T13:00:00+00:00"),     # its run completed
            (2, "Stew", "2024-01-02T12:00:00+00:00", "2024-01-02T12:10:00+00:00"),     # its run aborted
            (3, "Rice", "2024-01-03T12:00:00+00:00", None),                             # the app died
            (4, "Cooking by hand", "2024-01-04T12:00:00+00:00", "2024-01-04T12:30:00+00:00"),
            (5, "Curry", "2024-01-05T12:00:00+00:00", "2024-01-05T12:30:00+00:00")]    # closed mid-run
    conn.executemany("INSERT INTO sessions (id, title, started_at, ended_at) VALUES (?, ?, ?, ?)", rows)
    for run, sid, status in (("a", 1, "completed"), ("b", 2, "aborted"), ("c", 3, "running"), ("d", 5, "paused")):
        conn.execute("INSERT INTO recipe_runs VALUES (?, 't', '', ?, ?, '{}', 'a', 'b', NULL)", (run, sid, status))
    conn.execute("INSERT INTO session_energy VALUES (1, 0, 'induction', 120.5, 0.04, 30, 0.3, 250, 'EUR', 0)")
    conn.execute("INSERT INTO session_energy VALUES (1, 1, 'gas', 79.5, 0.01, 20, 0.1, 200, 'EUR', 0)")
    conn.commit()
    conn.close()
    from kitchen_ui.storage.sessions import list_sessions
    with open_db(path) as kdb:
        found = {s.id: (s.outcome, s.energy_wh) for s in list_sessions(kdb)}
    assert found == {1: ("finished", 200.0), 2: ("aborted", None), 3: ("interrupted", None),
                     4: ("manual", None), 5: ("interrupted", None)}


def test_upgrading_to_version_6_gives_imported_recipes_a_provenance(tmp_path):
    """A version-5 kitchen keeps its recipes; shares imported after the upgrade say where they came from."""
    from dataclasses import replace

    from kitchen_ui.storage.library import KitchenLibrary
    from kitchen_ui.storage.provenance import Provenance, import_with_provenance, provenance_of

    path = tmp_path / "kitchen.sqlite3"
    conn = sqlite3.connect(path)
    apply_migrations(conn, upto=5)
    _fill(conn, 5)
    conn.close()
    with open_db(path) as kdb:
        assert kdb.version >= 6
        old = resolve_id(kdb, "old-soup")
        assert provenance_of(kdb, old) is None                    # the kitchen's own recipe
        shared = replace(load_recipe(kdb, old), slug="shared-soup", title="Shared soup")
        where = Provenance("u1", "Ana", "CC-BY-4.0", "Nord", "2026-12-01T10:00:00+00:00", "mqtt://b:1883")
        done = import_with_provenance(KitchenLibrary(kdb), shared, where)
        assert done.how == "imported"
        assert provenance_of(kdb, done.id).kitchen == "Nord"
        assert import_with_provenance(KitchenLibrary(kdb), shared, where).how == "already"
        KitchenLibrary(kdb).delete(done.id)                       # its provenance goes with it
        assert kdb.conn.execute("SELECT COUNT(*) FROM recipe_provenance").fetchone()[0] == 0
