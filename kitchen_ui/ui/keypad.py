"""The on-screen numeric keypad: temperatures, timers and PINs typed with a finger.

What a key does depends on the entry: a temperature takes up to three digits (in the display
unit), a timer fills from the right like a microwave (1, 3, 0 reads 1:30), a PIN shows dots.
OK hands the typed text to the caller, which either accepts it (the pad closes) or says what
is wrong in the pad's message line, and the pad stays open. A keyboard, where there is one,
types too (digits, Backspace, Enter, Esc). The pad shows in the window's
:class:`~.overlay.OverlayHost`, so ALL OFF in the header stays reachable.

The pad keeps one size whatever it says: its width is fixed by the theme, its title and message
lines keep their room (one and three lines) even when short or empty, so the keys never move
under a finger between one step and the next (a PIN typed, then typed again).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from .banners import NoteLabel
from .overlay import OverlayHost

translate = QCoreApplication.translate
BACKSPACE = "⌫"
TITLE_LINES = 1
MESSAGE_LINES = 3


class NumberEntry:
    """Whole numbers (a temperature in the display unit)."""

    def __init__(self, max_digits: int = 3, suffix: str = "", initial: str = "") -> None:
        self.max_digits = max_digits
        self.suffix = suffix
        self.digits = initial[:max_digits]
        self.fresh = bool(initial)          # the first key replaces the value shown at the start

    def press(self, key: str) -> None:
        if key == BACKSPACE:
            self.digits = "" if self.fresh else self.digits[:-1]
        elif key == "C":
            self.digits = ""
        elif key.isdigit():
            if self.fresh:
                self.digits = ""
            if len(self.digits) < self.max_digits:
                self.digits = (self.digits + key).lstrip("0") or "0"
        self.fresh = False

    @property
    def value_text(self) -> str:
        return self.digits

    def display(self) -> str:
        shown = self.digits or "–"
        return f"{shown} {self.suffix}".strip()


class TimerEntry(NumberEntry):
    """Minutes and seconds, filled from the right: 1, 3, 0 is 1:30 (up to 999:59)."""

    def __init__(self, initial_s: float | None = None) -> None:
        initial = ""
        if initial_s:
            m, s = divmod(int(initial_s), 60)
            initial = f"{m}{s:02d}" if m else str(s)
        super().__init__(max_digits=5, initial=initial)

    def display(self) -> str:
        d = self.digits.rjust(3, "0")
        return f"{int(d[:-2])}:{d[-2:]}"

    def seconds(self) -> int:
        """The time typed, in seconds; ValueError if its seconds are above 59."""
        d = self.digits.rjust(3, "0")
        minutes, seconds = int(d[:-2]), int(d[-2:])
        if seconds > 59:
            raise ValueError(seconds)
        return minutes * 60 + seconds


class PinEntry(NumberEntry):
    def __init__(self, max_digits: int = 8) -> None:
        super().__init__(max_digits=max_digits)

    def press(self, key: str) -> None:
        if key.isdigit():                  # a PIN may start with 0
            if len(self.digits) < self.max_digits:
                self.digits += key
            return
        super().press(key)

    def display(self) -> str:
        return "●" * len(self.digits) if self.digits else "–"


def _key(label: str, name: str = "Key") -> QPushButton:
    b = QPushButton(label)
    b.setObjectName(name)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return b


class Keypad(QFrame):
    """A title, the value typed (large), a message line, 0-9, ⌫, C, Cancel and OK."""

    def __init__(self, title: str, entry: NumberEntry, on_submit: Callable[[str], str | None], *,
                 hint: str = "", on_cancel: Callable[[], None] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Keypad")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.entry = entry
        self.on_submit = on_submit
        self.on_cancel = on_cancel
        self.closed = False
        self.host: OverlayHost | None = None
        self.title = NoteLabel(TITLE_LINES)
        self.title.setText(title)
        self.title.setObjectName("PanelTitle")
        self.value = QLabel("")
        self.value.setObjectName("KeypadValue")
        self.value.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = hint
        self.message = NoteLabel(MESSAGE_LINES)
        self.message.setText(hint)
        self.message.setVisible(bool(hint))
        self.message.setObjectName("KeypadMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.message.setProperty("error", False)
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        for i, label in enumerate(("1", "2", "3", "4", "5", "6", "7", "8", "9", BACKSPACE, "0", "C")):
            b = _key(label)
            if label == BACKSPACE:
                b.setToolTip(translate("Keypad", "Delete the last digit"))
            elif label == "C":
                b.setToolTip(translate("Keypad", "Clear"))
            b.clicked.connect(lambda _=False, k=label: self.press(k))
            self.keys[label] = b
            grid.addWidget(b, i // 3, i % 3)
        self.cancel_button = _key(translate("Keypad", "Cancel"), "KeypadCancel")
        self.ok_button = _key(translate("Keypad", "OK"), "Primary")
        self.cancel_button.clicked.connect(self.cancel)
        self.ok_button.clicked.connect(self.submit)
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.cancel_button)
        row.addWidget(self.ok_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 14, 18, 16)
        lay.setSpacing(10)
        lay.addWidget(self.title)
        lay.addWidget(self.value)
        lay.addWidget(self.message)
        lay.addLayout(grid)
        lay.addLayout(row)
        self._show_value()

    # -- typing ------------------------------------------------------------------------------------
    def press(self, key: str) -> None:
        self.entry.press(key)
        self._show_value()
        self.say(self.hint)

    def clear_entry(self) -> None:
        self.entry.digits = ""
        self._show_value()

    def _show_value(self) -> None:
        self.value.setText(self.entry.display())

    def say(self, words: str, error: bool = False) -> None:
        self.message.setText(words)
        self.message.setVisible(bool(words))
        if self.message.property("error") != error:
            self.message.setProperty("error", error)
            self.message.style().unpolish(self.message)
            self.message.style().polish(self.message)

    # -- finishing ---------------------------------------------------------------------------------
    def submit(self) -> None:
        problem = self.on_submit(self.entry.value_text)
        if problem:
            self.say(problem, error=True)
            return
        self._finish()

    def cancel(self) -> None:
        if self.on_cancel is not None:
            self.on_cancel()
        self._finish()

    def _finish(self) -> None:
        self.closed = True
        if self.host is not None:
            self.host.close(self)

    def keyPressEvent(self, ev) -> None:  # noqa: N802 (Qt naming)
        key, typed = ev.key(), ev.text()
        if typed.isdigit() and typed.isascii():
            self.press(typed)
        elif key == Qt.Key.Key_Backspace:
            self.press(BACKSPACE)
        elif key == Qt.Key.Key_Delete:
            self.press("C")
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
        elif key == Qt.Key.Key_Escape:
            self.cancel()
        else:
            super().keyPressEvent(ev)


def open_keypad(host: OverlayHost, title: str, entry: NumberEntry, on_submit: Callable[[str], str | None], *,
                hint: str = "", on_cancel: Callable[[], None] | None = None) -> Keypad:
    pad = Keypad(title, entry, on_submit, hint=hint, on_cancel=on_cancel)
    pad.host = host
    host.show(pad)
    return pad
