"""The command grammar: every phrase of issue 12 parses to its command with its numbers, nothing
else does, and the JSGF the decoder uses is generated from the same table."""

from __future__ import annotations

import itertools

import pytest

from kitchen_ui.voice import grammar
from kitchen_ui.voice.grammar import number_words, parse

FIXED = [("next", "next"), ("next step", "next"), ("back", "back"), ("go back", "back"), ("previous", "back"),
         ("pause", "pause"), ("resume", "resume"), ("continue", "resume"), ("repeat", "repeat"),
         ("say again", "repeat"), ("all off", "all_off"), ("everything off", "all_off"),
         ("stop everything", "all_off")]


@pytest.mark.parametrize("said, kind", FIXED)
def test_each_plain_phrase_is_its_command(said, kind):
    cmd = parse(said)
    assert (cmd.kind, cmd.zone, cmd.level, cmd.seconds) == (kind, None, None, None)
    assert cmd.text == said


def test_number_words_run_one_to_thirty():
    assert [number_words(n) for n in (1, 9, 10, 13, 20, 21, 29, 30)] == [
        "one", "nine", "ten", "thirteen", "twenty", "twenty one", "twenty nine", "thirty"]
    assert len(set(grammar.NUMBERS)) == 30
    for bad in (0, 31):
        with pytest.raises(ValueError, match="1 to 30"):
            number_words(bad)


def test_every_zone_off_and_every_level_in_both_phrasings():
    for zone in range(1, grammar.MAX_ZONE + 1):
        z = number_words(zone)
        assert parse(f"zone {z} off").to_json() == {"command": "zone_off", "zone": zone, "text": f"zone {z} off",
                                                     "confidence": 1.0}
        for level, form in itertools.product(range(1, 31), ("level", "to")):
            cmd = parse(f"zone {z} {form} {number_words(level)}")
            assert (cmd.kind, cmd.zone, cmd.level) == ("set_level", zone, level), (zone, form, level)


def test_every_timer_in_both_phrasings_and_units():
    for n, (unit, factor), lead in itertools.product(range(1, 31), (("minutes", 60), ("seconds", 1)),
                                                     ("timer", "set a timer for")):
        cmd = parse(f"{lead} {number_words(n)} {unit}")
        assert (cmd.kind, cmd.seconds, cmd.zone) == ("timer", n * factor, None)
    assert parse("timer one minute").seconds == 60
    assert parse("timer one second").seconds == 1


def test_digits_and_punctuation_read_as_the_words():
    assert parse("Zone 3, level 7!").to_json() == {"command": "set_level", "zone": 3, "level": 7,
                                                    "text": "zone three level seven", "confidence": 1.0}
    assert parse("Set a timer for 25 minutes.").seconds == 1500


@pytest.mark.parametrize("said", [
    "", "zone seven off", "zone zero off", "zone three level thirty one", "zone 3 level 31", "timer five",
    "set a timer", "set a", "timer thirty one minutes", "next time add more salt", "my friend is coming at seven",
    "the soup smells wonderful today", "please pause", "pause please", "zone three level", "zone off",
    "all", "everything", "timer five hours", "zone three level seven eight", "zone twenty one off"])
def test_anything_else_is_no_command(said):
    cmd = parse(said)
    assert cmd.kind == "none" and not cmd.is_command
    assert cmd.confidence == 0.0


def test_the_jsgf_holds_every_phrase_of_the_table_and_loads_into_pocketsphinx():
    text = grammar.jsgf()
    assert text.startswith("#JSGF V1.0;")
    for phrase in list(grammar.FIXED) + [p for p, _ in grammar.PATTERNS]:
        assert phrase in text
    for words in grammar.NUMBERS:
        assert words in text
    from pocketsphinx import Decoder
    from kitchen_ui.voice.recognizer import model_dir
    m = model_dir()
    d = Decoder(hmm=str(m / "en-us"), dict=str(m / "cmudict-en-us.dict"), lm=None, loglevel="FATAL")
    unknown = [w for w in grammar.vocabulary() if d.lookup_word(w) is None]
    assert unknown == []
    d.add_jsgf_string("commands", text)          # raises ValueError if the grammar does not parse
