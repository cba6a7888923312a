"""A damaged kitchen database is refused and never written; backups copy it whole and put it back."""

from __future__ import annotations

import os
import sqlite3
from datetime import date, datetime, timedelta, timezone

import pytest

from kitchen_ui.storage.backup import (BackupError, backup_dir, copy_database, list_backups, restore,
                                       rolling_backup)
from kitchen_ui.storage.database import DatabaseError, open_db
from kitchen_ui.storage.integrity import bulk_may_be_skipped, check_file

from .conftest import damage_middle, make_kitchen_with_sessions


def _names(path):
    return sorted(p.name for p in path.parent.iterdir())


def test_bytes_written_over_the_middle_are_found_at_open_and_the_file_is_not_touched(damaged_db):
    path, before = damaged_db
    assert (backup_dir(path) / "last-full-check.json").exists()     # Hearth had closed it cleanly
    files = _names(path)
    with pytest.raises(DatabaseError) as e:
        open_db(path)
    msg = str(e.value)
    assert str(path) in msg and "is damaged" in msg and "kitchen-ui db restore" in msg
    assert path.read_bytes() == before
    assert _names(path) == files                     # no -wal or -shm appeared beside it


def test_the_message_names_the_newest_backup(tmp_path):
    path = make_kitchen_with_sessions(tmp_path / "kitchen.sqlite3")
    rolling_backup(path, today=date(2026, 12, 1))
    rolling_backup(path, today=date(2026, 12, 3))
    damage_middle(path)
    newest = backup_dir(path) / "kitchen-2026-12-03.sqlite3"
    with pytest.raises(DatabaseError, match=f"db restore {newest} --db {path}"):
        open_db(path)


def test_an_intact_file_passes_the_check(tmp_path):
    path = make_kitchen_with_sessions(tmp_path / "kitchen.sqlite3")
    assert check_file(path).ok
    with open_db(path) as kdb:
        assert kdb.conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 40


def test_one_rolling_backup_a_day_the_newest_three_kept(tmp_path):
    path = make_kitchen_with_sessions(tmp_path / "kitchen.sqlite3")
    folder = backup_dir(path)
    folder.mkdir(exist_ok=True)
    (folder / ".partial-99-kitchen-2026-11-30.sqlite3").write_bytes(b"half a copy")
    made = [rolling_backup(path, today=date(2026, 12, d)) for d in (1, 1, 2, 3, 4)]
    assert made[1] is None                           # the same day again: nothing copied
    assert [p.name for p in list_backups(path)] == [f"kitchen-2026-12-0{d}.sqlite3" for d in (4, 3, 2)]
    assert not list(folder.glob(".partial-*"))       # an interrupted copy is cleared away
    copy = list_backups(path)[0]
    assert check_file(copy).ok
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT COUNT(*) FROM session_samples").fetchone()[0] == 40 * 80


def test_a_copy_holds_what_was_committed_while_the_database_is_open(tmp_path):
    path = tmp_path / "kitchen.sqlite3"
    with open_db(path) as kdb:
        kdb.conn.execute("INSERT INTO profiles VALUES ('ana', '[]', '[]', 'a', 'b')")
        kdb.conn.commit()                            # in the -wal, not yet in the main file
        copy_database(path, tmp_path / "copy.sqlite3")
    with sqlite3.connect(tmp_path / "copy.sqlite3") as conn:
        assert conn.execute("SELECT name FROM profiles").fetchall() == [("ana",)]


def test_restore_keeps_the_damaged_file_aside_and_puts_the_backup_in_place(tmp_path):
    path = make_kitchen_with_sessions(tmp_path / "kitchen.sqlite3")
    good = tmp_path / "good.sqlite3"
    copy_database(path, good)
    damaged = damage_middle(path)
    done = restore(good, path, now=datetime(2026, 12, 4, 15, 30, 0))
    assert done.aside == tmp_path / "kitchen.sqlite3.damaged-20261204-153000" and done.aside_was_damaged
    assert done.aside.read_bytes() == damaged        # kept, byte for byte
    with open_db(path) as kdb:
        assert kdb.conn.execute("SELECT COUNT(*) FROM sessions").fetchone()[0] == 40


def test_restore_refuses_a_damaged_or_foreign_source_and_changes_nothing(tmp_path):
    path = make_kitchen_with_sessions(tmp_path / "kitchen.sqlite3")
    before = path.read_bytes()
    bad = make_kitchen_with_sessions(tmp_path / "bad.sqlite3")
    damage_middle(bad)
    with pytest.raises(BackupError, match=f"{bad} is damaged .*nothing was restored"):
        restore(bad, path)
    foreign = tmp_path / "other.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(BackupError, match="not a Hearth kitchen database"):
        restore(foreign, path)
    with pytest.raises(BackupError, match="no such file"):
        restore(tmp_path / "missing.sqlite3", path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["bad.sqlite3", "kitchen.sqlite3",
                                                                        "other.sqlite3"]


def test_the_telemetry_is_left_out_only_while_the_file_is_as_hearth_left_it_within_a_week(tmp_path):
    path = make_kitchen_with_sessions(tmp_path / "kitchen.sqlite3")
    assert bulk_may_be_skipped(path)
    assert not bulk_may_be_skipped(path, now=datetime.now(timezone.utc) + timedelta(days=8))
    wal = path.with_name(path.name + "-wal")
    wal.write_bytes(b"x" * 100)                      # a crash left pages behind
    assert not bulk_may_be_skipped(path)
    wal.unlink()
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))    # written by someone else
    assert not bulk_may_be_skipped(path)


def test_db_check_finds_what_a_quick_open_leaves_out(tmp_path, capsys):
    from kitchen_ui.cli import main
    path = make_kitchen_with_sessions(tmp_path / "kitchen.sqlite3")
    with sqlite3.connect(path) as conn:
        page = conn.execute("SELECT pageno FROM dbstat WHERE name = 'session_samples' AND pagetype = 'leaf' "
                            "ORDER BY pageno LIMIT 1 OFFSET 20").fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    open_db(path).close()                            # the marker matches the file again
    st = path.stat()
    with open(path, "r+b") as fh:                    # bit rot in one telemetry page, mtime kept
        fh.seek((page - 1) * page_size)
        fh.write(b"\xee" * 16)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    open_db(path).close()                            # the quick open leaves the telemetry out...
    assert main(["db", "check", "--db", str(path)]) == 1      # ...the full check does not
    assert "is damaged" in capsys.readouterr().err
    with pytest.raises(DatabaseError, match="is damaged"):    # nor the next open, as the marker is gone
        open_db(path)
