"""A stove the dashboard cannot reach at the start: the banner says why, in plain words, while retrying.

Real sockets on loopback for each reason (a refused port, a name that never resolves, a TLS stove
with a certificate we do not trust, a stove that wants another token), and the exit of a run that
quits by itself without ever reaching the stove: code 1, the reason on stderr.
"""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
from pathlib import Path

import pytest

from kitchen_ui.core.model import LinkStatus
from kitchen_ui.protocol.aio_server import ServerThread
from kitchen_ui.protocol.client import Backoff
from kitchen_ui.protocol.network_stove import NetworkStove
from kitchen_ui.sim.serve import build_sim_server
from kitchen_ui.sim.profiles import load_profile

from .windows import open_dashboard

FAST = dict(connect_timeout_s=1.0, request_timeout_s=0.5, max_tick_s=0.02, backoff=Backoff(0.05, 0.2))
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def refused_port():
    with socket.socket() as holder:      # bound but not listening: connections are refused
        holder.bind(("127.0.0.1", 0))
        yield holder.getsockname()[1]


@pytest.fixture
def serve():
    started: list[ServerThread] = []

    def make(**kw) -> int:
        ctx = kw.pop("ssl_context", None)
        thread = ServerThread(build_sim_server(load_profile("induction-4"), **kw), "127.0.0.1", 0,
                              ssl_context=ctx).start()
        started.append(thread)
        return thread.address[1]

    yield make
    for thread in started:
        thread.stop()


def tls_context(tmp_path: Path) -> ssl.SSLContext:
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    try:
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                        "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2", "-subj", "/CN=localhost",
                        "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"],
                       check=True, capture_output=True, timeout=30)
    except (FileNotFoundError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"openssl cannot make a test certificate: {exc}")
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(str(cert), str(key))
    return ctx


def banner_after_failure(qtbot, url: str, **kw) -> str:
    stove = NetworkStove(url, **FAST, **kw)
    window, model = open_dashboard(qtbot, stove)
    try:
        qtbot.waitUntil(lambda: bool(model.link.problem), timeout=5000)
        banner = window.link_banner
        assert banner.isVisible() and banner.property("kind") == "lost"
        assert model.link.status is LinkStatus.CONNECTING and not stove.link.online
        assert not window.manual.level_buttons[4].isEnabled()       # nothing pretends the stove is there
        return banner.label.text()
    finally:
        model.close()
        stove.stop()


def test_refused_port(qtbot, refused_port):
    words = banner_after_failure(qtbot, f"ksp://127.0.0.1:{refused_port}")
    assert words.startswith(f"The stove at ksp://127.0.0.1:{refused_port} refused the connection")
    assert "Is the stove on, and is the port right?" in words and words.endswith("Trying again…")


def test_unknown_host(qtbot):
    words = banner_after_failure(qtbot, "ksp://nohost.invalid:7868")
    assert "no computer on the network is called “nohost.invalid”" in words
    assert "Connecting to the stove" not in words


def test_untrusted_tls_certificate(qtbot, serve, tmp_path):
    port = serve(ssl_context=tls_context(tmp_path))
    words = banner_after_failure(qtbot, f"ksps://127.0.0.1:{port}")
    assert "certificate this screen does not trust" in words and "--ca-cert" in words


def test_wrong_token(qtbot, serve):
    port = serve(token="the-right-one")
    words = banner_after_failure(qtbot, f"ksp://127.0.0.1:{port}", token="a-wrong-one")
    assert "refused this screen's token" in words


def test_the_banner_shows_a_plain_connecting_line_until_an_attempt_fails(qtbot, fake_dashboard):
    from kitchen_ui.core.model import LinkState

    fake_dashboard.model.stove._set_link(LinkState(LinkStatus.CONNECTING, transport="ksp://stove:7868"))
    qtbot.waitUntil(lambda: fake_dashboard.link_banner.label.text() == "Connecting to the stove at ksp://stove:7868…")
    assert fake_dashboard.link_banner.property("kind") == "connecting"


def run_app(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, "-m", "kitchen_ui", *args], capture_output=True, text=True,
                          timeout=60, env=env, cwd=ROOT)


def test_a_run_that_never_connected_exits_1_with_the_reason(refused_port, tmp_path):
    shot = tmp_path / "shot.png"
    r = run_app("--stove", f"ksp://127.0.0.1:{refused_port}", "--screenshot", str(shot), "--run-for", "1")
    assert r.returncode == 1, r.stderr
    assert (f"never connected to the stove at ksp://127.0.0.1:{refused_port}: 127.0.0.1 refused the connection "
            f"on port {refused_port}") in r.stderr
    assert "trying again" not in r.stderr                    # the run is over; it does not promise a retry
    assert shot.stat().st_size > 0                          # the screenshot (with the banner) is still written


def test_a_run_that_connected_exits_0(serve):
    port = serve()
    r = run_app("--stove", f"ksp://127.0.0.1:{port}", "--run-for", "1.5")
    assert r.returncode == 0, r.stderr
    assert "never connected" not in r.stderr
