"""Issue 9, smaller layout items on the kitchen's pages: the recipe list keeps room at
1024x600, and the cooking view shows a second pot's step whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from .conftest import settle


def rows_in_view(lst) -> int:
    view = lst.viewport().rect()
    return sum(view.contains(lst.visualRect(lst.model().index(r, 0))) for r in range(lst.count()))


@pytest.mark.xvfb
def test_at_1024x600_the_filters_fold_and_the_list_shows_several_recipes(qtbot, make_rig):
    rig = make_rig((1024, 600))
    window, page = rig.window, rig.kitchen.library_page
    window.show_page(page)
    settle(qtbot, window)
    assert page.filters_button.isVisible() and not page.tag_box.isVisible()
    assert rows_in_view(page.list) >= 4, f"only {rows_in_view(page.list)} recipes in view"
    qtbot.mouseClick(page.filters_button, Qt.MouseButton.LeftButton)       # the filters, on demand
    settle(qtbot, window)
    assert page.tag_box.isVisible() and page.time_chips["≤ 30 min"].isVisible()
    qtbot.mouseClick(page.time_chips["≤ 30 min"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.filters_button, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert not page.tag_box.isVisible()
    assert page.filters_button.text() == "Filters (1 on)"                 # a folded filter still says it is on


def test_at_1280x800_every_filter_shows_without_a_button(qtbot, make_rig):
    rig = make_rig((1280, 800))
    page = rig.kitchen.library_page
    rig.window.show_page(page)
    settle(qtbot, rig.window)
    assert page.tag_box.isVisible() and not page.filters_button.isVisible()


def test_on_a_short_screen_the_resume_offer_s_buttons_are_in_view_without_scrolling(qtbot, make_rig):
    from .test_notice_walk import SAVED

    short, tall = make_rig((1024, 600)), make_rig((1280, 800))
    for rig in (short, tall):
        rig.kitchen.idle.set_offer(SAVED, True, "")
        settle(qtbot, rig.window)
    assert not short.window.recipe_area.title.isVisible() and tall.window.recipe_area.title.isVisible()
    idle = short.kitchen.idle
    area = short.window.recipe_area.scroll.viewport()
    for widget in (idle.offer_title, idle.resume, idle.discard):
        top = widget.mapTo(area, widget.rect().topLeft()).y()
        assert 0 <= top and top + widget.height() <= area.height(), widget   # whole, with no scrolling
    assert idle.resume.height() >= 48 and idle.discard.height() >= 48
    assert idle.offer_title.text().startswith("Interrupted: ")
