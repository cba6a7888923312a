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
