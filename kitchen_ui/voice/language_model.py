"""The check pass's language model: every command, or any run of common English words.

A grammar alone forces any sound into a command. The check pass decodes the same sound again with
a bigram model in which the commands compete with the 1,000 most frequent English words
(``data/common_words.txt``): kitchen talk comes out as talk ("okay", "no thanks", "the pan is
still warm"), a command as command words. The recognizer keeps a command only when this pass, too,
heard nothing but command words.

The commands get most of the probability (:data:`COMMAND_MASS`) so a command said in noise still
reads as command words; talk still wins on its own sounds, since the acoustic evidence for words
the grammar lacks outweighs that prior. Written as an ARPA file that pocketsphinx loads.
"""

from __future__ import annotations

import math
from collections import defaultdict
from importlib import resources
from itertools import product

from . import grammar

COMMAND_MASS = 0.95          # of the first word's probability, and of the unigrams
COMMON_WORDS = 1000
_CONTINUE = 0.95             # inside a command, the chance that the next word goes on with it
_END = 0.05                  # unigram probability of the end of a sentence
_NUMBER_SHARE = 0.05         # of the command words' unigram mass, for the number words
_NUMBER_WORDS = frozenset(" ".join(grammar.NUMBERS).split())


def command_phrases() -> list[list[str]]:
    """Every command the grammar accepts, spelled out word by word ("zone one level twenty two")."""
    slots = {"<zone>": [w for w, n in grammar.NUMBERS.items() if n <= grammar.MAX_ZONE],
             "<n>": list(grammar.NUMBERS), "<unit>": list(grammar.UNITS)}
    out = [p.split() for p in grammar.FIXED]
    for pattern, _kind in grammar.PATTERNS:
        choices = [slots.get(tok, [tok]) for tok in pattern.split()]
        out += [" ".join(c).split() for c in product(*choices)]
    return out


def common_words(count: int = COMMON_WORDS) -> list[tuple[str, float]]:
    """(word, probability) of the ``count`` most frequent English words."""
    text = resources.files("kitchen_ui.voice").joinpath("data/common_words.txt").read_text("utf-8")
    words = []
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        log10p, word = line.split()
        words.append((word, 10 ** float(log10p)))
        if len(words) == count:
            break
    return words


WAKE = grammar.WAKE.split()             # ["hey", "hearth"]


def wake_phrases() -> list[list[str]]:
    """"hey hearth" alone, or followed by any command in the same breath."""
    return [WAKE] + [WAKE + ph for ph in command_phrases()]


def arpa(phrases: list[list[str]] | None = None, command_mass: float = COMMAND_MASS,
         count: int = COMMON_WORDS) -> str:
    """The model as ARPA text: ``phrases`` (every command by default) against common words."""
    phrases = command_phrases() if phrases is None else phrases
    talk = common_words(count)
    talk_total = sum(p for _, p in talk)
    cmd_words = sorted({w for ph in phrases for w in ph})
    uni: dict[str, float] = defaultdict(float)
    for w, p in talk:
        uni[w] += (1 - command_mass) * p / talk_total
    # a number alone is no command: numbers get their weight from the words before them
    heads = [w for w in cmd_words if w not in _NUMBER_WORDS]
    for w in heads:
        uni[w] += command_mass * (1 - _NUMBER_SHARE) / len(heads)
    for w in set(cmd_words) - set(heads):
        uni[w] += command_mass * _NUMBER_SHARE / (len(cmd_words) - len(heads))
    scale = (1 - _END) / sum(uni.values())
    uni = {w: p * scale for w, p in uni.items()}
    uni["</s>"] = _END

    starts: dict[str, float] = defaultdict(float)
    follow: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for ph in phrases:
        starts[ph[0]] += 1
        seq = ph + ["</s>"]
        for a, b in zip(seq, seq[1:]):
            follow[a][b] += 1
    bigrams = {"<s>": _normalised(starts, command_mass)}
    bigrams.update({a: _normalised(d, _CONTINUE) for a, d in follow.items()})

    def backoff(history: str) -> float:
        seen = bigrams.get(history, {})
        left = 1 - sum(seen.values())
        rest = 1 - sum(uni.get(w, 0.0) for w in seen)
        return math.log10(max(left, 1e-9) / max(rest, 1e-9))

    lines = ["\\data\\", f"ngram 1={len(uni) + 1}", f"ngram 2={sum(len(d) for d in bigrams.values())}", "",
             "\\1-grams:", f"-99.0000\t<s>\t{backoff('<s>'):.4f}"]
    for w, p in uni.items():
        lines.append(f"{math.log10(p):.4f}\t{w}" + ("" if w == "</s>" else f"\t{backoff(w):.4f}"))
    lines += ["", "\\2-grams:"]
    for a, d in bigrams.items():
        lines += [f"{math.log10(p):.4f}\t{a} {b}" for b, p in d.items()]
    lines += ["", "\\end\\", ""]
    return "\n".join(lines)


def _normalised(counts: dict[str, float], mass: float) -> dict[str, float]:
    total = sum(counts.values())
    return {k: mass * v / total for k, v in counts.items()}


__all__ = ["COMMAND_MASS", "COMMON_WORDS", "WAKE", "command_phrases", "wake_phrases", "common_words", "arpa"]
