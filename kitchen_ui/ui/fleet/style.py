"""The fleet screen's style rules, added to the dashboard's (same theme, same colours)."""

from __future__ import annotations

from ..theme import MIN_TOUCH_PX, Theme


def fleet_rules(t: Theme) -> str:
    c, px = t.c, t.px
    return f"""
QFrame#StoveTile {{ background: {c('surface')}; border: 2px solid {c('border')}; border-radius: {px('radius')}px; }}
QFrame#StoveTile[on="true"] {{ border: 3px solid {c('on')}; }}
QFrame#StoveTile[fault="true"] {{ border: 5px solid {c('fault_bg')}; background: {c('notice_error_bg')}; }}
QFrame#StoveTile QLabel {{ background: transparent; }}
QLabel#TileName {{ font-size: {round(px('title_font') * 0.9)}px; font-weight: bold; }}
QLabel#TileLink {{ font-size: {px('small_font')}px; color: {c('text_dim')}; }}
QFrame#StoveTile[stale="true"] QLabel#TileLink {{ color: #000000; background: {c('residual_heat')};
                   font-weight: bold; border-radius: 4px; padding: 0 4px; }}
QFrame#StoveTile[stale="true"] QLabel#TileZones, QFrame#StoveTile[stale="true"] QLabel#TilePower {{ color: {c('stale')}; }}
QLabel#TileZones {{ font-size: {px('base_font')}px; font-weight: bold; }}
QLabel#TileHottest {{ font-size: {px('title_font')}px; font-weight: bold; }}
QFrame#StoveTile[stale="true"] QLabel#TileHottest {{ color: {c('stale')}; }}
QFrame#StoveTile[on="true"] QLabel#TileZones {{ color: {c('on')}; }}
QLabel#TileFault {{ background: {c('fault_bg')}; color: {c('fault_text')}; font-weight: bold;
                   font-size: {px('small_font')}px; border-radius: 4px; padding: 1px 4px; }}
QLabel#TileRecipe {{ font-size: {px('small_font')}px; color: {c('accent')}; }}
QLabel#TilePower {{ font-size: {px('base_font')}px; }}
QPushButton#TileAllOff {{ background: {c('all_off_bg')}; color: {c('all_off_text')}; border: 2px solid #ffffff;
                         font-size: {px('small_font')}px; padding: 0 8px;
                         min-height: {max(MIN_TOUCH_PX, px('touch') - 8)}px; max-height: {max(MIN_TOUCH_PX, px('touch') - 8)}px; }}
QLabel#Balance {{ font-size: {px('title_font')}px; font-weight: bold; }}
QLabel#BrokerState {{ font-size: {px('small_font')}px; color: {c('text_dim')}; }}
QLabel#BrokerState[lost="true"] {{ color: #000000; background: {c('residual_heat')}; font-weight: bold;
                                   border-radius: 4px; padding: 0 6px; }}
QFrame#FleetStrip {{ background: {c('window')}; }}
QFrame#FleetStrip[kind="budget"] {{ background: {c('warning_bg')}; }}
QFrame#FleetStrip[kind="notice"] {{ background: {c('notice_error_bg')}; }}
QFrame#FleetStrip QLabel {{ color: {c('warning_text')}; font-weight: bold; }}
QFrame#FleetStrip[kind="quiet"] QLabel {{ color: {c('stale')}; font-weight: normal; font-size: {px('small_font')}px; }}
"""
