"""Open the stove a user asked for: the built-in simulator or a KSP/1 stove on the network.

This is the only place that knows transports exist; everything else gets a :class:`Stove`.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from .core.stove import Stove


class StoveUrlError(ValueError):
    """The --stove value is not 'sim', ksp://HOST:PORT or ksps://HOST:PORT."""


@dataclass(frozen=True)
class StoveAddress:
    scheme: str          # "sim", "ksp" or "ksps"
    host: str = ""
    port: int = 7868

    @property
    def tls(self) -> bool:
        return self.scheme == "ksps"

    def __str__(self) -> str:
        return "sim" if self.scheme == "sim" else f"{self.scheme}://{self.host}:{self.port}"


def parse_stove_url(text: str) -> StoveAddress:
    if text in ("sim", "", None):
        return StoveAddress("sim")
    parts = urlsplit(text)
    if parts.scheme not in ("ksp", "ksps"):
        raise StoveUrlError(f"--stove must be 'sim', ksp://HOST:PORT or ksps://HOST:PORT, not {text!r}")
    try:
        port = parts.port or 7868
    except ValueError:
        raise StoveUrlError(f"--stove {text!r}: the port must be a number 1-65535") from None
    if not parts.hostname:
        raise StoveUrlError(f"--stove {text!r}: no host name")
    return StoveAddress(parts.scheme, parts.hostname, port)


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
               ca_cert: str | None = None) -> Stove:
    """The stove behind ``--stove``; not started yet (call ``start()``)."""
    addr = parse_stove_url(address)
    if addr.scheme == "sim":
        return open_simulated(profile=profile, zones=zones, speed=speed)
    if ca_cert and not addr.tls:
        raise StoveUrlError(f"--ca-cert only applies to a ksps:// (TLS) stove, not {addr}")
    from .protocol.network_stove import NetworkStove

    secret = read_token(token, token_file)
    try:
        return NetworkStove(addr, token=secret, ca_cert=ca_cert)
    except ValueError as exc:  # an unreadable --ca-cert file
        raise StoveUrlError(f"--ca-cert: {exc}") from None
