"""Small parts: the stove clock for a network stove, quantities, the sound fallback."""

from __future__ import annotations

import pytest

from kitchen_ui.core.clock import ManualClock
from kitchen_ui.core.model import StoveState
from kitchen_ui.recipes.run_state import ActiveStep, Phase
from kitchen_ui.recipes.stove_clock import TelemetryClock, clock_for
from kitchen_ui.ui.recipes.cooking_view import big_and_state
from kitchen_ui.recipes.ingredients import kitchen_quantity

from ..fake_stove import FakeStove


class Wall:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def test_a_network_stoves_time_follows_its_telemetry_at_its_own_speed():
    wall = Wall()
    clock = TelemetryClock(wall=wall, max_gap_s=2.0)
    assert clock.now() == 0.0                                   # nothing heard yet
    for i in range(20):                                         # a simulator at 60x: 6 s each 0.1 s
        clock.observe(StoveState(t=500.0 + 6.0 * i, zones=()))
        wall.t += 0.1
    assert clock.rate == pytest.approx(60.0, rel=0.05)
    last = 500.0 + 6.0 * 19
    assert clock.now() == pytest.approx(last + 6.0, rel=0.01)   # 0.1 s later: 6 s on
    wall.t += 10.0                                              # the stove went quiet
    assert clock.now() == pytest.approx(last + 2.1 * clock.rate, rel=0.01)   # carried at most 2 s
    held = clock.now()
    clock.observe(StoveState(t=last + 1.0, zones=()))           # a late message: never backwards
    assert clock.now() >= held


def test_a_stove_that_restarts_from_zero_does_not_send_the_clock_back():
    wall = Wall()
    clock = TelemetryClock(wall=wall)
    clock.observe(StoveState(t=900.0, zones=()))
    before = clock.now()
    wall.t += 0.1
    clock.observe(StoveState(t=0.5, zones=()))
    wall.t += 0.1
    clock.observe(StoveState(t=0.6, zones=()))
    assert before <= clock.now() < before + 1.0


def test_the_engine_clock_is_the_stoves_own_or_one_read_from_telemetry(sim_stove):
    assert clock_for(sim_stove) is sim_stove.clock
    fake = FakeStove()
    fake.start()
    clock = clock_for(fake)
    assert isinstance(clock, TelemetryClock)
    fake.push(dt=30.0)
    assert clock.now() >= fake.t
    clock.close()


@pytest.mark.parametrize("q, words", [(400, "400"), (133.333, "133"), (1.5, "1½"), (0.25, "¼"), (2 / 3, "⅔"),
                                      (3.0, "3"), (2.95, "3"), (0.05, "0.05"), (12.5, "12½")])
def test_quantities_read_the_way_a_cook_measures(q, words):
    assert kitchen_quantity(q) == words


def test_without_an_audio_device_the_alert_falls_back_to_a_beep(qtbot, monkeypatch):
    from kitchen_ui.ui.recipes import alerts

    monkeypatch.setattr(alerts, "_audio_server_likely", lambda: False)
    sound = alerts.AlertSound(enabled=True)
    assert sound.backend == "beep" and sound.reason
    sound.play()
    sound.play()
    assert sound.played == 2
    quiet = alerts.AlertSound(enabled=False)
    quiet.play()
    assert quiet.played == 0 and quiet.backend == "off"
    monkeypatch.setenv(alerts.SOUND_ENV, "off")
    assert alerts.AlertSound().enabled is False


def test_the_sound_backend_chosen_here_never_fails(qtbot):
    from kitchen_ui.ui.recipes.alerts import AlertSound

    sound = AlertSound(enabled=True)                            # whatever this machine has
    assert sound.backend in ("soundeffect", "beep")
    sound.play()
    assert sound.played == 1


def _step(**kw):
    base = dict(index=0, id="s", text="Boil", phase=Phase.HEATING, pot="pot", pot_label="Pot", zone=0,
                zone_name="front-left", setting="boost", duration_s=None, elapsed_s=0.0, remaining_s=None,
                temp_c=54.4, target_c=98.0, eta_s=220.0, confirm="")
    base.update(kw)
    return ActiveStep(**base)


def test_heating_steps_say_when_they_will_be_ready():
    assert big_and_state(_step()) == ("54 °C", "→ 98 °C · boils in ~3:40")
    assert big_and_state(_step(target_c=180.0, eta_s=75.0)) == ("54 °C", "→ 180 °C · there in ~1:15")
    assert big_and_state(_step(eta_s=None)) == ("54 °C", "→ 98 °C · heating up")
    assert big_and_state(_step(phase=Phase.RUNNING, remaining_s=539.2, duration_s=540.0, temp_c=None)) == (
        "8:59", "left")
    assert big_and_state(_step(phase=Phase.PROMPT))[0] == "Your turn"


def test_a_step_heating_back_up_says_what_is_left_of_its_timer():
    assert big_and_state(_step(target_c=220.0, eta_s=75.0, remaining_s=120.0, duration_s=180.0)) == (
        "54 °C", "→ 220 °C · there in ~1:15 · then 2:00 to go")
