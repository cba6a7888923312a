"""The default command: open the dashboard window on the stove chosen by ``--stove``.

Qt is imported only here (and in kitchen_ui.ui), so the other commands run without it. Wrong
values exit 2 with the flag named; a stove that cannot be opened exits 1 with the reason, and so
does a kitchen database that is not Hearth's or is damaged (it is never overwritten).

The kitchen database is ``--db PATH``, else ``$HEARTH_DB``, else the file in the user's data
folder. A run that quits by itself (``--screenshot``, ``--run-for``) with neither ``--db`` nor
``$HEARTH_DB`` uses a fresh temporary database, so tests and screenshot runs never write into the
user's real kitchen. The same holds for the remembered settings (``--settings``/``$HEARTH_SETTINGS``)
and the error log (``$HEARTH_LOG_DIR``, else the user's state folder): such runs keep them in the
temporary folder.

``--lang`` must name a language Hearth has (exit 2 otherwise); ``--kiosk`` opens the kiosk.
``--broker`` (with its login flags) gives the Recipes page its Community tab; a wrong one exits 2.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path


def _open(args: argparse.Namespace):
    """[(name, stove, network)] for every ``--stove`` (none started yet), or None after saying
    why one cannot be opened (those already opened are let go)."""
    from ..cli import UsageError
    from ..connect import StoveUrlError, parse_stove_specs
    from ..sim.profiles import profile_names

    try:
        specs = parse_stove_specs(args.stove)
    except StoveUrlError as exc:
        raise UsageError(str(exc)) from None
    profile = getattr(args, "profile", None)
    if profile and not Path(profile).suffix and profile not in profile_names():
        raise UsageError(f"--profile: no stove profile named {profile!r} (known: {', '.join(profile_names())})")
    opened = []
    for name, url in specs:
        one = _open_one(args, url, profile)
        if one is None:
            for _name, stove, _net in opened:
                stove.stop()
            return None
        opened.append((name, *one))
    return opened


def open_one_stove(args: argparse.Namespace):
    """(stove, network) for the one ``args.stove`` URL of a command that drives one stove (cook)."""
    from ..cli import UsageError
    from ..connect import StoveUrlError, parse_stove_url
    from ..sim.profiles import profile_names

    try:
        parse_stove_url(args.stove)
    except StoveUrlError as exc:
        raise UsageError(str(exc)) from None
    profile = getattr(args, "profile", None)
    if profile and not Path(profile).suffix and profile not in profile_names():
        raise UsageError(f"--profile: no stove profile named {profile!r} (known: {', '.join(profile_names())})")
    return _open_one(args, args.stove, profile)


def _open_one(args: argparse.Namespace, url: str, profile: str | None):
    from ..connect import StoveUrlError, open_stove, parse_stove_url
    from ..sim.profiles import ProfileError

    address = parse_stove_url(url)
    try:
        stove = open_stove(url, profile=profile, zones=getattr(args, "zones", None), speed=args.speed,
                           token=getattr(args, "token", None), token_file=getattr(args, "token_file", None),
                           ca_cert=getattr(args, "ca_cert", None))
    except ImportError as exc:
        print(f"kitchen-ui: cannot open {address}: the network stove is not available in this "
              f"installation ({exc})", file=sys.stderr)
        return None
    except (ProfileError, StoveUrlError, OSError, ValueError) as exc:
        print(f"kitchen-ui: cannot open the stove {address}: {exc}", file=sys.stderr)
        return None
    return stove, address.scheme != "sim"


def _ui_choices(args: argparse.Namespace, scratch: Path | None) -> dict:
    """Language, settings store and log folder for the window (Qt is imported here)."""
    from ..cli import UsageError
    from ..ui.crash import LOG_ENV, default_log_dir
    from ..ui.i18n import LanguageError, choose_language
    from ..ui.settings import SETTINGS_ENV, open_settings

    try:
        lang = choose_language(getattr(args, "lang", None))
    except LanguageError as exc:
        raise UsageError(str(exc)) from None
    settings_path = getattr(args, "settings", None)
    if settings_path and Path(settings_path).is_dir():
        raise UsageError(f"--settings: {settings_path!r} is a folder, not a settings file")
    if settings_path is None and scratch is not None and not os.environ.get(SETTINGS_ENV):
        settings_path = str(scratch / "settings.ini")
    log_dir = default_log_dir() if scratch is None or os.environ.get(LOG_ENV) else scratch
    return {"lang": lang, "settings": open_settings(settings_path), "log_dir": log_dir}


def run(args: argparse.Namespace) -> int:
    from ..cli import UsageError
    from ..display_check import display_problem

    if getattr(args, "fleet", None):
        from .fleet import run as run_fleet
        return run_fleet(args)
    if getattr(args, "power_budget", None):
        raise UsageError("--power-budget applies to the fleet screen (--fleet URL)")

    problem = display_problem()
    if problem:
        print(f"kitchen-ui: error: {problem}", file=sys.stderr)
        return 1

    if args.screenshot:
        folder = Path(args.screenshot).resolve().parent
        if not folder.is_dir():
            raise UsageError(f"--screenshot: the folder {str(folder)!r} does not exist")
    from ..storage.database import DB_ENV

    explicit = getattr(args, "db", None) or os.environ.get(DB_ENV)
    scratch = None
    if args.screenshot or args.run_for:
        scratch = tempfile.TemporaryDirectory(prefix="hearth-")
    if not explicit and scratch is not None:
        explicit = str(Path(scratch.name) / "kitchen.sqlite3")
    kdb = None
    try:
        ui = _ui_choices(args, Path(scratch.name) if scratch is not None else None)
        community = _community(args)
        opened = _open(args)
        if opened is None:
            return 1
        (name, stove, network), more = opened[0], opened[1:]
        # the database opens (and is checked) on a worker thread once the first frame is painted
        kdb = _open_database(explicit, scratch)
        from ..ui.app import DashboardOptions, run_dashboard

        opts = DashboardOptions(size=tuple(args.size) if args.size else None, run_for=args.run_for,
                                screenshot=args.screenshot, stats=args.stats, demo=args.demo, speed=args.speed,
                                network=network, kitchen_db=kdb, kiosk=bool(getattr(args, "kiosk", False)),
                                dim_after_s=getattr(args, "dim_after", None), stove_name=name,
                                more_stoves=[(n, st) for n, st, _net in more],
                                community=community,
                                **ui)
        runs = _run_publisher(args)
        try:
            return run_dashboard(stove, opts, prepare=runs.prepare if runs is not None else None)
        finally:
            if runs is not None:
                runs.stop()
    finally:
        if kdb is not None:
            kdb.close()
        if scratch is not None:
            scratch.cleanup()


def _community(args: argparse.Namespace):
    """(login, topics) for ``--broker`` (the Community tab), None without it; wrong flags exit 2."""
    from ..cli import UsageError
    from ..mqtt.broker import BrokerError
    from ..mqtt.cli_args import login_from_args
    from ..mqtt.topics import TopicError, Topics
    try:
        login = login_from_args(args)
        return None if login is None else (login, Topics(args.topic_prefix))
    except (BrokerError, TopicError) as exc:
        raise UsageError(str(exc)) from None


def _open_database(path: str | None, scratch):
    """Start opening the kitchen database; once it has passed its check, make the day's backup
    (not of a throwaway database in a self-quitting run's temporary folder)."""
    from ..storage.opening import OpeningDatabase

    def backup(kdb) -> None:
        if scratch is None or Path(scratch.name) not in kdb.path.parents:
            from ..storage.backup import start_rolling_backup
            start_rolling_backup(kdb.path)      # the day's copy, made from a file that just passed its check

    return OpeningDatabase(path, after_open=backup, start=False)


class _RunsOnBroker:
    """With ``--broker``: the recipe cooking on the first stove is published for fleet screens."""

    def __init__(self, login, topics) -> None:
        from ..mqtt.runs import RunPublisher
        self.publisher = RunPublisher(login, topics)

    def prepare(self, window, model) -> None:
        self.publisher.start()

        def follow(kitchen) -> None:
            self.publisher.attach(kitchen.stove, lambda: model.info.id if model.info else None)

        if window.kitchen is not None:        # the database was open already: the kitchen has joined
            follow(window.kitchen)
        else:
            window.kitchen_attached.connect(follow)

    def stop(self) -> None:
        self.publisher.stop()


def _run_publisher(args: argparse.Namespace):
    from ..cli import UsageError
    from ..mqtt.broker import BrokerError
    from ..mqtt.cli_args import login_from_args
    from ..mqtt.topics import TopicError, Topics
    try:
        login = login_from_args(args)
        return None if login is None else _RunsOnBroker(login, Topics(args.topic_prefix))
    except (BrokerError, TopicError) as exc:
        raise UsageError(str(exc)) from None
