"""A hostile kitchen on the broker cannot break another: every bad share is rejected with its reason."""

from __future__ import annotations

import copy
import json

import pytest
from archive_helpers import GRANDMAS_SOUP, kitchen_with_soup, run_cli

from kitchen_ui.mqtt.archive import MAX_PAYLOAD, ShareRejected, build_share, parse_share
from kitchen_ui.mqtt.archive_client import publish_retained
from kitchen_ui.mqtt.broker import broker_login
from kitchen_ui.mqtt.topics import Topics
from kitchen_ui.recipes.archive import starter_recipes
from kitchen_ui.recipes.model import Recipe


def good_share(kitchen: str = "Nord") -> dict:
    """A share as Hearth makes it; each kitchen's has its own uid (and so its own topic)."""
    _uid, payload = build_share(Recipe.from_dict(GRANDMAS_SOUP), kitchen=kitchen, author="Ana")
    return json.loads(payload)


def encode(doc: dict) -> bytes:
    return json.dumps(doc).encode()


def with_change(change, kitchen: str = "Nord") -> tuple[str, bytes]:
    doc = good_share(kitchen)
    uid = doc["uid"]
    change(doc)
    return uid, encode(doc)


def _set(path: str, value):
    def change(doc):
        *head, last = path.split(".")
        node = doc
        for key in head:
            node = node[int(key)] if key.isdigit() else node[key]
        node[int(last) if last.isdigit() else last] = value
    return change


def _drop(key: str):
    return lambda doc: doc.pop(key)


HOSTILE = {
    "oversize": (lambda k: (good_share(k)["uid"], b"{" + b" " * (MAX_PAYLOAD + 10) + b"}"), "at most 256 KiB"),
    "not JSON": (lambda k: ("u1", b'{"format": "hearth-share/1", '), "not valid JSON"),
    "not UTF-8": (lambda k: ("u2", b'{"title": "\xff\xfe"}'), "not UTF-8"),
    "a list, not an object": (lambda k: ("u3", b"[1, 2, 3]"), "expected a JSON object"),
    "deep nesting": (lambda k: ("u4", b"[" * 50_000 + b"]" * 50_000), "nested more than"),
    "moderately deep": (lambda k: ("u5", encode({"a": json.loads("[" * 40 + "]" * 40)})), "nested more than 16 deep"),
    "NaN": (lambda k: with_change(_set("recipe.hearth:ingredients.0.quantity", float("nan")), k), "not a number JSON"),
    "absurd number": (lambda k: with_change(_set("recipe.hearth:ingredients.0.quantity", 1e300), k), "out of any sensible"),
    "quantity past the recipe's range": (lambda k: with_change(_set("recipe.hearth:ingredients.0.quantity", 5e7), k),
                                         "out of range"),
    "wrong uid": (lambda k: ("someone-elses-uid", encode(good_share(k))), "does not match its topic"),
    "uid missing": (lambda k: with_change(_drop("uid"), k), "uid: missing"),
    "wrong format": (lambda k: with_change(_set("format", "hearth-share/9"), k), "format"),
    "author missing": (lambda k: with_change(_drop("author"), k), "author: missing"),
    "author a number": (lambda k: with_change(_set("author", 5), k), "author: must be text"),
    "kitchen too long": (lambda k: with_change(_set("kitchen", "k" * 500), k), "kitchen: 500 characters"),
    "licence not SPDX": (lambda k: with_change(_set("licence", "all mine!"), k), "SPDX"),
    "shared_at not a time": (lambda k: with_change(_set("shared_at", "yesterday"), k), "ISO 8601"),
    "recipe missing": (lambda k: with_change(_drop("recipe"), k), "recipe: missing"),
    "recipe without steps": (lambda k: with_change(_set("recipe.recipeInstructions", []), k), "at least one step"),
    "script in the title": (lambda k: with_change(_set("recipe.name", "<script>alert(1)</script>Soup"), k), "markup"),
    "rich text in the story": (lambda k: with_change(_set("story.text", "Lovely <img src=x onerror=boom>"), k), "markup"),
    "javascript link": (lambda k: with_change(_set("recipe.isBasedOn", "javascript:alert(1)"), k), "script"),
    "control characters": (lambda k: with_change(_set("author", "Ana\x1b[2J"), k), "control characters"),
    "terminal escape in a field name": (lambda k: with_change(_set("recipe.\x1b[2Jx", 1), k), "field name"),
    "bidi override in a name": (lambda k: with_change(_set("kitchen", "Nord\u202egnp.exe"), k),
                                "control characters"),
    "huge ingredient count": (lambda k: with_change(_set("recipe.hearth:ingredients",
                                                       [{"name": f"salt {i}"} for i in range(5000)]), k),
                              "5000 entries (at most 200)"),
    "tags of the wrong shape": (lambda k: with_change(_set("recipe.hearth:tags", [[1, 2, 3]]), k), "recipe:"),
    "setting out of range": (lambda k: with_change(_set("recipe.recipeInstructions.0.hearth:step.setting.level", 42), k),
                             "1-9"),
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_a_hostile_share_is_rejected_with_a_reason_naming_the_problem(name):
    make, words = HOSTILE[name]
    uid, payload = make("Nord")
    with pytest.raises(ShareRejected) as caught:
        parse_share(uid, payload)
    assert words in caught.value.reason


def test_a_good_share_reads_back_as_the_same_recipe():
    uid, payload = build_share(Recipe.from_dict(GRANDMAS_SOUP), kitchen="Nord", author="Ana")
    shared = parse_share(uid, payload)
    assert shared.recipe == Recipe.from_dict(GRANDMAS_SOUP) and shared.size == len(payload)
    assert shared.excerpt(40).endswith("…") and len(shared.excerpt(40)) <= 40


def test_plain_text_that_only_looks_odd_is_accepted():
    """'<' in plain words (a < b, <3) and a long honest story are not markup."""
    doc = good_share()
    doc["story"]["text"] = "Cook it < 10 minutes, no more; we <3 it. " * 100
    doc["recipe"]["hearth:story"]["text"] = doc["story"]["text"]
    assert parse_share(doc["uid"], encode(doc)).recipe.story.text.startswith("Cook it < 10")


def test_the_listing_survives_every_hostile_share_and_names_each(tmp_path, capsys, mosquitto):
    login, topics = broker_login(mosquitto.url), Topics()
    for i, (make, _words) in enumerate(HOSTILE.values()):
        uid, payload = make(f"hostile-{i}")          # each on a topic of its own
        publish_retained(login, topics.archive(uid), payload)
    db_a = kitchen_with_soup(tmp_path, capsys)
    code, _out, err = run_cli(capsys, "recipes", "share", "grandmas-barley-soup", "--broker", mosquitto.url,
                              "--db", db_a)
    assert code == 0, err
    code, out, err = run_cli(capsys, "recipes", "community", "--broker", mosquitto.url, "--json")
    assert code == 0 and "Traceback" not in err
    assert [json.loads(line)["title"] for line in out.splitlines()] == ["Grandma's barley soup"]
    rejected = [line for line in err.splitlines() if line.startswith("kitchen-ui: rejected share ")]
    assert len(rejected) == len(HOSTILE)
    for words in ("at most 256 KiB", "not valid JSON", "not UTF-8", "does not match its topic", "markup",
                  "5000 entries (at most 200)", "nested more than"):
        assert any(words in line for line in rejected), words


def test_importing_a_rejected_share_says_why_and_writes_nothing(tmp_path, capsys, mosquitto):
    doc = good_share()
    bad = copy.deepcopy(doc)
    bad["recipe"]["name"] = "<b>Soup</b>"
    publish_retained(broker_login(mosquitto.url), Topics().archive(doc["uid"]), encode(bad))
    db_b = str(tmp_path / "b.sqlite3")
    code, out, err = run_cli(capsys, "recipes", "community", "--broker", mosquitto.url, "--import", doc["uid"],
                             "--db", db_b)
    assert code == 1 and "is rejected" in err and "markup" in err
    code, out, _err = run_cli(capsys, "recipes", "list", "--json", "--db", db_b)
    assert "Soup" not in out


def test_a_flood_of_shares_is_read_only_up_to_a_cap_and_said(monkeypatch, mosquitto):
    from kitchen_ui.mqtt import archive_client

    login, topics = broker_login(mosquitto.url), Topics()
    for i in range(6):
        publish_retained(login, topics.archive(f"flood-{i}"), b"{}")
    monkeypatch.setattr(archive_client, "MAX_SHARES", 4)
    listing = archive_client.fetch_listing(login, topics)
    assert len(listing.rejected) == 4 + 1             # four read (each an empty object), then the cap said
    assert "the rest was not read" in listing.rejected[-1].reason


@pytest.mark.parametrize("recipe", starter_recipes(), ids=lambda r: r.slug)
def test_every_starter_recipe_passes_the_checks_and_reads_back_whole(recipe):
    uid, payload = build_share(recipe, kitchen="Nord", author="Ana")
    assert parse_share(uid, payload).recipe == recipe
