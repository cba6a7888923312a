"""Dim the kiosk's screen when nobody uses it, and wake it without acting on the waking touch.

The screen dims after ``timeout_s`` without a touch, a click or a key, but never while a zone is
on or a recipe runs (``busy``): a cook glancing at a pot must see it. When something starts (a
zone goes on, a recipe starts, the stove reports an event) it wakes by itself. While dimmed, the
first press wakes the screen and is swallowed, with its release and any movement in between, so
the finger that woke the screen does not also press the button under it.

Time comes from an injected clock and the check runs on a timer (:meth:`ScreenDimmer.check`
can be called directly), so tests move a fake clock instead of sleeping.
"""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QInputDevice
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

translate = QCoreApplication.translate
CHECK_MS = 1000
SYNTH_GRACE_S = 0.5        # mouse events Qt makes from the waking touch, after it ended

PRESSES = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.TouchBegin,
                     QEvent.Type.KeyPress, QEvent.Type.TabletPress})
RELEASES = frozenset({QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel,
                      QEvent.Type.KeyRelease, QEvent.Type.TabletRelease})
MOVES = frozenset({QEvent.Type.MouseMove, QEvent.Type.TouchUpdate, QEvent.Type.Wheel, QEvent.Type.TabletMove,
                   QEvent.Type.Gesture})
INPUT = PRESSES | RELEASES | MOVES


class DimCover(QWidget):
    """A dark veil over the whole window (header included) while the screen is dimmed."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("DimCover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        hint = QLabel(translate("ScreenDimmer", "Touch the screen to wake it"))
        hint.setObjectName("DimHint")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay = QVBoxLayout(self)
        lay.addWidget(hint)
        self.hide()


class ScreenDimmer(QObject):
    dimmed_changed = Signal(bool)

    def __init__(self, window: QWidget, busy: Callable[[], bool], *, timeout_s: float = 120.0,
                 clock: Callable[[], float] = time.monotonic, check_ms: int = CHECK_MS) -> None:
        super().__init__(window)
        self.window = window
        self.busy = busy
        self.timeout_s = float(timeout_s)
        self.clock = clock
        self.dimmed = False
        self.last_input = clock()
        self.swallowed = 0                 # input events eaten while waking (tests, diagnostics)
        self._swallowing = False
        self._synth_until = 0.0
        self.cover = DimCover(window)
        self._timer = QTimer(self)
        self._timer.setInterval(check_ms)
        self._timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.wake()

    def set_timeout(self, seconds: float) -> None:
        """0 never dims; the idle time counts from now."""
        self.timeout_s = float(seconds)
        self.last_input = self.clock()
        self.check()

    # -- deciding -------------------------------------------------------------------------------------
    def check(self) -> None:
        busy = self.busy()
        if self.dimmed:
            if busy:
                self.wake()
            return
        if busy:
            self.last_input = self.clock()        # idle time counts from when the cooking stopped
            return
        if self.timeout_s > 0 and self.clock() - self.last_input >= self.timeout_s:
            self.dim()

    def dim(self) -> None:
        if self.dimmed:
            return
        self.dimmed = True
        self.cover.setGeometry(self.window.rect())
        self.cover.show()
        self.cover.raise_()
        self.dimmed_changed.emit(True)

    def wake(self) -> None:
        """Undim (something happened, or a touch); idle time starts again."""
        self.last_input = self.clock()
        if not self.dimmed:
            return
        self.dimmed = False
        self.cover.hide()
        self.dimmed_changed.emit(False)

    # -- input ----------------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802 (Qt naming)
        kind = ev.type()
        if kind not in INPUT:
            if kind == QEvent.Type.Resize and obj is self.window and self.dimmed:
                self.cover.setGeometry(self.window.rect())
            return False
        if self.dimmed:
            if kind in PRESSES:
                self.wake()
                self._swallowing = True
            self.swallowed += 1
            return True                            # nothing under the finger sees it
        if self._swallowing:
            if kind in RELEASES:
                self._swallowing = False
                self._synth_until = self.clock() + SYNTH_GRACE_S
            self.swallowed += 1
            return True
        if self._synth_until and self.clock() < self._synth_until and _from_touch(ev):
            self.swallowed += 1                     # the mouse twin of the waking touch
            return True
        self.last_input = self.clock()
        return False


def _from_touch(ev: QEvent) -> bool:
    device = getattr(ev, "pointingDevice", None)
    try:
        return device is not None and device().type() == QInputDevice.DeviceType.TouchScreen
    except (AttributeError, RuntimeError):
        return False
