"""The check pass's language model: well-formed ARPA that holds every command, the wake phrase
before each command, and common words for talk to land on."""

from __future__ import annotations

import re

from kitchen_ui.voice import grammar, language_model


def sections(text: str) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    current = None
    for line in text.splitlines():
        m = re.fullmatch(r"\\(\d)-grams:", line)
        if m:
            current = out.setdefault(int(m.group(1)), [])
        elif line.startswith("\\") or not line.strip():
            current = None if line.startswith("\\") else current
        elif current is not None:
            current.append(line)
    return out


def test_the_header_counts_match_the_entries_and_every_probability_is_a_probability():
    text = language_model.arpa()
    body = sections(text)
    declared = {int(n): int(c) for n, c in re.findall(r"ngram (\d)=(\d+)", text)}
    assert declared == {n: len(lines) for n, lines in body.items()}
    for lines in body.values():
        for line in lines:
            assert float(line.split("\t")[0]) <= 0.0, line


def test_every_command_is_a_chain_of_bigrams_from_the_start():
    bigrams = {tuple(line.split("\t")[1].split()) for line in sections(language_model.arpa())[2]}
    phrases = language_model.command_phrases()
    assert ["zone", "three", "level", "twenty", "one"] in phrases and ["set", "a", "timer", "for", "one", "minute"] in phrases
    for ph in phrases:
        seq = ["<s>", *ph, "</s>"]
        assert all(pair in bigrams for pair in zip(seq, seq[1:])), ph
    assert all(grammar.parse(" ".join(ph)).is_command for ph in phrases)


def test_talk_has_common_words_and_the_wake_model_puts_hey_hearth_first():
    words = dict(language_model.common_words())
    assert len(words) == language_model.COMMON_WORDS
    assert {"okay", "thanks", "hello", "the"} <= set(words)
    unigrams = {line.split("\t")[1] for line in sections(language_model.arpa())[1]}
    assert {"okay", "next", "zone", "thirty"} <= unigrams
    wake = {tuple(line.split("\t")[1].split()) for line in sections(language_model.arpa(language_model.wake_phrases()))[2]}
    assert ("<s>", "hey") in wake and ("hey", "hearth") in wake and ("hearth", "next") in wake
    assert ("<s>", "next") not in wake
