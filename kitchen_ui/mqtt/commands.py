"""Commands that arrive on MQTT, read one message at a time: payload -> a KSP/1 request or an error.

Pure functions, no broker and no stove: the bridge hands each message here and either sends the
:class:`Command` to the stove or reports the :class:`CommandError` on ``<prefix>/<stove>/error``
(and on the request's ``reply_to``). Anyone on the broker can publish, so every payload is
treated as hostile: its size is capped before it is decoded, JSON is read without NaN or
Infinity and with a depth limit, and every field is checked for its type.

The stove's rules decide what acts (:mod:`kitchen_ui.core.ksp`): a bridge that is not
``--control`` passes on only reads and switch-offs, the way a KSP/1 observer may; a switch-on is
refused here and never reaches the stove. With ``--control`` the stove itself still refuses what
it does not allow (remote start, a lock, a fault), and that refusal is reported the same way.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from ..core.errors import INVALID_PARAMS, INVALID_REQUEST, METHOD_NOT_FOUND, PARSE_ERROR, READ_ONLY, KspError
from ..core.ksp import authorize
from ..core.model import StoveInfo
from .topics import Topics, TopicError, zone_id_from_key

MAX_PAYLOAD = 64 * 1024          # bytes; a larger command is refused before it is decoded
MAX_DEPTH = 8                    # nesting of a request's JSON (params are flat in KSP/1)
MAX_ID = 128                     # characters of a request id
MAX_REPLY_TOPIC = 256
NOT_CONNECTED = -32010           # the stove is not connected (yet): nothing to check the zones against
# The bridge's own session, not the stove's business of anyone on the broker: a rate change would
# slow the telemetry every subscriber sees.
NOT_OVER_MQTT = frozenset({"hello", "telemetry.set_rate"})
_LEVEL_PAYLOAD = re.compile(r"^\s*\d{1,3}(\.0*)?\s*$")


class CommandError(Exception):
    """A command that is not sent to the stove, with the KSP/1-style code and why.

    ``id`` and ``reply_to`` are set once a request's envelope was read, so its sender gets an answer.
    """

    def __init__(self, code: int, message: str, *, id: Any = None, reply_to: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.id = id
        self.reply_to = reply_to


@dataclass(frozen=True)
class Command:
    method: str
    params: dict[str, Any]
    id: Any = None                 # a request's id, echoed in its reply
    reply_to: str | None = None    # where a request's reply goes (None: level/all_off commands)


def parse_command(topics: Topics, leaf: str, payload: Any, info: StoveInfo | None, *, control: bool) -> Command:
    """The KSP/1 request a message on ``<prefix>/<stove>/<leaf>`` asks for, allowed by the bridge's
    role; else :class:`CommandError`. ``info`` is the stove's hello (None while not connected)."""
    raw = _bytes(payload)
    if leaf == "request":
        return _request(topics, raw, info, control)
    if leaf == "all_off/set":
        return _allowed(Command("stove.all_off", {}), info, control)
    parts = leaf.split("/")
    if len(parts) == 4 and parts[0] == "zone" and parts[2:] == ["level", "set"]:
        return _level(parts[1], raw, info, control)
    raise CommandError(INVALID_REQUEST, f"no command on this topic (…/{leaf[:40]})")


def _bytes(payload: Any) -> bytes:
    if payload is None:
        return b""
    if isinstance(payload, (bytes, bytearray)):
        raw = bytes(payload)
    else:
        raw = str(payload).encode("utf-8")
    if len(raw) > MAX_PAYLOAD:
        raise CommandError(INVALID_REQUEST, f"payload of {len(raw)} bytes is over the {MAX_PAYLOAD} byte limit")
    return raw


def _text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise CommandError(PARSE_ERROR, "payload is not UTF-8 text") from None


def _level(key: str, raw: bytes, info: StoveInfo | None, control: bool) -> Command:
    try:
        zone = zone_id_from_key(key)
    except TopicError as exc:
        raise CommandError(INVALID_PARAMS, str(exc)) from None
    if info is not None and zone >= len(info.zones):
        raise CommandError(INVALID_PARAMS, f"zone {key}: this stove has zones 1-{len(info.zones)}")
    text = _text(raw)
    if not _LEVEL_PAYLOAD.match(text):
        raise CommandError(INVALID_PARAMS, f"level: expected a whole number such as 0 or 5, not {text[:40]!r}")
    return _allowed(Command("zone.set_level", {"zone": zone, "level": int(float(text))}), info, control)


def _request(topics: Topics, raw: bytes, info: StoveInfo | None, control: bool) -> Command:
    try:
        msg = json.loads(_text(raw), parse_constant=_no_constant)
    except CommandError:
        raise
    except RecursionError:
        raise CommandError(PARSE_ERROR, "request: JSON nested too deeply") from None
    except ValueError as exc:
        raise CommandError(PARSE_ERROR, f"request: not JSON ({exc})") from None
    if not isinstance(msg, dict):
        raise CommandError(INVALID_REQUEST, f"request: expected a JSON object, not {type(msg).__name__}")
    reply_to = check_reply_to(topics, msg.get("reply_to"))
    rid = msg.get("id")
    if rid is not None and (isinstance(rid, bool) or not isinstance(rid, (str, int))
                            or (isinstance(rid, str) and len(rid) > MAX_ID)):
        raise CommandError(INVALID_REQUEST, f"id: expected a string (up to {MAX_ID} characters) or an integer",
                           reply_to=reply_to)
    method, params = msg.get("method"), msg.get("params")
    if params is None:
        params = {}
    if _depth(params) > MAX_DEPTH:
        raise CommandError(INVALID_REQUEST, "params: nested too deeply", id=rid, reply_to=reply_to)
    if not isinstance(method, str) or not method:
        raise CommandError(INVALID_REQUEST, "method: expected the name of a KSP/1 method", id=rid, reply_to=reply_to)
    if not isinstance(params, dict):
        raise CommandError(INVALID_PARAMS, f"params: must be an object, not {type(params).__name__}",
                           id=rid, reply_to=reply_to)
    if method in NOT_OVER_MQTT:
        raise CommandError(METHOD_NOT_FOUND, f"{method[:60]} is the bridge's own, not available over MQTT",
                           id=rid, reply_to=reply_to)
    return _allowed(Command(method, params, rid, reply_to), info, control)


def _allowed(cmd: Command, info: StoveInfo | None, control: bool) -> Command:
    """``cmd`` with its parameters checked against this stove, if the bridge's role lets it act."""
    def error(code: int, message: str) -> CommandError:
        return CommandError(code, message, id=cmd.id, reply_to=cmd.reply_to)

    if info is None:
        raise error(NOT_CONNECTED, "the stove is not connected to the bridge now")
    role = "controller" if control else "observer"
    try:
        spec = authorize(role, cmd.method, cmd.params, sim=info.sim)
        params = spec.check(cmd.params, info)
    except KspError as exc:
        if exc.code == READ_ONLY:
            raise error(READ_ONLY, f"{cmd.method[:60]}: this bridge only switches off (it runs without --control)")
        if exc.code == METHOD_NOT_FOUND:
            raise error(exc.code, f"method not found: {cmd.method[:60]}")
        raise error(exc.code, exc.message)
    return Command(cmd.method, params, cmd.id, cmd.reply_to)


def check_reply_to(topics: Topics, value: Any) -> str:
    """A reply topic under ``<prefix>/reply/``, one or more plain levels; else CommandError."""
    head = topics.reply("")
    if not isinstance(value, str) or not value.startswith(head) or len(value) > MAX_REPLY_TOPIC:
        raise CommandError(INVALID_REQUEST, f"reply_to: expected a topic under {head}")
    rest = value[len(head):]
    if not rest or any(c in rest for c in "+#\x00") or "" in rest.split("/"):
        raise CommandError(INVALID_REQUEST, f"reply_to: a topic under {head} without wildcards or empty levels")
    return value


def _no_constant(name: str) -> Any:
    raise CommandError(PARSE_ERROR, f"request: {name} is not a number JSON allows")


def _depth(value: Any, level: int = 0) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max((_depth(v, level + 1) for v in value.values()), default=level + 1)
    if isinstance(value, list):
        return max((_depth(v, level + 1) for v in value), default=level + 1)
    return level


def error_payload(topic: str, error: CommandError | KspError | Exception) -> str:
    """The JSON on ``<prefix>/<stove>/error``: which topic, what went wrong, its code."""
    code = getattr(error, "code", None)
    message = getattr(error, "message", None) or str(error) or type(error).__name__
    return json.dumps({"topic": topic[:MAX_REPLY_TOPIC], "error": message, "code": code})


def reply_payload(rid: Any, result: Any = None, error: Exception | None = None) -> str:
    """``{"id", "result"}`` or ``{"id", "error": {"code", "message"}}``."""
    if error is None:
        return json.dumps({"id": rid, "result": result}, default=str)
    code = getattr(error, "code", None)
    message = getattr(error, "message", None) or str(error) or type(error).__name__
    return json.dumps({"id": rid, "error": {"code": code, "message": message}})
