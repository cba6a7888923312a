"""``kitchen-ui bridge`` as a real process: SIGTERM, kill -9 (the last will), an absent broker, bad flags."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kitchen_ui.cli import main

ROOT = Path(__file__).resolve().parents[3]
STATUS = "hearth/bridge/proc/status"


def launch(broker_url: str, tmp_path: Path, *extra: str) -> tuple[subprocess.Popen, Path]:
    log = tmp_path / "bridge.log"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "kitchen_ui", "bridge", "--broker", broker_url, "--sim", "1",
                             "--bridge-id", "proc", "--db", str(tmp_path / "kitchen.sqlite3"), *extra],
                            stdout=subprocess.DEVNULL, stderr=open(log, "wb"), env=env, cwd=str(tmp_path))
    return proc, log


def wait_for_log(log: Path, words: str, proc: subprocess.Popen, timeout: float = 15.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = log.read_text(errors="replace")
        if words in text:
            return text
        assert proc.poll() is None, f"the bridge exited with {proc.returncode}: {text}"
        time.sleep(0.05)     # a real process writing its log
    raise AssertionError(f"{words!r} not in the bridge's log within {timeout} s: {log.read_text()}")


@pytest.fixture
def procs():
    started: list[subprocess.Popen] = []
    yield started
    for p in started:
        if p.poll() is None:
            p.kill()
            p.wait()


def test_sigterm_says_offline_and_exits_0(mosquitto, watch, tmp_path, procs):
    proc, log = launch(mosquitto.url, tmp_path)
    procs.append(proc)
    w = watch(mosquitto)
    w.wait(lambda m: m.topic == STATUS and m.text == "online", timeout=20, what="the bridge online")
    w.wait(lambda m: m.topic == "hearth/sim-1/telemetry")
    mark = w.mark()
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(15) == 0, log.read_text()
    w.wait(lambda m: m.topic == STATUS and m.text == "offline", since=mark, what="offline from the bridge")
    w.wait(lambda m: m.topic == "hearth/sim-1/link" and m.text == "offline", since=mark)
    assert w.wait(lambda m: m.topic == "hearth/sim-1/link/state", since=mark).json()["status"] == "closed"
    late = watch(mosquitto, (STATUS,))
    assert late.wait(lambda m: m.retain).text == "offline"
    assert "told the broker the bridge is offline" in log.read_text()


def test_kill_9_leaves_the_last_will(mosquitto, watch, tmp_path, procs):
    proc, _log = launch(mosquitto.url, tmp_path)
    procs.append(proc)
    w = watch(mosquitto, (STATUS,))
    w.wait(lambda m: m.text == "online", timeout=20, what="the bridge online")
    mark = w.mark()
    proc.kill()
    proc.wait(5)
    w.wait(lambda m: m.text == "offline", since=mark, timeout=10, what="the broker publishing the last will")
    late = watch(mosquitto, (STATUS,))
    assert late.wait(lambda m: m.retain).text == "offline"


def test_an_absent_broker_is_retried_with_a_clear_log_line(tmp_path, watch, procs):
    from broker_process import Mosquitto, free_port

    port = free_port()
    proc, log = launch(f"mqtt://127.0.0.1:{port}", tmp_path)
    procs.append(proc)
    wait_for_log(log, f"cannot reach the broker mqtt://127.0.0.1:{port}", proc)
    broker = Mosquitto(tmp_path / "late-broker", port=port).start()      # the broker comes up later
    try:
        w = watch(broker, (STATUS,))
        w.wait(lambda m: m.text == "online", timeout=30, what="the bridge connecting once the broker is up")
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(15) == 0
    finally:
        broker.stop()


@pytest.mark.parametrize("argv, words", [
    (["--broker", "http://h:1", "--sim", "1"], "mqtt://"),
    (["--broker", "mqtt://h:1"], "no stoves"),
    (["--broker", "mqtt://h:1", "--stove", "kitchen=ksp://h:1"], "reserved"),
    (["--broker", "mqtt://h:1", "--stove", "wok/1=ksp://h:1"], "letters, digits"),
    (["--broker", "mqtt://h:1", "--stove", "ksp://h:1"], "NAME=URL"),
    (["--broker", "mqtt://h:1", "--stove", "a=ksp://h:1", "--stove", "A=ksp://h:2"], "unique"),
    (["--broker", "mqtt://h:1", "--stove", "a=http://h:1"], "--stove"),
    (["--broker", "mqtt://h:1", "--sim", "1", "--password-file", "pw"], "--username"),
    (["--broker", "mqtt://h:1", "--sim", "1", "--topic-prefix", "a/#"], "--topic-prefix"),
    (["--broker", "mqtt://h:1", "--sim", "1", "--discovery-prefix", "+"], "--discovery-prefix"),
    (["--broker", "mqtt://h:1", "--sim", "1", "--bridge-id", "a b"], "--bridge-id"),
    (["--broker", "mqtt://h:1", "--sim", "1", "--stove-ca-cert", "ca.pem"], "--stove-ca-cert"),
    (["--broker", "mqtt://h:1", "--sim", "-1"], "--sim"),
    (["--sim", "1"], "--broker"),
])
def test_a_bad_flag_exits_2_naming_it(argv, words, capsys):
    try:
        code = main(["bridge", *argv])
    except SystemExit as exc:        # argparse's own usage errors
        code = exc.code
    assert code == 2
    assert words in capsys.readouterr().err


def test_sigterm_while_a_silent_broker_holds_the_connection_exits_at_once(tmp_path, procs):
    """A listener that accepts TCP and never answers MQTT: stopping does not wait out the connect timeout."""
    import socket

    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        proc, log = launch(f"mqtt://127.0.0.1:{port}", tmp_path)
        procs.append(proc)
        silent.settimeout(20)
        conn, _addr = silent.accept()                 # the bridge is now waiting for a CONNACK
        with conn:
            wait_for_log(log, "bridge proc: 1 stove(s)", proc)
            t0 = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(15) == 0, log.read_text()
            assert time.monotonic() - t0 < 3.0, "stopping waited for the connection attempt"
