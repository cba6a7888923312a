"""The live temperature plot: what it draws, over which window, and that it stays cheap."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from kitchen_ui.core.history import TARGET
from kitchen_ui.ui.plot import time_tick_spacing


def run(stove, seconds, step=0.1):
    for _ in range(int(round(seconds / step))):
        stove.advance(step)


def test_each_zone_gets_its_temperature_curve_and_a_legend_with_its_value(qtbot, dashboard, sim_stove):
    sim_stove.set_level(0, 9)
    run(sim_stove, 30)
    plot = dashboard.plot
    plot.refresh()
    x, y = plot.curve_data(0)
    assert len(x) > 100
    assert y[-1] == pytest.approx(sim_stove.state.zones[0].temp_c, abs=0.01)
    assert y[-1] > y[0] + 1                                  # it heated while we watched
    names = [lab.text() for lab in plot.legend]
    assert "front-left" in names[0] and f"{sim_stove.state.zones[0].temp_c:.0f} °C" in names[0]
    assert all(info.name in t for info, t in zip(dashboard.model.zones, names))


def test_each_zone_has_its_own_colour_from_the_colour_blind_safe_palette(qtbot, dashboard):
    colors = [c.opts["pen"].color().name() for c in dashboard.plot.temp_curves]
    assert colors == ["#e69f00", "#56b4e9", "#009e73", "#f0e442"]


def test_target_is_drawn_dashed_only_while_a_zone_holds_a_temperature(qtbot, dashboard, sim_stove):
    sim_stove.set_target(1, 160.0)
    run(sim_stove, 5)
    dashboard.plot.refresh()
    _, tgt = dashboard.plot.curve_data(1, TARGET)
    assert np.nanmax(tgt) == 160.0
    assert dashboard.plot.target_curves[1].opts["pen"].style() == Qt.PenStyle.DashLine
    _, other = dashboard.plot.curve_data(0, TARGET)
    assert len(other) == 0 or np.isnan(other).all()
    assert dashboard.cards.cards[1].target.text() == "Target 160 °C"


def test_the_window_buttons_choose_how_much_time_is_shown(qtbot, dashboard, sim_stove):
    run(sim_stove, 400, step=1.0)                            # 400 s of history
    plot = dashboard.plot
    qtbot.mouseClick(plot.window_buttons["5 min"], Qt.MouseButton.LeftButton)
    x0, x1 = plot.x_range()
    assert x1 - x0 == pytest.approx(300, abs=1)
    assert x1 == pytest.approx(sim_stove.state.t, abs=1)      # following the present
    qtbot.mouseClick(plot.window_buttons["All"], Qt.MouseButton.LeftButton)
    x0, x1 = plot.x_range()
    assert x0 <= 1.0 and x1 >= 399
    qtbot.mouseClick(plot.window_buttons["15 min"], Qt.MouseButton.LeftButton)
    x0, x1 = plot.x_range()
    assert x1 - x0 == pytest.approx(900, abs=1)               # a short session fills from the left


def test_zooming_by_hand_stops_following_until_live_is_tapped(qtbot, dashboard, sim_stove):
    run(sim_stove, 120, step=1.0)
    plot = dashboard.plot
    plot.set_window(300)
    before = plot.x_range()
    viewport = plot.view.viewport()
    centre = QPointF(viewport.width() / 2, viewport.height() / 2)
    wheel = QWheelEvent(centre, plot.view.mapToGlobal(centre.toPoint()), QPoint(0, 0), QPoint(0, 240),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, wheel)
    assert not plot.following and plot.live_button.isVisible()
    zoomed = plot.x_range()
    assert zoomed[1] - zoomed[0] < before[1] - before[0]
    run(sim_stove, 60, step=1.0)
    plot.refresh()
    assert plot.x_range() == pytest.approx(zoomed)           # new data does not move a zoomed view
    qtbot.mouseClick(plot.live_button, Qt.MouseButton.LeftButton)
    assert plot.following and not plot.live_button.isVisible()
    assert plot.x_range() == pytest.approx((0.0, 300.0), abs=1)   # back to the 5 min window


def test_curves_are_recomputed_only_when_data_or_view_changed(qtbot, dashboard, sim_stove):
    plot = dashboard.plot
    run(sim_stove, 2)
    plot.refresh()
    n = plot.recomputes
    plot.refresh()
    plot.refresh()
    assert plot.recomputes == n                               # nothing new: cached arrays reused
    sim_stove.advance(0.1)
    plot.refresh()
    assert plot.recomputes == n + 1
    plot.set_window(300)
    assert plot.recomputes == n + 2


def test_a_long_session_draws_about_two_points_per_pixel(qtbot, dashboard):
    model = dashboard.model
    h = model.history
    # two hours at 10 Hz straight into the model's history (what telemetry would have added)
    t = np.arange(0, 7200, 0.1)
    temps = 20 + 80 * np.abs(np.sin(t / 600))
    for ti, v in zip(t, temps):
        h.append(ti, [v, None, 50.0, 20.0], [None, None, None, None])
    plot = dashboard.plot
    plot.set_window(None)
    width = int(plot.vb.width())
    x, y = plot.curve_data(0)
    assert 0 < len(x) <= 2 * width + 4
    assert np.nanmax(y) == pytest.approx(temps.max(), abs=0.01)   # the peaks survive
    assert np.nanmin(y) == pytest.approx(temps.min(), abs=0.01)
    gx, gy = plot.curve_data(1)
    assert np.isnan(gy[gx > 1.0]).all()                        # a zone without readings draws nothing


def test_time_axis_ticks_are_clock_friendly():
    assert time_tick_spacing(900, 800) == (120.0, 30.0)        # 15 min on 800 px: every 2 min
    assert time_tick_spacing(300, 800) == (60.0, 10.0)         # 5 min: every minute
    major, minor = time_tick_spacing(12 * 3600, 1000)
    assert major == 7200 and (major / minor).is_integer()


def test_new_data_or_a_zoom_paints_the_plot_once_not_twice(qtbot, dashboard, sim_stove):
    plot = dashboard.plot
    run(sim_stove, 100, step=1.0)
    plot.set_window(None)                       # the whole session: every sample moves the range
    qtbot.wait(50)
    paints = []
    plot.view.on_paint = paints.append
    for _ in range(3):
        sim_stove.advance(1.0)                  # new data moves the followed range
        plot.refresh()
        QApplication.processEvents()
        QApplication.processEvents()
    assert len(paints) == 3
    viewport = plot.view.viewport()
    centre = QPointF(viewport.width() / 2, viewport.height() / 2)
    wheel = QWheelEvent(centre, plot.view.mapToGlobal(centre.toPoint()), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, wheel)
    QApplication.processEvents()
    QApplication.processEvents()
    assert len(paints) == 4


def test_curves_drawn_in_screen_pixels_look_like_pyqtgraphs_own(qtbot):
    import pyqtgraph as pg

    from kitchen_ui.ui.plot import ScreenCurve

    def render(curve_class, x_range):
        view = pg.PlotWidget(background="k")
        qtbot.addWidget(view)
        view.resize(600, 300)
        x = np.linspace(0, 3600, 1200)
        y = 100 + 50 * np.sin(x / 300)
        y[400:420] = np.nan                                   # a sensor gap stays a gap
        for pen, dy in ((pg.mkPen("#e69f00", width=3), 0), (pg.mkPen("#56b4e9", width=2, style=Qt.PenStyle.DashLine), 30)):
            curve = curve_class(pen=pen, connect="finite")
            view.getPlotItem().addItem(curve)
            curve.setData(x, y + dy)
        view.getPlotItem().getViewBox().setRange(xRange=x_range, yRange=(60, 170), padding=0)
        view.show()
        QApplication.processEvents()
        image = view.grab().toImage()
        bits = np.array(image.constBits()).reshape(image.height(), image.bytesPerLine())
        return bits[:, : 4 * image.width()].reshape(image.height(), image.width(), 4)

    for x_range in ((0, 3600), (1000, 1600)):                 # whole, and zoomed in (clipped at the edges)
        ours, theirs = render(ScreenCurve, x_range), render(pg.PlotCurveItem, x_range)
        drawn = (theirs[:, :, :3].sum(axis=2) > 0).sum()
        differing = (ours != theirs).any(axis=2).sum()
        assert drawn > 1000 and differing < 0.01 * drawn, (x_range, differing, drawn)
