"""Home Assistant MQTT discovery for Hearth's stoves: the retained config messages and the state HA reads.

Follows HA's documented discovery (the ``mqtt`` integration): one retained JSON config per entity on
``<discovery-prefix>/<component>/<stove>/<unique_id>/config``, which every HA version in use reads,
with the full key names (no abbreviations, so a person can read them). Per zone a temperature,
power and energy ``sensor`` and a ``number`` for the level; per stove a ``button`` for all off; one
HA device per stove, reached through the bridge's device. An empty retained payload removes an entity.

Every entity is available only while the bridge says ``online`` AND the stove's link says
``online`` (``availability_mode: all``), so a stove that drops or a bridge killed with -9 (its
last will) shows as unavailable rather than as a frozen reading.

The state HA reads is a compact JSON on ``topics.ha_state(stove)``; ``StateThrottle`` keeps it to at
most 2 messages a second per stove (telemetry keeps the stove's full rate) without ever dropping the
latest state. Pure functions, no I/O, no clock of its own: the bridge publishes what they return.
"""

from __future__ import annotations

import json
import re

from .. import __version__
from ..core.model import StoveInfo, StoveState
from .topics import OFFLINE, ONLINE, Topics, TopicError, check_prefix, check_stove_name, zone_key

MANUFACTURER = "Hearth"
ORIGIN = {"name": "Hearth", "sw_version": __version__,
          "support_url": "https://github.com/hearth-kitchen/kitchen-ui"}
_EPS = 1e-9          # so a flush at exactly next_due() is due despite float rounding
_BRIDGE_ID = re.compile(r"^[A-Za-z0-9-]{1,64}$")

# (what, device_class, unit, state_class, field in the state JSON, display precision)
_ZONE_SENSORS = (
    ("temperature", "temperature", "°C", "measurement", "temperature", 1),
    ("power", "power", "W", "measurement", "power_w", 0),
    ("energy", "energy", "Wh", "total_increasing", "energy_wh", 1),
)


def ha_status_topic(discovery_prefix: str) -> str:
    """Where HA says ``online`` when it starts: announce discovery again on that."""
    return f"{discovery_prefix}/status"


def _check_bridge_id(bridge_id: str) -> str:
    if not _BRIDGE_ID.match(bridge_id):
        raise TopicError(f"bridge id {bridge_id!r}: use 1-64 letters, digits or '-' (it becomes a Home "
                         "Assistant device id)")
    return bridge_id


def _config_topic(discovery_prefix: str, component: str, stove: str, unique_id: str) -> str:
    return f"{discovery_prefix}/{component}/{stove}/{unique_id}/config"


def _unique_ids(stove: str, info: StoveInfo) -> list[tuple[str, str]]:
    """(component, unique_id) of every entity a stove has, in announcement order."""
    out: list[tuple[str, str]] = []
    for zone in info.zones:
        key = zone_key(zone.id)
        out += [("sensor", f"{stove}_{key}_{what}") for what, *_ in _ZONE_SENSORS]
        out.append(("number", f"{stove}_{key}_level"))
    out.append(("button", f"{stove}_all_off"))
    return out


def bridge_device_id(bridge_id: str) -> str:
    return f"hearth-bridge-{bridge_id}"


def _bridge_device(bridge_id: str) -> dict:
    return {"identifiers": [bridge_device_id(bridge_id)], "name": f"Hearth bridge {bridge_id}",
            "manufacturer": MANUFACTURER, "model": "kitchen-ui bridge", "sw_version": __version__}


def _stove_device(stove: str, info: StoveInfo, bridge_id: str) -> dict:
    # the stove's own KSP/1 id, so the device stays the same device whatever the bridge calls it.
    # Only device keys every HA in use knows: HA rejects a whole config for an unknown device key.
    ident = f"hearth-{info.id}" if info.id else f"hearth-{bridge_id}-{stove}"
    return {"identifiers": [ident], "name": stove, "manufacturer": MANUFACTURER,
            "model": info.model or "KSP/1 stove", "sw_version": info.firmware,
            "via_device": bridge_device_id(bridge_id)}


def _availability(topics: Topics, bridge_id: str, stove: str | None) -> dict:
    wanted = [topics.bridge_status(bridge_id)] + ([topics.link(stove)] if stove is not None else [])
    return {"availability": [{"topic": t, "payload_available": ONLINE, "payload_not_available": OFFLINE}
                             for t in wanted],
            "availability_mode": "all"}


def discovery_messages(topics: Topics, discovery_prefix: str, stove: str, info: StoveInfo,
                       bridge_id: str) -> list[tuple[str, str]]:
    """(topic, retained JSON payload) of every entity of one stove; TopicError for a bad name."""
    check_prefix(discovery_prefix, "--discovery-prefix")
    check_stove_name(stove)
    _check_bridge_id(bridge_id)
    common = {"device": _stove_device(stove, info, bridge_id), "origin": ORIGIN,
              **_availability(topics, bridge_id, stove)}
    state_topic = topics.ha_state(stove)
    out: list[tuple[str, str]] = []
    for zone in info.zones:
        key = zone_key(zone.id)
        read = f"value_json.zones['{key}']"
        for what, device_class, unit, state_class, field, precision in _ZONE_SENSORS:
            uid = f"{stove}_{key}_{what}"
            config = {**common, "name": f"{zone.name} {what}", "unique_id": uid, "state_topic": state_topic,
                      "value_template": f"{{{{ {read}.{field} }}}}", "device_class": device_class,
                      "unit_of_measurement": unit, "state_class": state_class,
                      "suggested_display_precision": precision}
            out.append((_config_topic(discovery_prefix, "sensor", stove, uid), _dump(config)))
        uid = f"{stove}_{key}_level"
        config = {**common, "name": f"{zone.name} level", "unique_id": uid, "state_topic": state_topic,
                  "value_template": f"{{{{ {read}.level }}}}", "command_topic": topics.level_set(stove, zone.id),
                  "min": 0, "max": zone.levels, "step": 1, "mode": "slider", "icon": "mdi:stove"}
        out.append((_config_topic(discovery_prefix, "number", stove, uid), _dump(config)))
    uid = f"{stove}_all_off"
    config = {**common, "name": "All off", "unique_id": uid, "command_topic": topics.all_off_set(stove),
              "payload_press": "PRESS", "icon": "mdi:power"}
    out.append((_config_topic(discovery_prefix, "button", stove, uid), _dump(config)))
    return out


def removal_messages(discovery_prefix: str, stove: str, info: StoveInfo) -> list[tuple[str, str]]:
    """Empty retained payloads that make HA forget a stove's entities (a stove taken off the bridge)."""
    check_prefix(discovery_prefix, "--discovery-prefix")
    return [(_config_topic(discovery_prefix, component, stove, uid), "")
            for component, uid in _unique_ids(check_stove_name(stove), info)]


def kitchen_messages(topics: Topics, discovery_prefix: str, bridge_id: str) -> list[tuple[str, str]]:
    """The whole kitchen's power now, one sensor on the bridge's own device."""
    check_prefix(discovery_prefix, "--discovery-prefix")
    _check_bridge_id(bridge_id)
    uid = f"hearth-bridge-{bridge_id}_kitchen_power"
    config = {"device": _bridge_device(bridge_id), "origin": ORIGIN, **_availability(topics, bridge_id, None),
              "name": "Kitchen power", "unique_id": uid, "state_topic": topics.kitchen_power(),
              "value_template": "{{ value_json.power_w }}", "device_class": "power",
              "unit_of_measurement": "W", "state_class": "measurement", "suggested_display_precision": 0,
              "json_attributes_topic": topics.kitchen_power()}
    return [(_config_topic(discovery_prefix, "sensor", bridge_device_id(bridge_id), uid), _dump(config))]


def ha_state_payload(state: StoveState) -> str:
    """The compact JSON the value templates read: per zone (keyed as the cook counts) the temperature
    (the pan's where the stove measures one, else the zone's; null when unknown, which HA shows as
    unknown), power, energy and level; the zones' faults; the stove's total power and lock."""
    zones: dict[str, dict] = {}
    faults: dict[str, str] = {}
    for z in state.zones:
        key = zone_key(z.id)
        temp = z.pan_temp_c if z.pan_temp_c is not None else z.temp_c
        zones[key] = {"temperature": None if temp is None else round(temp, 1), "power_w": round(z.power_w, 1),
                      "energy_wh": round(z.energy_wh, 2), "level": z.level, "mode": z.mode}
        if z.fault:
            faults[key] = z.fault
    return _dump({"zones": zones, "faults": faults, "power_w": round(state.total_power_w, 1),
                  "locked": state.locked})


class StateThrottle:
    """At most ``max_hz`` HA state messages a stove, never losing the latest state.

    ``offer`` returns the payload to publish now, or None when the stove was published less than
    a period ago; the state held back then is the one ``flush(now)`` (or a later ``offer``) sends
    once the period is over, so the last word is always the stove's latest state."""

    def __init__(self, max_hz: float = 2.0) -> None:
        if not max_hz > 0:
            raise ValueError(f"max_hz must be above 0, not {max_hz!r}")
        self.period = 1.0 / max_hz
        self._sent_at: dict[str, float] = {}
        self._held: dict[str, StoveState] = {}

    def offer(self, stove: str, now: float, state: StoveState) -> str | None:
        last = self._sent_at.get(stove)
        if last is not None and now - last < self.period - _EPS:
            self._held[stove] = state
            return None
        self._held.pop(stove, None)
        self._sent_at[stove] = now
        return ha_state_payload(state)

    def flush(self, now: float) -> list[tuple[str, str]]:
        """(stove, payload) of every held state whose period is over."""
        out = []
        for stove in [s for s in self._held if now - self._sent_at[s] >= self.period - _EPS]:
            self._sent_at[stove] = now
            out.append((stove, ha_state_payload(self._held.pop(stove))))
        return out

    def next_due(self) -> float | None:
        """When (same clock as ``now``) the earliest held state may go out; None when none is held."""
        return min((self._sent_at[s] + self.period for s in self._held), default=None)

    def forget(self, stove: str) -> None:
        """Drop a stove's history (it left the bridge, or the broker lost its retained state)."""
        self._sent_at.pop(stove, None)
        self._held.pop(stove, None)


def _dump(obj: dict) -> str:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)
