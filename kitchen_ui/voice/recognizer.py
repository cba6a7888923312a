"""Offline command recognition with pocketsphinx 5 (BSD; the en-US model ships inside its wheel).

A JSGF grammar alone forces any sound into a command, and a false command is worse than a missed
one, so a command must pass three tests after the grammar pass has read it:

1. **Fit.** pocketsphinx scores every state against the best-scoring senone of each frame, so the
   grammar path's mean acoustic score per frame says how far its reading falls behind the best
   the model could hear. Kitchen talk squeezed into a command falls far behind.
2. **Coverage.** The command's words must cover enough of the loud frames: a command said inside a
   sentence ("next time add more salt") leaves the rest of the sentence in silence and fillers.
3. **Check pass.** The same sound is decoded again with a language model in which the commands
   of the kind the grammar heard ("zone N off", say) compete with the 1,000 most frequent English
   words (:mod:`.language_model`). The command stands only if that pass, too, heard a command of
   that kind or a piece of one, and nothing else, with a word in common: "okay" is heard as
   "okay" there, though the grammar could only make it "go back". One model per kind, because
   in one model for all commands the many number words crowd the short commands out.

Before decoding, steady kitchen noise is turned down (:mod:`.denoise`). The thresholds were tuned
on the benchmark's train set (``benchmarks/voice``) for no false command there.

Same sound, same answer: pocketsphinx's fast Gaussian selection starts each utterance from the
last frames of the one before, so a borderline result ("level thirty" or "thirteen") could
depend on what was heard earlier. Each decoder is therefore *settled* on a second of hiss and
quiet before it hears anything: at load time, and after every utterance (:meth:`Recognizer.settle`,
about 20 ms, which the dashboard runs while it acts on the command; otherwise the next call does
it first). What is left of the history moves a confidence in its third decimal, no more.

Thread-safety: each thread gets its own decoder (``threading.local``), so the dashboard may call
one :class:`Recognizer` from a worker thread while ``voice recognize`` uses it on the main thread.
"""

from __future__ import annotations

import math
import os
import tempfile
import threading
from pathlib import Path

import numpy as np

from . import audio, grammar, language_model
from .commands import NONE, VoiceCommand
from .denoise import reduce_noise

# mean log acoustic score per frame (natural log, relative to the best senone) a command needs
MIN_FRAME_SCORE = -3.5
# share of the loud frames the command's words must cover
MIN_COVERAGE = 0.34
_LOUD_DB = 25.0
# the score at which confidence is 0.5 and how steeply it rises around that point
_CONF_MID, _CONF_SCALE = -3.5, 0.35
_SKIP = frozenset({"<s>", "</s>"})
_UNDERFLOW_LOG = -750.0                 # log of a segment score that underflowed to 0.0
_FRAME = audio.TARGET_RATE // 100       # samples in one 10 ms frame
# search limits, for <= 300 ms after a long utterance on a 2-core machine: at most 5000 active
# HMMs per frame, and the 3 best Gaussians per frame (the model's default is 4; 2 loses commands)
_SEARCH = {"maxhmmpf": 5000, "topn": 3}


def model_dir() -> Path:
    """The en-US model inside the pocketsphinx wheel (or next to a frozen bundle's copy)."""
    import pocketsphinx
    return Path(pocketsphinx.get_model_path()) / "en-us"


class Recognizer:
    """``recognize(samples, rate) -> VoiceCommand``: a command from the grammar, or ``none``."""

    def __init__(self, min_frame_score: float = MIN_FRAME_SCORE, min_coverage: float = MIN_COVERAGE) -> None:
        self.min_frame_score = min_frame_score
        self.min_coverage = min_coverage
        self._local = threading.local()
        self._jsgf = grammar.jsgf()

    def _decoder(self):
        d = getattr(self._local, "decoder", None)
        if d is None:
            from pocketsphinx import Config, Decoder
            m = model_dir()
            # batch CMN: each utterance is normalised on its own (live CMN carries over from the
            # last utterance); what else carries over is settled below
            cfg = Config(hmm=str(m / "en-us"), dict=str(m / "cmudict-en-us.dict"), lm=None,
                         loglevel="FATAL", cmn="batch", logfn=os.devnull, **_SEARCH)
            d = Decoder(cfg)
            d.add_jsgf_string("commands", self._jsgf)
            d.add_jsgf_string("wake", grammar.jsgf(wake=True))
            checks = {f"check_{kind}": phrases for kind, phrases in _BY_KIND.items()}
            checks["wake_check"] = language_model.wake_phrases()
            with tempfile.TemporaryDirectory(prefix="hearth-voice-") as tmp:
                for name, phrases in checks.items():
                    path = Path(tmp) / f"{name}.arpa"
                    path.write_text(language_model.arpa(phrases), "utf-8")
                    d.add_lm_file(name, str(path))
            self._local.decoder = d
            self._local.settled = False
        if not self._local.settled:
            _decode(d, "commands", _SETTLE)
            self._local.settled = True
        return d

    def settle(self) -> None:
        """Bring this thread's decoder back to its resting state after an utterance (about 20 ms),
        so the next result does not depend on this one. Cheap to call when already settled."""
        self._decoder()

    def _used(self) -> None:
        self._local.settled = False

    def warm_up(self) -> None:
        """Load the model and the check models now (about two seconds), not at the first command."""
        self._decoder()

    def recognize(self, samples: np.ndarray, rate: int) -> VoiceCommand:
        """Samples (int16 or float, mono or (frames, channels), any rate) -> the command heard."""
        pcm = _prepare(samples, rate)
        if pcm is None:
            return NONE
        d = self._decoder()
        self._used()
        text, segments = _decode(d, "commands", pcm)
        score = self._frame_score(segments)
        confidence = _confidence(score) if text else 0.0
        cmd = grammar.parse(text, confidence=confidence)
        if not cmd.is_command:                            # a partial path: the grammar never finished
            return VoiceCommand("none", text=cmd.text, confidence=0.0)
        if not self._fits(pcm, segments, score) or not _confirms(
                _decode(d, f"check_{cmd.kind}", pcm)[0].split(), cmd):
            return VoiceCommand("none", text=cmd.text, confidence=min(confidence, 0.49))
        return cmd

    def hear_wake(self, samples: np.ndarray, rate: int) -> tuple[bool, VoiceCommand]:
        """Was this "hey hearth", alone or with a command in the same breath?

        -> (True, the command) or (True, NONE) for the wake phrase alone; (False, NONE) otherwise.
        The wake phrase passes the same three tests as a command; its check pass must hear
        "hey hearth" followed by nothing or by command words only."""
        pcm = _prepare(samples, rate)
        if pcm is None:
            return False, NONE
        d = self._decoder()
        self._used()
        text, segments = _decode(d, "wake", pcm)
        words = grammar.normalise(text)
        score = self._frame_score(segments)
        if words[:2] != language_model.WAKE or not self._fits(pcm, segments, score):
            return False, NONE
        checked = _decode(d, "wake_check", pcm)[0].split()
        if checked[:2] != language_model.WAKE:
            return False, NONE
        rest = " ".join(words[2:])
        cmd = grammar.parse(rest, confidence=_confidence(score)) if rest else NONE
        if cmd.is_command and (_confirms(checked[2:], cmd) or self._confirms_after_wake(d, pcm, segments, cmd)):
            return True, cmd
        # the wake phrase alone: the check pass heard nothing after it but command words
        # ("the hearth is warm tonight" is heard as "hey hearth is four to nineteen" there)
        if checked[2:] and " ".join(checked[2:]) not in _ANY_PIECE:
            return False, NONE
        return True, NONE

    @staticmethod
    def _confirms_after_wake(d, pcm: np.ndarray, segments, cmd: VoiceCommand) -> bool:
        """Check the sound after "hearth" with ``cmd``'s own kind's model, as a bare command is:
        in the wake phrase's model, which holds every command, the number words crowd it out."""
        end = next((s.end_frame for s in segments if s.word == language_model.WAKE[1]), None)
        if end is None or len(pcm) - (end + 1) * _FRAME < audio.TARGET_RATE // 10:
            return False
        return _confirms(_decode(d, f"check_{cmd.kind}", pcm[(end + 1) * _FRAME:])[0].split(), cmd)

    def _fits(self, pcm: np.ndarray, segments, score: float) -> bool:
        return score >= self.min_frame_score and _coverage(pcm, segments) >= self.min_coverage

    def recognize_file(self, path: str | Path) -> VoiceCommand:
        """A WAV file -> the command; :class:`audio.AudioError` naming the file if it is not one."""
        x, rate = audio.read_wav(path)
        return self.recognize(x, rate)

    @staticmethod
    def _frame_score(segments) -> float:
        total, frames = 0.0, 0
        for s in segments:
            if s.word in _SKIP:
                continue
            total += math.log(s.ascore) if s.ascore > 0 else _UNDERFLOW_LOG
            frames += s.end_frame - s.start_frame + 1
        return total / frames if frames else -math.inf


def _prepare(samples: np.ndarray, rate: int) -> np.ndarray | None:
    """Any samples -> 16 kHz mono int16 with steady noise turned down, or None if too short to hear."""
    x = audio.to_mono16k(samples, rate)
    if len(x) < audio.TARGET_RATE // 10:                 # under 0.1 s: nothing to hear
        return None
    return _dither(audio.to_int16(reduce_noise(x)))


def _decode(d, search: str, pcm: np.ndarray) -> tuple[str, list]:
    """Decode the whole utterance with one search -> (words, segments)."""
    d.activate_search(search)
    d.start_utt()
    d.process_raw(pcm.tobytes(), full_utt=True)
    d.end_utt()
    hyp = d.hyp()
    return (hyp.hypstr if hyp is not None else ""), list(d.seg() or [])


def _confidence(score: float) -> float:
    return 1.0 / (1.0 + math.exp(-(score - _CONF_MID) / _CONF_SCALE))


def _phrases_by_kind() -> dict[str, list[list[str]]]:
    kinds: dict[str, list[list[str]]] = {}
    for ph in language_model.command_phrases():
        kinds.setdefault(grammar.parse(" ".join(ph)).kind, []).append(ph)
    return kinds


def _pieces(phrases: list[list[str]]) -> frozenset[str]:
    return frozenset(" ".join(ph[i:j]) for ph in phrases
                     for i in range(len(ph)) for j in range(i + 1, len(ph) + 1))


_BY_KIND = _phrases_by_kind()
_PIECES = {kind: _pieces(phrases) for kind, phrases in _BY_KIND.items()}
_ANY_PIECE = frozenset().union(*_PIECES.values())


def _confirms(words: list[str], cmd: VoiceCommand) -> bool:
    """The check pass heard a command of ``cmd``'s kind or a piece of one ("zone five") and
    nothing else, sharing a word with ``cmd``: a jumble of command words ("zone for go to five
    to") is talk the check pass could only spell that way, and "okay" heard as "again" does not
    confirm "continue"."""
    return (" ".join(words) in _PIECES.get(cmd.kind, ())
            and bool(set(words) & set(cmd.text.split())))


def _dither(pcm: np.ndarray) -> np.ndarray:
    """Add +-2 LSB of fixed noise: exact digital silence (WAV files often start with it) has a log
    spectrum of -inf. Seeded, so the same samples always give the same command."""
    noise = np.random.default_rng(7).integers(-2, 3, len(pcm))
    return np.clip(pcm.astype(np.int32) + noise, -32768, 32767).astype(np.int16)


# what a decoder settles on: half a second of hiss (it wakes most of the model's codebooks), then quiet
_SETTLE = np.concatenate([(np.random.default_rng(11).standard_normal(8000) * 3000).astype(np.int16),
                          _dither(np.zeros(8000, np.int16))])


def _coverage(pcm: np.ndarray, segments) -> float:
    """The share of loud 10 ms frames that fall inside the command's words."""
    n = len(pcm) // _FRAME
    if n == 0:
        return 0.0
    frames = pcm[:n * _FRAME].astype(np.float32).reshape(n, _FRAME)
    energy = 10 * np.log10(np.mean(frames * frames, axis=1) + 1e-3)
    loud = energy > energy.max() - _LOUD_DB
    inside = np.zeros(n, bool)
    for s in segments:
        if s.word not in _SKIP and s.word != "<sil>" and not s.word.startswith(("+", "[")):
            inside[s.start_frame:s.end_frame + 1] = True
    return float((loud & inside).sum()) / max(1, int(loud.sum()))


__all__ = ["Recognizer", "MIN_FRAME_SCORE", "MIN_COVERAGE", "model_dir"]
