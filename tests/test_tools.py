"""The hand-run tools in tools/: what they make is what the app ships, and the app never loads them."""

from __future__ import annotations

import ast
import importlib.util
import subprocess
import sys
import wave
from pathlib import Path

import numpy as np

from kitchen_ui.resources import resource_path

TOOLS = Path(__file__).resolve().parents[1] / "tools"


def test_the_shipped_chime_is_the_one_the_tool_makes_and_plays_anywhere(tmp_path):
    out = tmp_path / "alert.wav"
    res = subprocess.run([sys.executable, str(TOOLS / "alert_chime.py"), str(out)],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    shipped = resource_path("sounds", "alert.wav")
    assert out.read_bytes() == shipped.read_bytes()
    with wave.open(str(shipped), "rb") as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate()) == (1, 2, 44_100)
        frames = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    assert 0.5 < len(frames) / 44_100 < 1.5 and np.abs(frames).max() > 20000    # short and loud


def test_the_chime_generator_is_not_part_of_the_app():
    assert importlib.util.find_spec("kitchen_ui.ui.recipes.chime") is None
    for f in (Path(__file__).resolve().parents[1] / "kitchen_ui").rglob("*.py"):
        for node in ast.walk(ast.parse(f.read_text())):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                assert not any("chime" in n for n in names), f"{f} imports {names}"
