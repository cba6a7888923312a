"""The microphone for real: a PulseAudio server whose default input hears what ``paplay`` plays,
and the dashboard's own voice (microphone search, ``QAudioSource`` recording, the always-open
stream, the recognizer, the action on the simulated stove) with nothing faked.

QtMultimedia connects to the sound server once per process, so the cases
(``real_microphone_cases.py``) run in a child pytest that has the server in its environment."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .pulse_server import MISSING, available, pulse_server

pytestmark = pytest.mark.skipif(not available(), reason=MISSING)
CASES = Path(__file__).with_name("real_microphone_cases.py")


def test_push_to_talk_and_the_wake_phrase_through_a_real_sound_server(tmp_path):
    with pulse_server(tmp_path / "pulse") as env:
        env = {**env, "QT_QPA_PLATFORM": "offscreen", "HEARTH_REAL_MIC": "1"}
        res = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
                              str(CASES)], env=env, capture_output=True, text=True, timeout=240,
                             cwd=Path(__file__).resolve().parents[2])
    assert res.returncode == 0, res.stdout[-6000:] + res.stderr[-3000:]
    assert " passed" in res.stdout and "skipped" not in res.stdout, res.stdout[-3000:]
