"""The recipe library page: find a recipe by words, cuisine or course, diet and time.

Left, the search field, the filters and the list (one large row a recipe); right, the chosen
recipe (:class:`~.recipe_view.RecipeView`). Filters combine: every chosen diet must match, the
time is a most, and words are looked for in the title and the tags. The list reloads when the
library changes (``KitchenLibrary.recipes_changed``, e.g. after an import).

On a short page (a 1024x600 screen) the filters fold behind one **Filters** button beside the
search, which says how many are on, so the list keeps room for more than a couple of recipes.
Other tabs may join the library on this page (:meth:`LibraryPage.add_tab`: the Community tab
with ``--broker``); without them the page has no tab row.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListView, QListWidget,
    QListWidgetItem, QPushButton, QStackedWidget, QVBoxLayout, QWidget,
)

from ...recipes.model import Recipe
from ...storage.library import KitchenLibrary
from ...storage.recipes_store import RecipeSummary
from ..zone_card import set_text
from .recipe_view import RecipeView, minutes, servings_text, touch_scrolling

translate = QCoreApplication.translate

# (key and English label, minutes); the chips show the label translated
TIME_LIMITS = ((QT_TRANSLATE_NOOP("LibraryPage", "Any time"), None),
               (QT_TRANSLATE_NOOP("LibraryPage", "≤ 15 min"), 15),
               (QT_TRANSLATE_NOOP("LibraryPage", "≤ 30 min"), 30),
               (QT_TRANSLATE_NOOP("LibraryPage", "≤ 1 h"), 60))
COMPACT_BELOW_PX = 560        # a page this short folds its filters behind one button
ALL_TAGS = QT_TRANSLATE_NOOP("LibraryPage", "Any cuisine or course")
TAG_KINDS = {"cuisine": QT_TRANSLATE_NOOP("LibraryPage", "Cuisine"),
             "course": QT_TRANSLATE_NOOP("LibraryPage", "Course"),
             "other": QT_TRANSLATE_NOOP("LibraryPage", "Other")}


def filter_recipes(items: Iterable[RecipeSummary], *, text: str = "", tag: tuple[str, str] | None = None,
                   diets: Sequence[str] = (), max_minutes: float | None = None) -> list[RecipeSummary]:
    """The recipes that pass every filter (Qt-free, so it is tested on its own)."""
    words = text.casefold().split()
    out = []
    for r in items:
        hay = " ".join([r.title] + [v for _k, v in r.tags]).casefold()
        if any(w not in hay for w in words):
            continue
        if tag is not None and tag not in r.tags:
            continue
        if any(("diet", d) not in r.tags for d in diets):
            continue
        if max_minutes is not None and (r.total_time_s is None or r.total_time_s > max_minutes * 60 + 1e-6):
            continue
        out.append(r)
    return out


def row_text(r: RecipeSummary) -> str:
    facts = [minutes(r.total_time_s), servings_text(r.servings)]
    facts += [v for k, v in r.tags if k in ("cuisine", "diet")]
    return f"{r.title}\n" + " · ".join(f for f in facts if f)


def _chip(label: str) -> QPushButton:
    b = QPushButton(label)
    b.setObjectName("Chip")
    b.setCheckable(True)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return b


class LibraryPage(QWidget):
    """Search and filters, the list, and the recipe view; ``start_requested(recipe)`` to cook.

    Hooks for who is eating (:mod:`kitchen_ui.ui.diet`): :meth:`add_top_bar` puts a bar across
    the page; ``marker(summary)`` may hide a row or mark it (an object with ``hidden``, ``text``
    and ``icon``); :meth:`show_aside` shows another panel in place of the recipe.
    """

    start_requested = Signal(object)
    refiltered = Signal()                # the list was filled again (``hidden``: rows the marker hid)
    tab_changed = Signal(object)         # the tab now shown (``body``: the library), with add_tab

    def __init__(self, library: KitchenLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.items: list[RecipeSummary] = []
        self.shown: list[RecipeSummary] = []
        self._current_id: int | None = None
        self.marker: Callable[[RecipeSummary], Any] | None = None
        self.hidden = 0
        self.aside: QWidget | None = None

        self.search = QLineEdit()
        self.search.setObjectName("Search")
        self.search.setPlaceholderText(translate("LibraryPage", "Search recipes"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refilter)
        self.tag_box = QComboBox()
        self.tag_box.setObjectName("Filter")
        self.tag_box.setView(QListView())          # item heights follow the style sheet (touch size)
        self.tag_box.currentIndexChanged.connect(self.refilter)
        self.diet_row = QHBoxLayout()
        self.diet_row.setSpacing(6)
        self.diet_chips: dict[str, QPushButton] = {}
        self.time_group = QButtonGroup(self)
        self.time_group.setExclusive(True)
        self.time_chips: dict[str, QPushButton] = {}
        time_row = QHBoxLayout()
        time_row.setSpacing(6)
        for i, (label, _m) in enumerate(TIME_LIMITS):
            b = _chip(translate("LibraryPage", label))
            b.setChecked(i == 0)
            self.time_group.addButton(b, i)
            self.time_chips[label] = b
            time_row.addWidget(b)
        self.time_group.idClicked.connect(lambda _i: self.refilter())
        self.count = QLabel("")
        self.count.setObjectName("Hint")
        self.list = QListWidget()
        self.list.setObjectName("RecipeList")
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setWordWrap(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        touch_scrolling(self.list)
        self.list.currentRowChanged.connect(self._on_row)
        self.view = RecipeView()
        self.view.start_requested.connect(self.start_requested)

        self.filters_button = _chip(translate("LibraryPage", "Filters"))
        self.filters_button.toggled.connect(lambda _on: self._fold())
        self.filters_button.hide()
        self.compact = False
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.search, 1)
        top.addWidget(self.filters_button)
        self.filter_box = QWidget()
        fl = QVBoxLayout(self.filter_box)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.setSpacing(8)
        fl.addWidget(self.tag_box)
        self.diet_holder = QWidget()
        self.diet_holder.setLayout(self.diet_row)
        self.diet_row.setContentsMargins(0, 0, 0, 0)
        fl.addWidget(self.diet_holder)
        fl.addLayout(time_row)
        left = QVBoxLayout()
        left.setSpacing(8)
        left.addLayout(top)
        left.addWidget(self.filter_box)
        left.addWidget(self.count)
        left.addWidget(self.list, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(10, 10, 10, 6)
        outer.setSpacing(8)
        self._outer = outer
        self.body = QWidget()                  # the library; beside other tabs once there are any
        self._body_lay = QVBoxLayout(self.body)
        self._body_lay.setContentsMargins(0, 0, 0, 0)
        self._body_lay.setSpacing(8)
        lay = QHBoxLayout()
        self._columns = lay
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        lay.addLayout(left, 4)
        lay.addWidget(self.view, 5)
        self._body_lay.addLayout(lay, 1)
        outer.addWidget(self.body, 1)
        self.tabs: QStackedWidget | None = None
        self.tab_buttons: list[QPushButton] = []
        self._corners: dict[QWidget, QWidget] = {}
        library.recipes_changed.connect(self.reload)
        self.reload()

    # -- data ----------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the library again (keeps the filters and, if it is still there, the selection)."""
        self.items = self.library.recipes()
        tags = self.library.tags()
        chosen_tag = self.tag_box.currentData()
        self.tag_box.blockSignals(True)
        self.tag_box.clear()
        self.tag_box.addItem(translate("LibraryPage", ALL_TAGS), None)
        for kind in ("cuisine", "course", "other"):
            for value in tags.get(kind, []):
                kind_words = translate("LibraryPage", TAG_KINDS[kind]) if kind in TAG_KINDS else kind.capitalize()
                self.tag_box.addItem(f"{kind_words}: {value}", (kind, value))
        idx = self.tag_box.findData(chosen_tag) if chosen_tag is not None else 0
        self.tag_box.setCurrentIndex(max(0, idx))
        self.tag_box.blockSignals(False)
        chosen_diets = {d for d, b in self.diet_chips.items() if b.isChecked()}
        for b in self.diet_chips.values():
            self.diet_row.removeWidget(b)
            b.deleteLater()
        self.diet_chips = {}
        for value in tags.get("diet", []):
            b = _chip(value)
            b.setChecked(value in chosen_diets)
            b.toggled.connect(lambda _on: self.refilter())
            self.diet_chips[value] = b
        self._arrange_diets()
        self.refilter()

    def _arrange_diets(self) -> None:
        """Diet chips in up to two rows, so they never push the page wider than the window."""
        while self.diet_row.count():
            item = self.diet_row.takeAt(0)
            if item.layout() is not None:
                item.layout().deleteLater()
        grid = QGridLayout()
        grid.setSpacing(6)
        chips = list(self.diet_chips.values())
        per_row = max(1, (len(chips) + 1) // 2) if len(chips) > 3 else max(1, len(chips))
        self.diet_row.addLayout(grid)
        for i, b in enumerate(chips):
            grid.addWidget(b, i // per_row, i % per_row)
            b.show()                   # added to a page that may already be showing

    def filters(self) -> dict:
        limit = TIME_LIMITS[max(0, self.time_group.checkedId())][1]
        return {"text": self.search.text(), "tag": self.tag_box.currentData(),
                "diets": [d for d, b in self.diet_chips.items() if b.isChecked()], "max_minutes": limit}

    # -- folding the filters on a short page ------------------------------------------------------------
    def set_compact(self, compact: bool) -> None:
        """Fold the filters behind the Filters button (True) or show them all (False)."""
        if compact == self.compact:
            return
        self.compact = compact
        self.filters_button.setVisible(compact)
        if not compact:
            self.filters_button.setChecked(False)
        self._fold()

    def _fold(self) -> None:
        self.filter_box.setVisible(not self.compact or self.filters_button.isChecked())
        self._label_filters()

    def _label_filters(self) -> None:
        f = self.filters()
        on = (f["tag"] is not None) + len(f["diets"]) + (f["max_minutes"] is not None)
        words = translate("LibraryPage", "Filters ({0} on)").format(on) if on else translate("LibraryPage", "Filters")
        set_text(self.filters_button, words)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        """What the page needs with its filters folded: it folds them when it is that short."""
        need = super().minimumSizeHint()
        if self.filter_box.isVisibleTo(self):
            need.setHeight(need.height() - self.filter_box.minimumSizeHint().height())
        return need

    def resizeEvent(self, ev) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(ev)
        self.set_compact(ev.size().height() < COMPACT_BELOW_PX)

    def refilter(self, *_args: object) -> None:
        self._label_filters()
        current = self.selected_summary()
        shown = filter_recipes(self.items, **self.filters())
        marks = {r.id: self.marker(r) for r in shown} if self.marker is not None else {}
        self.shown = [r for r in shown if not getattr(marks.get(r.id), "hidden", False)]
        self.hidden = len(shown) - len(self.shown)
        self.list.blockSignals(True)
        self.list.clear()
        for r in self.shown:
            mark = marks.get(r.id)
            item = QListWidgetItem(row_text(r) + (f"\n{mark.text}" if mark is not None and mark.text else ""), self.list)
            if mark is not None and mark.icon is not None:
                item.setIcon(mark.icon)
        self.list.blockSignals(False)
        n, total = len(self.shown), len(self.items)
        set_text(self.count, translate("LibraryPage", "{0} of {1} recipes").format(n, total) if n != total
                 else translate("LibraryPage", "{0} recipes").format(total))
        keep = next((i for i, r in enumerate(self.shown) if current and r.id == current.id), None)
        if keep is not None:                     # still listed: keep it, and its servings
            self.list.blockSignals(True)
            self.list.setCurrentRow(keep)
            self.list.blockSignals(False)
        else:
            self._current_id = None
            if self.view.recipe is not None:
                self.view.set_recipe(None)
        self.refiltered.emit()

    # -- hooks ---------------------------------------------------------------------------------------
    def add_top_bar(self, widget: QWidget) -> None:
        """A bar across the top of the library, over the list and the recipe (who is eating)."""
        self._body_lay.insertWidget(0, widget)

    def add_tab(self, widget: QWidget) -> None:
        """Another tab beside the library (the Community tab), named by ``widget.tab_title``;
        ``tab_changed(widget)`` says which is shown. Without one the page has no tab row."""
        if self.tabs is None:
            self.tabs = QStackedWidget()
            self._outer.replaceWidget(self.body, self.tabs)
            self.tabs.addWidget(self.body)
            row = QHBoxLayout()
            row.setSpacing(6)
            self._tab_row = row
            self._outer.insertLayout(0, row)
            row.addWidget(self._tab_button(translate("LibraryPage", "Library"), self.body))
            self.tab_buttons[0].setChecked(True)
            row.addStretch(1)
        self.tabs.addWidget(widget)
        self._tab_row.insertWidget(len(self.tab_buttons), self._tab_button(widget.tab_title, widget))
        corner = getattr(widget, "corner", None)      # beside the tab buttons while that tab is shown
        if corner is not None:
            self._tab_row.setStretch(self._tab_row.count() - 1, 0)
            self._tab_row.addWidget(corner, 1)
            corner.setVisible(False)
            self._corners[widget] = corner

    def _tab_button(self, name: str, widget: QWidget) -> QPushButton:
        b = QPushButton(name)
        b.setObjectName("SideTab")
        b.setCheckable(True)
        b.setAutoExclusive(True)
        b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        b.clicked.connect(lambda _=False, w=widget: self.show_tab(w))
        self.tab_buttons.append(b)
        return b

    def show_tab(self, widget: QWidget) -> None:
        """Show the library (``self.body``) or another tab, and light up its button."""
        if self.tabs is None or self.tabs.indexOf(widget) < 0:
            return
        index = self.tabs.indexOf(widget)
        self.tab_buttons[index].setChecked(True)
        for tab, corner in self._corners.items():
            corner.setVisible(tab is widget)
        if self.tabs.currentIndex() != index:
            self.tabs.setCurrentIndex(index)
            self.tab_changed.emit(widget)

    def show_aside(self, widget: QWidget | None) -> None:
        """Show ``widget`` where the recipe is (None: the recipe again)."""
        if self.aside is not None and self.aside is not widget:
            self._columns.removeWidget(self.aside)
            self.aside.hide()
        self.aside = widget
        if widget is not None and self._columns.indexOf(widget) < 0:
            self._columns.addWidget(widget, 5)
        if widget is not None:
            widget.show()
        self.view.setVisible(widget is None)

    # -- selection -----------------------------------------------------------------------------------
    def titles(self) -> list[str]:
        return [r.title for r in self.shown]

    def selected_summary(self) -> RecipeSummary | None:
        return next((r for r in self.items if r.id == self._current_id), None)

    def select(self, key: str | int) -> Recipe:
        """Show a recipe by slug or id (clearing filters that hide it), on the library tab."""
        self.show_tab(self.body)
        match = next((i for i, r in enumerate(self.shown) if key in (r.slug, r.id)), None)
        if match is None:
            self.search.clear()
            self.tag_box.setCurrentIndex(0)
            for b in self.diet_chips.values():
                b.setChecked(False)
            self.time_chips[TIME_LIMITS[0][0]].setChecked(True)
            self.refilter()
            match = next((i for i, r in enumerate(self.shown) if key in (r.slug, r.id)), None)
            if match is None:
                raise LookupError(f"recipe {key!r} is not listed (hidden for the people eating?)")
        self.list.setCurrentRow(match)
        assert self.view.recipe is not None
        return self.view.recipe

    def _on_row(self, row: int) -> None:
        if not 0 <= row < len(self.shown):
            return
        r = self.shown[row]
        self._current_id = r.id
        if self.aside is not None:
            self.show_aside(None)
        self.view.set_recipe(self.library.recipe(r.id))
