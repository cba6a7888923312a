"""Steady kitchen noise is turned down before recognition, and the speech is kept."""

from __future__ import annotations

import numpy as np

from kitchen_ui.voice.denoise import reduce_noise

RATE = 16000


def pink(n: int, rng: np.random.Generator) -> np.ndarray:
    spectrum = np.fft.rfft(rng.standard_normal(n))
    f = np.fft.rfftfreq(n, 1 / RATE)
    f[0] = f[1]
    x = np.fft.irfft(spectrum / np.sqrt(f), n)
    return (x / x.std()).astype(np.float32)


def test_a_hiss_is_turned_down_gently_and_a_voiced_sound_in_it_is_kept():
    rng = np.random.default_rng(3)
    n = 2 * RATE
    t = np.arange(n) / RATE
    voice = np.zeros(n, np.float32)
    word = slice(int(0.7 * RATE), int(1.2 * RATE))             # half a second of a "vowel"
    voice[word] = 0.3 * (np.sin(2 * np.pi * 220 * t[word]) + 0.5 * np.sin(2 * np.pi * 660 * t[word]))
    noise = 0.3 * 10 ** (-15 / 20) * pink(n, rng)
    out = reduce_noise(voice + noise)
    assert out.shape == voice.shape and out.dtype == np.float32
    quiet = slice(0, int(0.5 * RATE))
    before_db = 10 * np.log10(np.mean((voice + noise)[quiet] ** 2))
    after_db = 10 * np.log10(np.mean(out[quiet] ** 2))
    assert before_db - after_db > 1.5             # gently: the hiss alone drops (strong subtraction hurts)
    kept = np.mean(out[word] ** 2) / np.mean(voice[word] ** 2)
    assert 0.7 < kept < 1.3                                      # the vowel is still there, not boosted


def test_a_clip_too_short_to_measure_noise_in_is_left_as_it_is():
    x = np.linspace(-0.5, 0.5, 600, dtype=np.float32)
    assert np.array_equal(reduce_noise(x), x)
