"""Issue 12: the push-to-talk buttons are finger-sized and never move when a notice comes or goes.

The kiosk's button sits in the header, the cooking view's at the left of its controls. The same
notice states as tests/ui/layout/test_notice_walk.py are walked at the three screen sizes with a
recipe cooking; each button must stay where and as large as it was, and nothing may overlap.
"""

from __future__ import annotations

import pytest

from ..recipes.conftest import PAN, recipe
from .conftest import SIZES, geometry_problems, settle, window_rect
from .test_notice_walk import STATES

LONG = [{"id": "fry", "text": "Fry the onions slowly until soft and golden, stirring now and then",
         "pot": "pan", "setting": {"mode": "level", "level": 5}, "duration_s": 900}]


def with_voice(qtbot, rig, tmp_path):
    from kitchen_ui.ui.settings import open_settings
    from kitchen_ui.ui.voice import DashboardVoice

    settings = rig.kiosk.settings if rig.kiosk is not None else open_settings(tmp_path / "voice.ini")
    settings.set_voice_on(rig.kiosk is not None, True)
    voice = DashboardVoice(rig.window, settings, kiosk=rig.kiosk, microphone=lambda: (None, "no microphone was found"))
    rig.kitchen.start_recipe(recipe(LONG, [PAN]))
    settle(qtbot, rig.window)
    return voice


def talk_buttons(voice):
    return {name: b for name, b in (("cooking", voice.cooking_button), ("header", voice.header_button))
            if b is not None}


@pytest.mark.xvfb
@pytest.mark.parametrize("kiosk", [False, True], ids=["desktop", "kiosk"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_talk_buttons_stay_put_and_whole_in_every_notice_state(qtbot, make_rig, tmp_path, size, kiosk):
    rig = make_rig(size, kiosk=kiosk)
    voice = with_voice(qtbot, rig, tmp_path)
    window = rig.window
    buttons = talk_buttons(voice)
    assert set(buttons) == ({"cooking", "header"} if kiosk else {"cooking"})
    min_px = 48 if kiosk else 0
    assert geometry_problems(window, min_px) == []
    normal = {n: window_rect(b, window) for n, b in buttons.items()}
    for n, b in buttons.items():
        assert b.isVisible() and b.height() >= 48, n
    try:
        for state, apply in STATES.items():
            undo = apply(rig)
            settle(qtbot, window)
            assert geometry_problems(window, min_px) == [], state
            moved = {n: (normal[n], window_rect(b, window)) for n, b in buttons.items()
                     if window_rect(b, window) != normal[n]}
            assert moved == {}, f"{state}: the talk button moved: {moved}"
            undo()
            settle(qtbot, window)
        rig.kitchen.cooking.show_message("Heard “zone two level six”: Zone 2, level 6.")   # what voice shows
        settle(qtbot, window)
        moved = {n: (normal[n], window_rect(b, window)) for n, b in buttons.items() if window_rect(b, window) != normal[n]}
        assert moved == {}, f"what was heard: the talk button moved: {moved}"
    finally:
        voice.close()
