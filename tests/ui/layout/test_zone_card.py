"""Issue 9: the residual-heat badge "H" covered the zone's kind ("Induc…"); it now sits on the
mode line, and the kind, the numerals and the level show whole beside it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect

from .conftest import SIZES, settle


def rect_in(card, w) -> QRect:
    return QRect(w.mapTo(card, QPoint(0, 0)), w.size())


@pytest.mark.xvfb
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_h_badge_hides_nothing_of_a_hot_zone_that_is_off(qtbot, make_rig, size):
    rig = make_rig(size)
    for zone in range(4):
        rig.stove.set_zone(zone, residual_heat=True, temp_c=188.0)
    rig.stove.push()
    settle(qtbot, rig.window)
    for card in rig.window.cards.cards:
        assert card.heat.isVisible()
        badge = rect_in(card, card.heat)
        for w in (card.kind, card.temp, card.unit, card.level, card.name):
            assert not badge.intersects(rect_in(card, w)), f"H covers {w.text()!r} on {card.info.name}"
        for w in (card.kind, card.temp, card.target):
            need = w.fontMetrics().horizontalAdvance(w.text())
            assert w.contentsRect().width() >= need, f"{w.text()!r} is cut on {card.info.name} at {size}"


@pytest.mark.xvfb
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_fault_shows_on_its_card_without_moving_the_cards_or_the_plot_buttons(qtbot, make_rig, size):
    """As seen in the fault screenshot: the fault text grew its card, and the plot with its
    5 min / 15 min / 1 h / All buttons slid down under the finger."""
    rig = make_rig(size)
    settle(qtbot, rig.window)
    watched = list(rig.window.cards.cards) + list(rig.window.plot.window_buttons.values())
    before = [QRect(w.mapTo(rig.window, QPoint(0, 0)), w.size()) for w in watched]
    rig.stove.set_zone(1, fault="sensor_open", level=0, mode="off")
    rig.stove.push()
    settle(qtbot, rig.window)
    card = rig.window.cards.cards[1]
    assert card.fault.isVisible() and card.fault.text()
    after = [QRect(w.mapTo(rig.window, QPoint(0, 0)), w.size()) for w in watched]
    assert after == before
