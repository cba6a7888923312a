"""The kitchen (recipes, history, recording) joins the window once its database is open.

The dashboard command opens the database on a worker thread
(:class:`~kitchen_ui.storage.opening.OpeningDatabase`) started once the first frame is painted:
the window and its manual control come up at once, and the Recipes and History pages join when
the file has passed its check (~0.1 s later as a rule; seconds for the whole-file check of a year
of cooking after a power cut). A damaged file is
refused: its message, naming the file and what to do, goes to the error output and stays in the
error banner, nothing is read or written, manual control goes on working, and the run's exit
code is 1.
"""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QObject, QTimer

from ..storage.opening import OpeningDatabase

POLL_MS = 25


class KitchenLoader(QObject):
    def __init__(self, window: Any, model: Any, kitchen_db: Any, banner: Any, *, stove_name: str = "stove") -> None:
        super().__init__(window)
        self.stove_name = stove_name
        self.window, self.model, self.banner = window, model, banner
        self.kitchen = None
        self.refused = ""                       # why the database was refused, if it was
        self.opening: OpeningDatabase | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        if isinstance(kitchen_db, OpeningDatabase):
            self.opening = kitchen_db
            if kitchen_db.done():
                self._poll()
            else:                  # it opens once the first frame is on screen (a thread started
                # earlier competes with the window's imports for the interpreter), or at once if
                # it is already under way
                window.plot.view.after_first_paint.append(self._begin)
                QTimer.singleShot(3000, self._begin)   # a plot that is not on screen never paints
        elif kitchen_db is not None:
            self._attach(kitchen_db)

    def _begin(self) -> None:
        if self.opening is None or self.kitchen is not None or self.refused or self._timer.isActive():
            return
        self.opening.start()
        self._timer.start()

    def _poll(self) -> None:
        assert self.opening is not None
        if not self.opening.done():
            return
        self._timer.stop()
        from ..storage.database import DatabaseError
        try:
            kdb = self.opening.result()
        except DatabaseError as exc:
            self.refused = str(exc)
            print(f"kitchen-ui: error: {exc}", file=sys.stderr, flush=True)
            self.banner.label.setText(self.refused)
            self.banner.show()
            return
        self._attach(kdb)

    def _attach(self, kdb: Any) -> None:
        from .recipes.kitchen import Kitchen
        self.kitchen = Kitchen(self.window, self.model, kdb, stove_name=self.stove_name)
        self.window.kitchen_attached.emit(self.kitchen)

    def close(self) -> None:
        self._timer.stop()
        if self.kitchen is not None:
            self.kitchen.close()
