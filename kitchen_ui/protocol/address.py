"""Where a KSP/1 stove is: ``ksp://HOST:PORT``, ``ksps://HOST:PORT`` (TLS), or ``sim`` (this app).

Parsing an address needs no transport, so the network client and the command line share it.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit


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
