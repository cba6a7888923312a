"""Speech out, offline: text in English or German to 16-bit mono WAV samples with espeak-ng.

espeak-ng is a separate program (GPL-3.0) that Hearth runs as a tool, the way it would run
``sox``; nothing of it is linked into Hearth, which stays MIT. It works without a network and
ships in Debian (``apt install espeak-ng``). The text goes to it on stdin, never on its command
line, so a step that starts with "-" is spoken, not taken as an option.

No Qt here: the dashboard plays the file this writes (:mod:`kitchen_ui.ui.voice.speaker`),
``kitchen-ui voice say`` keeps it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

LANGS = ("en", "de")
VOICES = {"en": "en-us", "de": "de"}   # American English: the recognizer's model is en-US too
ESPEAK = "espeak-ng"
ESPEAK_ENV = "HEARTH_ESPEAK"         # another espeak-ng binary (tests point it at one that is missing)
TIMEOUT_S = 30.0
MAX_CHARS = 2000                     # a step is a sentence or two; more is a mistake, not speech


class SpeechError(RuntimeError):
    """Speech could not be made; the message says why and what to do."""


@dataclass(frozen=True)
class Speech:
    samples: np.ndarray              # int16, mono
    rate: int                        # samples per second (espeak-ng: 22050)

    @property
    def duration_s(self) -> float:
        return len(self.samples) / self.rate if self.rate else 0.0

    def write(self, path: str | os.PathLike) -> Path:
        """Write a 16-bit mono WAV file (the parent folder must exist)."""
        out = Path(path)
        with wave.open(str(out), "wb") as w:
            w.setnchannels(1)
            w.setsampwidth(2)
            w.setframerate(self.rate)
            w.writeframes(self.samples.astype("<i2").tobytes())
        return out


def check_lang(lang: str) -> str:
    code = (lang or "").strip().lower().split("_")[0].split("-")[0]
    if code not in LANGS:
        raise ValueError(f"speech language {lang!r} is not one of {', '.join(LANGS)}")
    return code


def espeak_path() -> str:
    """The espeak-ng program, or SpeechError saying to install it."""
    name = os.environ.get(ESPEAK_ENV) or ESPEAK
    found = shutil.which(name)
    if found is None:
        raise SpeechError(f"speech needs espeak-ng, which was not found ({name}): "
                          "install espeak-ng (Debian/Ubuntu: apt install espeak-ng)")
    return found


def synthesize(text: str, lang: str = "en", *, words_per_minute: int | None = None) -> Speech:
    """Speak ``text`` in ``lang`` ("en" or "de") into samples; SpeechError names what failed."""
    lang = check_lang(lang)
    text = " ".join(text.split())
    if not text:
        raise SpeechError("there is nothing to say (the text is empty)")
    if len(text) > MAX_CHARS:
        raise SpeechError(f"the text is {len(text)} characters long; at most {MAX_CHARS} are spoken")
    exe = espeak_path()
    with tempfile.TemporaryDirectory(prefix="hearth-say-") as tmp:
        wav = Path(tmp) / "say.wav"
        cmd = [exe, "-v", VOICES[lang], "-w", str(wav), "--stdin"]
        if words_per_minute is not None:
            cmd[1:1] = ["-s", str(int(words_per_minute))]
        try:
            done = subprocess.run(cmd, input=text.encode("utf-8"), capture_output=True, timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            raise SpeechError(f"espeak-ng took longer than {TIMEOUT_S:g} s and was stopped") from None
        except OSError as exc:
            raise SpeechError(f"espeak-ng could not be run: {exc}") from None
        if done.returncode != 0 or not wav.is_file():
            why = done.stderr.decode("utf-8", "replace").strip() or f"exit code {done.returncode}"
            raise SpeechError(f"espeak-ng failed: {why}")
        return read_wav(wav)


def read_wav(path: str | os.PathLike) -> Speech:
    """A 16-bit PCM WAV file as mono samples (channels are averaged)."""
    try:
        with wave.open(str(path), "rb") as w:
            if w.getsampwidth() != 2:
                raise SpeechError(f"{path}: only 16-bit WAV files are read, this one has {8 * w.getsampwidth()} bits")
            rate, channels = w.getframerate(), w.getnchannels()
            data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    except (wave.Error, EOFError) as exc:
        raise SpeechError(f"{path}: not a WAV file ({exc})") from None
    if channels > 1:
        data = data.reshape(-1, channels).mean(axis=1).astype(np.int16)
    return Speech(samples=data.astype(np.int16), rate=rate)


def say_to_file(text: str, path: str | os.PathLike, lang: str = "en", **kwargs: int) -> Speech:
    speech = synthesize(text, lang, **kwargs)
    speech.write(path)
    return speech
