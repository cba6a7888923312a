"""Issue 9, items 1 and 2: notices never take room from manual control, nor move it.

Every state a notice can bring (the resume offer, an observer session, connecting, the link
lost, a fault, a recipe alert, header notices) is walked at the three screen sizes, on the
desktop window and on the kiosk. In each, every visible control must be whole, uncovered and
apart from the others, and every manual control exactly where and as large as it was before the
notice came; after the notice goes, nothing has moved either.
"""

from __future__ import annotations

import pytest

from kitchen_ui.core.model import LinkStatus
from kitchen_ui.recipes.run_state import RunAlert
from kitchen_ui.storage.runs import SavedRun

from .conftest import SIZES, geometry_problems, manual_controls, settle, visible_rect, window_rect

SAVED = SavedRun(run_id="r1", title="Spaghetti al pomodoro with a rather long name, as recipes have",
                 status="running", started_at="2026-12-04T10:00:00+00:00", updated_at="2026-12-04T10:20:00+00:00",
                 current="step 3: Heat the oil in the large pan and fry the garlic until golden")


def _resume(rig):
    rig.kitchen.idle.set_offer(SAVED, True, "")
    return lambda: rig.kitchen.idle.set_offer(None)


def _link(status, role="controller", message=""):
    def apply(rig):
        rig.stove.set_link(status, role, message)
        return lambda: rig.stove.set_link(LinkStatus.ONLINE, "controller")
    return apply


def _fault(rig):
    rig.stove.set_zone(2, fault="sensor_open")
    rig.stove.set_zone(0, fault="overheat")
    rig.stove.push()

    def undo():
        rig.stove.set_zone(2)
        rig.stove.set_zone(0)
        rig.stove.push()
    return undo


def _alert(rig):
    banner = rig.kitchen.banner
    banner.show_alert(RunAlert(t=1.0, kind="cook", warning=True,
                               message="You changed front-left by hand: the recipe paused. Resume to let it set "
                                       "the zones again, or abort the recipe if you are done cooking."))
    return banner.dismiss


def _header_notices(rig):
    for i in range(3):
        rig.window.notices.notify(f"back-right: could not set level {i + 4} — the zone is faulted and refuses "
                                  "commands until the fault clears", "error")
    return rig.window.notices.clear


def _busy_zone(rig):
    """The selected zone holding a temperature with a timer: a long status line in the panel."""
    rig.stove.set_zone(0, mode="target", target_c=185.0, temp_c=120.0, power_w=2300.0, timer_s=3599.0,
                       residual_heat=True)
    rig.stove.push()

    def undo():
        rig.stove.set_zone(0)
        rig.stove.push()
    return undo


def _everything(rig):
    undo = [f(rig) for f in (_resume, _fault, _alert, _header_notices, _link(LinkStatus.LOST, message="timeout"))]
    return lambda: [u() for u in reversed(undo)]


STATES = {
    "resume offer": _resume,
    "observer": _link(LinkStatus.ONLINE, "observer"),
    "connecting": _link(LinkStatus.CONNECTING, None),
    "link lost": _link(LinkStatus.LOST, "controller", "no telemetry for 3 s"),
    "fault banner": _fault,
    "recipe alert banner": _alert,
    "header notices": _header_notices,
    "long zone status": _busy_zone,
    "all at once": _everything,
}


def snapshot(window):
    return {name: window_rect(w, window) for name, w in manual_controls(window).items()}


def walk(qtbot, rig, min_px):
    window = rig.window
    problems = geometry_problems(window, min_px)
    assert problems == [], f"normal: {problems}"
    normal = snapshot(window)
    for name, rect in normal.items():
        w = manual_controls(window)[name]
        assert visible_rect(w, window) == rect, f"{name} is not wholly on screen"
    for state, apply in STATES.items():
        undo = apply(rig)
        settle(qtbot, window)
        problems = geometry_problems(window, min_px)
        assert problems == [], f"{state}: {problems}"
        moved = {n: (normal[n], r) for n, r in snapshot(window).items() if r != normal[n]}
        assert moved == {}, f"{state}: manual controls moved or changed size: {moved}"
        undo()
        settle(qtbot, window)
        moved = {n: (normal[n], r) for n, r in snapshot(window).items() if r != normal[n]}
        assert moved == {}, f"after {state} went: manual controls moved: {moved}"


@pytest.mark.xvfb
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_desktop_window_keeps_manual_control_whole_and_still_in_every_state(qtbot, make_rig, size):
    walk(qtbot, make_rig(size), min_px=0)


@pytest.mark.xvfb
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_kiosk_keeps_manual_control_whole_still_and_finger_sized_in_every_state(qtbot, make_rig, size):
    walk(qtbot, make_rig(size, kiosk=True), min_px=48)


@pytest.mark.xvfb
@pytest.mark.parametrize("height", [575, 440])
def test_a_window_restored_too_short_scrolls_manual_control_and_keeps_its_buttons_whole(qtbot, make_rig, height):
    rig = make_rig((1024, 600))
    window = rig.window
    normal = {n: w.size() for n, w in manual_controls(window).items()}
    window.resize(1024, height)
    settle(qtbot, window)
    undo = _resume(rig)
    settle(qtbot, window)
    scroll = window.side.manual_scroll
    bar = scroll.verticalScrollBar().sizeHint().width()
    for n, w in manual_controls(window).items():      # no shorter; a row shares the scroll bar's width
        assert w.height() == normal[n].height() and w.width() >= normal[n].width() - bar, n
        assert w.height() >= 48
    assert geometry_problems(window, manual_may_scroll=True) == []                 # nor overlaps
    hidden = [n for n, w in manual_controls(window).items() if visible_rect(w, window) != window_rect(w, window)]
    assert bool(hidden) == (height < 575)
    if hidden:                                              # what does not fit is a scroll away
        assert scroll.verticalScrollBar().maximum() > 0
        scroll.ensureWidgetVisible(manual_controls(window)[hidden[-1]])
        settle(qtbot, window)
        w = manual_controls(window)[hidden[-1]]
        assert visible_rect(w, window) == window_rect(w, window)
    undo()
