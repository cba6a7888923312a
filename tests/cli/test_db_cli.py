"""A damaged kitchen database: every command and the dashboard refuse it by name, exit 1, and
leave it byte for byte; ``kitchen-ui db`` checks, backs up and restores."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest

from kitchen_ui.cli import main
from kitchen_ui.storage.backup import backup_dir
from kitchen_ui.storage.database import open_db
from storage.conftest import damage_middle, make_kitchen_with_sessions   # tests/ is on sys.path

COMMANDS = [["recipes", "list"], ["recipes", "show", "1"], ["recipes", "export", "1", "-o", "{tmp}/out.json"],
            ["recipes", "import", "{tmp}/r.json"], ["recipes", "try", "1"], ["recipes", "list", "--for", "ana"],
            ["sessions", "list"], ["sessions", "export", "1", "--csv"], ["profiles", "list"],
            ["profiles", "add", "ana"], ["energy", "settings", "--gas-price", "0.1"], ["energy", "week"],
            ["db", "check"], ["db", "backup", "{tmp}/copy.sqlite3"]]


@pytest.fixture
def damaged(tmp_path):
    path = make_kitchen_with_sessions(tmp_path / "kitchen.sqlite3")
    (tmp_path / "r.json").write_text('{"format": "hearth-recipe/1", "title": "T", "servings": 1, "steps": '
                                     '[{"text": "Stir."}]}', encoding="utf-8")
    return path, damage_middle(path)


@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_every_command_refuses_a_damaged_database_by_name_and_leaves_it_alone(capsys, damaged, tmp_path, argv):
    path, before = damaged
    code = main([a.format(tmp=tmp_path) for a in argv] + ["--db", str(path)])
    out, err = capsys.readouterr()
    assert code == 1
    assert f"{path} is damaged" in err and "kitchen-ui db restore" in err
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-wal").exists()
    assert not (tmp_path / "out.json").exists() and not (tmp_path / "copy.sqlite3").exists()


def test_the_dashboard_refuses_a_damaged_database_and_keeps_manual_control(damaged, tmp_path):
    """Refused by name (exit 1) and never written; the window still comes up, without the
    recipes and history, because manual control must work whatever else fails."""
    path, before = damaged
    shot = tmp_path / "shot.png"
    proc = subprocess.run([sys.executable, "-m", "kitchen_ui", "--db", str(path), "--screenshot", str(shot),
                           "--run-for", "1"], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 1, proc.stderr
    assert f"{path} is damaged" in proc.stderr and "kitchen-ui db restore" in proc.stderr
    assert shot.exists()                              # the dashboard ran, on the stove alone
    assert path.read_bytes() == before
    assert not path.with_name(path.name + "-wal").exists()


def test_the_dashboard_makes_the_days_backup(tmp_path):
    path = make_kitchen_with_sessions(tmp_path / "kitchen.sqlite3")
    proc = subprocess.run([sys.executable, "-m", "kitchen_ui", "--db", str(path), "--run-for", "1"],
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stderr
    assert (backup_dir(path) / f"kitchen-{date.today().isoformat()}.sqlite3").is_file()


def test_check_backup_and_restore(capsys, tmp_path):
    path = make_kitchen_with_sessions(tmp_path / "kitchen.sqlite3")
    db = ["--db", str(path)]
    assert main(["db", "check", *db]) == 0
    out = capsys.readouterr().out
    assert f"ok: {path}" in out and "is intact" in out and "backups: none yet" in out
    copy = tmp_path / "copy.sqlite3"
    assert main(["db", "backup", str(copy), *db]) == 0
    assert f"backed up {path} to {copy}" in capsys.readouterr().out
    damaged = damage_middle(path)
    assert main(["db", "check", *db]) == 1
    assert f"{path} is damaged" in capsys.readouterr().err
    assert main(["db", "restore", str(copy), *db]) == 0
    out = capsys.readouterr().out
    aside = next(tmp_path.glob("kitchen.sqlite3.damaged-*"))
    assert f"restored {path} from {copy}" in out and f"the damaged file is kept as {aside}" in out
    assert aside.read_bytes() == damaged
    assert main(["sessions", "list", *db]) == 0 and "dinner 40" in capsys.readouterr().out


def test_db_usage_and_missing_files(capsys, tmp_path):
    missing = tmp_path / "none.sqlite3"
    assert main(["db", "check", "--db", str(missing)]) == 1
    assert f"there is no kitchen database at {missing}" in capsys.readouterr().err
    assert not missing.exists()                       # checking never creates one
    path = make_kitchen_with_sessions(tmp_path / "kitchen.sqlite3")
    assert main(["db", "backup", str(tmp_path), "--db", str(path)]) == 1
    assert "is a folder" in capsys.readouterr().err
    assert main(["db", "restore", str(tmp_path / "nope.sqlite3"), "--db", str(path)]) == 1
    assert "no such file" in capsys.readouterr().err
    assert main(["db"]) == 2


def test_damage_met_while_reading_is_named_too(capsys, tmp_path):
    """Telemetry left out of a quick open (file as Hearth left it) but rotten: no traceback."""
    import sqlite3
    path = make_kitchen_with_sessions(tmp_path / "kitchen.sqlite3")
    with sqlite3.connect(path) as conn:
        page = conn.execute("SELECT pageno FROM dbstat WHERE name = 'session_samples' AND pagetype = 'leaf' "
                            "ORDER BY pageno LIMIT 1 OFFSET 20").fetchone()[0]
    open_db(path).close()                             # recorded as Hearth left it
    st = path.stat()
    with open(path, "r+b") as fh:
        fh.seek((page - 1) * 4096)
        fh.write(b"\xee" * 16)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    codes = [main(["sessions", "export", str(s), "--csv", "--db", str(path)]) for s in range(1, 41)]
    err = capsys.readouterr().err
    assert 1 in codes
    assert f"{path} is damaged (database disk image is malformed)" in err and "Traceback" not in err
    assert main(["sessions", "list", "--db", str(path)]) == 1      # and the next open checks it all
