"""End to end with real speech: Flite's "hey hearth, next" in a continuous stream, cut by the
segmenter in 20 ms chunks and judged by the real recognizer's ``hear_wake``."""

from __future__ import annotations

import shutil
import subprocess

import numpy as np
import pytest

from kitchen_ui.voice.audio import read_wav, to_int16, to_mono16k
from kitchen_ui.voice.listening import UtteranceSegmenter, WakeListener
from kitchen_ui.voice.recognizer import Recognizer

pytestmark = pytest.mark.skipif(shutil.which("flite") is None, reason="flite is not installed (.ci/run installs it)")
RATE = 16000
rng = np.random.default_rng(12)


def said(tmp_path, words):
    out = tmp_path / "said.wav"
    subprocess.run(["flite", "-voice", "slt", "-t", words, "-o", str(out)], check=True)
    samples, rate = read_wav(out)
    return to_int16(to_mono16k(samples, rate)).astype(np.float64)


def quiet(s):
    return np.zeros(int(s * RATE))


def run(parts):
    x = np.clip(np.concatenate(parts), -32768, 32767).astype(np.int16)
    seg = UtteranceSegmenter()
    heard = []
    listener = WakeListener(Recognizer(), heard.append, clock=lambda: seg.samples_seen / RATE)
    for i in range(0, len(x), RATE // 50):
        for u in seg.feed(x[i:i + RATE // 50]):
            listener.hear(u, at=seg.samples_seen / RATE)
    return [(c.kind, c.zone) for c in heard]


def test_hey_hearth_next_in_one_breath(tmp_path):
    assert run([quiet(1.0), said(tmp_path, "hey hearth, next"), quiet(1.5)]) == [("next", None)]


def test_hey_hearth_then_a_pause_then_zone_two_off(tmp_path):
    parts = [quiet(1.0), said(tmp_path, "hey hearth"), quiet(1.5), said(tmp_path, "zone two off"), quiet(1.5)]
    assert run(parts) == [("zone_off", 2)]


def test_kitchen_talk_and_a_bare_command_do_nothing(tmp_path):
    parts = [quiet(1.0), said(tmp_path, "the soup smells wonderful today"), quiet(1.5),
             said(tmp_path, "zone two off"), quiet(1.5)]
    assert run(parts) == []
