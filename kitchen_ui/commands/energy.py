"""``kitchen-ui energy``: the tariff and carbon settings, and the week's energy; no Qt.

``energy settings`` shows them; with any of its flags it changes those and keeps the rest.
``energy week`` prints the seven days from a Monday (this week by default), every day listed.
Exit codes: 0 done; 1 the database cannot be used; 2 a bad value (the message names it).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta

SETTING_FLAGS = (
    ("currency", "--currency", str, "TEXT", "currency shown with costs, e.g. EUR"),
    ("electricity_price", "--electricity-price", float, "PRICE", "price of a kWh of electricity"),
    ("gas_price", "--gas-price", float, "PRICE", "price of a kWh of gas"),
    ("grid_g_per_kwh", "--grid-co2", float, "G", "grams of CO2 per kWh of your electricity"),
    ("gas_g_per_kwh", "--gas-co2", float, "G", "grams of CO2 per kWh of gas burnt"),
)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def register(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("energy", help="energy prices, CO2 settings and the week's energy use",
                       description="Energy: the tariff and carbon settings, and energy used per day.")
    es = p.add_subparsers(dest="energy_command", metavar="ACTION")
    sp = es.add_parser("settings", help="show or change the tariff and CO2 settings")
    sp.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    for key, flag, kind, metavar, help_text in SETTING_FLAGS:
        sp.add_argument(flag, dest=key, type=kind, metavar=metavar, help=help_text)
    sp.add_argument("--json", action="store_true", help="print JSON")
    wp = es.add_parser("week", help="energy, cost and CO2 per day for one week")
    wp.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    wp.add_argument("--date", type=_day, metavar="YYYY-MM-DD",
                    help="any day of the week to show (default: today)")
    wp.add_argument("--json", action="store_true", help="print JSON")
    return p


def run(args: argparse.Namespace) -> int:
    from ..cli import UsageError
    from ..energy.settings import EnergySettingsError, load_settings, save_settings
    from ..energy.store import weekly_summary
    from ..storage.database import DatabaseError, open_db

    action = getattr(args, "energy_command", None)
    if action is None:
        raise UsageError("energy: choose an action: settings or week")
    try:
        with open_db(getattr(args, "db", None)) as kdb:
            if action == "settings":
                changes = {key: getattr(args, key) for key, *_ in SETTING_FLAGS if getattr(args, key) is not None}
                try:
                    settings = save_settings(kdb, changes) if changes else load_settings(kdb)
                except EnergySettingsError as exc:
                    raise UsageError(str(exc)) from None
                if args.json:
                    print(json.dumps(settings.to_dict(), indent=2))
                else:
                    s = settings
                    print(f"electricity: {s.electricity_price:g} {s.currency}/kWh, {s.grid_g_per_kwh:g} g CO2/kWh")
                    print(f"gas:         {s.gas_price:g} {s.currency}/kWh, {s.gas_g_per_kwh:g} g CO2/kWh")
            else:
                day = args.date or date.today()
                week = weekly_summary(kdb, day - timedelta(days=day.weekday()))
                if args.json:
                    print(json.dumps(week.to_dict(), indent=2))
                else:
                    cur = week.currency or load_settings(kdb).currency
                    for d in week.days:
                        print(f"{d.day:%a %d %b}  {d.sessions:2d} sessions  {d.energy_wh / 1000:7.3f} kWh  "
                              f"{d.cost:7.2f} {cur}  {d.co2_g / 1000:6.2f} kg CO2")
                    print(f"week        {sum(d.sessions for d in week.days):2d} sessions  "
                          f"{week.energy_wh / 1000:7.3f} kWh  {week.cost:7.2f} {cur}  {week.co2_g / 1000:6.2f} kg CO2")
        return 0
    except BrokenPipeError:
        raise  # the reader went away (``| head``): cli.main handles it
    except (DatabaseError, EnergySettingsError, OSError) as exc:
        print(f"kitchen-ui: error: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 1
