"""Issue 9: the plot's °C label was tiny (its size was passed as "size", which is not CSS, so
the label fell back to a small default font); it is now as large as the axis numbers, and bold."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics


def test_the_unit_label_is_as_large_as_the_numbers_on_the_axis(qtbot, dashboard):
    axis = dashboard.plot.view.getPlotItem().getAxis("left")
    assert axis.label.toPlainText().strip() == "°C"
    numbers_px = dashboard.plot._axis_font_px
    assert f"font-size: {numbers_px}px" in axis.labelString() and "bold" in axis.labelString()
    label_font = axis.label.document().begin().begin().fragment().charFormat().font()
    assert label_font.pixelSize() == numbers_px and label_font.bold()
    assert QFontMetrics(label_font).height() >= numbers_px
