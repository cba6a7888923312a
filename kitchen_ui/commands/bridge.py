"""``kitchen-ui bridge``: publish stoves on an MQTT broker (telemetry, events, Home Assistant).

::

    kitchen-ui bridge --broker mqtt[s]://HOST:PORT [--username U --password-file F] [--ca-cert F]
                      [--stove NAME=URL]... [--token-file F] [--stove-ca-cert F] [--sim N] [--control]
                      [--discovery-prefix homeassistant] [--topic-prefix hearth] [--db PATH]

Headless, no Qt. Logs one line per connection, refused command and link change on stderr.
Exit codes: 0 stopped by SIGTERM or Ctrl-C (after publishing "offline"); 1 a stove or the kitchen
database cannot be opened; 2 a wrong flag, named. An unreachable broker is not an error: the
bridge keeps trying, with a line in the log each time.
"""

from __future__ import annotations

import argparse
import logging
import re
import signal
import socket
import sys

_BRIDGE_ID = re.compile(r"[^A-Za-z0-9-]+")


def _sim_count(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of simulated stoves 0-200, got {text!r}") from None
    if not 0 <= n <= 200:
        raise argparse.ArgumentTypeError(f"--sim takes 0 to 200 simulated stoves, not {n}")
    return n


def default_bridge_id() -> str:
    """This machine's name, as a topic level and HA id allow."""
    return _BRIDGE_ID.sub("-", socket.gethostname()).strip("-")[:48] or "bridge"


def register(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    from ..cli import speed_factor
    from ..mqtt.cli_args import add_broker_args
    from ..mqtt.topics import DEFAULT_DISCOVERY_PREFIX

    p = sub.add_parser("bridge", help="publish stoves on an MQTT broker (Home Assistant, fleet screens)",
                       description="Hold one KSP/1 link per stove and publish them on an MQTT broker: "
                                   "telemetry, events, link state, Home Assistant discovery; commands from "
                                   "MQTT follow the stove's rules (only switching off without --control).")
    add_broker_args(p, required=True)
    p.add_argument("--stove", dest="stoves", action="append", metavar="NAME=URL", default=[],
                   help="a KSP/1 stove, ksp://HOST:PORT or ksps://HOST:PORT, named NAME in topics "
                        "(letters, digits, '-'); repeat for several")
    p.add_argument("--token-file", dest="bridge_token_file", metavar="F",
                   help="read the stoves' pre-shared KSP/1 token from F")
    p.add_argument("--stove-ca-cert", metavar="F",
                   help="trust this CA certificate for ksps:// stoves (--ca-cert is the broker's)")
    p.add_argument("--sim", type=_sim_count, default=0, metavar="N",
                   help="add N built-in simulated stoves, sim-1 ... sim-N, pans on their zones")
    p.add_argument("--speed", dest="sim_speed", type=speed_factor, default=1.0, metavar="X",
                   help="the simulated stoves run at X times real time")
    p.add_argument("--control", action="store_true",
                   help="connect as the stoves' controller: MQTT may switch zones on where the stove "
                        "allows remote start (without it, MQTT can only switch off)")
    p.add_argument("--discovery-prefix", default=DEFAULT_DISCOVERY_PREFIX, metavar="P",
                   help=f"Home Assistant's discovery prefix (default {DEFAULT_DISCOVERY_PREFIX})")
    p.add_argument("--bridge-id", metavar="ID", help="this bridge's name in topics and its last will (default: the host name; "
                        "give each bridge on one machine its own)")
    p.add_argument("-v", "--verbose", action="store_true", help="log each connection and command in detail")
    return p


def _stoves(args: argparse.Namespace) -> list[tuple[str, str]]:
    """(name, url) of every --stove and --sim stove; UsageError naming the first problem."""
    from ..cli import UsageError
    from ..connect import StoveUrlError, parse_stove_url
    from ..mqtt.topics import TopicError, check_stove_name

    pairs: list[tuple[str, str]] = []
    for value in args.stoves:
        name, sep, url = value.partition("=")
        if not sep or not url.strip():
            raise UsageError(f"--stove {value!r}: name each stove as NAME=URL (the name is its MQTT topic)")
        try:
            check_stove_name(name.strip())
            parse_stove_url(url.strip())
        except (TopicError, StoveUrlError) as exc:
            raise UsageError(f"--stove: {exc}") from None
        pairs.append((name.strip(), url.strip()))
    pairs += [(f"sim-{i}", "sim") for i in range(1, args.sim + 1)]
    if not pairs:
        raise UsageError("bridge: no stoves; give --stove NAME=URL (repeatable) or --sim N")
    names = [n.lower() for n, _ in pairs]
    for name, _url in pairs:
        if names.count(name.lower()) > 1:
            raise UsageError(f"--stove: two stoves are named {name!r}; each name must be unique")
    return pairs


def run(args: argparse.Namespace) -> int:
    from ..cli import UsageError
    from ..mqtt.broker import BrokerError
    from ..mqtt.cli_args import login_from_args
    from ..mqtt.topics import TopicError, Topics, check_prefix

    try:
        login = login_from_args(args)
        check_prefix(args.discovery_prefix, "--discovery-prefix")
        topics = Topics(args.topic_prefix)
    except (BrokerError, TopicError) as exc:
        raise UsageError(str(exc)) from None
    bridge_id = args.bridge_id or default_bridge_id()
    if not re.fullmatch(r"[A-Za-z0-9-]{1,64}", bridge_id):
        raise UsageError(f"--bridge-id {bridge_id!r}: use 1-64 letters, digits or '-'")
    if args.stove_ca_cert and not args.stoves:
        raise UsageError("--stove-ca-cert is for ksps:// stoves given with --stove")
    pairs = _stoves(args)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(message)s")
    for noisy in ("aiomqtt", "kitchen_ui.protocol"):
        logging.getLogger(noisy).setLevel(logging.DEBUG if args.verbose else logging.WARNING)
    stoves = _open_stoves(args, pairs, bridge_id)
    if stoves is None:
        return 1

    import asyncio

    from ..mqtt.bridge import Bridge, BridgeConfig
    from ..storage.database import DatabaseError

    config = BridgeConfig(login=login, topics=topics, bridge_id=bridge_id, control=args.control,
                          discovery_prefix=args.discovery_prefix, db_path=getattr(args, "db", None))
    bridge = Bridge(config, stoves)

    async def main() -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, bridge.request_stop)
        await bridge.run()

    logging.getLogger("kitchen_ui.mqtt").info(
        "bridge %s: %d stove(s) (%s) to %s, %s", bridge_id, len(stoves), ", ".join(n for n, _ in stoves),
        login.address, "controller (--control)" if args.control else "observer: MQTT can only switch off")
    try:
        asyncio.run(main())
    except DatabaseError as exc:
        print(f"kitchen-ui: error: {exc}", file=sys.stderr)
        return 1
    return 0


def _open_stoves(args: argparse.Namespace, pairs: list[tuple[str, str]], bridge_id: str):
    """[(name, Stove)] not started, or None after saying which cannot be opened."""
    from ..connect import StoveUrlError, open_simulated, open_stove

    role = "controller" if args.control else "observer"
    stoves = []
    for name, url in pairs:
        try:
            if url == "sim":
                stoves.append((name, open_simulated(speed=args.sim_speed, stove_id=f"{bridge_id}-{name}")))
            else:
                stoves.append((name, open_stove(url, token_file=args.bridge_token_file, ca_cert=args.stove_ca_cert,
                                                speed=args.sim_speed, role=role)))
        except (StoveUrlError, OSError, ValueError) as exc:
            print(f"kitchen-ui: cannot open the stove {name}: {exc}", file=sys.stderr)
            return None
    return stoves
