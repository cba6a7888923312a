"""Style rules of the recipe views, added to the dashboard's style sheet (see ``theme.py``).

Kept beside the views they style; sizes come from the theme so they scale with the window and
every button stays a touch target (the base ``QPushButton`` rule already sets the height).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..theme import Theme


def recipe_rules(t: "Theme") -> str:
    from ..diet.style import diet_rules          # who is eating, nutrition and energy, shown in these views

    return _own_rules(t) + diet_rules(t)


def _own_rules(t: "Theme") -> str:
    c, px = t.c, t.px
    touch = px("touch")
    return f"""
QPushButton#NavTab, QPushButton#SideTab {{ font-size: {px('title_font')}px; padding: 0 {px('spacing') + 4}px;
              min-width: {touch * 2}px; }}
QPushButton#NavTab:checked, QPushButton#SideTab:checked {{ background: {c('selected')}; color: #000000;
              border-color: {c('selected')}; }}
QPushButton#SideTab[attention="true"] {{ background: {c('on')}; color: #000000; border-color: {c('on')}; }}
QPushButton#Primary {{ background: {c('accent')}; color: #000000; border-color: {c('accent')}; }}
QPushButton#Primary:disabled {{ background: {c('surface')}; color: {c('stale')}; border-color: {c('surface_raised')}; }}
QPushButton#Danger {{ border: 3px solid {c('fault_bg')}; }}
QPushButton#DangerYes {{ background: {c('fault_bg')}; color: {c('fault_text')}; border-color: {c('fault_bg')}; }}
QPushButton#Chip {{ font-size: {px('small_font')}px; min-width: 0; padding: 0 {px('spacing')}px; }}
QPushButton#Chip:checked {{ background: {c('selected')}; color: #000000; border-color: {c('selected')}; }}
QLineEdit#Search {{ background: {c('surface_raised')}; color: {c('text')}; border: 2px solid {c('border')};
              border-radius: {px('radius')}px; min-height: {touch - 8}px; padding: 0 {px('spacing')}px;
              font-size: {px('title_font')}px; }}
QComboBox#Filter {{ background: {c('surface_raised')}; border: 2px solid {c('border')}; border-radius: {px('radius')}px;
              min-height: {touch - 8}px; padding: 0 {px('spacing')}px; font-size: {px('small_font')}px; }}
QComboBox#Filter QAbstractItemView {{ background: {c('surface_raised')}; selection-background-color: {c('border')}; }}
QComboBox#Filter QAbstractItemView::item {{ min-height: {touch}px; }}
QListWidget#RecipeList, QListWidget#SessionList {{ background: {c('surface')}; border: 2px solid {c('border')};
              border-radius: {px('radius')}px; font-size: {px('base_font')}px; outline: none; }}
QListWidget#RecipeList::item, QListWidget#SessionList::item {{ min-height: {touch}px; padding: 2px {px('spacing')}px;
              border-bottom: 1px solid {c('border')}; }}
QListWidget#RecipeList::item:selected, QListWidget#SessionList::item:selected {{ background: {c('surface_raised')};
              color: {c('text')}; border-left: 6px solid {c('accent')}; }}
QScrollArea#Scroll, QScrollArea#Scroll > QWidget > QWidget {{ background: transparent; border: none; }}
QLabel#RecipeTitle {{ font-size: {round(px('numeral_font') * 0.55)}px; font-weight: bold; }}
QLabel#Section {{ font-size: {px('title_font')}px; font-weight: bold; color: {c('accent')}; }}
QLabel#Servings {{ font-size: {px('title_font')}px; font-weight: bold; }}
QFrame#StepCard {{ background: {c('surface_raised')}; border: 2px solid {c('border')}; border-radius: {px('radius')}px; }}
QFrame#StepCard[current="true"] {{ border: 3px solid {c('accent')}; }}
QFrame#StepCard[flash="true"] {{ background: {c('on')}; border-color: {c('on')}; }}
QFrame#StepCard[flash="true"] QLabel {{ color: #000000; }}
QFrame#StepCard QLabel {{ background: transparent; }}
QLabel#StepMeta {{ color: {c('text_dim')}; font-size: {px('small_font')}px; }}
QLabel#StepText {{ font-size: {px('title_font')}px; font-weight: bold; }}
QLabel#StepText[compact="true"] {{ font-size: {px('base_font')}px; }}
QLabel#Countdown {{ font-size: {round(px('numeral_font') * 0.9)}px; font-weight: bold; }}
QLabel#Countdown[compact="true"] {{ font-size: {round(px('numeral_font') * 0.55)}px; }}
QLabel#StepState {{ font-size: {px('base_font')}px; font-weight: bold; color: {c('on')}; }}
QLabel#Progress {{ color: {c('text_dim')}; font-size: {px('small_font')}px; }}
QLabel#NextStep {{ color: {c('text_dim')}; font-size: {px('base_font')}px; }}
QFrame#PausedBar {{ background: {c('warning_bg')}; border-radius: 6px; }}
QFrame#PausedBar QLabel {{ color: {c('warning_text')}; font-weight: bold; }}
QFrame#DoneBar {{ background: {c('info_bg')}; border-radius: 6px; }}
QFrame#DoneBar QLabel {{ color: {c('info_text')}; font-weight: bold; font-size: {px('title_font')}px; }}
QFrame#AlertBanner {{ background: {c('on')}; }}
QFrame#AlertBanner QLabel {{ color: #000000; font-size: {px('title_font')}px; font-weight: bold; }}
QFrame#AlertBanner[warning="true"] {{ background: {c('fault_bg')}; }}
QFrame#AlertBanner[warning="true"] QLabel {{ color: {c('fault_text')}; }}
QFrame#AlertBanner[flash="true"] {{ background: {c('surface_raised')}; }}
QFrame#AlertBanner[flash="true"] QLabel {{ color: {c('text')}; }}
QFrame#AlertBanner QPushButton {{ background: transparent; border: 2px solid #000000; color: #000000; }}
QFrame#AlertBanner[warning="true"] QPushButton, QFrame#AlertBanner[flash="true"] QPushButton {{
              border-color: #ffffff; color: #ffffff; }}
QFrame#Offer {{ background: {c('info_bg')}; border-radius: {px('radius')}px; }}
QFrame#Offer QLabel {{ color: {c('info_text')}; }}
"""
