"""Energy: metering against the simulator's own counter, resets, costs, storage, tips."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from kitchen_ui.core.clock import ManualClock
from kitchen_ui.core.model import StoveState, ZoneState
from kitchen_ui.energy.meter import EnergyMeter, ZoneCounter
from kitchen_ui.energy.report import after_recipe
from kitchen_ui.energy.settings import EnergySettings, EnergySettingsError, load_settings, save_settings
from kitchen_ui.energy.store import energy_from_samples, save_session_energy, weekly_summary
from kitchen_ui.energy.tips import recipe_tips
from kitchen_ui.recipes.archive import starter_recipes
from kitchen_ui.sim.local import LocalStove
from kitchen_ui.sim.materials import CONTENTS, WATER_BOIL_C, WATER_LATENT_J_PER_KG
from kitchen_ui.sim.profiles import load_profile
from kitchen_ui.storage.database import open_db
from kitchen_ui.storage.recipes_store import resolve_id
from kitchen_ui.storage.runs import RunStore
from kitchen_ui.storage.samples import pack_states
from kitchen_ui.storage.sessions import SessionData, SessionInfo, create_session

ARCHIVE = {r.slug: r for r in starter_recipes()}
HYBRID = load_profile("hybrid-4")


def test_meter_matches_the_simulators_counter():
    stove = LocalStove(HYBRID, clock=ManualClock(), threaded=False)
    stove.start()
    meter = EnergyMeter(EnergySettings())
    readings = []
    meter.changed.connect(readings.append)
    meter.attach(stove)
    stove.pump()                          # the session starts: the meter's baseline
    stove.set_level(0, 9).result()
    stove.set_level(3, 5).result()
    for _ in range(600):
        stove.advance(1.0)
    meter.detach()
    sim_wh = {z.info.id: z.energy_wh for z in stove.sim.zones}
    r = meter.reading()
    for z in r.zones:
        assert z.energy_wh == pytest.approx(sim_wh[z.zone], abs=2e-3)
    assert r.energy_wh > 300 and len(readings) == 601
    gas = next(z for z in r.zones if z.kind == "gas")
    assert gas.cost == pytest.approx(gas.energy_wh / 1000 * 0.10)
    stove.stop()


def state(t, *wh):
    return StoveState(t=t, zones=tuple(ZoneState(id=i, energy_wh=w) for i, w in enumerate(wh)))


def test_counter_reset_after_a_stove_restart():
    c = ZoneCounter()
    for wh in (10.0, 20.0, 5.0, 8.0):       # the stove restarted between 20 and 5
        c.feed(wh)
    assert c.used_wh == pytest.approx(10 + 5 + 3) and c.resets == 1
    meter = EnergyMeter()
    for s in (state(0, 1.0, 0.0), state(1, 2.0, 0.5), state(2, 0.2, 0.1), state(3, 0.7, 0.4)):
        meter.feed(s)
    zones = meter.reading().zones
    assert zones[0].energy_wh == pytest.approx(1.0 + 0.2 + 0.5) and zones[0].resets == 1
    assert zones[1].energy_wh == pytest.approx(0.5 + 0.1 + 0.3)


def test_settings_are_checked_and_kept(tmp_path):
    with open_db(tmp_path / "k.sqlite3", seed=False) as kdb:
        assert load_settings(kdb) == EnergySettings()
        s = save_settings(kdb, {"electricity_price": 0.25, "currency": "GBP"})
        assert load_settings(kdb) == s and s.gas_price == 0.10
        with pytest.raises(EnergySettingsError, match="gas_price"):
            save_settings(kdb, {"gas_price": -1})
        with pytest.raises(EnergySettingsError, match="unknown setting tarif"):
            save_settings(kdb, {"tarif": 1})
        assert load_settings(kdb) == s


def test_samples_meter_like_the_live_meter():
    states = [state(float(t), t * 0.5, (t - 50) * 2.0 if t > 50 else 100 + t) for t in range(100)]
    data = SessionData(SessionInfo(1, "", "", None, "", ({"id": 0, "kind": "gas"}, {"id": 1, "kind": "radiant"}),
                                   0.0, 99.0, 200), zones=pack_states(states))
    live = EnergyMeter(info=None)
    for s in states:
        live.feed(s)
    stored = energy_from_samples(data, EnergySettings())
    for a, b in zip(stored.zones, live.reading().zones):
        assert a.energy_wh == pytest.approx(b.energy_wh, abs=1e-3)
    assert stored.zones[0].kind == "gas" and stored.zones[1].resets == 1


def test_runs_compared_and_week_summed(tmp_path):
    with open_db(tmp_path / "k.sqlite3") as kdb:
        rid = resolve_id(kdb, "spaghetti-al-pomodoro")
        settings = EnergySettings()
        monday = date(2026, 11, 16)
        ids = []
        for day, wh in ((0, 600.0), (2, 500.0), (2, 300.0), (9, 999.0)):
            sid = create_session(kdb.conn, None, "pasta", rid)
            started = datetime.combine(monday + timedelta(days=day), datetime.min.time(), timezone.utc) + timedelta(hours=18)
            kdb.conn.execute("UPDATE sessions SET started_at = ?, zones = ? WHERE id = ?",
                             (started.isoformat(timespec="seconds"),
                              '[{"id": 0, "name": "front-left", "kind": "induction", "diameter_mm": 210, '
                              '"max_power_w": 2300, "boost_power_w": 3700}]', sid))
            kdb.conn.commit()
            meter = EnergyMeter(settings)
            meter.feed(state(0, 0.0))
            meter.feed(state(1, wh))
            save_session_energy(kdb, sid, meter.reading(), settings)
            ids.append(sid)
        week = weekly_summary(kdb, monday)
        assert [d.sessions for d in week.days] == [1, 0, 2, 0, 0, 0, 0]
        assert week.days[2].energy_wh == pytest.approx(800.0)
        assert week.energy_wh == pytest.approx(1400.0) and week.cost == pytest.approx(1.4 * 0.30)
        for i, sid in enumerate(ids):
            finished_run(kdb, f"run{i}", [sid])
        report = after_recipe(kdb, ids[2], with_tips=False)
        assert [r.session_id for r in report.earlier] == ids[:2]
        assert report.change_vs_earlier == pytest.approx(300 / 550 - 1)


def finished_run(kdb, run_id, sessions, status="completed"):
    """A recipe run as the kitchen saves it, recorded in ``sessions`` (more than one: resumed)."""
    store = RunStore(kdb.path)
    for sid in sessions:
        store.session_id = sid
        store.save({"run_id": run_id, "status": status, "recipe": {"title": "pasta", "slug": "spaghetti-al-pomodoro"}})
    store.finish(run_id, status)
    store.close()


def pasta_session(kdb, rid, wh, started):
    sid = create_session(kdb.conn, None, "pasta", rid)
    kdb.conn.execute("UPDATE sessions SET started_at = ? WHERE id = ?", (started.isoformat(timespec="seconds"), sid))
    kdb.conn.commit()
    meter = EnergyMeter(EnergySettings())
    meter.feed(state(0, 0.0))
    meter.feed(state(1, wh))
    save_session_energy(kdb, sid, meter.reading(), EnergySettings())
    return sid


def test_a_resumed_run_counts_all_its_sessions_and_an_aborted_one_is_never_compared(tmp_path):
    with open_db(tmp_path / "k.sqlite3") as kdb:
        rid = resolve_id(kdb, "spaghetti-al-pomodoro")
        t0 = datetime(2026, 11, 16, 18, tzinfo=timezone.utc)
        full = pasta_session(kdb, rid, 600.0, t0)
        finished_run(kdb, "full", [full])
        stopped = pasta_session(kdb, rid, 90.0, t0 + timedelta(days=1))
        finished_run(kdb, "stopped", [stopped], status="aborted")
        before_crash = pasta_session(kdb, rid, 200.0, t0 + timedelta(days=2))
        after_crash = pasta_session(kdb, rid, 350.0, t0 + timedelta(days=2, hours=1))
        finished_run(kdb, "resumed", [before_crash, after_crash])

        resumed = after_recipe(kdb, after_crash, with_tips=False, run_id="resumed")
        assert resumed.used.energy_wh == pytest.approx(550.0)             # both sessions of the run
        assert [r.run_id for r in resumed.earlier] == ["full"]            # not the aborted run
        assert resumed.change_vs_earlier == pytest.approx(550 / 600 - 1)

        aborted = after_recipe(kdb, stopped, with_tips=False, run_id="stopped", complete=False)
        assert aborted.used.energy_wh == pytest.approx(90.0)
        assert not aborted.complete and aborted.earlier == () and aborted.change_vs_earlier is None

        later = pasta_session(kdb, rid, 500.0, t0 + timedelta(days=3))
        report = after_recipe(kdb, later, with_tips=False, run_id="later")
        assert [(r.run_id, r.energy_wh) for r in report.earlier] == [("full", 600.0), ("resumed", 550.0)]

        kdb.conn.execute("DELETE FROM sessions WHERE id = ?", (before_crash,))   # part of it gone
        kdb.conn.commit()
        report = after_recipe(kdb, later, with_tips=False, run_id="later")
        assert [r.run_id for r in report.earlier] == ["full"]


def test_tips_follow_from_the_simulated_run():
    s = EnergySettings()
    pasta = {t.kind: t for t in recipe_tips(ARCHIVE["spaghetti-al-pomodoro"], HYBRID, s)}
    lid = pasta["lid"]
    steam_kg = lid.data["steam_kg"]
    per_kg_wh = (CONTENTS["water"]["cp"] * WATER_BOIL_C + WATER_LATENT_J_PER_KG) / 3600
    assert steam_kg > 0.05 and lid.data["steam_wh"] == pytest.approx(steam_kg * per_kg_wh, rel=0.01)
    assert lid.saving_wh == pytest.approx(lid.data["steam_wh"] / lid.data["efficiency"], rel=0.01)

    borscht = {t.kind: t for t in recipe_tips(ARCHIVE["borscht"], HYBRID, s)}
    ind = borscht["induction"]
    assert ind.data["induction_wh"] < ind.data["gas_wh"] and ind.data["induction_min"] < ind.data["gas_min"]
    assert ind.saving_wh == pytest.approx(ind.data["gas_wh"] - ind.data["induction_wh"], abs=0.1)
    # the cost comparison uses both tariffs: with gas at 0.10 and power at 0.30 induction costs more here
    assert ind.saving_cost == pytest.approx(ind.data["gas_wh"] / 1000 * 0.10 - ind.data["induction_wh"] / 1000 * 0.30,
                                            abs=1e-4)
    assert ind.saving_cost < 0 and "more at your tariffs" in ind.text

    shakshuka = {t.kind: t for t in recipe_tips(ARCHIVE["shakshuka"], HYBRID, s)}
    residual = shakshuka["residual_heat"]
    assert 1 <= residual.data["minutes"] <= 10 and residual.saving_wh > 0
    assert -5.0 <= residual.data["gap_c"] <= 0.5
