"""Offline command recognition with pocketsphinx 5 (BSD; the en-US model ships inside its wheel).

A JSGF grammar alone forces any sound into a command, so a decoded command must also pass a score
test before it counts. pocketsphinx scores every state against the best-scoring senone of each
frame, so the forced path's acoustic score per frame (``<sil>`` included: speech the grammar could
not place lands there, badly scored) says how far the grammar's best reading falls behind the best
free phone sequence the model could hear. Real commands stay close; kitchen talk squeezed into a
command falls far behind. The threshold was tuned on the benchmark's train set for no false command
there (``benchmarks/voice``); a false command is worse than a missed one, so it errs towards "none".

A second test catches a command said inside a sentence ("next time add more salt" -> "next"): the
command's words must cover enough of the loud frames (within 25 dB of the loudest); the grammar
hides the rest of such a sentence in silence and fillers.

Thread-safety: each thread gets its own decoder (``threading.local``), so the dashboard may call
one :class:`Recognizer` from a worker thread while ``voice recognize`` uses it on the main thread.
"""

from __future__ import annotations

import math
import os
import threading
from pathlib import Path

import numpy as np

from . import audio, grammar
from .commands import NONE, VoiceCommand

# mean log acoustic score per frame (natural log, relative to the best senone) a command needs
MIN_FRAME_SCORE = -3.0
# share of the loud frames the command's words must cover
MIN_COVERAGE = 0.34
_LOUD_DB = 25.0
# the score at which confidence is 0.5 and how steeply it rises around that point
_CONF_MID, _CONF_SCALE = -3.0, 0.35
_SKIP = frozenset({"<s>", "</s>"})
_UNDERFLOW_LOG = -750.0                 # log of a segment score that underflowed to 0.0


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
            # batch CMN: each utterance is normalised on its own, so a result never depends on
            # what the decoder heard before (live CMN carries over from the last utterance)
            cfg = Config(hmm=str(m / "en-us"), dict=str(m / "cmudict-en-us.dict"), lm=None,
                         loglevel="FATAL", cmn="batch", logfn=os.devnull)
            d = Decoder(cfg)
            d.add_jsgf_string("commands", self._jsgf)
            d.activate_search("commands")
            self._local.decoder = d
        return d

    def warm_up(self) -> None:
        """Load the model now (about a second) rather than at the first command."""
        self._decoder()

    def recognize(self, samples: np.ndarray, rate: int) -> VoiceCommand:
        """Samples (int16 or float, mono or (frames, channels), any rate) -> the command heard."""
        pcm = _dither(audio.to_int16(audio.to_mono16k(samples, rate)))
        if len(pcm) < audio.TARGET_RATE // 10:            # under 0.1 s: nothing to hear
            return NONE
        d = self._decoder()
        d.start_utt()
        d.process_raw(pcm.tobytes(), full_utt=True)
        d.end_utt()
        hyp = d.hyp()
        text = hyp.hypstr if hyp is not None else ""
        segments = list(d.seg() or [])
        score = self._frame_score(segments)
        confidence = 1.0 / (1.0 + math.exp(-(score - _CONF_MID) / _CONF_SCALE)) if text else 0.0
        cmd = grammar.parse(text, confidence=confidence)
        if not cmd.is_command:                            # a partial path: the grammar never finished
            return VoiceCommand("none", text=cmd.text, confidence=0.0)
        if score < self.min_frame_score or _coverage(pcm, segments) < self.min_coverage:
            return VoiceCommand("none", text=cmd.text, confidence=min(confidence, 0.49))
        return cmd

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


def _dither(pcm: np.ndarray) -> np.ndarray:
    """Add +-2 LSB of fixed noise: exact digital silence (WAV files often start with it) has a log
    spectrum of -inf. Seeded, so the same samples always give the same command."""
    noise = np.random.default_rng(7).integers(-2, 3, len(pcm))
    return np.clip(pcm.astype(np.int32) + noise, -32768, 32767).astype(np.int16)


def _coverage(pcm: np.ndarray, segments) -> float:
    """The share of loud 10 ms frames that fall inside the command's words."""
    n = len(pcm) // 160
    if n == 0:
        return 0.0
    frames = pcm[:n * 160].astype(np.float32).reshape(n, 160)
    energy = 10 * np.log10(np.mean(frames * frames, axis=1) + 1e-3)
    loud = energy > energy.max() - _LOUD_DB
    inside = np.zeros(n, bool)
    for s in segments:
        if s.word not in _SKIP and s.word != "<sil>" and not s.word.startswith(("+", "[")):
            inside[s.start_frame:s.end_frame + 1] = True
    return float((loud & inside).sum()) / max(1, int(loud.sum()))


__all__ = ["Recognizer", "MIN_FRAME_SCORE", "MIN_COVERAGE", "model_dir"]
