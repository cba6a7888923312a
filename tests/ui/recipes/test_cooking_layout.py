"""Issue 9: a second pot's step is shown whole, across its card, at every screen size (it was
squeezed into a narrow column beside its numerals: "Heat the…")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from .conftest import run_for


@pytest.mark.parametrize("size", [(1024, 600), (1280, 800), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_step_beside_the_current_one_uses_the_width_of_its_card(qtbot, kitchen, sim_stove, size):
    window = kitchen.window
    window.resize(*size)
    kitchen.start_recipe(kitchen.library.recipe("spaghetti-al-pomodoro"))     # two pots at once
    run_for(sim_stove, 30)
    QApplication.processEvents()
    window.grab()
    shown = [c for c in kitchen.cooking.cards if c.isVisible()]
    assert len(shown) == 2
    current, beside = shown
    assert not current.compact and beside.compact
    for card in shown:
        inner = card.contentsRect().width() - card.stripe.width() - 20
        for label in (card.meta, card.text):
            assert label.width() >= 0.9 * inner, f"{label.text()!r} is {label.width()} of {inner} px"
    # the numerals and the state sit on one line under the text, not beside it
    under_text = beside.text.mapTo(beside, beside.text.rect().bottomLeft()).y()
    for w in (beside.big, beside.state):
        assert w.mapTo(beside, w.rect().topLeft()).y() >= under_text


def _controls_shown_whole(kitchen):
    row = kitchen.cooking.controls
    for b in row.buttons:
        room = b.contentsRect().width() - 8                       # the style's padding, at least
        assert b.fontMetrics().horizontalAdvance(b.text()) <= room, f"{b.text()!r} is cut ({b.width()} px)"
    return row


def _start_cooking(qtbot, kitchen, sim_stove, size):
    kitchen.window.resize(*size)
    kitchen.start_recipe(kitchen.library.recipe("spaghetti-al-pomodoro"))
    run_for(sim_stove, 30)
    QApplication.processEvents()
    kitchen.window.grab()


def test_german_recipe_buttons_go_two_by_two_on_a_small_screen_and_never_move_on_pause(qtbot, german, kitchen, sim_stove):
    """At 1024×600 "Überspringen" and "Abbrechen" were cut to "berspringe" and "bbreche"."""
    _start_cooking(qtbot, kitchen, sim_stove, (1024, 600))
    row = _controls_shown_whole(kitchen)
    assert row.columns == 2 and kitchen.cooking.skip_button.text() == "Überspringen"
    places = [b.geometry() for b in row.buttons]
    qtbot.mouseClick(kitchen.cooking.pause_button, Qt.MouseButton.LeftButton)      # Pause -> Fortsetzen
    qtbot.waitUntil(lambda: kitchen.cooking.pause_button.text() != "Pause", timeout=3000)
    QApplication.processEvents()
    kitchen.window.grab()
    _controls_shown_whole(kitchen)
    assert [b.geometry() for b in row.buttons] == places


@pytest.mark.parametrize("size", [(1024, 600), (1280, 800)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_english_recipe_buttons_stay_in_one_row(qtbot, kitchen, sim_stove, size):
    _start_cooking(qtbot, kitchen, sim_stove, size)
    assert _controls_shown_whole(kitchen).columns == 4


def test_a_german_step_names_its_setting_in_german(qtbot, german, kitchen, sim_stove):
    """"Schritt 3 · Wide saucepan · back-right · level 3": the setting is ours to translate."""
    _start_cooking(qtbot, kitchen, sim_stove, (1280, 800))
    metas = [c.meta.text() for c in kitchen.cooking.cards if c.isVisible()]
    assert any("Stufe " in m for m in metas) and not any("level" in m for m in metas), metas
    assert any("Boost bis " in m for m in metas), metas
