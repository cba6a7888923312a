"""Issue 9: the status bar cut its link line mid-word ("LINK LOS'"); now it shortens by whole
words, the stove's name first, and keeps the link state whole."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from kitchen_ui.core.model import LinkStatus
from kitchen_ui.ui.status import shorten_link


def words_of(line: str) -> set[str]:
    return set(line.replace("·", " ").replace("—", " ").split())


@pytest.mark.parametrize("status, role, state", [(LinkStatus.LOST, "controller", "LINK LOST"),
                                                  (LinkStatus.ONLINE, "observer", "online")])
def test_a_narrow_status_bar_keeps_whole_words_and_the_link_state(qtbot, fake_dashboard, fake_stove,
                                                                  status, role, state):
    fake_dashboard.resize(640, 600)
    fake_stove.set_link(status, role, "")
    link = fake_dashboard.status.link
    fake_dashboard.status.lock.setText("Child lock ON")         # a crowded bar
    fake_dashboard.status.lock.show()
    fake_dashboard.status.addPermanentWidget(QLabel("⚡ 0.272 kWh · 0.08 EUR · 68 g CO₂"))
    qtbot.waitUntil(lambda: link.width() < link.fontMetrics().horizontalAdvance(link.full_text), timeout=2000)
    shown = link.text()
    assert shown.endswith(state), shown
    assert link.fontMetrics().boundingRect(shown).width() <= link.contentsRect().width()
    assert words_of(shown) <= words_of(link.full_text) | {"…"}, f"a word was cut: {shown!r}"


def test_the_name_goes_word_by_word_then_the_address_then_the_role():
    parts = ["ksp://stove.local:7868", "controller", "LINK LOST"]
    full = shorten_link("○", "Hybrid hob with four zones", parts, lambda t: True)
    assert full == "○ Hybrid hob with four zones — ksp://stove.local:7868 · controller · LINK LOST"
    for room in range(len(full), 0, -1):
        line = shorten_link("○", "Hybrid hob with four zones", parts, lambda t, r=room: len(t) <= r)
        assert line.endswith("LINK LOST") and line.startswith("○")
        assert len(line) <= room or line == "○ LINK LOST"
    one_word = "○ Hybrid … — ksp://stove.local:7868 · controller · LINK LOST"
    assert shorten_link("○", "Hybrid hob", parts, lambda t: len(t) <= len(one_word)) == one_word
    no_address = "○ … · controller · LINK LOST"
    assert shorten_link("○", "Hybrid hob", parts, lambda t: len(t) <= len(no_address)) == no_address


def test_the_bold_lost_line_fits_to_its_last_letter(qtbot, fake_dashboard, fake_stove):
    fake_dashboard.resize(640, 600)
    fake_dashboard.status.addPermanentWidget(QLabel("⚡ 0.272 kWh · 0.08 EUR · 68 g CO₂"))
    link = fake_dashboard.status.link
    qtbot.waitUntil(lambda: link.width() < 400, timeout=2000)
    fake_stove.set_link(LinkStatus.LOST, "controller", "")        # the line turns bold as it changes
    assert link.font().bold()
    assert link.text().endswith("LINK LOST")
    drawn = link.fontMetrics().boundingRect(link.text())           # the ink, bold overhang included
    assert drawn.width() <= link.contentsRect().width()
