"""The ``wake`` set: "hey hearth" with and without a command, commands without it, and talk that
starts like it ("hey, dinner is ready", "heather is coming at seven").

Spoken by the test set's Flite voices and rates, two in five in kitchen noise at 15 dB SNR, at 16,
22.05 and 44.1 kHz, cached in ``benchmarks/voice/.cache/wake/``. Each entry's ``expect`` holds
``woke`` (should the wake phrase be heard) and the command that comes with it (``none`` if none).
"""

from __future__ import annotations

import json
import random

import numpy as np

import corpus
from kitchen_ui.voice import grammar

# talk that begins as the wake phrase does, or has its sounds
NEAR_WAKE = ["hey, the bread looks really good", "hey there", "heather is coming at seven",
             "hey, pass the salt", "the hearth is warm tonight", "hey, dinner is ready",
             "her heart is in it", "hi, how are you", "hello there", "hey kids, come and eat",
             "have a heart", "a healthy breakfast"]


def items(rng: random.Random) -> list[tuple[str, bool, str]]:
    """(said, woke, what follows the wake phrase) for every utterance of the set."""
    out = []
    for template in corpus.COMMANDS * 2:
        cmd = corpus.fill(template, rng)
        out.append((f"hey hearth, {cmd}", True, cmd))
    out += [("hey hearth", True, "")] * 6
    out += [(corpus.fill(t, rng), False, "") for t in corpus.COMMANDS]
    out += [(s, False, "") for s in NEAR_WAKE + corpus.NON_COMMANDS[1::2]]
    return out


def load() -> list[dict]:
    out_dir = corpus.CACHE / "wake"
    manifest = out_dir / "manifest.json"
    if manifest.exists():
        return json.loads(manifest.read_text())
    out_dir.mkdir(parents=True, exist_ok=True)
    rng, nrng = random.Random(5), np.random.default_rng(5)
    voices, rates = corpus.VOICES["test"], corpus.RATES["test"]
    entries = []
    for i, (text, woke, rest) in enumerate(items(rng)):
        y, target, kind = corpus.render(i, text, voices[i % len(voices)], rng.choice(rates), nrng, stereo=False)
        name = f"{i:03d}.wav"
        corpus.write_wav(out_dir / name, y, target)
        follows = grammar.parse(rest).to_json() if rest else {"command": "none"}
        entries.append({"file": name, "said": text, "noise": kind, "rate": target, "stereo": False,
                        "expect": {"woke": woke, **follows}})
    manifest.write_text(json.dumps(entries, indent=1))
    return entries
