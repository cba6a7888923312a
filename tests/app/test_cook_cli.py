"""``kitchen-ui cook``: a recipe to the end from a terminal, on serve-sim and on the built-in
simulator; killed and resumed; Ctrl-C; prompts answered with Enter. Each runs the real command."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kitchen_ui.protocol.aio_server import ServerThread
from kitchen_ui.sim.serve import build_sim_server
from kitchen_ui.sim.profiles import load_profile
from kitchen_ui.storage.database import open_db
from kitchen_ui.storage.runs import RunStore
from kitchen_ui.storage.sessions import list_sessions

ROOT = Path(__file__).resolve().parents[2]


def cook_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "kitchen_ui", "cook", *args]


def env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}


def run(*args: str, stdin: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(cook_cmd(*args), capture_output=True, text=True, env=env(), input=stdin, timeout=timeout)


def events(stdout: str) -> list[dict]:
    """Every line is one JSON object: nothing else is on standard output."""
    return [json.loads(line) for line in stdout.splitlines()]


def outcomes(db) -> list[tuple[str | None, float | None]]:
    with open_db(db) as kdb:
        return [(s.outcome, s.energy_wh) for s in reversed(list_sessions(kdb))]


@pytest.fixture
def served():
    # "hold": zones a client leaves on stay on, so only cook itself can have switched them off
    server = ServerThread(build_sim_server(load_profile("induction-4"), speed=40.0, link_loss_policy="hold")).start()
    yield server
    server.stop()


def zones_on(server) -> list[int]:
    return server.call(lambda: [i for i, z in enumerate(server.aio.server.backend.stove.zones) if z.mode != "off"])


def test_a_starter_recipe_to_the_end_on_the_built_in_simulator_at_high_speed(tmp_path):
    db = tmp_path / "k.sqlite3"
    done = run("french-omelette", "--speed", "1000", "--auto-confirm", "--json", "--db", str(db))
    assert done.returncode == 0, done.stderr
    got = events(done.stdout)
    kinds = [e["event"] for e in got]
    assert kinds.count("step") == 5 and kinds.count("done") == 5 and "zone" in kinds and "waiting" in kinds
    assert got[-1]["event"] == "finish" and got[-1]["status"] == "completed" and got[-1]["energy_wh"] > 5
    # recorded exactly as the dashboard records: one session, finished, with its energy (metered on
    # until the session closed, so at least what the run had used when it finished)
    ((outcome, wh),) = outcomes(db)
    assert outcome == "finished" and wh >= got[-1]["energy_wh"] * 0.99


def test_a_starter_recipe_to_the_end_on_serve_sim(tmp_path, served):
    host, port = served.address
    db = tmp_path / "k.sqlite3"
    done = run("french-omelette", "--stove", f"ksp://{host}:{port}", "--auto-confirm", "--json", "--db", str(db))
    assert done.returncode == 0, done.stderr
    got = events(done.stdout)
    assert got[-1]["event"] == "finish" and got[-1]["status"] == "completed"
    assert [o for o, _ in outcomes(db)] == ["finished"]
    assert zones_on(served) == []


def _until(proc: subprocess.Popen, wanted, limit: int = 400) -> list[dict]:
    seen = []
    for _ in range(limit):
        line = proc.stdout.readline()
        assert line, f"cook ended early: {proc.stderr.read()}"
        seen.append(json.loads(line))
        if wanted(seen[-1]):
            return seen
    raise AssertionError("never saw it")


def test_killed_mid_run_it_resumes_with_its_timers_and_counts_both_sessions(tmp_path):
    db = tmp_path / "k.sqlite3"
    proc = subprocess.Popen(cook_cmd("egg-fried-rice", "--speed", "20", "--auto-confirm", "--json", "--db", str(db)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env())
    try:
        _until(proc, lambda e: e["event"] == "timer_started")
    finally:
        proc.kill()                                  # kill -9: nothing closed, nothing saved on the way out
        proc.wait(timeout=10)
    assert proc.returncode == -signal.SIGKILL
    resumed = run("--resume", "--speed", "500", "--auto-confirm", "--json", "--db", str(db))
    assert resumed.returncode == 0, resumed.stderr
    got = events(resumed.stdout)
    assert got[-1]["event"] == "finish" and got[-1]["status"] == "completed"
    (first, first_wh), (second, second_wh) = outcomes(db)
    assert first == "interrupted" and second == "finished"
    # the run's energy is over both sessions it was cooked in (the first settled from its samples)
    assert first_wh is not None and first_wh > 1
    # (the second session metered a little on after the finish, never less)
    assert second_wh + 0.9 * first_wh < got[-1]["energy_wh"] <= (first_wh + second_wh) * 1.01
    store = RunStore(db)
    assert store.unfinished() == []
    store.close()


def test_ctrl_c_switches_the_recipes_zones_off_records_it_and_exits_130(tmp_path, served):
    host, port = served.address
    db = tmp_path / "k.sqlite3"
    proc = subprocess.Popen(cook_cmd("egg-fried-rice", "--stove", f"ksp://{host}:{port}", "--auto-confirm", "--json",
                                     "--db", str(db)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env())
    try:
        _until(proc, lambda e: e["event"] == "zone" and e["setting"] != "off")
        assert zones_on(served)                     # the recipe has a zone on
        proc.send_signal(signal.SIGINT)
        rest, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    last = events(rest)[-1]
    assert last["event"] == "stopped" and last["zones_off"]
    assert zones_on(served) == []                   # off, although the server holds zones for a lost client
    assert [o for o, _ in outcomes(db)] == ["interrupted"]
    store = RunStore(db)
    assert [r.title for r in store.unfinished()] == ["Egg fried rice"]      # --resume can carry it on
    store.close()


def test_prompts_wait_for_enter_and_a_closed_input_cannot_answer(tmp_path):
    db = tmp_path / "k.sqlite3"
    proc = subprocess.Popen(cook_cmd("french-omelette", "--speed", "1000", "--json", "--db", str(db)),
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env())
    try:
        for _ in range(2):                          # the omelette asks twice
            _until(proc, lambda e: e["event"] == "waiting")
            proc.stdin.write("\n")
            proc.stdin.flush()
        rest, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert events(rest)[-1]["status"] == "completed"

    stuck = run("french-omelette", "--speed", "1000", "--json", "--db", str(tmp_path / "k2.sqlite3"), stdin="")
    assert stuck.returncode == 1
    assert events(stuck.stdout)[-1]["event"] == "stopped"
    assert "--auto-confirm" in events(stuck.stdout)[-1]["reason"]


@pytest.mark.parametrize("args, code, words", [
    ((), 2, "which recipe?"),
    (("9", "--resume"), 2, "not both"),
    (("--resume", "--servings", "2"), 2, "keeps its servings"),
    (("9", "--servings", "0"), 2, "servings are a whole number"),
    (("9", "--stove", "ksp://127.0.0.1:9", "--speed", "5"), 2, "--speed is for the built-in"),
    (("no-such-dish",), 1, "no-such-dish"),
    (("--resume",), 1, "no interrupted run to resume"),
])
def test_wrong_use_is_named(tmp_path, args, code, words):
    done = run(*args, "--db", str(tmp_path / "k.sqlite3"))
    assert done.returncode == code and words in done.stderr and done.stdout == ""


def test_a_stove_fault_fails_the_run_with_exit_1_and_its_zones_off(tmp_path, served):
    from kitchen_ui.sim.stove import FAULT_KINDS

    host, port = served.address
    db = tmp_path / "k.sqlite3"
    proc = subprocess.Popen(cook_cmd("egg-fried-rice", "--stove", f"ksp://{host}:{port}", "--auto-confirm", "--json",
                                     "--db", str(db)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env())
    try:
        seen = _until(proc, lambda e: e["event"] == "zone" and e["setting"] != "off")
        zone = seen[-1]["zone"]
        fault = next(iter(FAULT_KINDS))
        served.call(lambda: served.aio.server.backend.stove.inject_fault(zone, fault))
        rest, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 1, err
    got = events(rest)
    assert any(e["event"] == "alert" and e["kind"] == "stove" for e in got)
    assert got[-1]["event"] == "stopped"
    assert zones_on(served) == []
    assert [o for o, _ in outcomes(db)] == ["interrupted"]


def test_a_lost_stove_that_does_not_come_back_fails_the_run(tmp_path):
    server = ServerThread(build_sim_server(load_profile("induction-4"), speed=40.0)).start()
    host, port = server.address
    db = tmp_path / "k.sqlite3"
    proc = subprocess.Popen(cook_cmd("egg-fried-rice", "--stove", f"ksp://{host}:{port}", "--auto-confirm", "--json",
                                     "--lost-after", "1", "--db", str(db)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env())
    try:
        _until(proc, lambda e: e["event"] == "zone" and e["setting"] != "off")
        server.stop()
        rest, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 1, err
    got = events(rest)
    assert any(e["event"] == "alert" and e["kind"] == "link" for e in got)
    assert got[-1]["event"] == "stopped" and "did not come back within 1 s" in got[-1]["reason"]


def test_a_refused_command_fails_the_run(tmp_path, served):
    """The child lock goes on mid-run: the recipe's next switch-on is refused, and cook says so."""
    host, port = served.address
    db = tmp_path / "k.sqlite3"
    proc = subprocess.Popen(cook_cmd("egg-fried-rice", "--stove", f"ksp://{host}:{port}", "--auto-confirm", "--json",
                                     "--db", str(db)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env())
    try:
        _until(proc, lambda e: e["event"] == "step")
        served.call(lambda: served.aio.server.backend.stove.set_lock(True))
        rest, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 1, err
    got = events(rest)
    assert any(e["event"] == "alert" and e["kind"] == "command" and "lock" in e["message"] for e in got)
    assert got[-1]["event"] == "stopped" and "lock" in got[-1]["reason"]


def test_killed_mid_run_it_resumes_on_a_network_stove_that_kept_cooking(tmp_path, served):
    host, port = served.address
    db = tmp_path / "k.sqlite3"
    url = f"ksp://{host}:{port}"
    proc = subprocess.Popen(cook_cmd("egg-fried-rice", "--stove", url, "--auto-confirm", "--json", "--db", str(db)),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env())
    try:
        _until(proc, lambda e: e["event"] == "timer_started")
    finally:
        proc.kill()
        proc.wait(timeout=10)
    held = zones_on(served)
    assert held                                     # the server holds the zones of a client that went
    resumed = run("--resume", "--stove", url, "--auto-confirm", "--json", "--db", str(db))
    assert resumed.returncode == 0, resumed.stderr
    assert events(resumed.stdout)[-1]["status"] == "completed"
    assert [o for o, _ in outcomes(db)] == ["interrupted", "finished"]
    assert zones_on(served) == []


def test_without_json_the_cook_reads_steps_and_the_finish_in_words(tmp_path):
    done = run("9", "--servings", "2", "--speed", "1000", "--auto-confirm", "--db", str(tmp_path / "k.sqlite3"))
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("Step 1: Beat the eggs")
    assert any("[Enter when done]" in line for line in lines)
    assert lines[-1].startswith("French omelette: completed (") and lines[-1].endswith("session 1.")
