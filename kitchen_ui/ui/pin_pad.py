"""The PIN gate: settings and quitting ask for the PIN on the keypad; cooking never does.

The first time, the gate asks the owner to choose a PIN (twice, to be sure) and then goes on
to what was asked. After that each protected action asks for it: a wrong PIN says so and how
many tries are left, and after too many the pad says how long to wait (:mod:`.pin`). The words
are here; the rules (hashing, back-off) are in the Qt-free :class:`~.pin.PinLock`.
"""

from __future__ import annotations

import math
from typing import Callable

from PySide6.QtCore import QCoreApplication

from .keypad import Keypad, PinEntry, open_keypad
from .overlay import OverlayHost
from .pin import PIN_MAX, PIN_MIN, Outcome, PinError, PinLock, PinProblem, check_new_pin

translate = QCoreApplication.translate


def problem_text(problem: PinProblem) -> str:
    if problem is PinProblem.TOO_SHORT:
        return translate("PinGate", "A PIN has at least {0} digits.").format(PIN_MIN)
    if problem is PinProblem.TOO_LONG:
        return translate("PinGate", "A PIN has at most {0} digits.").format(PIN_MAX)
    if problem is PinProblem.NOT_DIGITS:
        return translate("PinGate", "A PIN is made of digits only.")
    return translate("PinGate", "The two PINs differ. Choose a PIN again.")


def wait_text(seconds: float) -> str:
    s = max(1, math.ceil(seconds))
    if s >= 60:
        return translate("PinGate", "Too many wrong PINs. Try again in {0} min {1:02d} s.").format(s // 60, s % 60)
    return translate("PinGate", "Too many wrong PINs. Try again in {0} s.").format(s)


class PinGate:
    """Runs an action once the PIN is given (or, the first time, chosen)."""

    def __init__(self, host: OverlayHost, lock: PinLock) -> None:
        self.host = host
        self.lock = lock
        self.pad: Keypad | None = None            # the pad showing (tests type into it)

    def require(self, why: str, action: Callable[[], None]) -> Keypad:
        """Ask for the PIN to do ``why``; ``action`` runs if it is right."""
        if not self.lock.is_set:
            return self.choose(action, first=True)
        title = translate("PinGate", "PIN for: {0}").format(why)

        def submit(pin: str) -> str | None:
            result = self.lock.attempt(pin)
            if result.ok:
                self.pad = None
                action()
                return None
            pad.clear_entry()
            if result.outcome is Outcome.WAIT:
                return wait_text(result.wait_s)
            if result.tries_left > 0:
                return translate("PinGate", "Wrong PIN. {0} more tries before a wait.").format(result.tries_left)
            return translate("PinGate", "Wrong PIN.")

        pad = open_keypad(self.host, title, PinEntry(PIN_MAX), submit)
        pad.setObjectName("PinPad")
        if self.lock.wait_s() > 0:
            pad.say(wait_text(self.lock.wait_s()), error=True)
        self.pad = pad
        return pad

    def choose(self, then: Callable[[], None] | None = None, *, first: bool = False) -> Keypad:
        """Choose a (new) PIN: type it, type it again; ``then`` runs once it is stored."""
        hint = translate("PinGate", "{0} to {1} digits. It guards settings and quitting; cooking and ALL OFF "
                                    "never need it.").format(PIN_MIN, PIN_MAX)
        if first and self.lock.problem:
            hint = translate("PinGate", "The stored PIN could not be read ({0}). Choose a new one.").format(
                self.lock.problem) + " " + hint

        def first_pin(pin: str) -> str | None:
            try:
                check_new_pin(pin)
            except PinError as exc:
                pad.clear_entry()
                return problem_text(exc.problem)
            self._repeat(pin, then)
            return None

        pad = open_keypad(self.host, translate("PinGate", "Choose a PIN"), PinEntry(PIN_MAX), first_pin, hint=hint)
        pad.setObjectName("PinPad")
        self.pad = pad
        return pad

    def _repeat(self, pin: str, then: Callable[[], None] | None) -> None:
        def second(repeat: str) -> str | None:
            try:
                self.lock.set_pin(pin, repeat)
            except PinError as exc:
                self.choose(then)
                assert self.pad is not None
                self.pad.say(problem_text(exc.problem), error=True)
                return None
            self.pad = None
            if then is not None:
                then()
            return None

        pad = open_keypad(self.host, translate("PinGate", "Type the new PIN again"), PinEntry(PIN_MAX), second)
        pad.setObjectName("PinPad")
        self.pad = pad
