"""Command output piped into a reader that quits early (`| head`) ends quietly, exit 0.

The reader is gone before the command starts, so every write fails: with stdout block-buffered
(a pipe, no PYTHONUNBUFFERED) the only write is the final flush, which must happen inside
``cli.main`` rather than at interpreter exit ("Exception ignored ... BrokenPipeError", exit 120).
Both buffering modes are run, so the result does not depend on the environment or on timing.
"""

import os
import subprocess
import sys

import pytest

COMMANDS = [["recipes", "list"], ["recipes", "show", "1"], ["profiles", "list"], ["energy", "week"],
            ["sessions", "list"], ["db", "check"], ["--help"], ["recipes", "--help"]]


@pytest.fixture(scope="module")
def kitchen(tmp_path_factory):
    path = tmp_path_factory.mktemp("pipes") / "k.db"
    subprocess.run([sys.executable, "-m", "kitchen_ui", "recipes", "list", "--db", str(path)],
                   check=True, capture_output=True)
    return str(path)


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize("argv", COMMANDS, ids=" ".join)
def test_output_into_a_closed_pipe_is_not_an_error(kitchen, argv, unbuffered):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    proc = subprocess.Popen([sys.executable, "-m", "kitchen_ui", *argv, "--db", kitchen]
                            if "--help" not in argv else [sys.executable, "-m", "kitchen_ui", *argv],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    proc.stdout.close()          # the reader is gone before the command writes a line
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err.decode()
    assert err == b"", err.decode()
