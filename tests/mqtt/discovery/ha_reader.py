"""Read MQTT discovery the way Home Assistant does, for the tests (no HA installed).

``HaReader`` subscribes to the discovery prefix and everything else on a test broker (paho in its
own thread), keeps every config message, expands HA's abbreviated keys as HA does, checks what HA
requires of each platform, and renders value templates with Jinja2 (HA's templates are Jinja2 with
``value`` and ``value_json``) to give the state HA would show. Tests wait on conditions with a
deadline, never for a fixed time.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
import time

import paho.mqtt.client as paho
from jinja2.sandbox import ImmutableSandboxedEnvironment

# The subset of HA's documented abbreviations (mqtt/abbreviations.py) a sensor, number or button can use.
ABBREVIATIONS = {
    "avty": "availability", "avty_mode": "availability_mode", "avty_t": "availability_topic",
    "avty_tpl": "availability_template", "cmd_t": "command_topic", "cmd_tpl": "command_template",
    "dev": "device", "dev_cla": "device_class", "ent_cat": "entity_category", "exp_aft": "expire_after",
    "ic": "icon", "json_attr_t": "json_attributes_topic", "json_attr_tpl": "json_attributes_template",
    "max": "max", "min": "min", "mode": "mode", "o": "origin", "opt": "optimistic", "pl_avail": "payload_available",
    "pl_not_avail": "payload_not_available", "pl_prs": "payload_press", "qos": "qos", "ret": "retain",
    "stat_cla": "state_class", "stat_t": "state_topic", "step": "step", "sug_dsp_prc": "suggested_display_precision",
    "uniq_id": "unique_id", "unit_of_meas": "unit_of_measurement", "val_tpl": "value_template",
    "p": "platform", "t": "topic",
}
DEVICE_ABBREVIATIONS = {"cns": "connections", "ids": "identifiers", "name": "name", "mf": "manufacturer",
                        "mdl": "model", "mdl_id": "model_id", "hw": "hw_version", "sw": "sw_version",
                        "sa": "suggested_area", "sn": "serial_number", "via_device": "via_device"}
ORIGIN_ABBREVIATIONS = {"name": "name", "sw": "sw_version", "url": "support_url"}

COMMON_KEYS = {"availability", "availability_mode", "availability_topic", "availability_template", "device",
               "origin", "name", "unique_id", "icon", "entity_category", "qos", "json_attributes_topic",
               "json_attributes_template", "payload_available", "payload_not_available", "enabled_by_default",
               "object_id", "default_entity_id", "encoding", "platform"}
# The documented configuration variables of each platform HA would accept (beyond COMMON_KEYS).
PLATFORM_KEYS = {
    "sensor": {"state_topic", "value_template", "device_class", "unit_of_measurement", "state_class",
               "suggested_display_precision", "expire_after", "force_update", "last_reset_value_template",
               "options"},
    "number": {"state_topic", "value_template", "command_topic", "command_template", "min", "max", "step",
               "mode", "optimistic", "retain", "device_class", "unit_of_measurement", "payload_reset"},
    "button": {"command_topic", "command_template", "payload_press", "retain", "device_class"},
}
REQUIRED = {"sensor": {"state_topic"}, "number": {"command_topic"}, "button": {"command_topic"}}
# HA matches this against the topic with "<discovery-prefix>/" taken off
CONFIG_TOPIC = re.compile(r"^(?P<component>\w+)/(?:(?P<node>[a-zA-Z0-9_-]+)/)?(?P<object>[a-zA-Z0-9_-]+)/config$")
PAYLOAD_NONE = "None"      # HA's sensor shows "unknown" when the template renders this
_ids = itertools.count(1)
_jinja = ImmutableSandboxedEnvironment()


def parse_config_topic(prefix: str, topic: str) -> re.Match | None:
    """component, node and object of a discovery config topic under ``prefix``, as HA splits it."""
    return CONFIG_TOPIC.match(topic[len(prefix) + 1:]) if topic.startswith(prefix + "/") else None


def expand(config: dict) -> dict:
    """HA's expansion of abbreviated keys, including ``~`` (the base topic) and the nested device,
    origin and availability entries."""
    out = {ABBREVIATIONS.get(k, k): v for k, v in config.items()}
    base = out.pop("~", None)
    if base is not None:
        for key, value in list(out.items()):
            if isinstance(value, str) and key.endswith("topic"):
                out[key] = value.replace("~", base, 1) if value.startswith("~") or value.endswith("~") else value
    if isinstance(out.get("device"), dict):
        out["device"] = {DEVICE_ABBREVIATIONS.get(k, k): v for k, v in out["device"].items()}
    if isinstance(out.get("origin"), dict):
        out["origin"] = {ORIGIN_ABBREVIATIONS.get(k, k): v for k, v in out["origin"].items()}
    if isinstance(out.get("availability"), list):
        out["availability"] = [{ABBREVIATIONS.get(k, k): v for k, v in a.items()} for a in out["availability"]]
    return out


def problems(component: str, config: dict) -> list[str]:
    """What HA would reject or ignore in one expanded config (empty when HA would take it)."""
    found = [f"{component}: no {key}" for key in REQUIRED.get(component, ()) if not config.get(key)]
    unknown = set(config) - COMMON_KEYS - PLATFORM_KEYS.get(component, set())
    found += [f"{component}: {key!r} is not a documented key" for key in sorted(unknown)]
    device = config.get("device") or {}
    # HA's device schema is strict (an unknown key rejects the config); these are known since 2021
    for key in sorted(set(device) - {"identifiers", "connections", "name", "manufacturer", "model",
                                     "sw_version", "hw_version", "via_device", "suggested_area",
                                     "configuration_url"}):
        found.append(f"{component}: device key {key!r} is unknown to older HA versions")
    if "unique_id" in config and not (device.get("identifiers") or device.get("connections")):
        found.append(f"{component}: a device needs identifiers or connections")
    if "origin" in config and not config["origin"].get("name"):
        found.append(f"{component}: origin needs a name")
    return found


def render(template: str | None, payload: str):
    """What HA's value template yields for one payload (``value`` and ``value_json``)."""
    if template is None:
        return payload
    try:
        value_json = json.loads(payload)
    except ValueError:
        value_json = None
    return _jinja.from_string(template).render(value=payload, value_json=value_json).strip()


class HaReader:
    """Subscribes to ``<discovery-prefix>/#`` as HA does, and to Hearth's tree for the states and
    availability its entities name; keeps every config and every message."""

    def __init__(self, broker, discovery_prefix: str = "homeassistant", topic_prefix: str = "hearth") -> None:
        self.prefix = discovery_prefix
        self.configs: dict[str, tuple[str, dict]] = {}     # config topic -> (component, expanded config)
        self.history: dict[str, list[str]] = {}            # topic -> payloads in arrival order
        self._cond = threading.Condition()
        subscribed = threading.Event()
        self.client = paho.Client(paho.CallbackAPIVersion.VERSION2, client_id=f"ha-reader-{next(_ids)}")
        self.client.on_message = self._on_message
        self.client.on_subscribe = lambda *a: subscribed.set()
        self.client.connect(broker.host, broker.port)
        self.client.loop_start()
        self.client.subscribe([(f"{discovery_prefix}/#", 1), (f"{topic_prefix}/#", 1)])
        assert subscribed.wait(5), "the reader's subscription was not acknowledged"

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()

    def _on_message(self, _client, _userdata, msg) -> None:
        text = bytes(msg.payload).decode("utf-8")
        with self._cond:
            self.history.setdefault(msg.topic, []).append(text)
            m = parse_config_topic(self.prefix, msg.topic)
            if m:
                if text:
                    self.configs[msg.topic] = (m["component"], expand(json.loads(text)))
                else:                                       # an empty payload removes the entity
                    self.configs.pop(msg.topic, None)
            self._cond.notify_all()

    def wait(self, pred, timeout: float = 10.0, what: str = "a condition"):
        deadline = time.monotonic() + timeout
        with self._cond:
            while not (result := pred()):
                left = deadline - time.monotonic()
                assert left > 0, f"timed out waiting for {what}"
                self._cond.wait(left)
            return result

    def wait_history(self, topic: str, count: int, timeout: float = 10.0) -> list[str]:
        self.wait(lambda: len(self.history.get(topic, ())) >= count, timeout, f"{count} messages on {topic}")
        return list(self.history[topic])

    def entities(self) -> dict[str, tuple[str, dict]]:
        """unique_id -> (component, config), asserting unique ids are unique as HA requires."""
        with self._cond:
            out: dict[str, tuple[str, dict]] = {}
            for component, config in self.configs.values():
                uid = config["unique_id"]
                assert uid not in out, f"unique_id {uid} announced twice"
                out[uid] = (component, config)
            return out

    def wait_entities(self, count: int, timeout: float = 10.0) -> dict[str, tuple[str, dict]]:
        """The entities once exactly ``count`` are announced."""
        self.wait(lambda: len(self.configs) == count, timeout, f"{count} entities")
        return self.entities()

    def last(self, topic: str) -> str | None:
        with self._cond:
            seen = self.history.get(topic)
            return seen[-1] if seen else None

    def available(self, config: dict) -> bool:
        """HA's availability: each topic's last payload against its available payload, per mode."""
        entries = config.get("availability") or []
        if config.get("availability_topic"):
            entries = [*entries, {"topic": config["availability_topic"]}]
        if not entries:
            return True
        states = [self.last(a["topic"]) == a.get("payload_available", "online") for a in entries]
        mode = config.get("availability_mode", "latest")
        return all(states) if mode == "all" else any(states) if mode == "any" else states[-1]

    def shown(self, config: dict, payload: str | None = None):
        """The value HA shows for a sensor or number from its state topic's last (or given) payload:
        a float, None for unknown."""
        payload = self.last(config["state_topic"]) if payload is None else payload
        if payload is None:
            return None
        text = render(config.get("value_template"), payload)
        return None if text in ("", PAYLOAD_NONE) else float(text)
