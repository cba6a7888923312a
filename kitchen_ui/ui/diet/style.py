"""Style rules of the diet and energy views (added to the recipe views' rules, see ``recipes/style.py``).

The allergy warning is loud but never colour alone: it always has the sign and the words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from ..theme import Theme


def diet_rules(t: "Theme") -> str:
    c, px = t.c, t.px
    return f"""
QFrame#AllergyWarning {{ background: {c('notice_error_bg')}; border: 3px solid {c('residual_heat')};
              border-radius: {px('radius')}px; }}
QFrame#AllergyWarning[allergy="false"] {{ background: {c('surface_raised')}; border-color: {c('border')}; }}
QFrame#AllergyWarning QLabel {{ background: transparent; color: {c('text')}; font-weight: bold; }}
QLabel#WarningTitle {{ font-size: {px('title_font')}px; color: {c('residual_heat')}; }}
QLabel#FormError {{ color: {c('residual_heat')}; font-weight: bold; }}
QLabel#NutrientValue {{ font-weight: bold; }}
QLabel#EnergyUsed {{ font-size: {px('title_font')}px; font-weight: bold; }}
QProgressBar#DayBar {{ background: {c('surface_raised')}; border: 1px solid {c('border')}; border-radius: 4px;
              min-height: {px('small_font')}px; }}
QProgressBar#DayBar::chunk {{ background: {c('accent')}; border-radius: 3px; }}
"""
