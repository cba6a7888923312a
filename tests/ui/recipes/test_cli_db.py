"""``--db`` on the command line: a clear refusal for a file that is not Hearth's, never overwritten."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def run_app(*args, env_extra=None, timeout=60):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HEARTH_SOUND="off")
    env.pop("HEARTH_DB", None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "kitchen_ui", *args], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=ROOT)


def test_a_damaged_database_file_exits_1_naming_it_and_is_left_alone(tmp_path):
    bad = tmp_path / "kitchen.sqlite3"
    bad.write_bytes(b"these are my grandmother's recipes, typed in by hand\n" * 50)
    before = bad.read_bytes()
    r = run_app("--db", str(bad), "--run-for", "0.2")
    assert r.returncode == 1
    assert str(bad) in r.stderr and "not a SQLite database" in r.stderr
    assert "Traceback" not in r.stderr
    assert bad.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kitchen.sqlite3"]   # no -wal, no -shm


def test_another_programs_database_is_refused_through_hearth_db_too(tmp_path):
    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    before = foreign.read_bytes()
    r = run_app("--run-for", "0.2", env_extra={"HEARTH_DB": str(foreign)})
    assert r.returncode == 1 and "not Hearth's kitchen database" in r.stderr and "invoices" in r.stderr
    assert foreign.read_bytes() == before


def test_the_dashboard_uses_the_database_given(tmp_path):
    db = tmp_path / "mine.sqlite3"
    shot = tmp_path / "shot.png"
    r = run_app("--db", str(db), "--screenshot", str(shot), "--run-for", "0.8", "--demo", "--speed", "20")
    assert r.returncode == 0, r.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM recipes").fetchone()[0] == 14     # a new kitchen's starters
        sessions = conn.execute("SELECT title, samples FROM sessions").fetchall()
    assert sessions and sessions[0][0] == "Cooking by hand" and sessions[0][1] > 0   # --demo cooked


def test_a_run_that_quits_by_itself_never_writes_into_the_users_data_folder(tmp_path):
    data = tmp_path / "data"
    r = run_app("--run-for", "0.5", "--demo", "--speed", "20", env_extra={"XDG_DATA_HOME": str(data)})
    assert r.returncode == 0, r.stderr
    assert not data.exists()
