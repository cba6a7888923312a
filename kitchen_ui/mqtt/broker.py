"""Which broker, and how to log in: ``mqtt[s]://HOST[:PORT]`` plus a password file and a CA file.

Credentials come only from files (never a flag's value, never a topic or a payload), so they do
not show in ``ps`` or in a shell history. The URL may not carry them either.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

DEFAULT_PORTS = {"mqtt": 1883, "mqtts": 8883}


class BrokerError(ValueError):
    """A broker URL, credential file or CA file that cannot be used, naming the problem."""


@dataclass(frozen=True)
class BrokerAddress:
    host: str
    port: int
    tls: bool

    def __str__(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{'mqtts' if self.tls else 'mqtt'}://{host}:{self.port}"


def parse_broker_url(url: str) -> BrokerAddress:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise BrokerError(f"broker {url!r}: {exc}") from None
    if parts.scheme not in DEFAULT_PORTS:
        raise BrokerError(f"broker {url!r}: expected mqtt://HOST:PORT or mqtts://HOST:PORT")
    if parts.username or parts.password:
        raise BrokerError(f"broker {parts.scheme}://…@{parts.hostname}: put the user name in --username and "
                          "the password in --password-file, not in the URL")
    if not parts.hostname:
        raise BrokerError(f"broker {url!r}: no host name")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise BrokerError(f"broker {url!r}: a broker address has no path or query")
    return BrokerAddress(parts.hostname, port or DEFAULT_PORTS[parts.scheme], parts.scheme == "mqtts")


@dataclass(frozen=True)
class BrokerLogin:
    """Everything needed to open a connection to one broker."""

    address: BrokerAddress
    username: str | None = None
    password: str | None = None
    ca_cert: str | None = None

    def tls_context(self) -> ssl.SSLContext | None:
        if not self.address.tls:
            return None
        ctx = ssl.create_default_context()
        if self.ca_cert:
            try:
                ctx.load_verify_locations(self.ca_cert)
            except (OSError, ssl.SSLError) as exc:
                raise BrokerError(f"--ca-cert {self.ca_cert!r}: {getattr(exc, 'strerror', None) or exc}") from None
        return ctx

    def client_kwargs(self) -> dict:
        """Keyword arguments for ``aiomqtt.Client`` (add ``identifier`` and ``will``)."""
        return {"hostname": self.address.host, "port": self.address.port, "username": self.username,
                "password": self.password, "tls_context": self.tls_context()}


def read_password_file(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as fh:
            secret = fh.read().strip()
    except OSError as exc:
        raise BrokerError(f"--password-file {path!r}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise BrokerError(f"--password-file {path!r}: not a text file") from None
    if not secret:
        raise BrokerError(f"--password-file {path!r} is empty")
    return secret


def broker_login(url: str, *, username: str | None = None, password_file: str | None = None,
                 ca_cert: str | None = None) -> BrokerLogin:
    """The login for ``--broker`` and its flags; BrokerError naming what is wrong."""
    address = parse_broker_url(url)
    if password_file and not username:
        raise BrokerError("--password-file needs --username")
    if ca_cert and not address.tls:
        raise BrokerError(f"--ca-cert only applies to an mqtts:// broker, not {address}")
    login = BrokerLogin(address, username, read_password_file(password_file) if password_file else None, ca_cert)
    login.tls_context()       # an unreadable CA file is named now, not at the first connection
    return login
