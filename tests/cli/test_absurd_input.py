"""Absurd input gets a clear message and the right exit code, never a traceback."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from kitchen_ui.cli import build_parser, main

HUGE = "99999999999999999999"          # past 64 bits


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "kitchen.sqlite3")
    assert main(["recipes", "list", "--db", path]) == 0
    return path


def count_recipes(db):
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT COUNT(*) FROM recipes").fetchone()[0]


@pytest.mark.parametrize("argv, message", [
    (["recipes", "show", HUGE], f"no recipe '{HUGE}'"),
    (["recipes", "export", HUGE, "--format", "jsonld"], f"no recipe '{HUGE}'"),
    (["recipes", "try", HUGE], f"no recipe '{HUGE}'"),
    (["recipes", "show", "9223372036854775808"], "no recipe '9223372036854775808'"),     # 2**63
    (["recipes", "show", "²"], "no recipe '²'"),                    # a digit to str.isdigit, not to int()
    (["sessions", "export", HUGE, "--csv"], f"no session {HUGE}"),
])
def test_an_id_past_64_bits_is_simply_not_there(capsys, db, argv, message):
    assert main([*argv, "--db", db]) == 1
    err = capsys.readouterr().err
    assert f"kitchen-ui: error: {message} in {db}" in err


@pytest.mark.parametrize("value", ["1e9", "10000.5", "0.01", "0", "-3", "nan", "inf", "fast"])
def test_dashboard_speed_outside_serve_sims_range_is_a_usage_error(capsys, value):
    with pytest.raises(SystemExit) as e:
        build_parser().parse_args(["--speed", value])
    assert e.value.code == 2
    assert "--speed" in capsys.readouterr().err


def test_dashboard_speed_at_the_top_of_the_range_runs_and_exits(tmp_path):
    assert build_parser().parse_args(["--speed", "10000"]).speed == 10000
    assert build_parser().parse_args(["--speed", "0.1"]).speed == 0.1
    proc = subprocess.run([sys.executable, "-m", "kitchen_ui", "--speed", "10000", "--zones", "6", "--demo",
                           "--run-for", "1", "--db", str(tmp_path / "k.db")], capture_output=True, text=True,
                          timeout=90, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stderr


def _recipe(**more):
    return {"format": "hearth-recipe/1", "title": "Café soup", "servings": 2,
            "steps": [{"text": "Simmer."}], **more}


def test_import_names_the_byte_that_is_not_utf8(capsys, db, tmp_path):
    before = count_recipes(db)
    path = tmp_path / "latin1.json"
    data = json.dumps(_recipe(), ensure_ascii=False).encode("latin-1")
    path.write_bytes(data)
    assert main(["recipes", "import", str(path), "--db", db]) == 1
    err = capsys.readouterr().err
    assert f"{path}: not valid UTF-8 at byte {data.index(0xE9)} (0xe9)" in err
    assert count_recipes(db) == before


def test_import_of_a_folder_says_it_is_a_folder(capsys, db, tmp_path):
    assert main(["recipes", "import", str(tmp_path), "--db", db]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path} is a folder" in err and "no such file" not in err


def test_an_oversized_recipe_is_refused_whole(capsys, db, tmp_path):
    before = count_recipes(db)
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(_recipe(description="x" * (9 * 1024 * 1024))), encoding="utf-8")
    assert main(["recipes", "import", str(path), "--db", db]) == 1
    assert "a recipe file may be at most 8 MiB" in capsys.readouterr().err
    assert count_recipes(db) == before
    small = tmp_path / "ok.json"                    # the same recipe at a sane size still imports
    small.write_text(json.dumps(_recipe(description="A soup.")), encoding="utf-8")
    assert main(["recipes", "import", str(small), "--db", db]) == 0
    assert count_recipes(db) == before + 1
