#!/usr/bin/env python3
"""Make the alert chime shipped as ``resources/sounds/alert.wav`` (run by hand, not at app time).

Three rising tones (E6, A6, E7 partials over a soft bell envelope) cut through kitchen noise
(extractor fans sit below 1 kHz) without being shrill. It is generated, not recorded, so its
licence is the project's; ``python tools/alert_chime.py [PATH]`` writes it again. The app only plays
the WAV (kitchen_ui.ui.recipes.alerts); it never imports this file.
16-bit mono PCM at 44.1 kHz: every audio back end plays that.
"""

from __future__ import annotations

import sys
import wave
from pathlib import Path

import numpy as np

WAV = Path(__file__).resolve().parents[1] / "resources" / "sounds" / "alert.wav"
RATE = 44_100
NOTES_HZ = (1318.5, 1760.0, 2637.0)
NOTE_S = 0.22
GAP_S = 0.04
PEAK = 0.85


def chime_samples() -> np.ndarray:
    """The chime as int16 samples."""
    parts = []
    for f in NOTES_HZ:
        t = np.arange(int(RATE * NOTE_S)) / RATE
        envelope = np.minimum(1.0, t / 0.005) * np.exp(-t * 9.0)       # 5 ms attack, bell decay
        tone = np.sin(2 * np.pi * f * t) + 0.3 * np.sin(2 * np.pi * 2 * f * t)
        parts += [tone * envelope / 1.3, np.zeros(int(RATE * GAP_S))]
    wave_ = np.concatenate(parts + [np.zeros(int(RATE * 0.1))])
    return np.round(wave_ * PEAK * 32767).astype("<i2")


def write_chime(path: str | Path) -> Path:
    p = Path(path)
    with wave.open(str(p), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(chime_samples().tobytes())
    return p


if __name__ == "__main__":  # pragma: no cover
    print(write_chime(sys.argv[1] if len(sys.argv) > 1 else WAV))
