"""The kiosk's PIN: stored as a salted scrypt hash, checked in constant time, with back-off.

No Qt here (the PIN pad, :mod:`.pin_pad`, is the Qt face of it). The record kept in the settings
is ``scrypt$N$r$p$salt$hash`` (base64), so the cost can rise later without locking anyone out.
After :data:`FREE_TRIES` wrong PINs in a row each further try waits longer (30 s, doubling, at
most 15 min); while it waits a PIN is not even checked. Time comes from an injected clock, so
tests never sleep.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import time
from dataclasses import dataclass
from enum import Enum
from typing import Callable

PIN_MIN, PIN_MAX = 4, 8
FREE_TRIES = 3
FIRST_WAIT_S = 30.0
MAX_WAIT_S = 900.0
DEFAULT_COST = (2 ** 14, 8, 1)       # scrypt N, r, p: ~16 MiB and some tens of ms a check
SALT_BYTES = 16


class PinProblem(str, Enum):
    """Why a new PIN was refused (the PIN pad says it in the cook's language)."""

    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    NOT_DIGITS = "not_digits"
    MISMATCH = "mismatch"


class PinError(ValueError):
    def __init__(self, problem: PinProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


class Outcome(str, Enum):
    OK = "ok"
    WRONG = "wrong"
    WAIT = "wait"          # too many wrong tries: not checked, try again after wait_s


@dataclass(frozen=True)
class Attempt:
    outcome: Outcome
    wait_s: float = 0.0          # how long until the next try is checked
    tries_left: int = 0          # wrong tries left before the waiting starts

    @property
    def ok(self) -> bool:
        return self.outcome is Outcome.OK


def check_new_pin(pin: str, repeat: str | None = None) -> None:
    """Raise PinError if ``pin`` cannot be a PIN (or ``repeat`` differs)."""
    if not pin.isdigit() or not pin.isascii():
        raise PinError(PinProblem.NOT_DIGITS)
    if len(pin) < PIN_MIN:
        raise PinError(PinProblem.TOO_SHORT)
    if len(pin) > PIN_MAX:
        raise PinError(PinProblem.TOO_LONG)
    if repeat is not None and not hmac.compare_digest(pin, repeat):
        raise PinError(PinProblem.MISMATCH)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def make_record(pin: str, *, cost: tuple[int, int, int] = DEFAULT_COST, salt: bytes | None = None) -> str:
    n, r, p = cost
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    digest = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32, maxmem=256 * 1024 * 1024)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def parse_record(record: str) -> tuple[tuple[int, int, int], bytes, bytes]:
    """(cost, salt, hash) of a stored record; ValueError naming what is wrong with it."""
    parts = record.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        raise ValueError("the stored PIN is not a scrypt record")
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt, digest = base64.b64decode(parts[4], validate=True), base64.b64decode(parts[5], validate=True)
    except ValueError:
        raise ValueError("the stored PIN record is damaged") from None
    if n < 2 or n & (n - 1) or not (1 <= r <= 64 and 1 <= p <= 16) or not salt or len(digest) != 32:
        raise ValueError("the stored PIN record has impossible parameters")
    return (n, r, p), salt, digest


def check_record(record: str, pin: str) -> bool:
    cost, salt, digest = parse_record(record)
    n, r, p = cost
    got = hashlib.scrypt(pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=32, maxmem=256 * 1024 * 1024)
    return hmac.compare_digest(got, digest)


class PinLock:
    """The PIN that guards settings and quitting, and the back-off after wrong tries."""

    def __init__(self, load: Callable[[], str], save: Callable[[str], None], *,
                 clock: Callable[[], float] = time.monotonic, cost: tuple[int, int, int] = DEFAULT_COST) -> None:
        self._load = load
        self._save = save
        self._clock = clock
        self.cost = cost
        self.failures = 0
        self._wait_until = 0.0
        self.problem = ""                     # why a stored record was ignored (damaged)

    @property
    def is_set(self) -> bool:
        record = self._load()
        if not record:
            return False
        try:
            parse_record(record)
        except ValueError as exc:
            self.problem = str(exc)
            return False
        return True

    def set_pin(self, pin: str, repeat: str | None = None) -> None:
        check_new_pin(pin, repeat)
        self._save(make_record(pin, cost=self.cost))
        self.failures = 0
        self._wait_until = 0.0
        self.problem = ""

    def wait_s(self) -> float:
        return max(0.0, self._wait_until - self._clock())

    def attempt(self, pin: str) -> Attempt:
        wait = self.wait_s()
        if wait > 0:
            return Attempt(Outcome.WAIT, wait_s=wait)
        if not self.is_set:
            return Attempt(Outcome.WRONG, tries_left=max(0, FREE_TRIES - self.failures))
        if check_record(self._load(), pin):
            self.failures = 0
            self._wait_until = 0.0
            return Attempt(Outcome.OK)
        self.failures += 1
        over = self.failures - FREE_TRIES
        if over >= 0:
            wait = min(MAX_WAIT_S, FIRST_WAIT_S * 2 ** over)
            self._wait_until = self._clock() + wait
            return Attempt(Outcome.WAIT, wait_s=wait)
        return Attempt(Outcome.WRONG, tries_left=FREE_TRIES - self.failures)
