"""Open the real main window on any stove, the way the app does, for a test."""

from __future__ import annotations


def open_dashboard(qtbot, stove, size=(1280, 800)):
    """(window, model): the main window on ``stove``, started and shown; close ``model`` after."""
    from kitchen_ui.ui.main_window import MainWindow
    from kitchen_ui.ui.stove_model import StoveModel

    model = StoveModel(stove)
    window = MainWindow(model)
    qtbot.addWidget(window)
    window.resize(*size)
    stove.start()
    window.show()
    qtbot.waitExposed(window)
    return window, model
