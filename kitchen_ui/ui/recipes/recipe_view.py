"""One recipe as a cook reads it: what it makes, ingredients for any number of servings, the
pots and steps, the story behind it, where it comes from and its licence; and Start cooking.

The servings control rescales every quantity at once (:meth:`Recipe.scaled`); quantities are
shown the way a cook measures (``1½ tbsp``, ``135 g``), never ``133.333 g``.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractScrollArea, QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QScroller, QVBoxLayout, QWidget,
)

from ...recipes.ingredients import format_ingredient, kitchen_quantity
from ...recipes.model import Ingredient, Recipe
from ...recipes.trial import clock_text
from .. import text
from ..own_words import setting_words
from ..zone_card import set_text

translate = QCoreApplication.translate

MAX_SERVINGS = 24


def ingredient_line(ing: Ingredient) -> str:
    return format_ingredient(ing, kitchen_quantity)


def minutes(seconds: float | None) -> str:
    if seconds is None:
        return ""
    m = round(seconds / 60)
    if m >= 60:
        return translate("RecipeView", "{0} h {1:02d} min").format(m // 60, m % 60)
    return translate("RecipeView", "{0} min").format(m)


class RecipeWords(QObject):
    """Counted words through Qt's ``%n`` plurals.

    ``self.tr(text, "", n)`` is the form pyside6-lupdate marks as plural (it does not for
    ``translate(context, text, None, n)`` with a variable count). Without a catalogue (English)
    Qt gives the source back, "1 serving(s)", so the English ending is chosen here.
    """

    def servings(self, n: int) -> str:
        return english_plural(self.tr("%n serving(s)", "", n), n)


def english_plural(words: str, n: int) -> str:
    """"(s)" left in by an untranslated ``%n`` message: "1 serving", "2 servings"."""
    return words.replace("(s)", "" if abs(n) == 1 else "s")


_words: RecipeWords | None = None


def servings_text(n: int) -> str:
    global _words
    if _words is None:
        _words = RecipeWords()
    return _words.servings(n)


def step_line(recipe: Recipe, i: int) -> str:
    s = recipe.steps[i]
    how = []
    pot = recipe.pot(s.pot)
    if pot is not None:
        how.append(pot.label or pot.id)
    if s.setting is not None:
        how.append(text.temps_in_text(setting_words(s.setting.describe())))
    if s.duration_s is not None:
        how.append(clock_text(s.duration_s))
    return f"{i + 1}. {s.text}" + (f"  ({', '.join(how)})" if how else "")


def touch_scrolling(area: QAbstractScrollArea) -> None:
    """Drag the content with a finger (kinetic), as on a phone; taps still select."""
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)


def vertical_scroll(content: QWidget, *, touch: bool = True) -> QScrollArea:
    """The app's scrolling panel: frameless, vertical only, the content as wide as the panel."""
    area = QScrollArea()
    area.setObjectName("Scroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    if touch:
        touch_scrolling(area)
    return area


def _label(text: str = "", name: str = "", wrap: bool = True) -> QLabel:
    lab = QLabel(text)
    if name:
        lab.setObjectName(name)
    lab.setWordWrap(wrap)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return lab


class RecipeView(QFrame):
    """The chosen recipe; ``start_requested(recipe)`` carries it scaled to the servings chosen.

    Other views of the recipe (allergens, nutrition: :mod:`kitchen_ui.ui.diet`) join it with
    :meth:`add_panel` and follow ``recipe_shown``.
    """

    start_requested = Signal(object)
    recipe_shown = Signal(object)        # the Recipe now shown (as written, not scaled), or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Panel")
        self.recipe: Recipe | None = None
        self.servings = 0
        self._can_start, self._why_not = True, ""
        self.title = _label(translate("RecipeView", "Choose a recipe"), "RecipeTitle")
        self.facts = _label("", "Hint")
        self.less = QPushButton("−")
        self.more = QPushButton("+")
        for b, step in ((self.less, -1), (self.more, 1)):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _=False, d=step: self.set_servings(self.servings + d))
        self.less.setToolTip(translate("RecipeView", "Fewer servings"))
        self.more.setToolTip(translate("RecipeView", "More servings"))
        self.servings_label = _label("", "Servings", wrap=False)
        self.start_button = QPushButton(translate("RecipeView", "Start cooking"))
        self.start_button.setObjectName("Primary")
        self.start_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.start_button.clicked.connect(self._start)
        self.start_note = _label("", "Hint")
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.less)
        row.addWidget(self.servings_label)
        row.addWidget(self.more)
        row.addStretch(1)
        row.addWidget(self.start_button, 2)

        self.description = _label()
        self.ingredients = _label()
        self.ingredients.setTextFormat(Qt.TextFormat.RichText)
        self.pots = _label()
        self.steps = _label()
        self.story = _label()
        self.story.setTextFormat(Qt.TextFormat.RichText)
        self.source = _label("", "Hint")
        self.source.setTextFormat(Qt.TextFormat.PlainText)
        body = QWidget()
        bl = QVBoxLayout(body)
        self._body = bl
        bl.setContentsMargins(0, 0, 6, 0)
        bl.setSpacing(6)
        bl.addWidget(self.description)
        self._sections = {}
        for name, widget in ((QT_TRANSLATE_NOOP("RecipeView", "Ingredients"), self.ingredients),
                             (QT_TRANSLATE_NOOP("RecipeView", "Pots on the stove"), self.pots),
                             (QT_TRANSLATE_NOOP("RecipeView", "Steps"), self.steps),
                             (QT_TRANSLATE_NOOP("RecipeView", "The story"), self.story)):
            head = _label(translate("RecipeView", name), "Section")
            self._sections[name] = head
            bl.addWidget(head)
            bl.addWidget(widget)
        bl.addWidget(self.source)
        bl.addStretch(1)
        scroll = vertical_scroll(body)
        self.scroll = scroll

        lay = QVBoxLayout(self)
        self._top = lay
        lay.setContentsMargins(14, 10, 14, 10)
        lay.setSpacing(6)
        lay.addWidget(self.title)
        lay.addWidget(self.facts)
        lay.addLayout(row)
        lay.addWidget(self.start_note)
        lay.addWidget(scroll, 1)
        self.set_recipe(None)

    # -- showing ---------------------------------------------------------------------------------
    def set_recipe(self, recipe: Recipe | None) -> None:
        self.recipe = recipe
        has = recipe is not None
        for w in (self.less, self.more, self.servings_label, self.start_button, self.scroll):
            w.setVisible(has)
        if recipe is None:
            set_text(self.title, translate("RecipeView", "Choose a recipe"))
            set_text(self.facts, translate("RecipeView", "Pick one from the list: it shows here, for as many people "
                                                         "as you cook for."))
            self.start_note.hide()
            self.recipe_shown.emit(None)
            return
        self.servings = recipe.servings
        set_text(self.title, recipe.title)
        facts = [minutes(recipe.total_time_s) and translate("RecipeView", "{0} in all").format(
            minutes(recipe.total_time_s))]
        if recipe.active_time_s:
            facts.append(translate("RecipeView", "{0} at the stove").format(minutes(recipe.active_time_s)))
        facts += [v for _k, v in recipe.tags]
        set_text(self.facts, " · ".join(f for f in facts if f))
        set_text(self.description, recipe.description)
        self.description.setVisible(bool(recipe.description))
        set_text(self.pots, "\n".join(translate("RecipeView", "• {0} — {1} zone").format(p.label or p.id, p.zone)
                                      for p in recipe.pots) or "—")
        set_text(self.steps, "\n".join(step_line(recipe, i) for i in range(len(recipe.steps))))
        story = recipe.story
        who = ", ".join(html.escape(x) for x in (story.origin, story.cook) if x)
        set_text(self.story, html.escape(story.text) + (f"<br><i>— {who}</i>" if who else ""))
        self.story.setVisible(bool(story.text or who))
        self._sections["The story"].setVisible(bool(story.text or who))
        unknown = translate("RecipeView", "unknown")
        set_text(self.source, translate("RecipeView", "Source: {0}    Licence: {1}").format(
            recipe.source or unknown, recipe.licence or unknown))
        self._show_servings()
        self.set_can_start(self._can_start, self._why_not)
        self.scroll.verticalScrollBar().setValue(0)
        self.recipe_shown.emit(recipe)

    def add_panel(self, widget: QWidget, *, top: bool = False, title: str = "") -> None:
        """Another view of the recipe: ``top`` above the scrolling text (seen without scrolling),
        else a section ``title`` after the ingredients."""
        if top:
            self._top.insertWidget(self._top.indexOf(self.scroll), widget)
            return
        at = self._body.indexOf(self.ingredients) + 1
        if title:
            head = _label(title, "Section")
            self._sections[title] = head
            self._body.insertWidget(at, head)
            at += 1
        self._body.insertWidget(at, widget)

    def set_servings(self, n: int) -> None:
        if self.recipe is None:
            return
        self.servings = max(1, min(MAX_SERVINGS, n))
        self._show_servings()

    def scaled(self) -> Recipe | None:
        return None if self.recipe is None else self.recipe.scaled(self.servings)

    def _show_servings(self) -> None:
        recipe = self.scaled()
        assert recipe is not None
        set_text(self.servings_label, servings_text(self.servings))
        self.less.setEnabled(self.servings > 1)
        self.more.setEnabled(self.servings < MAX_SERVINGS)
        lines = [f"• {html.escape(ingredient_line(i))}" for i in recipe.ingredients]
        set_text(self.ingredients, "<br>".join(lines) or "—")

    @property
    def ingredient_lines(self) -> list[str]:
        recipe = self.scaled()
        return [] if recipe is None else [ingredient_line(i) for i in recipe.ingredients]

    # -- starting ----------------------------------------------------------------------------------
    def set_can_start(self, ok: bool, why: str = "") -> None:
        self._can_start, self._why_not = ok, why
        self.start_button.setEnabled(ok and self.recipe is not None)
        set_text(self.start_note, why)
        self.start_note.setVisible(bool(why) and self.recipe is not None)

    def _start(self) -> None:
        recipe = self.scaled()
        if recipe is not None:
            self.start_requested.emit(recipe)
