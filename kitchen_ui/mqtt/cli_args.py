"""The broker flags, the same on every command that talks MQTT (bridge, fleet, recipes share...).

Light on purpose: the dashboard's parser adds them without importing an MQTT client.
"""

from __future__ import annotations

import argparse

from .topics import DEFAULT_PREFIX


def add_broker_args(p: argparse.ArgumentParser, *, required: bool = False, ca_flag: str = "--ca-cert",
                    url_help: str = "the MQTT broker, mqtt://HOST:PORT or mqtts://HOST:PORT") -> None:
    p.add_argument("--broker", metavar="URL", required=required, help=url_help)
    p.add_argument("--username", metavar="U", help="log in to the broker as U")
    p.add_argument("--password-file", metavar="F", help="read the broker password from F (never a flag's value)")
    p.add_argument(ca_flag, dest="broker_ca_cert", metavar="F", help="trust this CA certificate for an mqtts:// broker")
    p.add_argument("--topic-prefix", default=DEFAULT_PREFIX, metavar="P",
                   help=f"Hearth's topics live under P (default {DEFAULT_PREFIX})")


def login_from_args(args: argparse.Namespace, url: str | None = None):
    """The :class:`~.broker.BrokerLogin` the flags describe, or None without ``--broker``.

    Raises BrokerError / TopicError naming the flag at fault (callers exit 2).
    """
    from .broker import broker_login
    from .topics import check_prefix

    url = url or getattr(args, "broker", None)
    if not url:
        for flag in ("username", "password_file", "broker_ca_cert"):
            if getattr(args, flag, None):
                from .broker import BrokerError
                raise BrokerError(f"--{flag.replace('_', '-')} needs a broker (--broker URL)")
        return None
    check_prefix(args.topic_prefix)
    return broker_login(url, username=args.username, password_file=args.password_file,
                        ca_cert=args.broker_ca_cert)
