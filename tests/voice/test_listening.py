"""The always-on listener: utterances cut from a noisy kitchen stream, and only "hey hearth ..." acted on."""

from __future__ import annotations

import numpy as np
import pytest

from kitchen_ui.voice.commands import NONE, VoiceCommand
from kitchen_ui.voice.listening import UtteranceSegmenter, WakeListener

RATE = 16000
rng = np.random.default_rng(7)


def silence(s, level=0.0):
    """Quiet kitchen: a little noise (a fan's hum at ``level`` RMS)."""
    n = int(s * RATE)
    hum = level * np.sqrt(2) * np.sin(2 * np.pi * 100 * np.arange(n) / RATE)
    return hum + rng.normal(0, 3, n)


def voice(s, level=3000.0):
    """Speech-like: a tone with a syllable rhythm."""
    t = np.arange(int(s * RATE)) / RATE
    return level * np.sin(2 * np.pi * 220 * t) * (0.6 + 0.4 * np.abs(np.sin(2 * np.pi * 3 * t)))


def stream(*parts):
    return np.clip(np.concatenate(parts), -32768, 32767).astype(np.int16)


def feed(seg, x, chunk):
    out = []
    for i in range(0, len(x), chunk):
        out += seg.feed(x[i:i + chunk])
    return out


@pytest.mark.parametrize("chunk", [320, 1, 777, 16000])
def test_two_phrases_come_out_as_two_utterances_whatever_the_chunk_size(chunk):
    x = stream(silence(1.0), voice(0.8), silence(1.0), voice(1.5), silence(1.0))
    out = feed(UtteranceSegmenter(), x, chunk)
    assert [round(len(u) / RATE, 1) for u in out] == [1.5, 2.2]      # 0.3 s before, 0.4 s after each
    assert all(u.dtype == np.int16 for u in out)


def test_the_pre_roll_keeps_the_soft_start():
    x = stream(silence(1.0), voice(0.2, 300), voice(0.6), silence(1.0))
    (u,) = feed(UtteranceSegmenter(), x, 320)
    assert np.abs(u[: int(0.5 * RATE)]).max() > 200                  # the quiet onset is in


def test_a_short_pause_inside_a_phrase_does_not_split_it():
    x = stream(silence(1.0), voice(0.5), silence(0.4), voice(0.5), silence(1.0))
    assert len(feed(UtteranceSegmenter(), x, 320)) == 1


def test_a_clatter_is_not_an_utterance():
    x = stream(silence(1.0), voice(0.1, 8000), silence(1.0))
    assert feed(UtteranceSegmenter(), x, 320) == []


def test_fan_hum_is_the_floor_and_speech_over_it_is_heard():
    x = stream(silence(2.0, level=300), voice(1.0) + silence(1.0, level=300), silence(1.5, level=300))
    out = feed(UtteranceSegmenter(), x, 320)
    assert len(out) == 1 and 1.0 < len(out[0]) / RATE < 2.0


def test_a_running_tap_is_dropped_then_learnt_as_noise_and_speech_over_it_is_heard():
    tap = lambda s: rng.normal(0, 400, int(s * RATE))             # noqa: E731
    seg = UtteranceSegmenter()
    x = stream(silence(1.0), tap(20.0))
    assert feed(seg, x, 320) == []                                  # longer than 6 s: not a command
    assert seg.floor > 45
    out = feed(seg, stream(tap(0.5) + 0, voice(1.0) + tap(1.0), tap(1.5)), 320)
    assert len(out) == 1


def test_bad_input_is_refused_clearly():
    with pytest.raises(ValueError, match="16000 Hz"):
        UtteranceSegmenter(rate=48000)
    with pytest.raises(ValueError, match="int16"):
        UtteranceSegmenter().feed(np.zeros(160, dtype=np.float32))


# -- the wake phrase -------------------------------------------------------------------------------

NEXT = VoiceCommand("next", text="next")
ZONE2_OFF = VoiceCommand("zone_off", zone=2, text="zone two off")


class FakeRecognizer:
    """Says what each utterance is, by its first sample (the state machine's test double)."""

    def __init__(self, meaning):
        self.meaning = meaning
        self.calls = []

    def hear_wake(self, samples, rate):
        self.calls.append("hear_wake")
        what = self.meaning[int(samples[0])]
        return (what[0] == "wake", what[1]) if what[0] in ("wake", "other") else (False, NONE)

    def recognize(self, samples, rate):
        self.calls.append("recognize")
        return self.meaning[int(samples[0])][1]


def utt(code):
    return np.full(1600, code, dtype=np.int16)


MEANING = {1: ("wake", NEXT), 2: ("wake", NONE), 3: ("other", NONE), 4: ("cmd", ZONE2_OFF), 5: ("cmd", NONE)}


@pytest.fixture
def listener():
    now = [100.0]
    done, states = [], []
    rec = FakeRecognizer(MEANING)
    w = WakeListener(rec, done.append, clock=lambda: now[0], on_state=states.append)
    return w, rec, done, states, now


def test_wake_phrase_and_command_in_one_breath_is_carried_out(listener):
    w, rec, done, states, _ = listener
    assert w.hear(utt(1)) == NEXT
    assert done == [NEXT] and w.state == "asleep" and states == []


def test_wake_phrase_then_a_command_within_5_s(listener):
    w, rec, done, states, now = listener
    w.hear(utt(2))
    assert w.state == "awake" and states == ["awake"] and done == []
    now[0] += 4.0
    w.hear(utt(4))
    assert done == [ZONE2_OFF] and w.state == "asleep" and states == ["awake", "asleep"]
    assert rec.calls == ["hear_wake", "recognize"]


def test_a_command_without_the_wake_phrase_is_ignored(listener):
    w, rec, done, _, _ = listener
    rec.meaning = {4: ("cmd", ZONE2_OFF)}                 # recognize() would say zone 2 off...
    w.hear(utt(4))
    assert done == [] and rec.calls == ["hear_wake"]      # ...but it is never asked while asleep


def test_a_command_after_the_window_is_ignored(listener):
    w, rec, done, states, now = listener
    w.hear(utt(2))
    now[0] += 5.5
    assert w.check() == "asleep" and states == ["awake", "asleep"]
    w.hear(utt(4))
    assert done == [] and rec.calls == ["hear_wake", "hear_wake"]


def test_awake_then_nothing_recognized_goes_back_to_sleep(listener):
    w, rec, done, _, now = listener
    w.hear(utt(2))
    w.hear(utt(5))
    assert done == [] and w.state == "asleep"
    w.hear(utt(4))                                         # asleep again: needs the wake phrase
    assert done == []


def test_the_window_counts_from_when_the_utterance_ended(listener):
    w, rec, done, _, now = listener
    w.hear(utt(2), at=100.0)
    now[0] = 110.0                                         # recognition was slow; the sound was in time
    w.hear(utt(4), at=104.0)
    assert done == [ZONE2_OFF]
