"""Two kitchens, two databases, one real Mosquitto: share a recipe from A, find it and import it in B."""

from __future__ import annotations

import json

import pytest
from archive_helpers import GRANDMAS_SOUP, kitchen_with_soup, run_cli

from kitchen_ui.cli import main
from kitchen_ui.storage.database import open_db
from kitchen_ui.storage.recipes_store import list_recipes, load_recipe


def _listing(capsys, broker, *more):
    code, out, err = run_cli(capsys, "recipes", "community", "--broker", broker.url, "--json", *more)
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()], err


def test_a_recipe_shared_by_kitchen_a_is_imported_by_kitchen_b_with_where_it_came_from(tmp_path, capsys, mosquitto):
    db_a = kitchen_with_soup(tmp_path, capsys, "a")
    db_b = str(tmp_path / "kitchen-b.sqlite3")
    with open_db(db_a) as kdb:
        before = load_recipe(kdb, "grandmas-barley-soup")

    code, out, err = run_cli(capsys, "recipes", "share", "grandmas-barley-soup", "--broker", mosquitto.url,
                             "--kitchen", "Community kitchen Nord", "--db", db_a)
    assert code == 0, err
    assert "shared 'Grandma's barley soup'" in out and "CC-BY-4.0" in out and "by Ana Kowalska" in out

    listed, _err = _listing(capsys, mosquitto)
    assert len(listed) == 1
    entry = listed[0]
    assert entry["title"] == "Grandma's barley soup" and entry["author"] == "Ana Kowalska"
    assert entry["kitchen"] == "Community kitchen Nord" and entry["licence"] == "CC-BY-4.0"
    assert entry["size"] > 1000 and entry["shared_at"].endswith("+00:00")

    code, out, err = run_cli(capsys, "recipes", "community", "--broker", mosquitto.url, "--import", entry["uid"],
                             "--db", db_b)
    assert code == 0, err
    assert "imported 'Grandma's barley soup'" in out
    with open_db(db_b) as kdb:
        got = load_recipe(kdb, "grandmas-barley-soup")
        count = len(list_recipes(kdb))
    assert got == before               # the whole recipe, story and stove steps included
    with open_db(db_a) as kdb:
        assert load_recipe(kdb, "grandmas-barley-soup") == before      # sharing changed nothing at home

    code, out, err = run_cli(capsys, "recipes", "show", "grandmas-barley-soup", "--db", db_b)
    assert code == 0, err
    assert "From the community archive: Shared by Ana Kowalska from the kitchen 'Community kitchen Nord'" in out
    assert f"imported from {mosquitto.url}" in out and entry["uid"] in out
    code, out, err = run_cli(capsys, "recipes", "show", "grandmas-barley-soup", "--json", "--db", db_b)
    prov = json.loads(out)["provenance"]
    assert (prov["uid"], prov["author"], prov["licence"], prov["kitchen"], prov["broker"]) == (
        entry["uid"], "Ana Kowalska", "CC-BY-4.0", "Community kitchen Nord", mosquitto.url)
    assert prov["shared_at"] == entry["shared_at"] and prov["imported_at"]

    # the same share again: said, and no second copy
    code, out, err = run_cli(capsys, "recipes", "community", "--broker", mosquitto.url, "--import", entry["uid"],
                             "--db", db_b)
    assert code == 0, err
    assert "already in the library" in out
    with open_db(db_b) as kdb:
        assert len(list_recipes(kdb)) == count
    # A's own recipes have no provenance
    code, out, _err = run_cli(capsys, "recipes", "show", "grandmas-barley-soup", "--json", "--db", db_a)
    assert json.loads(out)["provenance"] is None


def test_sharing_again_replaces_the_share_never_duplicates_it(tmp_path, capsys, mosquitto):
    db_a = kitchen_with_soup(tmp_path, capsys)
    for author in ("Ana", "Ana Kowalska-Nowak"):
        code, _out, err = run_cli(capsys, "recipes", "share", "grandmas-barley-soup", "--broker", mosquitto.url,
                                  "--kitchen", "Nord", "--author", author, "--licence", "CC-BY-SA-4.0", "--db", db_a)
        assert code == 0, err
    code, _out, err = run_cli(capsys, "recipes", "share", "arroz-rojo", "--broker", mosquitto.url, "--kitchen", "Nord",
                              "--db", db_a)
    assert code == 0, err
    listed, _err = _listing(capsys, mosquitto)
    assert [e["title"] for e in listed] == ["Arroz rojo", "Grandma's barley soup"]      # by title
    assert listed[1]["author"] == "Ana Kowalska-Nowak" and listed[1]["licence"] == "CC-BY-SA-4.0"
    code, out, _err = run_cli(capsys, "recipes", "community", "--broker", mosquitto.url)
    assert out.index("Arroz rojo") < out.index("Grandma's barley soup") and "Ana Kowalska-Nowak (Nord)" in out


def test_a_recipe_the_kitchen_already_has_word_for_word_is_not_imported_again(tmp_path, capsys, mosquitto):
    db_a, db_b = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    code, _out, err = run_cli(capsys, "recipes", "share", "arroz-rojo", "--broker", mosquitto.url, "--db", db_a)
    assert code == 0, err
    (entry,), _err = _listing(capsys, mosquitto)
    code, out, err = run_cli(capsys, "recipes", "community", "--broker", mosquitto.url, "--import", entry["uid"],
                             "--db", db_b)      # B has the same starter archive
    assert code == 0, err
    assert "already in the library as #" in out and "word for word" in out
    with open_db(db_b) as kdb:
        assert [r.slug for r in list_recipes(kdb)].count("arroz-rojo") == 1
        assert not any(r.slug.startswith("arroz-rojo-") for r in list_recipes(kdb))


def test_an_empty_archive_and_a_missing_share_are_said_plainly(tmp_path, capsys, mosquitto):
    code, out, err = run_cli(capsys, "recipes", "community", "--broker", mosquitto.url)
    assert code == 0 and "nothing shared on" in out and mosquitto.url in out
    code, out, err = run_cli(capsys, "recipes", "community", "--broker", mosquitto.url, "--import", "abc123",
                             "--db", str(tmp_path / "b.sqlite3"))
    assert code == 1 and "nothing is shared as abc123" in err


def test_a_broker_that_is_down_is_exit_1_naming_it(tmp_path, capsys, mosquitto):
    db_a = kitchen_with_soup(tmp_path, capsys)
    mosquitto.stop()
    for argv in (("recipes", "community", "--broker", mosquitto.url),
                 ("recipes", "community", "--broker", mosquitto.url, "--import", "abc", "--db", db_a),
                 ("recipes", "share", "grandmas-barley-soup", "--broker", mosquitto.url, "--db", db_a)):
        code, out, err = run_cli(capsys, *argv)
        assert code == 1, argv
        assert f"cannot reach the broker {mosquitto.url}" in err and "refused" in err.lower()
        assert "Traceback" not in err


@pytest.mark.parametrize("argv, words", [
    (("recipes", "community"), "--broker"),
    (("recipes", "share", "1"), "--broker"),
    (("recipes", "community", "--broker", "http://127.0.0.1:1883"), "expected mqtt://"),
    (("recipes", "community", "--broker", "mqtt://u:pw@127.0.0.1"), "--password-file"),
    (("recipes", "community", "--broker", "mqtt://127.0.0.1", "--password-file", "pw"), "needs --username"),
    (("recipes", "community", "--broker", "mqtt://127.0.0.1", "--topic-prefix", "a/#"), "--topic-prefix"),
    (("recipes", "community", "--broker", "mqtt://127.0.0.1", "--import", "a/+"), "uid"),
    (("recipes", "share", "1", "--broker", "mqtt://127.0.0.1", "--licence", "CC BY <4>"), "SPDX"),
    (("recipes", "share", "1", "--broker", "mqtt://127.0.0.1", "--author", " "), "--author"),
])
def test_wrong_flags_exit_2_naming_the_problem(capsys, argv, words):
    capsys.readouterr()
    try:
        code = main(list(argv))
    except SystemExit as exc:          # argparse's own usage errors
        code = exc.code
    err = capsys.readouterr().err
    assert code == 2 and words in err


def test_a_recipe_under_another_licence_is_shared_only_with_licence_said(tmp_path, capsys, mosquitto):
    soup = dict(GRANDMAS_SOUP, slug="family-soup", title="Family soup", licence="All rights reserved")
    path = tmp_path / "family.json"
    path.write_text(json.dumps(soup), encoding="utf-8")
    db = str(tmp_path / "a.sqlite3")
    assert run_cli(capsys, "recipes", "import", str(path), "--db", db)[0] == 0
    code, _out, err = run_cli(capsys, "recipes", "share", "family-soup", "--broker", mosquitto.url, "--db", db)
    assert code == 1 and "says its licence is 'All rights reserved'" in err and "--licence" in err
    assert run_cli(capsys, "recipes", "community", "--broker", mosquitto.url, "--json", "--db", db)[1] == ""
    code, out, err = run_cli(capsys, "recipes", "share", "family-soup", "--broker", mosquitto.url, "--licence",
                             "CC-BY-NC-4.0", "--db", db)
    assert code == 0 and "CC-BY-NC-4.0" in out


@pytest.fixture
def broker_with_login(mosquitto_factory):
    """Mosquitto with a password file (the shared test broker stays the user running the tests)."""
    return mosquitto_factory(users={"kitchen-a": "s3cret"})


def test_a_broker_with_a_login_shares_with_the_right_password_and_refuses_a_wrong_one(tmp_path, capsys,
                                                                                       broker_with_login):
    broker = broker_with_login
    good, bad = tmp_path / "good", tmp_path / "bad"
    good.write_text("s3cret\n")
    bad.write_text("guess\n")
    db = kitchen_with_soup(tmp_path, capsys)
    code, _out, err = run_cli(capsys, "recipes", "share", "grandmas-barley-soup", "--broker", broker.url,
                              "--username", "kitchen-a", "--password-file", str(bad), "--db", db)
    assert code == 1 and f"the broker {broker.url} refused the login (Not authorized)" in err
    assert "s3cret" not in err and "guess" not in err
    code, out, err = run_cli(capsys, "recipes", "share", "grandmas-barley-soup", "--broker", broker.url,
                             "--username", "kitchen-a", "--password-file", str(good), "--db", db)
    assert code == 0, err
    code, out, err = run_cli(capsys, "recipes", "community", "--broker", broker.url, "--username", "kitchen-a",
                             "--password-file", str(good), "--json")
    assert code == 0 and json.loads(out)["title"] == "Grandma's barley soup"
