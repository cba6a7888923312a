"""`kitchen-ui energy`: a cook sets their tariff and carbon figures, and reads the week."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone

import pytest

from kitchen_ui.cli import main
from kitchen_ui.energy.meter import EnergyMeter
from kitchen_ui.energy.settings import load_settings
from kitchen_ui.energy.store import save_session_energy
from kitchen_ui.storage.database import open_db
from kitchen_ui.storage.sessions import create_session

from .test_energy import state


def test_settings_are_changed_kept_and_shown(tmp_path, capsys):
    db = str(tmp_path / "k.sqlite3")
    assert main(["energy", "settings", "--electricity-price", "0.42", "--grid-co2", "95",
                 "--currency", "GBP", "--db", db]) == 0
    assert "0.42 GBP/kWh, 95 g CO2/kWh" in capsys.readouterr().out
    assert main(["--db", db, "energy", "settings", "--gas-price", "0.08"]) == 0   # the rest is kept
    capsys.readouterr()
    assert main(["energy", "settings", "--json", "--db", db]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown == {"currency": "GBP", "electricity_price": 0.42, "gas_price": 0.08,
                     "grid_g_per_kwh": 95.0, "gas_g_per_kwh": 183.0}


def exit_code(argv: list[str]) -> int:
    """main()'s exit code, whether argparse exits (a malformed value) or main returns one."""
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code)


@pytest.mark.parametrize("argv,names", [
    (["energy", "settings", "--gas-price", "-1"], "gas_price"),
    (["energy", "settings", "--electricity-price", "cheap"], "--electricity-price"),
    (["energy", "week", "--date", "2026-13-01"], "YYYY-MM-DD"),
])
def test_bad_values_exit_2_naming_the_setting_and_change_nothing(tmp_path, capsys, argv, names):
    db = str(tmp_path / "k.sqlite3")
    assert exit_code(argv + ["--db", db]) == 2
    assert names in capsys.readouterr().err
    with open_db(db) as kdb:
        assert load_settings(kdb).gas_price == 0.10


def test_the_week_uses_the_tariff_set_by_the_cook(tmp_path, capsys):
    db = tmp_path / "k.sqlite3"
    assert main(["energy", "settings", "--electricity-price", "0.50", "--db", str(db)]) == 0
    monday = date(2026, 11, 16)
    with open_db(db) as kdb:
        sid = create_session(kdb.conn, None, "by hand", None)
        started = datetime.combine(monday + timedelta(days=3), datetime.min.time(), timezone.utc) + timedelta(hours=12)
        kdb.conn.execute("UPDATE sessions SET started_at = ?, zones = ? WHERE id = ?",
                         (started.isoformat(timespec="seconds"),
                          '[{"id": 0, "name": "front-left", "kind": "induction", "diameter_mm": 210, '
                          '"max_power_w": 2300, "boost_power_w": 3700}]', sid))
        kdb.conn.commit()
        settings = load_settings(kdb)
        meter = EnergyMeter(settings)
        meter.feed(state(0, 0.0))
        meter.feed(state(1, 2000.0))
        save_session_energy(kdb, sid, meter.reading(), settings)
    capsys.readouterr()
    assert main(["energy", "week", "--date", "2026-11-20", "--json", "--db", str(db)]) == 0
    week = json.loads(capsys.readouterr().out)
    assert week["week_start"] == "2026-11-16" and len(week["days"]) == 7
    thursday = week["days"][3]
    assert thursday["sessions"] == 1 and thursday["kwh"] == pytest.approx(2.0)
    assert week["cost"] == pytest.approx(1.0)            # 2 kWh at the 0.50 the cook set
