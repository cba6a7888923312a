"""'Boils in ~3:40': predictions from observed heating, checked against what then happens."""

from __future__ import annotations

import math

import pytest

from kitchen_ui.recipes.engine import RecipeEngine
from kitchen_ui.recipes.predict import HeatPredictor, format_eta
from kitchen_ui.recipes.run_state import Phase

from .conftest import cook_until, make_stove, put_vessels, recipe


def feed(p: HeatPredictor, f, t0: float, t1: float, dt: float = 0.1) -> None:
    t = t0
    while t <= t1 + 1e-9:
        p.add(t, f(t))
        t += dt


def test_nothing_is_predicted_before_enough_history():
    p = HeatPredictor()
    feed(p, lambda t: 20 + t, 0, 3)
    assert p.eta(100) is None


def test_a_steady_rise_extrapolates_linearly():
    p = HeatPredictor()
    feed(p, lambda t: 20 + 0.5 * t, 0, 60)
    assert p.eta(100) == pytest.approx((100 - 50) / 0.5, rel=0.02)


def test_an_exponential_approach_is_recognised():
    # T(t) = 150 - 130 e^(-t/300): reaches 100 °C at t = 300 ln(130/50) = 286.6 s
    f = lambda t: 150 - 130 * math.exp(-t / 300)  # noqa: E731
    p = HeatPredictor()
    feed(p, f, 60, 120)
    actual = 300 * math.log(130 / 50) - 120
    assert p.eta(100) == pytest.approx(actual, rel=0.05)
    naive = (100 - f(120)) / ((f(120) - f(90)) / 30)
    assert abs(p.eta(100) - actual) < abs(naive - actual)   # better than a straight line


def test_a_temperature_it_levels_off_below_is_never_promised():
    p = HeatPredictor()
    feed(p, lambda t: 80 - 60 * math.exp(-t / 100), 60, 120)
    assert p.eta(95) is None


def test_cooling_down_to_a_temperature_is_predicted_too():
    p = HeatPredictor()
    feed(p, lambda t: 180 - 0.2 * t, 0, 60)
    assert p.eta(160) == pytest.approx((168 - 160) / 0.2, rel=0.05)


def test_format():
    assert format_eta(220) == "~3:40"
    assert format_eta(3725) == "~1:02:05"
    assert format_eta(None) == ""


@pytest.mark.parametrize("pot, setting", [
    ({"id": "p", "zone": "large", "vessel": {"material": "steel", "mass_kg": 1.5, "contents": "water", "contents_kg": 2.5}},
     {"mode": "target", "temp_c": 100}),
    ({"id": "p", "zone": "medium", "vessel": {"material": "steel", "mass_kg": 1.0, "contents": "water", "contents_kg": 1.0}},
     {"mode": "level", "level": 9, "temp_c": 98}),
    ({"id": "p", "zone": "wok", "vessel": {"material": "cast_iron", "mass_kg": 2.5, "contents": "oil", "contents_kg": 0.05}},
     {"mode": "target", "temp_c": 200}),
])
def test_predictions_on_the_simulator_come_true_within_twenty_percent(pot, setting):
    """At a third and at two thirds of the way, the prediction is within 20 % of the real wait."""
    stove, clock = make_stove()
    e = RecipeEngine(recipe([{"text": "Heat", "pot": "p", "setting": setting, "start": "target"}], [pot]), stove, clock)
    put_vessels(e, stove)
    e.start()
    zone = e.zone_plan["p"]
    start_temp = stove.state.zones[zone].temp_c
    goal = setting["temp_c"]
    checks = []
    for frac in (1 / 3, 2 / 3):
        cook_until(stove, e, lambda: stove.state.zones[zone].temp_c >= start_temp + frac * (goal - start_temp))
        checks.append((clock.now(), e.view().active[0].eta_s))
    cook_until(stove, e, lambda: e.runs[0].phase is not Phase.HEATING)
    reached = clock.now()
    for t, eta in checks:
        assert eta is not None
        assert eta == pytest.approx(reached - t, rel=0.20), (t, eta, reached)
    stove.stop()
