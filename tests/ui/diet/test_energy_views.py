"""Energy in the dashboard: live figures as the simulated stove runs, the summary after a recipe
with its tips and the comparison with earlier runs, and the week by day from History."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from kitchen_ui.energy.meter import EnergyMeter
from kitchen_ui.energy.settings import EnergySettings
from kitchen_ui.energy.store import load_session_energy, save_session_energy
from kitchen_ui.core.model import StoveState, ZoneState
from kitchen_ui.recipes.run_state import RunStatus
from kitchen_ui.storage.sessions import create_session
from kitchen_ui.ui.diet.words import energy_line

from ..recipes.conftest import run_for, tap
from .conftest import peanut_noodles


def sim_wh(stove) -> float:
    return sum(z.energy_wh for z in stove.sim.zones)


def test_live_energy_in_the_status_bar_follows_the_simulated_stove(qtbot, kitchen, sim_stove):
    status = kitchen.diet.status
    assert status.isVisible() and status.text() == "⚡ No cooking yet"
    start_wh = sim_wh(sim_stove)
    kitchen.model.set_level(0, 9)                         # a zone on: a session starts, metered from here
    energy = kitchen.diet.energy
    assert energy.live and energy.session_id == kitchen.sessions.session_id
    run_for(sim_stove, 60)
    first = energy.reading
    assert first.energy_wh == pytest.approx(sim_wh(sim_stove) - start_wh, abs=0.01)
    assert first.energy_wh > 20                           # about 2 kW for a minute
    assert status.text() == "⚡ " + energy_line(first.energy_wh, first.cost, "EUR", first.co2_g)
    assert status.toolTip().startswith("This cooking session so far: ")
    assert first.cost == pytest.approx(first.energy_wh / 1000 * 0.30)         # the default electricity price
    run_for(sim_stove, 60)
    assert energy.reading.energy_wh > first.energy_wh * 1.8
    assert status.text() != "⚡ " + energy_line(first.energy_wh, first.cost, "EUR", first.co2_g)

    kitchen.model.set_level(0, 0)
    sid = kitchen.sessions.session_id
    run_for(sim_stove, 310, step=5.0)                      # idle long enough: the session closes
    assert kitchen.sessions.session_id is None and not energy.live
    saved = load_session_energy(kitchen.kdb, sid)
    assert saved is not None and saved.energy_wh == pytest.approx(energy.reading.energy_wh)
    assert status.text() == "⚡ Last: " + energy_line(saved.energy_wh, saved.cost, "EUR", saved.co2_g)


def test_after_a_recipe_what_it_used_compared_with_before_and_a_tip(qtbot, kitchen, sim_stove):
    kitchen.library.add(peanut_noodles())
    panel = kitchen.diet.after
    for run in range(2):
        engine = kitchen.start_recipe(kitchen.library.recipe("peanut-noodles"))
        assert not panel.isVisible()
        with qtbot.waitSignal(panel.tips_ready, timeout=10_000) as tips:
            for _ in range(900):
                sim_stove.advance(2.0)
                if engine.status.finished:
                    break
        assert engine.status is RunStatus.COMPLETED
        assert panel.isVisible() and "is ready" in kitchen.cooking.done_label.text()
        sid = panel.report.session_id
        saved = load_session_energy(kitchen.kdb, sid)
        assert saved is not None and saved.energy_wh > 100
        assert panel.used.text() == energy_line(saved.energy_wh, saved.cost, "EUR", saved.co2_g)
        lid = next(t for t in tips.args[0] if t.kind == "lid")
        assert "With a lid most of it condenses back" in panel.tips_label.text()
        assert f"Saves up to {lid.saving_wh / 1000:.3f} kWh" in panel.tips_label.text()
        if run == 0:
            assert panel.compare.text() == "The first recorded run of this recipe: nothing to compare with yet."
            tap(qtbot, kitchen.cooking.close_button)
            kitchen.model.set_level(0, 0)
            run_for(sim_stove, 305, step=5.0)         # the kitchen goes quiet: the next run is a new session
            assert kitchen.sessions.session_id is None
        else:
            first = panel.report.earlier[0]
            assert len(panel.report.earlier) == 1 and first.session_id != sid
            assert panel.compare.text().startswith("Earlier runs of this recipe: 1, on average "
                                                   f"{first.energy_wh / 1000:.3f} kWh. This run used ")


def test_the_week_by_day_from_history(qtbot, kitchen):
    kdb = kitchen.kdb
    settings = EnergySettings()
    today = date.today()
    for days_ago, wh in ((0, 400.0), (0, 100.0), (7, 900.0)):
        sid = create_session(kdb.conn, None, "pasta", None)
        started = datetime.now(timezone.utc) - timedelta(days=days_ago)
        kdb.conn.execute("UPDATE sessions SET started_at = ? WHERE id = ?", (started.isoformat(timespec="seconds"), sid))
        kdb.conn.commit()
        meter = EnergyMeter(settings)
        meter.feed(StoveState(t=0, zones=(ZoneState(id=0, energy_wh=0.0),)))
        meter.feed(StoveState(t=1, zones=(ZoneState(id=0, energy_wh=wh),)))
        save_session_energy(kdb, sid, meter.reading(), settings)
    history = kitchen.history_page
    tap(qtbot, kitchen.history_tab)
    tap(qtbot, kitchen.diet.week_button)
    view = kitchen.diet.weekly
    assert view.isVisible() and not history.panel.isVisible()
    rows = view.rows()
    monday = today - timedelta(days=today.weekday())
    assert [r.split(" | ")[0] for r in rows] == [(monday + timedelta(days=i)).strftime("%a %d %b") for i in range(7)]
    assert rows[today.weekday()].endswith("| 0.500 kWh | 0.15 EUR | 2 sessions")
    assert sum(b.value() > 0 for b in view.bars) == 1 and view.bars[today.weekday()].value() == 1000
    assert view.total.text() == "This week: 0.500 kWh · 0.15 EUR · 125 g CO₂"
    assert not view.later.isEnabled()
    tap(qtbot, view.earlier)
    assert view.start == monday - timedelta(days=7)
    assert view.total.text().startswith("This week: 0.900 kWh")
    tap(qtbot, view.later)
    tap(qtbot, view.back)
    assert history.panel.isVisible() and not view.isVisible()


def test_damaged_energy_settings_are_reported_and_the_defaults_used(qtbot, kitchen, sim_stove):
    kdb = kitchen.kdb
    kdb.conn.execute("INSERT INTO settings (key, value) VALUES ('energy', '{\"gas_price\": \"cheap\"}')")
    kdb.conn.commit()
    kitchen.model.set_level(0, 9)
    assert any("Energy costs use the default prices" in m and "gas_price" in m
               for m in kitchen.window.notices.messages)
    run_for(sim_stove, 30)
    r = kitchen.diet.energy.reading
    assert r.energy_wh > 5 and r.cost == pytest.approx(r.energy_wh / 1000 * 0.30)


def test_an_aborted_run_says_what_it_used_but_is_not_compared(qtbot, kitchen, sim_stove):
    """A run stopped after a minute must not read "used 95 % less" than a complete one."""
    from kitchen_ui.storage.recipes_store import resolve_id
    from kitchen_ui.storage.runs import RunStore

    kdb = kitchen.kdb
    rid = resolve_id(kdb, "spaghetti-al-pomodoro")
    earlier = create_session(kdb.conn, None, "Spaghetti al pomodoro", rid)      # a complete run before
    meter = EnergyMeter(EnergySettings())
    meter.feed(StoveState(t=0, zones=(ZoneState(id=0, energy_wh=0.0),)))
    meter.feed(StoveState(t=1, zones=(ZoneState(id=0, energy_wh=700.0),)))
    save_session_energy(kdb, earlier, meter.reading(), EnergySettings())
    store = RunStore(kdb.path, session_id=earlier)
    store.save({"run_id": "complete-before", "status": "completed", "recipe": {"title": "Spaghetti al pomodoro"}})
    store.finish("complete-before", "completed")
    store.close()

    engine = kitchen.start_recipe(kitchen.library.recipe("spaghetti-al-pomodoro"))
    run_for(sim_stove, 60)
    tap(qtbot, kitchen.cooking.abort_button)
    tap(qtbot, kitchen.cooking.abort_yes)
    assert engine.status is RunStatus.ABORTED
    panel = kitchen.diet.after
    assert panel.isVisible() and panel.report.used.energy_wh > 5
    assert panel.used.text() == energy_line(panel.report.used.energy_wh, panel.report.used.cost, "EUR",
                                            panel.report.used.co2_g)
    assert panel.compare.text() == "Not compared with earlier runs: this one did not cook the whole recipe."
    assert panel.report.change_vs_earlier is None
