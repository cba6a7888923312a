"""Small parts of the dashboard: words and numbers, the theme file, the frame statistics."""

import json

import pytest

from kitchen_ui.core.errors import LOCKED, KspError, LinkError
from kitchen_ui.core.model import LinkState, LinkStatus, ZoneState
from kitchen_ui.ui import text
from kitchen_ui.ui.stats import Percentiles
from kitchen_ui.ui.theme import (
    MIN_TOUCH_PX, Theme, ThemeError, load_theme, load_theme_or_default, scale_for_size,
)


def test_numbers_read_the_way_a_cook_reads_them():
    assert text.temp(178.43) == "178" and text.temp(None) == "--" and text.temp(float("nan")) == "--"
    assert text.power(0.2) == "0 W" and text.power(540) == "540 W" and text.power(3700) == "3.7 kW"
    assert text.clock(754) == "12:34" and text.clock(3 * 3600 + 5) == "3:00:05"
    assert text.level(ZoneState(0, mode="level", level=9, boost=True)) == "P"
    assert text.level(ZoneState(0, mode="level", level=4)) == "4"
    assert text.level(ZoneState(0)) == "0"
    assert text.fault("overheat") == "Overheated: switched off"
    assert text.axis_time(90, 30) == "1:30" and text.axis_time(3900, 300) == "1h05"


def test_reasons_name_the_problem():
    assert text.error_reason(KspError(LOCKED, "the stove is locked (child lock)")) == "the stove is locked (child lock)"
    assert text.error_reason(KspError(LOCKED, "")) == "locked"
    assert "no connection" in text.error_reason(LinkError("reset"))
    summary = text.link_summary(LinkState(LinkStatus.LOST, role="observer", transport="ksp://hob:7868"))
    assert summary == "ksp://hob:7868 · observer · LINK LOST"


def test_the_shipped_theme_loads_with_the_okabe_ito_palette():
    theme = load_theme()
    assert theme.zone_colors[:3] == ("#e69f00", "#56b4e9", "#009e73")
    assert "QPushButton#AllOff" in theme.stylesheet()


def test_touch_targets_never_shrink_below_48_px():
    small = Theme().with_scale(scale_for_size(640, 400))
    assert small.px("touch") >= MIN_TOUCH_PX
    assert scale_for_size(1280, 800) == 1.0
    assert scale_for_size(1920, 1080) > 1.2 and scale_for_size(1024, 600) < 0.8


def test_a_broken_theme_file_is_named_and_the_default_is_used(tmp_path, capsys):
    bad = tmp_path / "theme.json"
    bad.write_text("{ not json", encoding="utf-8")
    with pytest.raises(ThemeError, match="theme.json"):
        load_theme(bad)
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"colors": {"window": "black"}}), encoding="utf-8")
    with pytest.raises(ThemeError, match="'window'"):
        load_theme(wrong)
    theme = load_theme_or_default(bad)
    assert theme == Theme()
    assert "theme.json" in capsys.readouterr().err


def test_percentiles_are_bounded_and_close():
    p = Percentiles()
    for i in range(1, 1001):
        p.add(i / 10)                     # 0.1 .. 100 ms
    assert p.percentile(50) == pytest.approx(50, abs=0.1)
    assert p.percentile(99) == pytest.approx(99, abs=0.1)
    before = p.counts.nbytes
    for _ in range(10_000):
        p.add(5000.0)                      # beyond the histogram: counted, memory unchanged
    assert p.counts.nbytes == before and p.worst == 5000.0
