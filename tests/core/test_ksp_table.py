"""The KSP/1 method table: one declaration drives validation, roles, switch-off and the Stove helpers."""

from __future__ import annotations

import inspect
from typing import Any

import pytest

from kitchen_ui.core.errors import INVALID_PARAMS, METHOD_NOT_FOUND, READ_ONLY, KspError
from kitchen_ui.core.ksp import METHODS, authorize, is_switch_off
from kitchen_ui.core.model import StoveInfo, ZoneInfo
from kitchen_ui.core.stove import Stove, completed


def info(levels: int = 9, sim: bool = False) -> StoveInfo:
    return StoveInfo(id="t", model="t", firmware="t", sim=sim, zones=(
        ZoneInfo(0, "a", "induction", 200, 2000.0, None, levels=levels, min_target_c=50, max_target_c=200),
        ZoneInfo(1, "b", "gas", 200, 2000.0, None, levels=4, min_target_c=60, max_target_c=180)))


class Recording(Stove):
    def __init__(self) -> None:
        super().__init__()
        self.sent: list[tuple[str, Any]] = []

    def start(self) -> None: ...
    def stop(self) -> None: ...

    def request(self, method: str, params: dict[str, Any] | None = None):
        self.sent.append((method, params))
        return completed({})


@pytest.mark.parametrize("method", [m for m in METHODS.values() if m.helper], ids=lambda m: m.name)
def test_every_helper_sends_its_method_with_the_tables_parameters(method):
    stove = Recording()
    helper = getattr(stove, method.helper)
    names = [p.name for p in method.params]
    assert list(inspect.signature(helper).parameters) == names
    helper(*range(len(names)))
    assert stove.sent == [(method.name, dict(zip(names, range(len(names)))) or None)]


def test_levels_and_targets_are_the_zones_own():
    set_level, set_target = METHODS["zone.set_level"], METHODS["zone.set_target"]
    assert set_level.check({"zone": 0, "level": 12}, info(levels=12)) == {"zone": 0, "level": 12}
    with pytest.raises(KspError, match=r"level: 10 is out of range 0..9"):
        set_level.check({"zone": 0, "level": 10}, info())
    with pytest.raises(KspError, match=r"level: 5 is out of range 0..4"):
        set_level.check({"zone": 1, "level": 5}, info())
    with pytest.raises(KspError, match=r"temp_c: 55 is out of range 60..180"):
        set_target.check({"zone": 1, "temp_c": 55}, info())
    assert set_target.check({"zone": 0, "temp_c": 55}, info())["temp_c"] == 55.0


def test_the_zone_is_checked_first_and_the_message_names_the_parameter():
    with pytest.raises(KspError) as e:
        METHODS["zone.set_level"].check({"zone": 2, "level": "x"}, info())
    assert e.value.code == INVALID_PARAMS and e.value.message == "zone: 2 is out of range 0..1"
    with pytest.raises(KspError, match=r"^seconds: must be above 0 \(or null to cancel\), not 0$"):
        METHODS["zone.set_timer"].check({"zone": 0, "seconds": 0}, info())


@pytest.mark.parametrize("method, params, off", [
    ("zone.off", {"zone": 0}, True), ("stove.all_off", {}, True),
    ("zone.set_level", {"zone": 0, "level": 0}, True), ("zone.set_level", {"zone": 0, "level": 0.0}, True),
    ("zone.set_level", {"zone": 0, "level": False}, False), ("zone.set_level", {"zone": 0, "level": 1}, False),
    ("zone.set_level", {"zone": 0}, False),
    ("zone.set_target", {"zone": 0, "temp_c": None}, True), ("zone.set_target", {"zone": 0}, False),
    ("zone.set_target", {"zone": 0, "temp_c": 0}, False), ("zone.set_boost", {"zone": 0, "on": False}, False),
    ("no.such", {}, False), ("zone.set_level", [0, 0], False),
])
def test_switch_off_requests(method, params, off):
    assert is_switch_off(method, params) is off


def test_authorize_follows_the_roles_of_the_table():
    assert authorize("observer", "state.get", {}, sim=False).name == "state.get"
    assert authorize("observer", "zone.set_level", {"zone": 0, "level": 0}, sim=False)
    with pytest.raises(KspError) as e:
        authorize("observer", "zone.set_boost", {"zone": 0, "on": True}, sim=False)
    assert e.value.code == READ_ONLY
    for method, sim in (("sim.set_speed", False), ("hello", True), ("zone.explode", True)):
        with pytest.raises(KspError) as e:
            authorize("controller", method, {}, sim=sim)
        assert e.value.code == METHOD_NOT_FOUND
    assert authorize("controller", "sim.set_speed", {}, sim=True).sim
