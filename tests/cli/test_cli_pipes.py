"""Command output piped into a reader that quits early (`| head`) ends quietly, exit 0."""

import subprocess
import sys


def test_recipes_list_into_a_closed_pipe_is_not_an_error(tmp_path):
    proc = subprocess.Popen(
        [sys.executable, "-m", "kitchen_ui", "recipes", "list", "--db", str(tmp_path / "k.db")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()          # the reader is gone before the command writes a line
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err.decode()
    assert b"error" not in err.lower(), err.decode()
