"""Open the stove a user asked for: the built-in simulator or a KSP/1 stove on the network.

This is the only place that knows transports exist; everything else gets a :class:`Stove`.
"""

from __future__ import annotations

from .core.stove import Stove
from .protocol.address import StoveAddress, StoveUrlError, parse_stove_url

__all__ = ["StoveAddress", "StoveUrlError", "open_simulated", "open_stove", "parse_stove_specs", "parse_stove_url",
           "read_token"]

SINGLE_NAME = "stove"      # the name of the one stove of a plain ``--stove URL``


def open_simulated(profile: str | None = None, zones: int | None = None, speed: float = 1.0,
                   **kwargs) -> Stove:
    from .sim.local import LocalStove
    from .sim.profiles import default_profile_name, load_profile, profile_with_zones

    if zones is not None:
        prof = profile_with_zones(zones)
    else:
        prof = load_profile(profile or default_profile_name())
    return LocalStove(prof, speed=speed, **kwargs)


def read_token(token: str | None, token_file: str | None) -> str:
    """The pre-shared token from --token or --token-file ("" when neither is given)."""
    if token_file:
        try:
            with open(token_file, encoding="utf-8") as fh:
                return fh.read().strip()
        except OSError as exc:
            raise StoveUrlError(f"--token-file {token_file!r}: {exc.strerror or exc}") from None
    return token or ""


def open_stove(address: str = "sim", *, profile: str | None = None, zones: int | None = None,
               speed: float = 1.0, token: str | None = None, token_file: str | None = None,
               ca_cert: str | None = None, role: str = "controller") -> Stove:
    """The stove behind ``--stove``; not started yet (call ``start()``).

    ``role`` is the KSP/1 role asked of a network stove (an observer watches and may only switch
    off); the in-process simulator always answers its own app as controller.
    """
    addr = parse_stove_url(address)
    if addr.scheme == "sim":
        return open_simulated(profile=profile, zones=zones, speed=speed)
    if ca_cert and not addr.tls:
        raise StoveUrlError(f"--ca-cert only applies to a ksps:// (TLS) stove, not {addr}")
    from .protocol.network_stove import NetworkStove

    secret = read_token(token, token_file)
    try:
        return NetworkStove(addr, token=secret, ca_cert=ca_cert, role=role)
    except ValueError as exc:  # an unreadable --ca-cert file
        raise StoveUrlError(f"--ca-cert: {exc}") from None


def parse_stove_specs(values: list[str] | None) -> list[tuple[str, str]]:
    """``--stove`` as given (repeatable) as (name, url) pairs, in order.

    No flag is the simulator; one plain URL is the one stove it always was; several stoves each
    need a name (``NAME=URL``), unique and not empty. Raises :class:`StoveUrlError` naming the
    problem.
    """
    values = list(values or ["sim"])
    pairs: list[tuple[str, str]] = []
    for value in values:
        name, sep, url = value.partition("=")
        if not sep:
            if len(values) > 1:
                raise StoveUrlError(f"--stove {value!r}: with several stoves, name each one as NAME=URL")
            name, url = SINGLE_NAME, value
        name, url = name.strip(), url.strip()
        if not name:
            raise StoveUrlError(f"--stove {value!r}: the stove's name before '=' is empty")
        if not url:
            raise StoveUrlError(f"--stove {value!r}: no address after '='")
        if any(name == other for other, _ in pairs):
            raise StoveUrlError(f"--stove: two stoves are named {name!r}; each name must be unique")
        parse_stove_url(url)          # a wrong address is named now, before any stove opens
        pairs.append((name, url))
    return pairs
