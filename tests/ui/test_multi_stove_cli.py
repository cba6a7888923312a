"""``kitchen-ui --stove NAME=URL --stove NAME2=URL2`` as a user runs it: two served stoves, wrong flags."""

from __future__ import annotations

import json

import pytest

from kitchen_ui.protocol.aio_server import ServerThread
from kitchen_ui.sim.profiles import load_profile
from kitchen_ui.sim.serve import build_sim_server

from .test_dashboard_cli import run_app

TOKEN = "pot-lid-42"


@pytest.fixture
def two_served():
    servers = [ServerThread(build_sim_server(load_profile("induction-4"), speed=5.0, token=TOKEN)).start()
               for _ in range(2)]
    yield ["ksp://{}:{}".format(*s.address) for s in servers]
    for s in servers:
        s.stop()


def test_two_stoves_with_one_token_file_run_and_stats_count_them(tmp_path, two_served):
    token = tmp_path / "token"
    token.write_text(TOKEN + "\n")
    db = tmp_path / "kitchen.sqlite3"
    left, right = two_served
    r = run_app("--stove", f"left={left}", "--stove", f"right={right}", "--token-file", str(token),
                "--db", str(db), "--run-for", "1.5", "--stats")
    assert r.returncode == 0, r.stderr
    assert "never connected" not in r.stderr
    stats = json.loads(r.stdout.strip().splitlines()[-1])
    assert stats["stoves"] == 2 and stats["frames"] > 0


def test_one_stove_counts_one():
    r = run_app("--run-for", "0.5", "--stats")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout.strip().splitlines()[-1])["stoves"] == 1


@pytest.mark.parametrize("stoves, words", [
    (["a=sim", "a=sim"], "two stoves are named 'a'"),
    (["=sim"], "name before '=' is empty"),
    (["a=sim", "sim"], "name each one as NAME=URL"),
    (["a="], "no address after '='"),
    (["a=sim", "b=http://oven"], "--stove"),
])
def test_wrong_stove_flags_exit_2_naming_the_problem(stoves, words):
    args = [a for s in stoves for a in ("--stove", s)]
    r = run_app(*args, "--run-for", "0.1")
    assert r.returncode == 2, r.stderr
    assert words in r.stderr


def test_a_second_stove_never_reached_is_named_and_the_run_fails(tmp_path, two_served):
    import socket

    with socket.socket() as s:          # a port with nothing listening
        s.bind(("127.0.0.1", 0))
        free = s.getsockname()[1]
    token = tmp_path / "token"
    token.write_text(TOKEN)
    r = run_app("--stove", f"left={two_served[0]}", "--stove", f"right=ksp://127.0.0.1:{free}",
                "--token-file", str(token), "--run-for", "1.5")
    assert r.returncode == 1, r.stderr
    assert f"never connected to the stove right at ksp://127.0.0.1:{free}" in r.stderr
    assert "stove left" not in r.stderr and "stove at" not in r.stderr
