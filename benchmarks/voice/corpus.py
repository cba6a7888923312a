"""The voice benchmark's corpus: commands and kitchen talk in synthetic voices, some in kitchen noise.

The voices are Flite's (Debian's ``flite``, a BSD-style licence): slt, awb, rms and kal16 are
built from recordings of four people, so they sound more like a cook than espeak-ng's formant
voice, which the model hears badly (the ``robot`` set measures that, apart from the targets).

Two disjoint sets from the same phrase lists: ``train`` (to tune the recognizer's rejection
thresholds) and ``test`` (to measure them). They differ in voices, speaking rates, numbers and
noise; no sentence that is not a command is in both. Each utterance is stored as a WAV at 16, 22.05
or 44.1 kHz (some stereo) under ``benchmarks/voice/.cache/<set>/`` with a ``manifest.json`` of
what it should be recognized as; a cached set is reused.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kitchen_ui.voice import audio, grammar  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache"

# command templates; {z} a zone 1-6, {n} a number 1-30, {u} minutes/seconds
COMMANDS = ["next", "next step", "back", "go back", "previous", "pause", "resume", "continue", "repeat",
            "say again", "all off", "everything off", "stop everything",
            "zone {z} off", "zone {z} level {n}", "zone {z} to {n}", "timer {n} {u}", "set a timer for {n} {u}"]
# not commands: kitchen talk, some sharing a word or a number with a command. A sentence that
# only contains a command among other words ("next time add more salt") is not one.
NON_COMMANDS = [
    "the soup smells wonderful today", "my friend is coming at seven", "next time add more salt",
    "could you pass me the pepper please", "I think the oven is a bit too hot", "let's have pasta tonight",
    "the kids are back from school", "where did I put the wooden spoon", "this sauce needs more garlic",
    "don't forget to buy some milk", "the onions are getting brown", "how long do potatoes take",
    "we need three more eggs", "the bread looks really good", "turn the radio down a little",
    "who left the fridge open", "I'll chop the carrots now", "dinner is ready in ten minutes",
    "that was a lovely meal", "can you wash the big pot", "the phone is ringing again",
    "put the plates on the table", "is the water boiling yet", "I love the smell of fresh basil",
    "what time is it", "the cat wants to come in", "hello", "thank you", "okay", "hmm let me see",
    "the timer on my phone is broken", "we had fish last friday", "go and ask your father",
    "stop it you two", "I'll be back in a minute", "it needs about twenty minutes more",
    "the pan is still warm", "pass the salt", "good morning everyone", "where are the oven gloves",
    "the recipe says two cups of flour", "shall we eat outside", "level the flour with a knife",
    "my sister called this morning", "it smells like burnt toast", "wow that looks delicious",
    "not yet", "off you go", "turn the light off", "one more minute", "the level is fine",
    "keep stirring", "yes please", "no thanks", "is it done", "see you later",
    "the timer is not working", "zone out for a bit", "put it back in the oven", "all of them",
    "I paused the film", "continue reading the book later",
]
# (engine, voice); the rate is flite's duration stretch (1.2 = slower) or espeak-ng's words a minute
VOICES = {"train": [("flite", "slt"), ("flite", "rms"), ("flite", "kal16")],
          "test": [("flite", "awb"), ("flite", "slt"), ("flite", "kal16"), ("flite", "rms")],
          "robot": [("espeak-ng", "en-us"), ("espeak-ng", "en-gb"), ("espeak-ng", "en-us+f3")]}
RATES = {"train": [0.9, 1.1], "test": [0.8, 1.0, 1.2], "robot": [140, 170]}


def fill(template: str, rng: random.Random) -> str:
    return template.format(z=grammar.number_words(rng.randint(1, grammar.MAX_ZONE)),
                           n=grammar.number_words(rng.randint(1, 30)), u=rng.choice(["minutes", "seconds"]))


def noise(kind: str, n: int, rate: int, rng: np.random.Generator) -> np.ndarray:
    """Kitchen noise: an extractor fan (brown-ish hum), a tap (pink hiss), or clatter (clicks)."""
    white = rng.standard_normal(n).astype(np.float32)
    spectrum = np.fft.rfft(white)
    f = np.fft.rfftfreq(n, 1 / rate)
    f[0] = f[1]
    if kind == "fan":
        x = np.fft.irfft(spectrum / f, n) + 0.3 * np.sin(2 * np.pi * 120 * np.arange(n) / rate)
    elif kind == "tap":
        x = np.fft.irfft(spectrum / np.sqrt(f), n)
    else:                                                  # clatter: decaying bursts on quiet pink noise
        x = 0.2 * np.fft.irfft(spectrum / np.sqrt(f), n)
        for _ in range(max(1, n // rate * 3)):
            at = int(rng.integers(0, max(1, n - rate // 10)))
            burst = rng.standard_normal(rate // 10) * np.exp(-np.arange(rate // 10) / (rate / 150))
            x[at:at + len(burst)] += 8 * burst[:n - at] * np.std(x)
    return (x / (np.std(x) + 1e-12)).astype(np.float32)


def speak(text: str, voice: tuple[str, str], rate: float) -> tuple[np.ndarray, int]:
    engine, name = voice
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "s.wav"
        if engine == "flite":
            cmd = ["flite", "-voice", name, "--setf", f"duration_stretch={rate}", "-t", text, "-o", str(out)]
        else:
            cmd = ["espeak-ng", "-v", name, "-s", str(int(rate)), "-w", str(out), text]
        subprocess.run(cmd, check=True, capture_output=True)
        x, rate = audio.read_wav(out)
    return x[:, 0], rate


def write_wav(path: Path, x: np.ndarray, rate: int) -> None:
    import wave
    pcm = audio.to_int16(x)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1 if pcm.ndim == 1 else pcm.shape[1])
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())


SNR_DB = 15.0
NOISES = ("fan", "tap", "clatter")


def in_noise(x: np.ndarray, rate: int, kind: str, rng: np.random.Generator) -> np.ndarray:
    """``x`` (mono or (frames, channels)) with kitchen noise ``kind`` at :data:`SNR_DB` below its speech."""
    mono = x if x.ndim == 1 else x[:, 0]
    speech_rms = np.sqrt(np.mean(mono[np.abs(mono) > 0.01] ** 2))
    n = noise(kind, len(mono), rate, rng) * speech_rms / 10 ** (SNR_DB / 20)
    return x + (n if x.ndim == 1 else n[:, None])


def below_full_scale(y: np.ndarray) -> np.ndarray:
    return y / max(1.0, float(np.abs(y).max()) / 0.95)


def render(i: int, text: str, voice: tuple[str, str], speed: float, nrng: np.random.Generator,
           stereo: bool = True) -> tuple[np.ndarray, int, str | None]:
    """A set's ``i``-th utterance -> (samples, rate, noise): spoken with a little quiet either
    side, two in five in kitchen noise, at 16, 22.05 or 44.1 kHz, a quarter in stereo."""
    x, rate = speak(text, voice, speed)
    x = np.concatenate([np.zeros(rate // 4, np.float32), x, np.zeros(rate // 4, np.float32)])
    kind = NOISES[i // 5 % 3] if i % 5 in (1, 3) else None
    if kind:
        x = in_noise(x, rate, kind, nrng)
    target = [16000, 22050, 44100][i % 3]
    y = audio.resample(x, rate, target)
    if stereo and i % 4 == 3:
        y = np.stack([y, 0.8 * y], axis=1)
    return below_full_scale(y), target, kind


def build(which: str, seed: int) -> list[dict]:
    """Synthesize one set (cached); -> the manifest entries."""
    out_dir = CACHE / which
    manifest = out_dir / "manifest.json"
    if manifest.exists():
        return json.loads(manifest.read_text())
    out_dir.mkdir(parents=True, exist_ok=True)
    rng, nrng = random.Random(seed), np.random.default_rng(seed)
    voices, rates = VOICES[which], RATES[which]
    templates = COMMANDS * 2 if which == "train" else COMMANDS * 5
    talk = NON_COMMANDS[0::2] if which == "train" else NON_COMMANDS[1::2]     # no sentence in both sets
    items = [(fill(t, rng), True) for t in templates] + [(s, False) for s in talk]
    entries = []
    for i, (text, is_cmd) in enumerate(items):
        y, target, kind = render(i, text, voices[i % len(voices)], rng.choice(rates), nrng)
        name = f"{i:03d}.wav"
        write_wav(out_dir / name, y, target)
        expect = grammar.parse(text) if is_cmd else None
        entries.append({"file": name, "said": text, "noise": kind, "rate": target, "stereo": y.ndim == 2,
                        "expect": expect.to_json() if expect else {"command": "none"}})
    manifest.write_text(json.dumps(entries, indent=1))
    return entries


SETS = ("train", "test", "robot", "human", "wake")


def load(which: str) -> list[dict]:
    if which == "human":
        import human                                        # real recordings, fetched once
        return human.load()
    if which == "wake":
        import wake_set                                     # "hey hearth" and talk like it
        return wake_set.load()
    return build(which, {"train": 1, "test": 2, "robot": 3}[which])


if __name__ == "__main__":
    for w in SETS:
        e = load(w)
        print(w, len(e), "utterances,", sum(x["expect"]["command"] != "none" for x in e), "commands")
