"""Run the kiosk as ``kitchen-ui --kiosk`` does and print, as JSON, where its window ended up.

Used by test_kiosk_fills_screen.py in a subprocess under Xvfb with no window manager: it reports
the window's geometry, the screen's, and what the screen itself shows in its corners (grabbed
from the X root window) next to what the window shows there.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kitchen_ui.cli import main
from kitchen_ui.ui import app as app_module


def report(window) -> None:
    app = QApplication.instance()
    screen = window.screen()
    geo, sgeo = window.geometry(), screen.geometry()
    root = screen.grabWindow(0).toImage()          # what is on the screen, window manager or not
    own = window.grab().toImage()
    corners = {}
    for name, (x, y) in {"top_left": (2, 2), "bottom_right": (sgeo.width() - 3, sgeo.height() - 3)}.items():
        wx, wy = x - geo.x(), y - geo.y()
        corners[name] = {"screen": root.pixelColor(x, y).name(),
                         "window": own.pixelColor(wx, wy).name() if 0 <= wx < own.width() and 0 <= wy < own.height()
                         else None}
    print("PROBE " + json.dumps({"window": [geo.x(), geo.y(), geo.width(), geo.height()],
                                 "frame": [window.frameGeometry().width(), window.frameGeometry().height()],
                                 "screen": [sgeo.x(), sgeo.y(), sgeo.width(), sgeo.height()],
                                 "platform": app.platformName(), "corners": corners}), flush=True)


class ProbedWindow(app_module.MainWindow):
    def start(self) -> None:           # the app calls it right after showing the window
        super().start()
        QTimer.singleShot(int(float(sys.argv[1]) * 1000), lambda: report(self))


if __name__ == "__main__":
    app_module.MainWindow = ProbedWindow
    sys.exit(main(sys.argv[2:]))
