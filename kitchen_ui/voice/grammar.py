"""The command grammar as one table: it parses words into a :class:`VoiceCommand` and generates
the JSGF grammar pocketsphinx decodes with, so what the decoder may hear and what the parser
accepts can never drift apart.

Numbers run from one to thirty as words ("twenty one"); zones from one to six (a stove has 1-6
zones, numbered as the cook sees them). ``parse`` returns :data:`NONE` for anything else.
"""

from __future__ import annotations

import re

from .commands import MAX_NUMBER, NONE, VoiceCommand

MAX_ZONE = 6

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen"]


def number_words(n: int) -> str:
    """1 -> "one", 21 -> "twenty one", 30 -> "thirty"."""
    if not 1 <= n <= MAX_NUMBER:
        raise ValueError(f"voice numbers run from 1 to {MAX_NUMBER}, not {n}")
    if n < 10:
        return _UNITS[n - 1]
    if n < 20:
        return _TEENS[n - 10]
    tens = "twenty" if n < 30 else "thirty"
    return tens if n % 10 == 0 else f"{tens} {_UNITS[n % 10 - 1]}"


NUMBERS = {number_words(n): n for n in range(1, MAX_NUMBER + 1)}

# Phrases without a number: words -> command kind. The first phrase of each kind is its
# canonical spelling (the ``text`` of a recognized command is normalised to what was said).
FIXED: dict[str, str] = {
    "next": "next", "next step": "next",
    "back": "back", "go back": "back", "previous": "back",
    "pause": "pause",
    "resume": "resume", "continue": "resume",
    "repeat": "repeat", "say again": "repeat",
    "all off": "all_off", "everything off": "all_off", "stop everything": "all_off",
}

# Phrases with numbers: a pattern of literal words and slots. <zone> is 1..MAX_ZONE, <n> 1..30,
# <unit> minutes/seconds (singular too, for "one minute").
PATTERNS: list[tuple[str, str]] = [
    ("zone <zone> off", "zone_off"),
    ("zone <zone> level <n>", "set_level"),
    ("zone <zone> to <n>", "set_level"),
    ("timer <n> <unit>", "timer"),
    ("set a timer for <n> <unit>", "timer"),
]
UNITS = {"minutes": 60, "minute": 60, "seconds": 1, "second": 1}


def _zone_words() -> dict[str, int]:
    return {w: n for w, n in NUMBERS.items() if n <= MAX_ZONE}


def normalise(text: str) -> list[str]:
    """Lower-case words without punctuation; digits are read as their words ("zone 3")."""
    words: list[str] = []
    for w in re.findall(r"[a-z0-9]+", text.lower()):
        if w.isdigit():
            n = int(w)
            words.extend(number_words(n).split() if 1 <= n <= MAX_NUMBER else [w])
        else:
            words.append(w)
    return words


def _match_number(words: list[str], i: int, table: dict[str, int]) -> tuple[int, int] | None:
    """The longest number at ``words[i:]`` -> (value, words used), or None."""
    for length in (2, 1):
        key = " ".join(words[i:i + length])
        if len(words) - i >= length and key in table:
            return table[key], length
    return None


def _match(pattern: list[str], words: list[str]) -> dict[str, int] | None:
    slots: dict[str, int] = {}
    i = 0
    for token in pattern:
        if token in ("<zone>", "<n>"):
            got = _match_number(words, i, _zone_words() if token == "<zone>" else NUMBERS)
            if got is None:
                return None
            slots[token[1:-1]], i = got[0], i + got[1]
        elif token == "<unit>":
            if i >= len(words) or words[i] not in UNITS:
                return None
            slots["unit"], i = UNITS[words[i]], i + 1
        else:
            if i >= len(words) or words[i] != token:
                return None
            i += 1
    return slots if i == len(words) else None


def parse(text: str, confidence: float = 1.0) -> VoiceCommand:
    """Words -> the command they say, or :data:`NONE` (with the words kept) when they say none."""
    words = normalise(text)
    said = " ".join(words)
    if said in FIXED:
        return VoiceCommand(FIXED[said], text=said, confidence=confidence)
    for pattern, kind in PATTERNS:
        slots = _match(pattern.split(), words)
        if slots is None:
            continue
        if kind == "zone_off":
            return VoiceCommand(kind, zone=slots["zone"], text=said, confidence=confidence)
        if kind == "set_level":
            return VoiceCommand(kind, zone=slots["zone"], level=slots["n"], text=said, confidence=confidence)
        return VoiceCommand(kind, seconds=slots["n"] * slots["unit"], text=said, confidence=confidence)
    return VoiceCommand("none", text=said, confidence=0.0) if said else NONE


def _alternatives(items) -> str:
    return "(" + " | ".join(items) + ")"


WAKE = "hey hearth"


def jsgf(name: str = "hearth", *, wake: bool = False) -> str:
    """The JSGF grammar pocketsphinx decodes with, generated from :data:`FIXED` and :data:`PATTERNS`.

    With ``wake``: the wake phrase, alone or followed by a command in the same breath."""
    rules = {
        "zone": _alternatives(_zone_words()),
        "n": _alternatives(NUMBERS),
        "unit": _alternatives(UNITS),
    }
    commands = list(FIXED) + [p for p, _ in PATTERNS]
    lines = ["#JSGF V1.0;", f"grammar {name};"]
    if wake:
        lines += [f"public <wake> = {WAKE} [<command>];", "<command> = " + _alternatives(commands) + ";"]
    else:
        lines += ["public <command> = " + _alternatives(commands) + ";"]
    lines += [f"<{k}> = {v};" for k, v in rules.items()]
    return "\n".join(lines) + "\n"


def vocabulary() -> set[str]:
    """Every word the grammar can produce (the decoder's dictionary must know each)."""
    words = set(" ".join(FIXED).split()) | set(" ".join(NUMBERS).split()) | set(UNITS)
    for p, _ in PATTERNS:
        words |= {w for w in p.split() if not w.startswith("<")}
    return words


__all__ = ["WAKE", "FIXED", "PATTERNS", "NUMBERS", "UNITS", "MAX_ZONE", "number_words", "normalise", "parse", "jsgf",
           "vocabulary"]
