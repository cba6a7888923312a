"""The ``kitchen-ui`` command's entry: main()'s exit code reaches the shell, and the exit is quick.

entry() freezes the garbage collector's view of the objects still alive once main() has closed
everything, so the interpreter does not walk them all on the way out (bench_startup.py measures
the time). A subprocess, since entry() ends the process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import atexit, gc, sys
atexit.register(lambda: print("frozen", gc.get_freeze_count(), file=sys.stderr))
from kitchen_ui.cli import entry
sys.argv = ["kitchen-ui", *sys.argv[1:]]
entry()
"""


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    return subprocess.run([sys.executable, "-c", PROBE, *args], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=60)


def test_entry_passes_main_s_exit_code_and_leaves_with_the_collector_frozen(tmp_path):
    db = str(tmp_path / "kitchen.sqlite3")
    ok = run(tmp_path, "recipes", "list", "--db", db)
    assert ok.returncode == 0, ok.stderr
    assert "Borscht" in ok.stdout
    frozen = int(ok.stderr.split("frozen")[-1])
    assert frozen > 1000, ok.stderr
    missing = run(tmp_path, "recipes", "show", "no-such-recipe", "--db", db)
    assert missing.returncode == 1 and "no-such-recipe" in missing.stderr, missing.stderr

