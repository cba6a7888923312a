"""``kitchen-ui serve-sim``: the simulated stove served over KSP/1 (headless, no Qt).

Prints one line ``listening on ksp://HOST:PORT`` on stdout once it listens (scripts read it),
logs connections and stove events on stderr, one timestamped line each, and stops cleanly on
Ctrl-C or SIGTERM. It refuses to listen beyond this machine without a token: anyone who can reach
the port could otherwise switch the stove on.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import logging
import os
import signal
import sys
import time
from typing import Any


# what the stove does when the controlling screen falls silent, said as what happens ("link loss off" read as "disabled")
LINK_LOSS_WORDS = {"off": "on link loss: zones switch off",
                   "hold": "on link loss: zones keep heating (safety timers still apply)"}

def _port(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number 0-65535, got {text!r}") from None
    if not 0 <= n <= 65535:
        raise argparse.ArgumentTypeError(f"port {n} is out of range 0-65535 (0 picks a free port)")
    return n


def _ranged(lo: float, hi: float, what: str):
    def parse(text: str) -> float:
        try:
            v = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a number, got {text!r}") from None
        if not lo <= v <= hi:
            raise argparse.ArgumentTypeError(f"{what} must be {lo:g} to {hi:g}, not {text}")
        return v
    return parse


def register(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("serve-sim", help="serve the simulated stove over KSP/1 (headless)",
                       description="Serve the simulated stove over KSP/1 on TCP (TLS with --tls-cert/--tls-key).")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1, this machine only)")
    p.add_argument("--port", type=_port, default=7868, help="TCP port (default 7868; 0 picks a free one)")
    tok = p.add_mutually_exclusive_group()
    tok.add_argument("--token", metavar="T", help="pre-shared token clients must give in hello")
    tok.add_argument("--token-file", metavar="F", help="read the token from a file")
    from ..cli import add_stove_choice
    add_stove_choice(p)
    p.add_argument("--speed", type=_ranged(0.1, 10000, "--speed"), default=1.0, metavar="X",
                   help="stove seconds per wall second, 0.1-10000 (default 1)")
    p.add_argument("--no-remote-start", action="store_true",
                   help="refuse to switch on a zone that is off (-32006), as real hobs do")
    p.add_argument("--link-loss", choices=("off", "hold"), default="off",
                   help="when the controller goes silent: switch every zone off (default) or hold")
    p.add_argument("--heartbeat-timeout", type=_ranged(0.1, 600, "--heartbeat-timeout"), default=3.0,
                   metavar="S", help="seconds of controller silence before link loss (default 3)")
    p.add_argument("--telemetry-hz", type=_ranged(1, 20, "--telemetry-hz"), default=10.0, metavar="HZ",
                   help="telemetry messages per second after hello (default 10)")
    p.add_argument("--tls-cert", metavar="F", help="serve ksps:// with this certificate (PEM)")
    p.add_argument("--tls-key", metavar="F", help="the certificate's private key (PEM)")
    return p


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def log_to_stderr() -> None:
    """The server's log (kitchen_ui.*, INFO and up, tracebacks included) on stderr, stamped like log_line."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s.%(msecs)03d %(message)s", "%Y-%m-%d %H:%M:%S"))
    root = logging.getLogger("kitchen_ui")
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def log_line(message: str) -> None:
    t = time.time()
    stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(t)) + f".{int(t % 1 * 1000):03d}"
    print(f"{stamp} {message}", file=sys.stderr, flush=True)


def _settings(args: argparse.Namespace) -> dict[str, Any]:
    """Everything the flags say, checked; raises UsageError naming the problem."""
    from ..cli import UsageError
    from ..connect import StoveUrlError, read_token
    from ..sim.profiles import ProfileError, default_profile_name, load_profile, profile_with_zones

    try:
        token = read_token(args.token, args.token_file)
    except StoveUrlError as exc:
        raise UsageError(str(exc)) from None
    if (args.token is not None or args.token_file) and not token:
        raise UsageError("the token is empty; give a non-empty --token or --token-file")
    if not token and not is_loopback(args.host):
        raise UsageError(f"refusing to listen on {args.host} without a token: anyone on the network could "
                         "switch the stove on; give --token or --token-file, or use --host 127.0.0.1")
    if bool(args.tls_cert) != bool(args.tls_key):
        raise UsageError("--tls-cert and --tls-key go together")
    ssl_context = None
    if args.tls_cert:
        for flag, path in (("--tls-cert", args.tls_cert), ("--tls-key", args.tls_key)):
            if not os.path.isfile(path):
                raise UsageError(f"{flag} {path!r}: no such file")
        import ssl
        from ..protocol.aio_server import tls_server_context
        try:
            ssl_context = tls_server_context(args.tls_cert, args.tls_key)
        except (ssl.SSLError, OSError, ValueError) as exc:
            raise UsageError(f"cannot use --tls-cert/--tls-key: {exc}") from None
    try:
        profile = profile_with_zones(args.zones) if args.zones else load_profile(args.profile or default_profile_name())
    except ProfileError as exc:
        raise UsageError(str(exc)) from None
    return {"token": token, "ssl_context": ssl_context, "profile": profile}


def run(args: argparse.Namespace) -> int:
    settings = _settings(args)
    from ..sim.serve import build_sim_server

    log_to_stderr()
    server = build_sim_server(
        settings["profile"], speed=args.speed, token=settings["token"],
        remote_start=not args.no_remote_start, link_loss_policy=args.link_loss,
        telemetry_hz=args.telemetry_hz, heartbeat_timeout_s=args.heartbeat_timeout)
    try:
        return asyncio.run(_serve(server, args.host, args.port, settings["ssl_context"]))
    except KeyboardInterrupt:   # a platform without signal handlers in the loop
        return 0


async def _serve(server: Any, host: str, port: int, ssl_context: Any) -> int:
    from ..protocol.aio_server import AioStoveServer

    aio = AioStoveServer(server, host, port, ssl_context=ssl_context)
    try:
        await aio.start()
    except OSError as exc:
        log_line(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
        return 1
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop.set)
        except (NotImplementedError, RuntimeError):
            pass
    sim = server.backend
    info = sim.stove.info
    log_line(f"serving {info.model} ({len(info.zones)} zones) at speed {sim.speed:g}, "
             f"token {'required' if server.token else 'none'}, {LINK_LOSS_WORDS[sim.link_loss_policy]}")
    print(f"listening on {aio.url}", flush=True)
    await stop.wait()
    log_line("stopping: closing connections")
    await aio.close()
    await asyncio.sleep(0.05)   # let the transports write their last bytes
    log_line("stopped")
    return 0
