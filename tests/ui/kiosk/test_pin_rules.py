"""The PIN itself (no Qt): salted scrypt records, constant-time checks, back-off on a fake clock."""

from __future__ import annotations

import pytest

from kitchen_ui.ui.pin import (
    FREE_TRIES, MAX_WAIT_S, Outcome, PinError, PinLock, PinProblem, check_record, make_record, parse_record,
)

from .conftest import CHEAP_SCRYPT, FakeClock


def lock_with(store, clock=None):
    return PinLock(lambda: store.get("pin", ""), lambda r: store.__setitem__("pin", r), clock=clock or FakeClock(),
                   cost=CHEAP_SCRYPT)


def test_records_are_salted_scrypt_at_the_real_cost():
    a, b = make_record("2468"), make_record("2468")
    assert a != b                                        # a new salt each time
    (n, r, p), salt, digest = parse_record(a)
    assert (n, r, p) == (2 ** 14, 8, 1) and len(salt) == 16 and len(digest) == 32
    assert check_record(a, "2468") and not check_record(a, "2469")


@pytest.mark.parametrize("pin, repeat, problem", [
    ("123", None, PinProblem.TOO_SHORT), ("123456789", None, PinProblem.TOO_LONG),
    ("12a4", None, PinProblem.NOT_DIGITS), ("١٢٣٤", None, PinProblem.NOT_DIGITS), ("1234", "1243", PinProblem.MISMATCH),
])
def test_a_bad_new_pin_is_refused_and_nothing_is_stored(pin, repeat, problem):
    store = {}
    with pytest.raises(PinError) as err:
        lock_with(store).set_pin(pin, repeat)
    assert err.value.problem is problem and store == {}


def test_back_off_doubles_and_stops_at_fifteen_minutes():
    store, clock = {}, FakeClock()
    lock = lock_with(store, clock)
    lock.set_pin("2468")
    for i in range(FREE_TRIES - 1):
        assert lock.attempt("0000").outcome is Outcome.WRONG
    waits = []
    for _ in range(8):
        result = lock.attempt("0000")
        assert result.outcome is Outcome.WAIT
        waits.append(result.wait_s)
        assert lock.attempt("2468").outcome is Outcome.WAIT          # not even checked while waiting
        clock.advance(result.wait_s)
    assert waits == [30, 60, 120, 240, 480, 900, 900, 900] and max(waits) == MAX_WAIT_S
    assert lock.attempt("2468").ok and lock.failures == 0


def test_a_damaged_record_counts_as_no_pin_and_says_why():
    store = {"pin": "scrypt$16384$8$1$not-base64!$xx"}
    lock = lock_with(store)
    assert not lock.is_set and "damaged" in lock.problem
    assert lock.attempt("1234").outcome is Outcome.WRONG
