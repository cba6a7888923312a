"""``kitchen-ui serve-sim`` as a user runs it: flags, the listening line, logs, signals, no Qt."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kitchen_ui.cli import main

ROOT = Path(__file__).resolve().parents[2]
NO_QT = ("import sys\n"
         "for m in ('PySide6', 'shiboken6', 'pyqtgraph'): sys.modules[m] = None  # importing them fails\n"
         "from kitchen_ui.cli import main\n"
         "sys.exit(main(sys.argv[1:]))\n")


# -- wrong flags: exit 2 with a message that names the problem --------------------------------------
@pytest.mark.parametrize("argv, says", [
    (["--port", "70000"], "port"),
    (["--port", "http"], "port"),
    (["--speed", "0"], "--speed"),
    (["--speed", "20000"], "--speed"),
    (["--link-loss", "explode"], "--link-loss"),
    (["--zones", "9"], "zones"),
    (["--profile", "no-such-hob"], "no-such-hob"),
    (["--host", "0.0.0.0"], "without a token"),
    (["--host", "192.168.1.20"], "without a token"),
    (["--tls-cert", "cert.pem"], "--tls-key"),
    (["--tls-cert", "/nonexistent/c.pem", "--tls-key", "/nonexistent/k.pem"], "no such file"),
    (["--token-file", "/nonexistent/token"], "--token-file"),
    (["--token", ""], "empty"),
    (["--token", "a", "--token-file", "f"], "not allowed with"),
    (["--heartbeat-timeout", "0"], "--heartbeat-timeout"),
    (["--telemetry-hz", "50"], "--telemetry-hz"),
])
def test_wrong_flags_exit_2_naming_the_problem(capsys, argv, says):
    with pytest.raises(SystemExit) as exc:
        code = main(["serve-sim", *argv])
        raise SystemExit(code)
    assert exc.value.code == 2
    assert says in capsys.readouterr().err


def test_an_unreadable_tls_key_is_refused(tmp_path, capsys, server_tls_cert):
    cert, _ = server_tls_cert
    bad = tmp_path / "key.pem"
    bad.write_text("not a key")
    assert main(["serve-sim", "--tls-cert", cert, "--tls-key", str(bad)]) == 2
    assert "--tls-key" in capsys.readouterr().err


# -- running ------------------------------------------------------------------------------------------
class Served:
    def __init__(self, *flags: str) -> None:
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.p = subprocess.Popen([sys.executable, "-c", NO_QT, "serve-sim", "--port", "0", *flags],
                                  cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.first_line = self.p.stdout.readline().strip()
        assert self.first_line.startswith("listening on "), self.p.stderr.read()
        host_port = self.first_line.split("://", 1)[1]
        self.host, port = host_port.rsplit(":", 1)
        self.port = int(port)

    def connect(self) -> "socket.socket":
        return socket.create_connection((self.host, self.port), timeout=3)

    def stop(self, sig=signal.SIGINT) -> tuple[int, str]:
        self.p.send_signal(sig)
        try:
            out, err = self.p.communicate(timeout=5)
        except subprocess.TimeoutExpired:
            self.p.kill()
            raise
        return self.p.returncode, err


def call(f, id_, method, params=None):
    msg = {"jsonrpc": "2.0", "id": id_, "method": method}
    if params is not None:
        msg["params"] = params
    f.write(json.dumps(msg).encode() + b"\n")
    f.flush()
    while True:
        m = json.loads(f.readline())
        if m.get("id") == id_:
            return m


def hello(f, role="controller", token=""):
    return call(f, 0, "hello", {"protocol": "ksp/1", "client": "cli-test", "token": token, "role": role})


def test_serves_headless_logs_and_stops_cleanly_on_ctrl_c():
    s = Served("--zones", "2", "--no-remote-start", "--link-loss", "hold")
    try:
        assert s.first_line == f"listening on ksp://127.0.0.1:{s.port}"
        sock = s.connect()
        f = sock.makefile("rwb")
        r = hello(f)["result"]
        assert len(r["zones"]) == 2 and r["remote_start"] is False and r["link_loss_policy"] == "hold"
        assert call(f, 1, "zone.set_level", {"zone": 0, "level": 3})["error"]["code"] == -32006
    finally:
        code, err = s.stop(signal.SIGINT)
    assert code == 0
    lines = err.strip().splitlines()
    assert any("connection 1 from 127.0.0.1" in line for line in lines)
    assert any("hello as controller" in line for line in lines)
    assert lines[-1].endswith("stopped")
    assert all(line[:4].isdigit() and line[10] == " " for line in lines)   # each line has its time


def test_sigterm_closes_connections_and_exits_0():
    s = Served("--speed", "100")
    sock = s.connect()
    f = sock.makefile("rwb")
    hello(f, "observer")
    t1 = call(f, 1, "ping")["result"]["t"]
    time.sleep(0.2)
    t2 = call(f, 2, "ping")["result"]["t"]
    assert 10 < t2 - t1 < 40                    # 100 stove seconds per wall second
    code, _ = s.stop(signal.SIGTERM)
    assert code == 0
    while sock.recv(1 << 20):                   # the stove closed our connection (else: timeout)
        pass


def test_token_file_and_tls(tmp_path, server_tls_cert):
    import ssl
    cert, key = server_tls_cert
    token = tmp_path / "token"
    token.write_text("kitchen-secret\n")
    s = Served("--token-file", str(token), "--tls-cert", cert, "--tls-key", key)
    try:
        assert s.first_line.startswith("listening on ksps://127.0.0.1:")
        ctx = ssl.create_default_context(cafile=cert)
        sock = ctx.wrap_socket(s.connect(), server_hostname="localhost")
        f = sock.makefile("rwb")
        assert hello(f, token="kitchen-secret")["result"]["role"] == "controller"
    finally:
        assert s.stop()[0] == 0


def test_a_busy_port_is_reported():
    s = Served()
    try:
        p = subprocess.run([sys.executable, "-m", "kitchen_ui", "serve-sim", "--port", str(s.port)],
                           cwd=ROOT, capture_output=True, text=True, timeout=20)
        assert p.returncode == 1 and f"cannot listen on 127.0.0.1:{s.port}" in p.stderr
    finally:
        s.stop()


@pytest.mark.parametrize("flags, says", [
    ((), "on link loss: zones switch off"),
    (("--link-loss", "hold"), "on link loss: zones keep heating (safety timers still apply)"),
])
def test_the_startup_line_says_what_link_loss_does(flags, says):
    s = Served("--zones", "1", *flags)
    code, err = s.stop(signal.SIGINT)
    assert code == 0
    serving = next(line for line in err.splitlines() if "serving " in line)
    assert serving.endswith(says) and "link loss off" not in serving
