"""``kitchen-ui --fleet mqtt://HOST:PORT``: the fleet screen, every stove a kitchen's bridges publish.

Takes the dashboard's broker flags (``--username``, ``--password-file``, ``--broker-ca-cert``,
``--topic-prefix``) and ``--power-budget W``; ``--size``, ``--run-for``, ``--screenshot``,
``--stats``, ``--kiosk`` and ``--lang`` work as on the dashboard. Wrong values exit 2 naming the flag.
"""

from __future__ import annotations

import argparse
import os
import sys


def run(args: argparse.Namespace) -> int:
    from ..cli import UsageError
    from ..display_check import display_problem
    from ..mqtt.broker import BrokerError
    from ..mqtt.cli_args import login_from_args
    from ..mqtt.topics import Topics, TopicError

    if args.stove:
        raise UsageError("--fleet shows the stoves on the broker; it takes no --stove")
    try:
        login = login_from_args(args, url=args.fleet)
        topics = Topics(args.topic_prefix)
    except (BrokerError, TopicError) as exc:
        raise UsageError(f"--fleet: {exc}") from None
    problem = display_problem()
    if problem:
        print(f"kitchen-ui: error: {problem}", file=sys.stderr)
        return 1
    if args.screenshot and not os.path.isdir(os.path.dirname(os.path.abspath(args.screenshot))):
        raise UsageError(f"--screenshot: the folder of {args.screenshot!r} does not exist")
    from ..ui.i18n import LanguageError, choose_language
    try:
        lang = choose_language(getattr(args, "lang", None))
    except LanguageError as exc:
        raise UsageError(str(exc)) from None
    from ..ui.fleet.run import FleetOptions, run_fleet

    opts = FleetOptions(size=tuple(args.size) if args.size else None, run_for=args.run_for,
                        screenshot=args.screenshot, stats=args.stats, kiosk=bool(args.kiosk), lang=lang,
                        power_budget_w=args.power_budget)
    return run_fleet(login, topics, opts)
