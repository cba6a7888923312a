"""Hearth's MQTT topic tree, in one place: the bridge publishes it, screens and HA read it.

With the default prefix ``hearth`` (``--topic-prefix``), for a stove the bridge names ``wok``::

    hearth/bridge/<bridge-id>/status   retained  "online" | "offline" (the bridge's last will)
    hearth/wok/info                    retained  JSON: {"name", "bridge", "control", "hello": KSP/1 hello fields}
    hearth/wok/link                    retained  "online" | "offline" (HA availability for this stove)
    hearth/wok/link/state              retained  JSON: {"status", "role", "problem", "message"} (LinkState)
    hearth/wok/telemetry               QoS 0     JSON: one KSP/1 telemetry object (StoveState.to_dict), full rate
    hearth/wok/event                   QoS 1     JSON: one KSP/1 event (StoveEvent.to_dict)
    hearth/wok/state                   retained  JSON for Home Assistant, throttled to <= 2 Hz a stove
    hearth/wok/error                   QoS 1     JSON: {"topic", "error", "code"}: a refused or malformed command
    hearth/wok/zone/<n>/level/set      command   "0".."9" (n as the cook counts: 1 = first zone)
    hearth/wok/all_off/set             command   any payload (HA's button sends "PRESS")
    hearth/wok/request                 command   JSON: {"id", "method", "params", "reply_to"}: a KSP/1 request
    hearth/reply/<client-id>           replies   JSON: {"id", "result"} or {"id", "error": {"code", "message"}}
    hearth/runs/<uid>                  retained  JSON: the recipe cooking on the stove whose hello id is <uid>
                                                 and its time left, from the dashboard running it ("" = none)
    hearth/kitchen/power               retained  JSON: {"power_w", "stoves"}: the whole kitchen now
    hearth/archive/<uid>               retained  JSON: a shared recipe (schema.org JSON-LD, story, author, licence)

Stove names in topics use only ``[a-zA-Z0-9-]`` (Home Assistant's unique ids are built from
them) and never the reserved first-level words below. Commands follow the stove's rules: a
bridge that is not ``--control`` acts only on switch-off requests (see ``kitchen_ui.core.ksp``).
"""

from __future__ import annotations

import re

DEFAULT_PREFIX = "hearth"
DEFAULT_DISCOVERY_PREFIX = "homeassistant"
RESERVED = frozenset({"bridge", "kitchen", "archive", "reply", "runs"})
ONLINE, OFFLINE = "online", "offline"
_NAME = re.compile(r"^[A-Za-z0-9-]{1,64}$")
_LEVEL = re.compile(r"^[^#+/\x00]+(/[^#+/\x00]+)*$")


class TopicError(ValueError):
    """A stove name or prefix that cannot be used in a topic, with the reason."""


def check_stove_name(name: str) -> str:
    """``name`` if it can name a stove in topics and HA ids; else TopicError saying why."""
    if not _NAME.match(name):
        raise TopicError(f"stove name {name!r}: use 1-64 letters, digits or '-' (it becomes an MQTT topic "
                         "and a Home Assistant id)")
    if name.lower() in RESERVED:
        raise TopicError(f"stove name {name!r} is reserved in the topic tree; choose another")
    return name


def check_prefix(prefix: str, what: str = "--topic-prefix") -> str:
    """A topic prefix: one or more levels, no wildcards, no leading or trailing '/'."""
    if not prefix or not _LEVEL.match(prefix) or len(prefix) > 200:
        raise TopicError(f"{what} {prefix!r}: expected topic levels such as 'hearth' or 'site/hearth' "
                         "(no '#', '+', or empty levels)")
    return prefix


def zone_key(zone_id: int) -> str:
    """A KSP/1 zone id (0-based) as topics and people count zones (1-based)."""
    return str(zone_id + 1)


def zone_id_from_key(key: str) -> int:
    if not key.isdigit() or not 1 <= int(key) <= 64:
        raise TopicError(f"zone {key!r}: expected a zone number from 1")
    return int(key) - 1


class Topics:
    """The topic names under one prefix."""

    def __init__(self, prefix: str = DEFAULT_PREFIX) -> None:
        self.prefix = check_prefix(prefix)

    def bridge_status(self, bridge_id: str) -> str:
        return f"{self.prefix}/bridge/{bridge_id}/status"

    def stove(self, stove: str, leaf: str) -> str:
        return f"{self.prefix}/{stove}/{leaf}"

    def info(self, stove: str) -> str:
        return self.stove(stove, "info")

    def link(self, stove: str) -> str:
        return self.stove(stove, "link")

    def link_state(self, stove: str) -> str:
        return self.stove(stove, "link/state")

    def telemetry(self, stove: str) -> str:
        return self.stove(stove, "telemetry")

    def event(self, stove: str) -> str:
        return self.stove(stove, "event")

    def ha_state(self, stove: str) -> str:
        return self.stove(stove, "state")

    def run(self, stove_uid: str) -> str:
        """Keyed by the stove's own KSP/1 id (slugged): the dashboard running a recipe does not
        know the name a bridge gave the stove; a screen matches it through ``info``'s hello."""
        return f"{self.prefix}/runs/{stove_uid}"

    def error(self, stove: str) -> str:
        return self.stove(stove, "error")

    def level_set(self, stove: str, zone_id: int) -> str:
        return self.stove(stove, f"zone/{zone_key(zone_id)}/level/set")

    def all_off_set(self, stove: str) -> str:
        return self.stove(stove, "all_off/set")

    def request(self, stove: str) -> str:
        return self.stove(stove, "request")

    def reply(self, client_id: str) -> str:
        return f"{self.prefix}/reply/{client_id}"

    def kitchen_power(self) -> str:
        return f"{self.prefix}/kitchen/power"

    def archive(self, uid: str) -> str:
        return f"{self.prefix}/archive/{uid}"

    # subscriptions
    def all_stoves(self, leaf: str) -> str:
        """``<prefix>/+/<leaf>``: that leaf of every stove (e.g. every info)."""
        return f"{self.prefix}/+/{leaf}"

    def archive_all(self) -> str:
        return f"{self.prefix}/archive/+"

    def split(self, topic: str) -> tuple[str, str] | None:
        """(stove, leaf) of a per-stove topic under this prefix, else None."""
        head = self.prefix + "/"
        if not topic.startswith(head):
            return None
        stove, _, leaf = topic[len(head):].partition("/")
        if not leaf or stove.lower() in RESERVED or not _NAME.match(stove):
            return None
        return stove, leaf


def stove_uid(stove_id: str) -> str:
    """A stove's KSP/1 id made safe for one topic level (the key of ``Topics.run``): every
    character outside ``[A-Za-z0-9-]`` becomes '-', at most 64 characters."""
    slug = re.sub(r"[^A-Za-z0-9-]", "-", stove_id)[:64]
    return slug or "-"
