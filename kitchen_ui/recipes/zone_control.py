"""The engine's hands on the hob: zone commands, and whether the stove still shows them.

For every zone a run touches it keeps what the recipe *wants* there now (``wanted``: resume
re-applies it), what the engine last *commanded* (``desired``: the stove should show it), and
whether telemetry has confirmed the command (``armed``). Once armed, telemetry showing another
setting means someone else changed the zone (the cook at the hob, traditional mode): the
engine is told and stops commanding it. It also feeds each zone's heat predictor.
"""

from __future__ import annotations

from concurrent.futures import Future
from typing import Any, Callable, Iterable

from ..core.model import StoveState, ZoneInfo, ZoneState
from ..core.stove import Stove
from .model import KEEP_WARM_C, Setting
from .predict import HeatPredictor


def matches(zs: ZoneState, want: Setting | None) -> bool:
    """Does the zone show the setting the engine commanded? (Boost may end by itself.)"""
    if want is None or want.mode == "off":
        return zs.mode == "off"
    if want.mode == "target":
        return zs.mode == "target" and zs.target_c is not None and abs(zs.target_c - (want.temp_c or 0)) < 0.01
    if want.mode == "boost":
        return zs.mode == "level" and (zs.boost or zs.level == 9)
    return zs.mode == "level" and zs.level == want.level and not zs.boost


def _settings(d: dict[int, Setting | None]) -> dict[str, Any]:
    return {str(z): (None if s is None else s.to_dict()) for z, s in d.items()}


def _read_settings(d: dict[str, Any], what: str) -> dict[int, Setting | None]:
    return {int(z): (None if s is None else Setting.from_dict(s, what)) for z, s in d.items()}


class ZoneControl:
    def __init__(self, stove: Stove, zones: Iterable[int], log: Callable[..., None],
                 failed: Callable[[int, str], None]) -> None:
        self.stove = stove
        self.infos: dict[int, ZoneInfo] = {z.id: z for z in stove.info.zones}  # type: ignore[union-attr]
        self.desired: dict[int, Setting | None] = {}
        self.wanted: dict[int, Setting | None] = {}
        self.armed: dict[int, bool] = {}
        self.keep_warm: set[int] = set()
        self.used: set[int] = set()
        self.predictors = {z: HeatPredictor() for z in zones}
        self.latest: StoveState | None = stove.state
        self._log = log
        self._failed = failed

    # -- reading ------------------------------------------------------------------------------
    def label(self, zone: int) -> str:
        info = self.infos.get(zone)
        return info.name if info else f"zone {zone}"

    def temp(self, zone: int) -> float | None:
        st = self.latest
        if st is None or zone >= len(st.zones):
            return None
        return st.zones[zone].temp_c

    def is_off(self, zone: int) -> bool:
        """The engine switched this zone off itself (and nobody has touched it since)."""
        return zone in self.desired and (self.desired[zone] is None or self.desired[zone].mode == "off")

    def keep_warm_setting(self, zone: int) -> Setting:
        info = self.infos[zone]
        if info.min_target_c <= KEEP_WARM_C <= info.max_target_c:
            return Setting("target", temp_c=KEEP_WARM_C)
        return Setting("level", level=1)

    # -- commanding ---------------------------------------------------------------------------
    def command(self, zone: int, want: Setting | None, why: str) -> None:
        """Send one zone command; a refusal reaches ``failed(zone, message)``."""
        self.used.add(zone)
        s = self.stove
        if want is not None and want.mode == "boost" and not self.infos[zone].has_boost:
            want = Setting("level", level=9, temp_c=want.temp_c)     # this zone has none: its top level
            why += " (no boost on this zone: level 9)"
        self.desired[zone] = self.wanted[zone] = want
        self.armed[zone] = False
        if zone in self.predictors:
            self.predictors[zone].reset()
        if want is None or want.mode == "off":
            fut, text = s.zone_off(zone), "off"
        elif want.mode == "boost":
            fut, text = s.set_boost(zone, True), "boost"
        elif want.mode == "level":
            fut, text = s.set_level(zone, int(want.level or 1)), f"level {want.level}"
        else:
            fut, text = s.set_target(zone, want.temp_c), f"{want.temp_c:g} °C"
        self._log("zone_set", f"{self.label(zone)}: {text}", zone=zone, data={"setting": text, "why": why})
        fut.add_done_callback(lambda f, z=zone, t=text: self._done(f, z, t))

    def _done(self, fut: Future, zone: int, text: str) -> None:
        exc = fut.exception()
        if exc is not None:
            self.desired[zone] = None
            self._failed(zone, f"{self.label(zone)} could not be set to {text}: {exc}")

    def stove_switched_off(self, zone: int) -> bool:
        """The stove switched ``zone`` off by itself; True if the engine had it on."""
        if self.desired.get(zone) is None:
            return False
        self.desired[zone] = None
        return True

    def release_unwanted(self) -> list[tuple[int, Setting]]:
        """On resume: zones the recipe is done with become the cook's; the rest, to re-apply."""
        again = []
        for zone, want in list(self.wanted.items()):
            if want is None or want.mode == "off":
                self.desired.pop(zone, None)
            else:
                again.append((zone, want))
        return again

    # -- watching -----------------------------------------------------------------------------
    def observe(self, state: StoveState, watching: bool) -> int | None:
        """Take in telemetry; returns a zone someone else changed (now released), if any."""
        self.latest = state
        for zone, p in self.predictors.items():
            if zone < len(state.zones):
                p.add(state.t, state.zones[zone].temp_c)
        if not watching:
            return None
        for zone, want in list(self.desired.items()):
            if zone >= len(state.zones):
                continue
            if matches(state.zones[zone], want):
                self.armed[zone] = True
            elif self.armed.get(zone):
                self.armed[zone] = False
                self.desired.pop(zone)
                return zone
        return None

    # -- snapshots ----------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {"desired": _settings(self.desired), "wanted": _settings(self.wanted),
                "keep_warm": sorted(self.keep_warm), "used": sorted(self.used)}

    def load(self, d: dict[str, Any]) -> None:
        self.desired = _read_settings(d.get("desired", {}), "desired")
        self.wanted = _read_settings(d.get("wanted", {}), "wanted")
        self.keep_warm = {int(z) for z in d.get("keep_warm", ())}
        self.used = {int(z) for z in d.get("used", ())}
