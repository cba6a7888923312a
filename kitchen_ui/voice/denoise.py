"""Gentle spectral subtraction before recognition: a kitchen's steady noise (extractor fan, running
tap) drowns short commands ("next", "back") that the model hears clearly once it is turned down.

The noise spectrum is the mean of the quietest fifth of the utterance's frames (push to talk leaves
a little room before and after the words). Only that much is subtracted, and no bin falls below a
tenth of its power: strong subtraction leaves "musical noise" the model hears as phones. Impulsive
clatter is not steady and is left alone. numpy only, about 1 ms a second of sound.
"""

from __future__ import annotations

import numpy as np

FRAME, HOP = 512, 256            # 32 ms frames at 16 kHz, half overlapping
OVERSUBTRACT = 1.0
FLOOR = 0.1                      # the least share of a bin's power that is kept
QUIET_SHARE = 0.2


def reduce_noise(x: np.ndarray) -> np.ndarray:
    """float32 mono samples at 16 kHz -> the same length with the steady noise turned down."""
    x = np.asarray(x, np.float32)
    if len(x) < 2 * FRAME:
        return x
    window = np.hanning(FRAME).astype(np.float32)
    padded = np.concatenate([np.zeros(FRAME, np.float32), x, np.zeros(FRAME, np.float32)])
    frames = np.lib.stride_tricks.sliding_window_view(padded, FRAME)[::HOP] * window
    spectrum = np.fft.rfft(frames, axis=1)
    power = np.abs(spectrum) ** 2
    energy = power.sum(axis=1)
    quiet = np.argsort(energy)[:max(1, int(len(energy) * QUIET_SHARE))]
    noise = power[quiet].mean(axis=0)
    gain = np.sqrt(np.maximum(1.0 - OVERSUBTRACT * noise / (power + 1e-12), FLOOR))
    cleaned = np.fft.irfft(spectrum * gain, FRAME, axis=1) * window
    out = np.zeros(len(padded), np.float32)
    weight = np.zeros(len(padded), np.float32)
    for i, frame in enumerate(cleaned):              # overlap-add, normalised by the window's sum
        out[i * HOP:i * HOP + FRAME] += frame
        weight[i * HOP:i * HOP + FRAME] += window * window
    return (out / np.maximum(weight, 1e-3))[FRAME:FRAME + len(x)]


__all__ = ["reduce_noise"]
