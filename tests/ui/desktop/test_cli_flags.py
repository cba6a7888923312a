"""The new flags from the command line: --kiosk, --lang, --settings, --dim-after."""

from __future__ import annotations

import pytest

from ..test_dashboard_cli import png_size, run_app


def test_kiosk_in_german_writes_its_screenshot_and_exits_by_itself(tmp_path):
    out = tmp_path / "kiosk.png"
    settings = tmp_path / "settings.ini"
    r = run_app("--kiosk", "--lang", "de", "--size", "1024x600", "--settings", str(settings), "--screenshot",
                str(out), "--run-for", "0.8")
    assert r.returncode == 0, r.stderr
    assert png_size(out) == (1024, 600)
    assert "Traceback" not in r.stderr


@pytest.mark.parametrize("args, words", [
    (["--lang", "xx"], "--lang: no translation for 'xx'"),
    (["--dim-after", "-5"], "--dim-after"),
    (["--dim-after", "soon"], "--dim-after"),
])
def test_wrong_values_exit_2_naming_the_flag(args, words):
    r = run_app(*args, "--run-for", "0.1")
    assert r.returncode == 2 and words in r.stderr, r.stderr


def test_a_settings_path_that_is_a_folder_is_refused(tmp_path):
    r = run_app("--settings", str(tmp_path), "--run-for", "0.1")
    assert r.returncode == 2 and "--settings" in r.stderr and "is a folder" in r.stderr
