"""The recipe engine on a simulated stove and a manual clock: what a cook would see happen."""

from __future__ import annotations

import pytest

from kitchen_ui.recipes.engine import RecipeEngine, RunError
from kitchen_ui.recipes.run_state import Phase, RunStatus

from .conftest import OIL_PAN, WATER_POT, cook_until, put_vessels, recipe


def engine_for(stove_clock, steps, pots=(), **kw):
    stove, clock = stove_clock
    e = RecipeEngine(recipe(steps, list(pots), **kw), stove, clock)
    put_vessels(e, stove)
    return e, stove, clock


def zone_state(stove, zone):
    stove.pump()
    return stove.state.zones[zone]


def test_a_timed_step_sets_its_zone_and_counts_down_in_stove_time(stove_clock):
    e, stove, clock = engine_for(stove_clock, [
        {"text": "Simmer", "pot": "pot", "setting": {"mode": "level", "level": 5}, "duration_s": 300, "on_end": "off"},
        {"text": "Serve", "on_end": "continue"}], [WATER_POT])
    e.start()
    z = e.zone_plan["pot"]
    assert zone_state(stove, z).mode == "level" and zone_state(stove, z).level == 5
    stove.advance(120)
    (active,) = e.view().active
    assert active.remaining_s == pytest.approx(180)
    assert active.zone_name == stove.info.zones[z].name and active.setting == "level 5"
    stove.advance(181)
    assert e.status is RunStatus.COMPLETED
    assert zone_state(stove, z).mode == "off"


def test_target_start_waits_for_the_zone_then_runs_the_timer(stove_clock):
    e, stove, clock = engine_for(stove_clock, [
        {"text": "Boil", "pot": "pot", "setting": {"mode": "target", "temp_c": 100}, "start": "target",
         "duration_s": 60, "on_end": "off"}], [WATER_POT])
    e.start()
    assert e.runs[0].phase is Phase.HEATING
    stove.advance(30)
    assert e.view().active[0].remaining_s is None          # no countdown while heating
    reached_at = cook_until(stove, e, lambda: e.runs[0].phase is Phase.RUNNING)
    assert stove.state.zones[e.zone_plan["pot"]].temp_c >= 98
    assert e.runs[0].started_t == reached_at
    cook_until(stove, e, lambda: e.status is RunStatus.COMPLETED)
    assert clock.now() == pytest.approx(reached_at + 60, abs=1.0)


def test_confirm_start_touches_no_zone_until_the_cook_says_so(stove_clock):
    prompts = []
    e, stove, clock = engine_for(stove_clock, [
        {"text": "Add the pasta", "pot": "pot", "setting": {"mode": "level", "level": 7}, "duration_s": 60,
         "start": "confirm", "on_end": "off"}], [WATER_POT])
    e.prompt.connect(lambda i, text: prompts.append((i, text)))
    e.start()
    z = e.zone_plan["pot"]
    stove.advance(600)
    assert prompts == [(0, "Start: Add the pasta")]
    assert e.view().active[0].confirm == "Start: Add the pasta"
    assert zone_state(stove, z).mode == "off"
    e.confirm()
    assert zone_state(stove, z).level == 7
    stove.advance(61)
    assert e.status is RunStatus.COMPLETED


def test_pasta_boils_while_the_sauce_simmers(stove_clock):
    """Two pots on two zones at once; the last step waits for both."""
    e, stove, clock = engine_for(stove_clock, [
        {"id": "oil", "text": "Heat the oil", "pot": "pan", "setting": {"mode": "target", "temp_c": 150}, "start": "target"},
        {"id": "sauce", "text": "Simmer the sauce", "pot": "pan", "setting": {"mode": "target", "temp_c": 95},
         "duration_s": 1500, "on_end": "keep_warm"},
        {"id": "water", "text": "Boil the water", "pot": "pot", "setting": {"mode": "target", "temp_c": 100},
         "start": "target", "after": ["oil"]},
        {"id": "pasta", "text": "Cook the pasta", "pot": "pot", "setting": {"mode": "level", "level": 6},
         "duration_s": 540, "on_end": "off"},
        {"id": "serve", "text": "Toss and serve", "after": ["pasta", "sauce"]}], [WATER_POT, OIL_PAN])
    e.start()
    zp, zs = e.zone_plan["pot"], e.zone_plan["pan"]
    assert zp != zs
    cook_until(stove, e, lambda: e.runs[3].phase is Phase.RUNNING)      # pasta is in
    both = {a.id for a in e.view().active}
    assert both == {"sauce", "pasta"}
    pasta, sauce = zone_state(stove, zp), zone_state(stove, zs)
    assert pasta.mode == "level" and pasta.level == 6
    assert sauce.mode == "target" and sauce.target_c == 95
    cook_until(stove, e, lambda: e.runs[3].phase.ended)
    assert e.runs[4].phase is Phase.PENDING                              # the sauce still simmers
    assert [n for n, _ in e.view().next] == [4]
    cook_until(stove, e, lambda: e.runs[4].phase is Phase.FINISHING)
    e.confirm()
    assert e.status is RunStatus.COMPLETED
    st = zone_state(stove, zp), zone_state(stove, zs)
    assert st[0].mode == "off"
    assert st[1].mode == "target" and st[1].target_c == 65            # kept warm after the end


def test_pause_stops_timers_and_commands_then_resume_takes_over_again(stove_clock):
    e, stove, clock = engine_for(stove_clock, [
        {"text": "Simmer", "pot": "pot", "setting": {"mode": "level", "level": 4}, "duration_s": 600, "on_end": "off"},
        {"text": "Rest", "duration_s": 60}], [WATER_POT])
    e.start()
    z = e.zone_plan["pot"]
    stove.advance(100)
    e.pause()
    sent = []
    real_request = stove.request
    stove.request = lambda m, p=None: (sent.append(m), real_request(m, p))[1]
    stove.set_level(z, 8).result()                # the cook takes over in traditional mode
    sent.clear()
    stove.advance(3600)
    assert e.status is RunStatus.PAUSED
    assert sent == []                             # the engine never fought the cook
    assert zone_state(stove, z).level == 8
    assert e.view().active[0].remaining_s == pytest.approx(500)
    e.resume()
    assert zone_state(stove, z).level == 4        # the recipe's setting again
    stove.advance(499)
    assert e.runs[0].phase is Phase.RUNNING
    stove.advance(2)
    assert e.runs[0].phase is Phase.DONE


def test_a_change_at_the_hob_pauses_the_recipe(stove_clock):
    alerts = []
    e, stove, clock = engine_for(stove_clock, [
        {"text": "Simmer", "pot": "pot", "setting": {"mode": "level", "level": 4}, "duration_s": 600}], [WATER_POT])
    e.alert.connect(alerts.append)
    e.start()
    z = e.zone_plan["pot"]
    stove.advance(10)
    stove.set_level(z, 2).result()
    stove.advance(1)
    assert e.status is RunStatus.PAUSED
    assert "changed at the stove" in e.paused_reason
    assert alerts[-1].warning and alerts[-1].zone == z
    stove.advance(600)
    assert zone_state(stove, z).level == 2


def test_stove_safety_switching_a_zone_off_pauses_with_a_warning(stove_clock):
    alerts = []
    e, stove, clock = engine_for(stove_clock, [
        {"text": "Simmer", "pot": "pot", "setting": {"mode": "level", "level": 4}, "duration_s": 600}], [WATER_POT])
    e.alert.connect(alerts.append)
    e.start()
    z = e.zone_plan["pot"]
    stove.advance(5)
    stove.sim_inject_fault(z, "sensor_open").result()
    stove.advance(1)
    assert e.status is RunStatus.PAUSED
    assert any(a.kind == "stove" and a.warning and a.zone == z for a in alerts)
    # resuming on a faulted zone is refused by the stove: the run pauses again and says why
    e.resume()
    assert e.status is RunStatus.PAUSED
    assert alerts[-1].kind == "command" and "faulted" in alerts[-1].message


def test_a_refused_command_pauses_and_names_the_zone(stove_clock):
    e, stove, clock = engine_for(stove_clock, [
        {"text": "Fry", "pot": "pan", "setting": {"mode": "level", "level": 6}, "duration_s": 60}], [OIL_PAN])
    stove.set_lock(True).result()
    e.start()
    assert e.status is RunStatus.PAUSED
    assert stove.info.zones[e.zone_plan["pan"]].name in e.paused_reason
    assert "locked" in e.paused_reason


def test_skip_ends_a_step_now_and_applies_its_end(stove_clock):
    ended = []
    e, stove, clock = engine_for(stove_clock, [
        {"text": "Simmer", "pot": "pot", "setting": {"mode": "level", "level": 4}, "duration_s": 900, "on_end": "off"},
        {"text": "Rest", "duration_s": 120}], [WATER_POT])
    e.step_ended.connect(lambda i, how: ended.append((i, how)))
    e.start()
    stove.advance(60)
    assert e.skip() == 0
    assert ended == [(0, "skipped")]
    assert zone_state(stove, e.zone_plan["pot"]).mode == "off"
    assert e.runs[1].phase is Phase.RUNNING
    with pytest.raises(RunError):
        e.skip(0)


def test_back_runs_the_last_finished_step_again(stove_clock):
    e, stove, clock = engine_for(stove_clock, [
        {"text": "Fry", "pot": "pot", "setting": {"mode": "level", "level": 6}, "duration_s": 120},
        {"text": "Simmer", "pot": "pot", "setting": {"mode": "level", "level": 3}, "duration_s": 600}], [WATER_POT])
    e.start()
    stove.advance(121)
    stove.advance(100)
    assert e.runs[1].phase is Phase.RUNNING
    assert e.back() == 0
    assert e.runs[0].phase is Phase.RUNNING and e.runs[1].phase is Phase.PENDING
    assert e.view().active[0].remaining_s == pytest.approx(120)
    assert zone_state(stove, e.zone_plan["pot"]).level == 6


def test_abort_switches_off_every_zone_but_keep_warm(stove_clock):
    e, stove, clock = engine_for(stove_clock, [
        {"id": "sauce", "text": "Sauce", "pot": "pan", "setting": {"mode": "level", "level": 3}, "duration_s": 60,
         "on_end": "keep_warm"},
        {"id": "pasta", "text": "Pasta", "pot": "pot", "setting": {"mode": "level", "level": 6}, "duration_s": 900,
         "after": []}], [WATER_POT, OIL_PAN])
    e.start()
    stove.advance(120)
    e.abort()
    assert e.status is RunStatus.ABORTED
    assert zone_state(stove, e.zone_plan["pot"]).mode == "off"
    warm = zone_state(stove, e.zone_plan["pan"])
    assert warm.mode == "target" and warm.target_c == 65
    with pytest.raises(RunError):
        e.confirm()


def test_reminders_fire_at_their_stove_times(stove_clock):
    got = []
    e, stove, clock = engine_for(stove_clock, [
        {"text": "Simmer", "pot": "pot", "setting": {"mode": "level", "level": 4}, "duration_s": 600,
         "alerts": [{"at_s": 120, "message": "Stir"}, {"at_s": 60, "message": "Taste", "from": "end"}]}], [WATER_POT])
    e.alert.connect(lambda a: got.append((a.t, a.message)) if a.kind == "reminder" else None)
    e.start()
    while e.status is RunStatus.RUNNING:
        deadline = e.next_deadline()
        stove.advance(max(1e-3, min(10.0, deadline - clock.now())) if deadline is not None else 10.0)
    assert got == [(120, "Stir"), (540, "Taste")]
    assert clock.now() == pytest.approx(600)


def test_boost_on_a_zone_without_boost_uses_its_top_level(stove_clock):
    stove, clock = stove_clock
    gas = next(z.id for z in stove.info.zones if z.boost_power_w is None and z.kind == "gas")
    e = RecipeEngine(recipe([{"text": "Boil", "pot": "p", "setting": {"mode": "boost"}, "duration_s": 60}],
                            [{"id": "p", "zone": "wok"}]), stove, clock, zone_plan={"p": gas})
    e.start()
    stove.advance(5)
    assert e.status is RunStatus.RUNNING
    assert zone_state(stove, gas).level == 9


def test_losing_the_stove_pauses(stove_clock):
    e, stove, clock = engine_for(stove_clock, [
        {"text": "Simmer", "pot": "pot", "setting": {"mode": "level", "level": 4}, "duration_s": 600}], [WATER_POT])
    e.start()
    stove.stop()
    assert e.status is RunStatus.PAUSED
    assert "connection" in e.paused_reason


def test_controls_that_do_not_apply_say_why(stove_clock):
    e, stove, clock = engine_for(stove_clock, [{"text": "Chop"}])
    with pytest.raises(RunError, match="ready"):
        e.confirm()
    e.start()
    e.pause()
    with pytest.raises(RunError, match="resume it first"):
        e.confirm()
    e.resume()
    with pytest.raises(RunError, match="only a paused"):
        e.resume()
    with pytest.raises(RunError, match="already running"):
        e.start()


@pytest.mark.parametrize("servings, words", [(1, "Test (1 serving)"), (3, "Test (3 servings)")])
def test_the_timeline_counts_servings_in_proper_english(stove_clock, servings, words):
    e, _stove, _clock = engine_for(stove_clock, [{"text": "Serve"}], servings=servings)
    logged = []
    e.log.connect(logged.append)
    e.start()
    assert next(x.message for x in logged if x.kind == "recipe_started") == words
