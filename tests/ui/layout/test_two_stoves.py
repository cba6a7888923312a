"""Two stoves in the kiosk at 1024x600 and 1920x1080: the switcher's buttons are large, nothing overlaps,
and each stove's body fits as the single-stove one does."""

from __future__ import annotations

import pytest

from .conftest import geometry_problems, settle, window_rect


@pytest.fixture
def two_stove_rig(qtbot, make_rig):
    from kitchen_ui.ui.multi import MultiStove
    from kitchen_ui.ui.stove_model import StoveModel

    from ..fake_stove import FakeStove

    made = []

    def make(size):
        rig = make_rig(size, kiosk=True)
        other = FakeStove(zones=6)
        model = StoveModel(other)
        other.start()
        multi = MultiStove(rig.window, "Main hob", [("Wok station", model)])
        multi.start()
        made.append((multi, model, other))
        settle(qtbot, rig.window)
        return rig, multi

    yield make
    for multi, model, other in made:
        multi.stop()
        model.close()
        other.stop()


@pytest.mark.parametrize("size", [(1024, 600), (1920, 1080)])
def test_switcher_buttons_are_large_and_nothing_overlaps_on_either_stove(qtbot, two_stove_rig, size):
    rig, multi = two_stove_rig(size)
    window = rig.window
    for index in (0, 1):
        multi.show_stove(index)
        settle(qtbot, window)
        for b in [*multi.buttons, multi.all_stoves_off_button, window.all_off_button]:
            r = window_rect(b, window)
            assert b.isVisible() and r.height() >= 48 and r.width() >= 48, (b.text(), r)
        # the switcher sits between the banners and the body, never over the zone cards
        body = window.bodies.currentWidget()
        assert window_rect(multi.bar, window).bottom() < window_rect(body, window).top()
        assert geometry_problems(window, min_px=48, manual_may_scroll=True) == []
