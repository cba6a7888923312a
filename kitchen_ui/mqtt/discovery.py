"""Home Assistant MQTT discovery for the bridge's stoves (placeholder until the discovery work lands).

The bridge's minimal version of the agreed interface, so the bridge can publish discovery before
the full module (HA's documented keys, every entity, its tests) is merged over this file:
``discovery_messages``, ``kitchen_messages``, ``ha_state_payload`` and ``StateThrottle``.
"""

from __future__ import annotations

import json

from ..core.model import StoveInfo, StoveState
from .topics import Topics, zone_key


def _device(stove: str, info: StoveInfo, bridge_id: str) -> dict:
    return {"identifiers": [f"hearth-{stove}"], "name": stove, "manufacturer": "Hearth",
            "model": info.model, "sw_version": info.firmware, "via_device": f"hearth-bridge-{bridge_id}"}


def _availability(topics: Topics, stove: str | None, bridge_id: str) -> dict:
    avail = [{"topic": topics.bridge_status(bridge_id)}]
    if stove is not None:
        avail.append({"topic": topics.link(stove)})
    return {"availability": avail, "availability_mode": "all"}


def discovery_messages(topics: Topics, discovery_prefix: str, stove: str, info: StoveInfo,
                       bridge_id: str) -> list[tuple[str, str]]:
    """Retained config messages: per zone temperature, power, energy and level; an all-off button."""
    base = {"device": _device(stove, info, bridge_id), "state_topic": topics.ha_state(stove),
            **_availability(topics, stove, bridge_id)}
    out: list[tuple[str, str]] = []
    for zone in info.zones:
        key = zone_key(zone.id)
        value = f"value_json.zones['{key}']"
        sensors = (("temperature", "temperature", "°C", "temp_c", {}),
                   ("power", "power", "W", "power_w", {}),
                   ("energy", "energy", "Wh", "energy_wh", {"state_class": "total_increasing"}))
        for what, device_class, unit, field, extra in sensors:
            uid = f"{stove}_{key}_{what}"
            cfg = {**base, "name": f"{zone.name} {what}", "unique_id": uid, "device_class": device_class,
                   "unit_of_measurement": unit, "value_template": f"{{{{ {value}.{field} }}}}", **extra}
            out.append((f"{discovery_prefix}/sensor/{stove}/{uid}/config", json.dumps(cfg)))
        uid = f"{stove}_{key}_level"
        cfg = {**base, "name": f"{zone.name} level", "unique_id": uid, "min": 0, "max": zone.levels, "step": 1,
               "command_topic": topics.level_set(stove, zone.id), "value_template": f"{{{{ {value}.level }}}}"}
        out.append((f"{discovery_prefix}/number/{stove}/{uid}/config", json.dumps(cfg)))
    uid = f"{stove}_all_off"
    cfg = {"device": base["device"], **_availability(topics, stove, bridge_id), "name": "All off",
           "unique_id": uid, "command_topic": topics.all_off_set(stove)}
    out.append((f"{discovery_prefix}/button/{stove}/{uid}/config", json.dumps(cfg)))
    return out


def kitchen_messages(topics: Topics, discovery_prefix: str, bridge_id: str) -> list[tuple[str, str]]:
    """The kitchen's total power as one sensor."""
    uid = f"hearth-{bridge_id}_kitchen_power"
    cfg = {"name": "Kitchen power", "unique_id": uid, "device_class": "power", "unit_of_measurement": "W",
           "state_topic": topics.kitchen_power(), "value_template": "{{ value_json.power_w }}",
           "device": {"identifiers": [f"hearth-bridge-{bridge_id}"], "name": f"Hearth bridge {bridge_id}"},
           **_availability(topics, None, bridge_id)}
    return [(f"{discovery_prefix}/sensor/{uid}/config", json.dumps(cfg))]


def ha_state_payload(state: StoveState) -> str:
    zones = {zone_key(z.id): {"temp_c": z.temp_c, "power_w": round(z.power_w, 1), "energy_wh": round(z.energy_wh, 2),
                              "level": z.level, "mode": z.mode, "fault": z.fault} for z in state.zones}
    return json.dumps({"zones": zones, "power_w": round(state.total_power_w, 1), "locked": state.locked})


class StateThrottle:
    """At most ``max_hz`` HA state messages a stove; the state held back goes out with ``flush``."""

    def __init__(self, max_hz: float = 2.0) -> None:
        self.period = 1.0 / max_hz
        self._sent_at: dict[str, float] = {}
        self._held: dict[str, StoveState] = {}

    def offer(self, stove: str, now: float, state: StoveState) -> str | None:
        last = self._sent_at.get(stove)
        if last is not None and now - last < self.period:
            self._held[stove] = state
            return None
        self._held.pop(stove, None)
        self._sent_at[stove] = now
        return ha_state_payload(state)

    def flush(self, now: float) -> list[tuple[str, str]]:
        out = []
        for stove in [s for s in self._held if now - self._sent_at[s] >= self.period]:
            self._sent_at[stove] = now
            out.append((stove, ha_state_payload(self._held.pop(stove))))
        return out

    def next_due(self) -> float | None:
        return min((self._sent_at[s] + self.period for s in self._held), default=None)

    def forget(self, stove: str) -> None:
        self._sent_at.pop(stove, None)
        self._held.pop(stove, None)
