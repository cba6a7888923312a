from kitchen_ui.core.clock import ManualClock, ScaledClock

import pytest


def test_manual_clock_moves_only_when_told():
    c = ManualClock()
    assert c.now() == 0.0
    c.advance(3600)
    assert c.now() == 3600.0
    with pytest.raises(ValueError):
        c.advance(-1)


def test_scaled_clock_runs_faster_and_changes_speed_without_a_jump():
    wall = [100.0]
    c = ScaledClock(speed=10, wall=lambda: wall[0])
    wall[0] += 2.0
    assert c.now() == pytest.approx(20.0)
    c.set_speed(1.0)
    assert c.now() == pytest.approx(20.0)
    wall[0] += 3.0
    assert c.now() == pytest.approx(23.0)
    with pytest.raises(ValueError):
        c.set_speed(0)
