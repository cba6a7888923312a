"""A real Mosquitto broker for one test: its own free loopback port, generated config, stopped after.

``Mosquitto(tmp_path, ...)`` writes a config (anonymous or password login, optional TLS, ACL,
persistence off by default), starts ``mosquitto -c`` and waits until the port accepts. It can be
stopped and started again on the same port (a broker restart that forgets retained messages
unless ``persistence=True``). Debian's ``mosquitto`` package provides the binary; ``.ci/run``
installs it.
"""

from __future__ import annotations

import getpass
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mosquitto_binary() -> str:
    for path in (shutil.which("mosquitto"), "/usr/sbin/mosquitto"):
        if path and Path(path).exists():
            return path
    pytest.fail("Mosquitto is not installed: the MQTT tests run against a real broker "
                "(Debian: apt-get install mosquitto; .ci/run installs it)")


class Mosquitto:
    def __init__(self, folder: Path, *, users: dict[str, str] | None = None, tls: tuple[str, str] | None = None,
                 acl: str | None = None, persistence: bool = False, port: int | None = None) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.host = "127.0.0.1"
        self.port = port or free_port()
        self.tls = tls is not None
        self.proc: subprocess.Popen | None = None
        self.log = self.folder / "mosquitto.log"
        # as root, Mosquitto drops to the 'mosquitto' user and cannot read the password or TLS files in
        # the test's private folder; naming the user running it keeps it (ignored when not root)
        lines = [f"user {getpass.getuser()}", f"listener {self.port} {self.host}", "log_dest stderr", "log_type error", "log_type warning",
                 f"persistence {'true' if persistence else 'false'}",
                 f"persistence_location {self.folder}/", "max_queued_messages 100000"]
        if users:
            pwfile = self.folder / "passwords"
            pwfile.write_text("")
            for user, password in users.items():
                subprocess.run(["mosquitto_passwd", "-b", str(pwfile), user, password], check=True,
                               capture_output=True)
            lines += ["allow_anonymous false", f"password_file {pwfile}"]
        else:
            lines.append("allow_anonymous true")
        if tls:
            cert, key = tls
            lines += [f"certfile {cert}", f"keyfile {key}"]
        if acl is not None:
            aclfile = self.folder / "acl"
            aclfile.write_text(acl)
            lines.append(f"acl_file {aclfile}")
        self.config = self.folder / "mosquitto.conf"
        self.config.write_text("\n".join(lines) + "\n")

    @property
    def url(self) -> str:
        return f"{'mqtts' if self.tls else 'mqtt'}://{self.host}:{self.port}"

    def start(self, timeout: float = 10.0) -> "Mosquitto":
        self.proc = subprocess.Popen([mosquitto_binary(), "-c", str(self.config)],
                                     stdout=subprocess.DEVNULL, stderr=open(self.log, "ab"))
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"mosquitto exited with {self.proc.returncode}: {self.log.read_text()}")
            try:
                socket.create_connection((self.host, self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.02)   # waiting for a real process to open its port, not for time to pass
        raise RuntimeError(f"mosquitto did not open port {self.port} within {timeout} s")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def restart(self) -> None:
        self.stop()
        self.start()
