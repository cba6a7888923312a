"""The bundle (and the .deb built from it) carries pocketsphinx's acoustic model and dictionary,
which the recognizer reads at run time, and leaves out the language models it never loads."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

HOOK = Path(__file__).resolve().parents[2] / "packaging" / "hooks" / "hook-pocketsphinx.py"


def test_the_hook_collects_the_model_the_recognizer_opens():
    pytest.importorskip("PyInstaller")
    from kitchen_ui.voice.recognizer import model_dir

    datas = runpy.run_path(str(HOOK))["datas"]
    shipped = {Path(dest) / Path(src).name for src, dest in datas}
    model = model_dir()
    needed = [model / "cmudict-en-us.dict", *sorted((model / "en-us").iterdir())]
    package_root = model.parents[1]                       # .../site-packages/pocketsphinx
    missing = [str(p) for p in needed if Path("pocketsphinx") / p.relative_to(package_root) not in shipped]
    assert missing == []
    assert not [d for d in shipped if d.name.endswith(".lm.bin")]
