"""The dashboard's look: colours, sizes and the Qt style sheet, from ``resources/theme/dark.json``.

Sizes in the theme file are pixels at 1280x800. The window scales them to its own size, so the
numerals stay readable from across the kitchen on a 1024x600 panel and on a 1920x1080 screen,
and no touch target ever gets smaller than :data:`MIN_TOUCH_PX`.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..resources import resource_path

MIN_TOUCH_PX = 48
THEME_FILE = ("theme", "dark.json")
REFERENCE_SIZE = (1280, 800)
# labels whose own colour rule must give way to the grey of stale (not live) values
STALE_LABELS = ("TempValue", "TempUnit", "LevelValue", "ZoneName", "ZoneKind", "LegendEntry")

DEFAULT_COLORS = {
    "window": "#0d0f12", "surface": "#181c21", "surface_raised": "#232930", "border": "#3a424c",
    "text": "#f4f6f8", "text_dim": "#b4bcc6", "stale": "#6c737c", "accent": "#56b4e9",
    "selected": "#f4f6f8", "on": "#ffb347", "residual_heat": "#ffb000",
    "fault_bg": "#c8102e", "fault_text": "#ffffff", "warning_bg": "#8a6100", "warning_text": "#ffffff",
    "info_bg": "#1f4e79", "info_text": "#ffffff", "notice_error_bg": "#4a0d18",
    "all_off_bg": "#d62828", "all_off_text": "#ffffff",
    "plot_bg": "#0d0f12", "plot_grid": "#2c333b", "veil": "#000000",
}
# Okabe & Ito (2008), "Color Universal Design": distinguishable with any colour vision
DEFAULT_ZONE_COLORS = ("#e69f00", "#56b4e9", "#009e73", "#f0e442", "#cc79a7", "#0072b2")
DEFAULT_SIZES = {
    "base_font": 18, "small_font": 16, "title_font": 22, "numeral_font": 60, "touch": 56,
    "all_off_font": 26, "radius": 10, "spacing": 10, "keypad_font": 30,
}


class ThemeError(ValueError):
    """The theme file is unreadable or has a wrong field; the message names the file and field."""


@dataclass(frozen=True)
class Theme:
    colors: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_COLORS))
    zone_colors: tuple[str, ...] = DEFAULT_ZONE_COLORS
    sizes: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_SIZES))
    font_family: str = "DejaVu Sans"
    scale: float = 1.0

    def c(self, name: str) -> str:
        return self.colors[name]

    def px(self, name: str) -> int:
        v = round(self.sizes[name] * self.scale)
        return max(MIN_TOUCH_PX, v) if name == "touch" else max(1, v)

    def zone_color(self, zone: int) -> str:
        return self.zone_colors[zone % len(self.zone_colors)]

    def with_scale(self, scale: float) -> "Theme":
        return Theme(self.colors, self.zone_colors, self.sizes, self.font_family, scale)

    def stylesheet(self) -> str:
        return build_stylesheet(self)


def scale_for_size(width: int, height: int) -> float:
    """How much larger than at 1280x800 to draw, in steps so resizing does not restyle constantly."""
    raw = min(width / REFERENCE_SIZE[0], height / REFERENCE_SIZE[1])
    return max(0.7, min(1.6, round(raw * 20) / 20))


def _check_color(where: str, name: str, v: Any) -> str:
    if not (isinstance(v, str) and v.startswith("#") and len(v) in (4, 7, 9)):
        raise ThemeError(f"{where}: colour {name!r} must look like #rrggbb, not {v!r}")
    try:
        int(v[1:], 16)
    except ValueError:
        raise ThemeError(f"{where}: colour {name!r} must look like #rrggbb, not {v!r}") from None
    return v


def parse_theme(data: Any, where: str = "theme") -> Theme:
    if not isinstance(data, dict):
        raise ThemeError(f"{where}: expected a JSON object")
    colors = dict(DEFAULT_COLORS)
    for k, v in (data.get("colors") or {}).items():
        colors[k] = _check_color(where, k, v)
    zc = data.get("zone_colors", list(DEFAULT_ZONE_COLORS))
    if not isinstance(zc, list) or not zc:
        raise ThemeError(f"{where}: 'zone_colors' must be a non-empty list of colours")
    zone_colors = tuple(_check_color(where, f"zone_colors[{i}]", v) for i, v in enumerate(zc))
    sizes = dict(DEFAULT_SIZES)
    for k, v in (data.get("sizes") or {}).items():
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not 1 <= v <= 400:
            raise ThemeError(f"{where}: size {k!r} must be a number of pixels 1..400, not {v!r}")
        sizes[k] = int(v)
    family = data.get("font_family", "DejaVu Sans")
    if not isinstance(family, str) or not family:
        raise ThemeError(f"{where}: 'font_family' must be a font name")
    return Theme(colors, zone_colors, sizes, family)


def load_theme(path: str | Path | None = None) -> Theme:
    """The theme from ``path`` (default: the shipped dark theme); raises ThemeError if broken."""
    p = Path(path) if path is not None else resource_path(*THEME_FILE)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ThemeError(f"cannot read theme {p}: {exc}") from exc
    return parse_theme(data, str(p))


def load_theme_or_default(path: str | Path | None = None) -> Theme:
    """A broken theme file must never keep the cook from the stove: warn and use the defaults."""
    try:
        return load_theme(path)
    except (ThemeError, FileNotFoundError) as exc:
        print(f"kitchen-ui: warning: {exc}; using the built-in theme", file=sys.stderr)
        return Theme()


def build_stylesheet(t: Theme) -> str:
    from .recipes.style import recipe_rules      # the recipe views' rules live beside them

    return _base_rules(t) + recipe_rules(t) + _shell_rules(t)


def _rgba(hex_color: str, alpha: int) -> str:
    q = hex_color.lstrip("#")
    if len(q) == 3:
        q = "".join(ch * 2 for ch in q)
    return f"rgba({int(q[0:2], 16)}, {int(q[2:4], 16)}, {int(q[4:6], 16)}, {alpha})"


def _shell_rules(t: Theme) -> str:
    """Keypad, PIN pad, settings and information panels, the dimmed screen, errors, menus."""
    c, px = t.c, t.px
    touch = px("touch")
    return f"""
QFrame#Backdrop {{ background: {_rgba(c('veil'), 170)}; }}
QFrame#Keypad, QFrame#PinPad, QFrame#SettingsPanel, QFrame#InfoPanel {{ background: {c('surface')};
              border: 3px solid {c('border')}; border-radius: {px('radius')}px; }}
QFrame#Keypad QLabel, QFrame#PinPad QLabel, QFrame#SettingsPanel QLabel, QFrame#InfoPanel QLabel {{
              background: transparent; }}
QFrame#Keypad, QFrame#PinPad {{ min-width: {touch * 6}px; max-width: {touch * 6}px; }}
QFrame#SettingsPanel, QFrame#InfoPanel {{ min-width: {touch * 8}px; }}
QLabel#KeypadValue {{ font-size: {round(px('numeral_font') * 0.9)}px; font-weight: bold;
              background: {c('window')}; border-radius: {px('radius')}px; padding: 4px 12px; }}
QLabel#KeypadMessage {{ color: {c('text_dim')}; font-size: {px('small_font')}px; }}
QLabel#KeypadMessage[error="true"] {{ color: {c('residual_heat')}; font-weight: bold; }}
QPushButton#Key {{ font-size: {px('keypad_font')}px; min-height: {round(touch * 1.15)}px; }}
QPushButton#KeypadCancel {{ font-size: {px('title_font')}px; }}
QPushButton#TargetValue {{ font-size: {px('title_font')}px; font-weight: bold; background: {c('window')};
              border: 2px dashed {c('border')}; }}
QPushButton#MenuButton {{ font-size: {px('title_font')}px; padding: 0 {px('spacing')}px; }}
QPushButton#MenuButton::menu-indicator {{ width: 0; }}
QPushButton#KioskSettings {{ font-size: {px('small_font')}px; padding: 0 {px('spacing')}px; }}
QWidget#DimCover {{ background: {_rgba(c('veil'), 215)}; }}
QLabel#DimHint {{ color: {c('stale')}; font-size: {px('title_font')}px; background: transparent; }}
QStatusBar QLabel#LinkIcon {{ padding: 0; }}
QFrame#ErrorBanner {{ background: {c('fault_bg')}; }}
QFrame#ErrorBanner QLabel {{ color: {c('fault_text')}; font-weight: bold; }}
QMenuBar {{ background: {c('surface')}; border-bottom: 1px solid {c('border')}; font-size: {px('small_font')}px; }}
QMenuBar::item {{ padding: 4px 12px; background: transparent; }}
QMenuBar::item:selected, QMenu::item:selected {{ background: {c('surface_raised')}; }}
QMenu {{ background: {c('surface')}; border: 1px solid {c('border')}; font-size: {px('small_font')}px; }}
QMenu::item {{ padding: 6px 24px; }}
QMenu[touch="true"] {{ font-size: {px('base_font')}px; }}
QMenu[touch="true"]::item {{ padding: {max(6, (touch - round(px('base_font') * 1.25)) // 2 + 1)}px 24px; }}
QScrollBar:vertical {{ background: {c('surface')}; width: {max(10, px('spacing'))}px; margin: 0; }}
QScrollBar::handle:vertical {{ background: {c('border')}; border-radius: 4px; min-height: {touch}px; }}
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical {{ height: 0; }}
"""


def _base_rules(t: Theme) -> str:
    c, px = t.c, t.px
    return f"""
QWidget {{ background: {c('window')}; color: {c('text')}; font-family: "{t.font_family}";
          font-size: {px('base_font')}px; }}
QLabel {{ background: transparent; }}
QPushButton {{ background: {c('surface_raised')}; color: {c('text')}; border: 2px solid {c('border')};
              border-radius: {px('radius')}px; min-height: {px('touch') - 4}px; min-width: {px('touch') - 16}px;
              padding: 0 6px; font-size: {px('title_font')}px; font-weight: bold; }}
QPushButton:pressed {{ background: {c('border')}; }}
QPushButton:disabled {{ color: {c('stale')}; border-color: {c('surface_raised')}; background: {c('surface')}; }}
QPushButton[current="true"] {{ background: {c('on')}; color: #000000; border-color: {c('on')}; }}
QPushButton[current="true"]:disabled {{ background: {c('stale')}; color: #000000; }}
QPushButton#AllOff {{ background: {c('all_off_bg')}; color: {c('all_off_text')}; border: 3px solid #ffffff;
                     font-size: {px('all_off_font')}px; min-width: {px('touch') * 3}px; }}
QPushButton#AllOff:pressed {{ background: #8f1111; }}
QPushButton#ZoneTab {{ font-size: {px('small_font')}px; padding: 0 4px; min-width: 0; }}
QPushButton#Choice {{ font-size: {px('small_font')}px; }}
QPushButton#ZoneTab:checked, QPushButton#Choice:checked {{ background: {c('selected')}; color: #000000; }}
QPushButton#Dismiss {{ background: transparent; border: 2px solid #ffffff; }}
QFrame#Header {{ background: {c('surface')}; border-bottom: 2px solid {c('border')}; }}
QLabel#AppTitle {{ font-size: {px('title_font')}px; font-weight: bold; }}
QLabel#StoveModel {{ color: {c('text_dim')}; font-size: {px('small_font')}px; }}
QFrame#ZoneCard, QFrame#Panel {{ background: {c('surface')}; border: 2px solid {c('border')};
                                 border-radius: {px('radius')}px; }}
QFrame#ZoneCard QLabel, QFrame#Panel QLabel, QFrame#ZoneCard QStackedWidget, QFrame#ZoneCard QStackedWidget > QWidget {{ background: transparent; }}
QFrame#ZoneCard[selected="true"] {{ border: 3px solid {c('selected')}; }}
QFrame#ZoneCard[fault="true"] {{ border: 4px solid {c('fault_bg')}; }}
QLabel#ZoneName {{ font-size: {px('title_font')}px; font-weight: bold; }}
QLabel#ZoneKind, QLabel#Hint {{ color: {c('text_dim')}; font-size: {px('small_font')}px; }}
QLabel#TempValue {{ font-size: {px('numeral_font')}px; font-weight: bold; }}
QLabel#TempUnit {{ font-size: {px('title_font')}px; color: {c('text_dim')}; }}
QLabel#LevelValue {{ font-size: {round(px('numeral_font') * 0.6)}px; font-weight: bold; color: {c('on')}; }}
QLabel#LevelValue[on="false"] {{ color: {c('text_dim')}; }}
QLabel#TempValue[compact="true"] {{ font-size: {round(px('numeral_font') * 0.7)}px; }}
QLabel#LevelValue[compact="true"] {{ font-size: {round(px('numeral_font') * 0.5)}px; }}
QFrame#ZoneCard QLabel#HeatBadge {{ background: {c('residual_heat')}; color: #000000; font-weight: bold;
                   font-size: {px('title_font')}px; border-radius: 6px; padding: 0 8px; }}
QFrame#ZoneCard QLabel#FaultText {{ background: {c('fault_bg')}; color: {c('fault_text')}; font-weight: bold;
                   font-size: {px('small_font')}px; border-radius: 6px; padding: 4px 6px; }}
{', '.join(f'QLabel#{n}[stale="true"]' for n in STALE_LABELS)}, QLabel[stale="true"] {{ color: {c('stale')}; }}
QLabel#PanelTitle {{ font-size: {px('title_font')}px; font-weight: bold; }}
QFrame#FaultBanner {{ background: {c('fault_bg')}; }}
QFrame#FaultBanner QLabel {{ color: {c('fault_text')}; font-size: {px('title_font')}px; font-weight: bold; }}
QFrame#LinkBanner {{ background: {c('warning_bg')}; }}
QFrame#LinkBanner[kind="observer"], QFrame#LinkBanner[kind="connecting"] {{ background: {c('info_bg')}; }}
QFrame#LinkBanner QLabel {{ color: {c('warning_text')}; font-weight: bold; }}
QLabel#BannerSlotQuiet {{ color: {c('stale')}; font-size: {px('small_font')}px; }}
QFrame#Notice {{ background: {c('info_bg')}; }}
QFrame#Notice[kind="error"] {{ background: {c('notice_error_bg')}; border-left: 10px solid {c('fault_bg')}; }}
QFrame#Notice {{ border-radius: 6px; }}
QFrame#Notice QLabel {{ color: {c('info_text')}; font-weight: bold; font-size: {px('small_font')}px; }}
QLabel#LegendEntry {{ font-size: {px('small_font')}px; font-weight: bold; }}
QStatusBar {{ background: {c('surface')}; border-top: 2px solid {c('border')}; }}
QStatusBar QLabel {{ font-size: {px('small_font')}px; padding: 0 {px('spacing')}px; }}
QStatusBar QLabel[kind="lost"] {{ color: {c('residual_heat')}; font-weight: bold; }}
"""
