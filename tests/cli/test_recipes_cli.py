"""``kitchen-ui recipes`` and ``kitchen-ui sessions``: exit codes, messages, and nothing lost."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from kitchen_ui.cli import main
from kitchen_ui.core.clock import ManualClock
from kitchen_ui.recipes.archive import starter_recipes
from kitchen_ui.sim.local import LocalStove
from kitchen_ui.sim.profiles import load_profile
from kitchen_ui.storage.database import open_db
from kitchen_ui.storage.recorder import SessionRecorder


@pytest.fixture
def db(tmp_path):
    return str(tmp_path / "kitchen.sqlite3")


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def count_recipes(db):
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT COUNT(*) FROM recipes").fetchone()[0]


def test_list_text_json_and_tag(capsys, db):
    code, out, _ = run(capsys, "recipes", "list", "--db", db)
    assert code == 0 and "Spaghetti al pomodoro" in out and len(out.splitlines()) == len(starter_recipes())
    code, out, _ = run(capsys, "--db", db, "recipes", "list", "--json", "--tag", "italian")
    items = json.loads(out)
    assert code == 0 and {i["slug"] for i in items} == {"spaghetti-al-pomodoro", "risotto-ai-funghi"}
    assert items[0]["tags"]["cuisine"] == ["italian"]
    code, out, _ = run(capsys, "recipes", "--db", db, "list", "--tag", "klingon")
    assert code == 0 and "no recipes tagged 'klingon'" in out


def test_show_by_number_and_slug(capsys, db):
    code, out, _ = run(capsys, "recipes", "show", "dal-tadka", "--db", db)
    assert code == 0 and out.startswith("Dal tadka") and "Story:" in out and "CC BY 4.0" in out
    rid = json.loads(run(capsys, "recipes", "show", "dal-tadka", "--json", "--db", db)[1])["id"]
    code, out, _ = run(capsys, "recipes", "show", str(rid), "--json", "--db", db)
    assert code == 0 and json.loads(out)["title"] == "Dal tadka"
    code, out, err = run(capsys, "recipes", "show", "no-such", "--db", db)
    assert code == 1 and "no recipe 'no-such'" in err and db in err


@pytest.mark.parametrize("fmt", ["json", "jsonld"])
def test_export_then_import_round_trips_without_loss(capsys, db, tmp_path, fmt):
    first = tmp_path / f"first.{fmt}"
    assert run(capsys, "recipes", "export", "thai-basil-chicken", "--format", fmt, "-o", str(first), "--db", db)[0] == 0
    # into another kitchen, under a new name so it is a new recipe there
    data = json.loads(first.read_text())
    if fmt == "json":
        data["slug"], data["title"] = "krapow", "Krapow"
    else:
        data["hearth:slug"], data["name"] = "krapow", "Krapow"
    first.write_text(json.dumps(data))
    other = str(tmp_path / "other.sqlite3")
    code, out, _ = run(capsys, "recipes", "import", str(first), "--db", other)
    assert code == 0 and "imported 'Krapow'" in out
    code, out, _ = run(capsys, "recipes", "export", "krapow", "--format", fmt, "--db", other)
    assert code == 0 and json.loads(out) == data


def test_importing_the_same_recipe_twice_does_not_duplicate(capsys, db, tmp_path):
    f = tmp_path / "eggs.json"
    run(capsys, "recipes", "export", "dippy-eggs", "-o", str(f), "--db", db)
    code, out, _ = run(capsys, "recipes", "import", str(f), "--db", db)
    assert code == 0 and "already in the library" in out
    data = json.loads(f.read_text())
    data["servings"] = 4
    f.write_text(json.dumps(data))
    code, out, _ = run(capsys, "recipes", "import", str(f), "--db", db)
    assert code == 0 and "(dippy-eggs-2)" in out          # a changed copy never overwrites
    code, out, _ = run(capsys, "recipes", "import", str(f), "--replace", "--db", db)
    assert code == 0 and "(dippy-eggs)" in out


def test_import_a_saved_web_page(capsys, db, tmp_path):
    page = tmp_path / "soup.html"
    page.write_text("""<html><head><script type="application/ld+json">
        {"@context": "https://schema.org", "@type": "Recipe", "name": "Nettle soup", "recipeYield": "4",
         "recipeIngredient": ["200 g nettles", "1 l stock"],
         "recipeInstructions": "Wash the nettles.\\nSimmer them in the stock.\\nBlend."}
        </script></head><body></body></html>""")
    code, out, _ = run(capsys, "recipes", "import", str(page), "--db", db)
    assert code == 0 and "imported 'Nettle soup'" in out and "3 steps, 3 of them manual" in out
    shown = json.loads(run(capsys, "recipes", "show", "nettle-soup", "--json", "--db", db)[1])
    assert [s["text"] for s in shown["steps"]] == ["Wash the nettles.", "Simmer them in the stock.", "Blend."]


@pytest.mark.parametrize("content, message", [
    ("{ broken", "not valid JSON"),
    ('{"name": "x"}', "not a recipe"),
    ('{"title": "x", "steps": [{"text": "y", "duration_s": -1}]}', "steps[0].duration_s"),
    ("<html><body>hello</body></html>", "no recipe found"),
])
def test_a_bad_file_fails_with_its_name_and_writes_nothing(capsys, db, tmp_path, content, message):
    run(capsys, "recipes", "list", "--db", db)
    before = count_recipes(db)
    bad = tmp_path / "bad-recipe.json"
    bad.write_text(content)
    code, out, err = run(capsys, "recipes", "import", str(bad), "--db", db)
    assert code == 1
    assert "bad-recipe.json" in err and message in err
    assert count_recipes(db) == before


def test_import_of_a_missing_file_or_a_bad_url(capsys, db, tmp_path):
    code, _, err = run(capsys, "recipes", "import", str(tmp_path / "nope.json"), "--db", db)
    assert code == 1 and "nope.json: no such file" in err
    code, _, err = run(capsys, "recipes", "import", "http://127.0.0.1:9/recipe", "--db", db)
    assert code == 1 and "http://127.0.0.1:9/recipe: cannot fetch the page" in err


def test_try_prints_a_sane_timeline(capsys, db):
    code, out, _ = run(capsys, "recipes", "try", "spaghetti-al-pomodoro", "--json", "--db", db)
    assert code == 0
    result = json.loads(out)
    assert result["status"] == "completed" and result["profile"] == "hybrid-4"
    times = [e["t"] for e in result["timeline"]]
    assert times == sorted(times) and all("kind" in e for e in result["timeline"])
    code, out, _ = run(capsys, "recipes", "try", "spaghetti-al-pomodoro", "--profile", "range-6", "--db", db)
    assert code == 0 and "simulated stove 'range-6'" in out and "completed in" in out


def test_try_errors(capsys, db, tmp_path):
    code, _, err = run(capsys, "recipes", "try", "9999", "--db", db)
    assert code == 1 and "no recipe '9999'" in err
    code, _, err = run(capsys, "recipes", "try", "1", "--profile", "no-such-hob", "--db", db)
    assert code == 2 and "--profile" in err and "no-such-hob" in err
    stuck = tmp_path / "stuck.json"
    stuck.write_text(json.dumps({"title": "Stuck", "pots": [{"id": "p", "zone": "large", "vessel": {
        "material": "steel", "contents": "water", "contents_kg": 3}}], "steps": [
        {"text": "Heat", "pot": "p", "setting": {"mode": "target", "temp_c": 150}, "start": "target"}]}))
    code, out, err = run(capsys, "recipes", "try", str(stuck))
    assert code == 1 and "did not complete" in err and "NOT completed" in out


def test_usage_errors_exit_2(capsys, db):
    assert run(capsys, "recipes", "--db", db)[0] == 2
    with pytest.raises(SystemExit) as e:
        main(["recipes", "export", "1", "--format", "xml", "--db", db])
    assert e.value.code == 2
    assert run(capsys, "sessions", "export", "1", "--db", db)[0] == 2       # no --csv
    with pytest.raises(SystemExit) as e:
        main(["sessions", "export", "one", "--csv", "--db", db])
    assert e.value.code == 2


def test_a_corrupt_database_fails_clearly_and_is_left_alone(capsys, tmp_path):
    bad = tmp_path / "kitchen.sqlite3"
    bad.write_bytes(b"\x00garbage" * 1000)
    before = bad.read_bytes()
    for argv in (["recipes", "list"], ["sessions", "list"], ["recipes", "try", "1"]):
        code, _, err = run(capsys, *argv, "--db", str(bad))
        assert code == 1 and str(bad) in err and "not a SQLite database" in err
    assert bad.read_bytes() == before


def test_sessions_list_and_csv_export(capsys, db, tmp_path):
    assert run(capsys, "sessions", "list", "--db", db)[1].strip() == "no recorded sessions"
    stove = LocalStove(load_profile("hybrid-4"), clock=ManualClock(), threaded=False)
    stove.start()
    rec = SessionRecorder(db, stove, title="Soup night", flush_interval_s=0.05)
    sid = rec.start()
    stove.set_level(1, 4).result()
    for _ in range(20):
        stove.advance(0.5)
    rec.stop()
    stove.stop()
    code, out, _ = run(capsys, "sessions", "list", "--json", "--db", db)
    (item,) = json.loads(out)
    assert code == 0 and item["id"] == sid and item["title"] == "Soup night" and item["samples"] == 20 * 4
    assert item["outcome"] == "manual" and item["energy_wh"] is None     # by hand; no energy saved with it
    code, out, _ = run(capsys, "sessions", "list", "--db", db)
    assert code == 0 and "manual" in out.split("Soup night")[0].split("samples")[1]
    csv_file = tmp_path / "s.csv"
    code, _, err = run(capsys, "sessions", "export", str(sid), "--csv", "-o", str(csv_file), "--db", db)
    assert code == 0 and "80 rows" in err
    lines = csv_file.read_text().splitlines()
    assert lines[0].startswith("t,record,zone,zone_name") and len(lines) == 1 + 80
    code, _, err = run(capsys, "sessions", "export", "42", "--csv", "--db", db)
    assert code == 1 and "no session 42" in err


def test_the_installed_command_runs_headless(db):
    out = subprocess.run([sys.executable, "-m", "kitchen_ui", "recipes", "list", "--json", "--db", db],
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert len(json.loads(out.stdout)) == len(starter_recipes())
    with open_db(db) as kdb:
        assert kdb.version >= 3


def test_one_serving_is_said_in_the_singular(capsys, db, tmp_path):
    f = tmp_path / "eggs.json"
    run(capsys, "recipes", "export", "dippy-eggs", "-o", str(f), "--db", db)
    data = json.loads(f.read_text())
    data.update(servings=1, title="Egg for one", slug="egg-for-one")
    f.write_text(json.dumps(data))
    assert run(capsys, "recipes", "import", str(f), "--db", db)[0] == 0
    line = next(ln for ln in run(capsys, "recipes", "list", "--db", db)[1].splitlines() if "Egg for one" in ln)
    assert " 1 serving " in line and "servings" not in line
    code, out, _ = run(capsys, "recipes", "show", "egg-for-one", "--db", db)
    assert code == 0 and "1 serving" in out and "1 servings" not in out
