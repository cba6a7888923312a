"""What the microphone records, as the recognizer gets it: any device format to 16-bit mono."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtMultimedia import QAudioFormat

from kitchen_ui.ui.voice.microphone import to_mono_int16


def fmt(kind, channels):
    f = QAudioFormat()
    f.setSampleRate(48000)
    f.setChannelCount(channels)
    f.setSampleFormat(kind)
    return f


def test_int16_mono_passes_unchanged():
    a = np.array([0, 1000, -32768, 32767], dtype=np.int16)
    assert np.array_equal(to_mono_int16(a.tobytes(), fmt(QAudioFormat.SampleFormat.Int16, 1)), a)


def test_float_stereo_is_averaged_and_scaled():
    a = np.array([[0.5, 0.5], [-1.0, 0.0], [1.0, 1.0]], dtype=np.float32)
    out = to_mono_int16(a.tobytes(), fmt(QAudioFormat.SampleFormat.Float, 2))
    assert out.dtype == np.int16 and list(out) == [16383, -16383, 32767]


@pytest.mark.parametrize("kind, dtype, raw, expected", [
    (QAudioFormat.SampleFormat.UInt8, np.uint8, [128, 255, 0], [0, 32512, -32768]),
    (QAudioFormat.SampleFormat.Int32, np.int32, [65536 * 100, -65536 * 200], [100, -200]),
])
def test_other_sample_formats(kind, dtype, raw, expected):
    out = to_mono_int16(np.array(raw, dtype=dtype).tobytes(), fmt(kind, 1))
    assert list(out) == expected


def test_a_torn_last_frame_is_dropped_not_misread():
    a = np.array([[100, 300], [500, 700]], dtype=np.int16).tobytes() + b"\x01"
    assert list(to_mono_int16(a, fmt(QAudioFormat.SampleFormat.Int16, 2))) == [200, 600]


def test_the_recognizer_settles_only_after_the_command_is_done(qtbot):
    """Settling holds the GIL for ~20 ms: done before the action, it would delay the action."""
    from kitchen_ui.ui.voice.talk import VoiceInput
    from kitchen_ui.voice.commands import VoiceCommand

    order = []

    class Rec:
        def recognize(self, samples, rate):
            order.append("recognize")
            return VoiceCommand("next", text="next", confidence=0.9)

        def settle(self):
            order.append("settle")

    voice_input = VoiceInput(lambda cmd: order.append("act") or cmd, recognizer=Rec)
    try:
        for i in range(2):
            voice_input.hear(np.zeros(16000, np.int16), 16000)
            qtbot.waitUntil(lambda: len(order) == 3 * (i + 1), timeout=3000)
        assert order == ["recognize", "act", "settle"] * 2
    finally:
        voice_input.close()
