"""The collector paused for a fast start must come back: after the first frame for the dashboard,
at once for subcommands (serve-sim runs for days). Each case runs in a fresh interpreter, as the
``kitchen-ui`` command does (kitchen_ui.cli.entry pauses it before anything else)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

PROBE = textwrap.dedent("""
    import gc, sys
    from kitchen_ui import cli, startup_gc
    startup_gc.pause()
    assert not gc.isenabled()
    seen = {}
    if sys.argv[1] == "sub":
        from kitchen_ui.commands import recipes
        real = recipes.run
        def run(args):
            seen["during"] = gc.isenabled()
            return real(args)
        recipes.run = run
        code = cli.main(["recipes", "list", "--db", sys.argv[2]])
    else:
        code = cli.main(["--run-for", "1.5", "--db", sys.argv[2]])
    print(code, seen.get("during"), gc.isenabled(), gc.get_freeze_count() > 0)
""")


def _probe(kind: str, tmp_path) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", PROBE, kind, str(tmp_path / "k.sqlite3")], env=env,
                         capture_output=True, text=True, timeout=90)
    assert out.returncode == 0, out.stderr
    return out.stdout.split()[-4:]


def test_a_subcommand_runs_with_the_collector_on(tmp_path):
    code, during, after, frozen = _probe("sub", tmp_path)
    assert (code, during, after, frozen) == ("0", "True", "True", "True")


@pytest.mark.slow
def test_the_dashboard_switches_the_collector_back_on_after_its_first_frame(tmp_path):
    # --run-for 1.5 s ends before the 3 s fallback: only the first paint can have resumed it
    code, _, after, frozen = _probe("dash", tmp_path)
    assert (code, after, frozen) == ("0", "True", "True")
