"""The stove as the dashboard sees it: plain, immutable snapshots shaped like KSP/1 messages.

The same dataclasses describe an in-process simulated stove and a stove across the network; they
convert to and from the protocol's JSON objects (``to_dict``/``from_dict``), so nothing above the
transport can tell the two apart.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from enum import Enum
from typing import Any

ZONE_KINDS = ("induction", "radiant", "gas")
ZONE_MODES = ("off", "level", "target")
FAULTS = ("sensor_open", "sensor_stuck", "heater_dead", "overheat")
EVENT_KINDS = (
    "overheat", "auto_off", "boost_ended", "timer_elapsed", "pan_removed", "pan_detected",
    "boil_dry", "fault", "fault_cleared", "link_lost", "controller_changed", "lock_changed",
    "all_off",
)

FAULT_TEXT = {
    "sensor_open": "Temperature sensor disconnected",
    "sensor_stuck": "Temperature sensor stuck",
    "heater_dead": "Heater not heating",
    "overheat": "Overheated: switched off",
}


def _opt_float(v: Any) -> float | None:
    return None if v is None else float(v)


@dataclass(frozen=True)
class ZoneInfo:
    """What never changes about a burner zone (from ``hello``)."""

    id: int
    name: str
    kind: str
    diameter_mm: int
    max_power_w: float
    boost_power_w: float | None
    levels: int = 9
    min_target_c: float = 30.0
    max_target_c: float = 250.0

    @property
    def has_boost(self) -> bool:
        return self.boost_power_w is not None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "ZoneInfo":
        return cls(
            id=int(d["id"]), name=str(d["name"]), kind=str(d["kind"]),
            diameter_mm=int(d.get("diameter_mm", 0)), max_power_w=float(d["max_power_w"]),
            boost_power_w=_opt_float(d.get("boost_power_w")), levels=int(d.get("levels", 9)),
            min_target_c=float(d.get("min_target_c", 30)), max_target_c=float(d.get("max_target_c", 250)),
        )


@dataclass(frozen=True)
class StoveInfo:
    """The stove's identity, zones and limits, as announced in the ``hello`` result."""

    id: str
    model: str
    firmware: str
    sim: bool
    zones: tuple[ZoneInfo, ...]
    max_pan_temp_c: float = 300.0
    residual_heat_c: float = 60.0
    telemetry_hz: float = 10.0
    heartbeat_timeout_s: float = 3.0
    link_loss_policy: str = "off"
    remote_start: bool = True

    def to_hello_fields(self) -> dict[str, Any]:
        return {
            "stove": {"id": self.id, "model": self.model, "firmware": self.firmware, "sim": self.sim},
            "zones": [z.to_dict() for z in self.zones],
            "limits": {"max_pan_temp_c": self.max_pan_temp_c, "residual_heat_c": self.residual_heat_c},
            "telemetry_hz": self.telemetry_hz,
            "heartbeat_timeout_s": self.heartbeat_timeout_s,
            "link_loss_policy": self.link_loss_policy,
            "remote_start": self.remote_start,
        }

    @classmethod
    def from_hello(cls, r: dict[str, Any]) -> "StoveInfo":
        stove = r.get("stove") or {}
        limits = r.get("limits") or {}
        return cls(
            id=str(stove.get("id", "")), model=str(stove.get("model", "")),
            firmware=str(stove.get("firmware", "")), sim=bool(stove.get("sim", False)),
            zones=tuple(ZoneInfo.from_dict(z) for z in r.get("zones", [])),
            max_pan_temp_c=float(limits.get("max_pan_temp_c", 300)),
            residual_heat_c=float(limits.get("residual_heat_c", 60)),
            telemetry_hz=float(r.get("telemetry_hz", 10)),
            heartbeat_timeout_s=float(r.get("heartbeat_timeout_s", 3.0)),
            link_loss_policy=str(r.get("link_loss_policy", "off")),
            remote_start=bool(r.get("remote_start", True)),
        )


@dataclass(frozen=True)
class ZoneState:
    """One zone at one instant (a telemetry entry)."""

    id: int
    mode: str = "off"
    level: int = 0
    boost: bool = False
    target_c: float | None = None
    temp_c: float | None = None
    pan_temp_c: float | None = None
    power_w: float = 0.0
    energy_wh: float = 0.0
    pan: bool = False
    residual_heat: bool = False
    timer_s: float | None = None
    fault: str | None = None

    @property
    def is_on(self) -> bool:
        return self.mode != "off"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "ZoneState":
        return cls(
            id=int(d["id"]), mode=str(d.get("mode", "off")), level=int(d.get("level", 0)),
            boost=bool(d.get("boost", False)), target_c=_opt_float(d.get("target_c")),
            temp_c=_opt_float(d.get("temp_c")), pan_temp_c=_opt_float(d.get("pan_temp_c")),
            power_w=float(d.get("power_w") or 0.0), energy_wh=float(d.get("energy_wh") or 0.0),
            pan=bool(d.get("pan", False)), residual_heat=bool(d.get("residual_heat", False)),
            timer_s=_opt_float(d.get("timer_s")), fault=d.get("fault"),
        )


@dataclass(frozen=True)
class StoveState:
    """The whole stove at one instant (telemetry params / ``state.get`` result)."""

    t: float
    zones: tuple[ZoneState, ...]
    locked: bool = False
    seq: int = 0

    @property
    def total_power_w(self) -> float:
        return sum(z.power_w for z in self.zones)

    def zone(self, zone_id: int) -> ZoneState:
        return self.zones[zone_id]

    def with_seq(self, seq: int) -> "StoveState":
        return replace(self, seq=seq)

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "t": self.t, "locked": self.locked,
                "zones": [z.to_dict() for z in self.zones]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "StoveState":
        zones = sorted((ZoneState.from_dict(z) for z in d.get("zones", [])), key=lambda z: z.id)
        return cls(t=float(d.get("t", 0.0)), zones=tuple(zones), locked=bool(d.get("locked", False)),
                   seq=int(d.get("seq", 0)))


@dataclass(frozen=True)
class StoveEvent:
    """Something the stove did by itself or reports (an ``event`` notification)."""

    t: float
    kind: str
    zone: int | None
    message: str
    by: str | None = None           # the client (hello's "client") whose request caused it, if one did
    by_session: str | None = None   # ...and its session id, so a dashboard can tell its own requests

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for name in ("by", "by_session"):   # optional on the wire (KSP/1 §3): only when known
            if d[name] is None:
                del d[name]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "StoveEvent":
        z = d.get("zone")
        by, by_session = d.get("by"), d.get("by_session")
        return cls(t=float(d.get("t", 0.0)), kind=str(d.get("kind", "")),
                   zone=None if z is None else int(z), message=str(d.get("message", "")),
                   by=by if isinstance(by, str) else None,
                   by_session=by_session if isinstance(by_session, str) else None)


class LinkStatus(str, Enum):
    CONNECTING = "connecting"
    ONLINE = "online"
    LOST = "lost"          # was online, is reconnecting; the last values are stale
    CLOSED = "closed"      # stopped on purpose


# Why a network stove cannot be reached, as a word the UI can put in the cook's language
LINK_PROBLEMS = frozenset({"unknown_host", "refused", "unreachable", "timeout", "tls_untrusted", "tls",
                           "token", "protocol", "dropped"})


@dataclass(frozen=True)
class LinkState:
    """How the dashboard is connected to the stove, in words a cook can read."""

    status: LinkStatus = LinkStatus.CONNECTING
    role: str | None = None            # "controller" or "observer" once online
    message: str = ""
    transport: str = "in-process"      # "in-process", "ksp://host:port", ...
    problem: str = ""                  # why the last attempt failed: one of LINK_PROBLEMS, "" when none

    @property
    def online(self) -> bool:
        return self.status is LinkStatus.ONLINE

    @property
    def can_control(self) -> bool:
        return self.online and self.role == "controller"
