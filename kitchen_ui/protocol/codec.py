"""KSP/1 framing and JSON-RPC envelopes, as plain functions (no sockets, no asyncio).

Both ends use this module: a stove parses requests with :func:`parse_request`, a client parses
what the stove sends with :func:`parse_incoming`. :class:`LineSplitter` turns a byte stream into
lines and notices a line longer than the contract allows before buffering it all.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Union

from ..core.errors import INVALID_REQUEST, PARSE_ERROR, KspError

MAX_LINE_BYTES = 65_536
MAX_INT_DIGITS = 4000
JSONRPC = "2.0"


class LineTooLong(Exception):
    """A line exceeded MAX_LINE_BYTES before its newline (the connection must close).

    ``lines`` holds the complete lines that arrived before the long one in the same chunk, so a
    stove can still answer them before it closes the connection.
    """

    def __init__(self, length: int, lines: list[bytes] | None = None) -> None:
        super().__init__(f"line of {length} bytes or more exceeds {MAX_LINE_BYTES} bytes")
        self.length = length
        self.lines = lines or []


class LineSplitter:
    """Feed bytes, get complete lines (without the newline); raises LineTooLong past the limit.

    A trailing CR is dropped (some terminals and ``nc -C`` send CRLF). The partial line is kept in
    a buffer no larger than the limit, so a peer that never ends its line costs 64 KiB at most.
    """

    def __init__(self, max_line: int = MAX_LINE_BYTES) -> None:
        self.max_line = max_line
        self._buf = bytearray()

    def feed(self, data: bytes) -> list[bytes]:
        if b"\n" not in data:
            self._buf += data
            if len(self._buf) > self.max_line:
                n = len(self._buf)
                self._buf.clear()
                raise LineTooLong(n)
            return []
        parts = data.split(b"\n")
        parts[0] = bytes(self._buf) + parts[0]
        self._buf = bytearray(parts.pop())
        lines: list[bytes] = []
        for line in parts:
            if len(line) > self.max_line:
                self._buf.clear()
                raise LineTooLong(len(line), lines)
            lines.append(line[:-1] if line.endswith(b"\r") else line)
        if len(self._buf) > self.max_line:
            n = len(self._buf)
            self._buf.clear()
            raise LineTooLong(n, lines)
        return lines

    @property
    def pending(self) -> int:
        return len(self._buf)


def encode(message: dict[str, Any]) -> bytes:
    """One message as a line: compact UTF-8 JSON and a newline (NaN and infinities refused).

    A string that cannot be UTF-8 (a lone surrogate echoed back from a client's ``id``) falls
    back to ``\\uXXXX`` escapes, which is still valid JSON.
    """
    text = json.dumps(message, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    try:
        return text.encode() + b"\n"
    except UnicodeEncodeError:
        return json.dumps(message, separators=(",", ":"), allow_nan=False).encode() + b"\n"


# -- envelopes --------------------------------------------------------------------------------
def request(id_: int | str, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
    msg: dict[str, Any] = {"jsonrpc": JSONRPC, "id": id_, "method": method}
    if params:
        msg["params"] = params
    return msg


def result(id_: int | str | None, value: Any) -> dict[str, Any]:
    return {"jsonrpc": JSONRPC, "id": id_, "result": value}


def error(id_: int | str | None, err: KspError) -> dict[str, Any]:
    return {"jsonrpc": JSONRPC, "id": id_, "error": err.to_dict()}


def notification(method: str, params: dict[str, Any]) -> dict[str, Any]:
    return {"jsonrpc": JSONRPC, "method": method, "params": params}


# -- parsing (stove side) -----------------------------------------------------------------------
@dataclass(frozen=True)
class Request:
    id: int | str
    method: str
    params: dict[str, Any]


@dataclass(frozen=True)
class BadRequest:
    """A line that must be answered with an error and not executed."""

    id: int | str | None
    error: KspError


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _parse_int(digits: str) -> int | float:
    # Python refuses to convert integers of more than 4300 digits; such a number is a valid JSON
    # number, so it becomes an infinity here and is refused later as an out-of-range value.
    if len(digits) > MAX_INT_DIGITS:
        return float("-inf") if digits.startswith("-") else float("inf")
    return int(digits)


def _loads(line: bytes) -> Any:
    text = line.decode("utf-8")  # strict: invalid UTF-8 raises
    return json.loads(text, parse_constant=_reject_constant, parse_int=_parse_int)


def _valid_id(v: Any) -> bool:
    return (isinstance(v, int) and not isinstance(v, bool)) or isinstance(v, str)


def parse_request(line: bytes) -> Union[Request, BadRequest]:
    """Parse one line a client sent; never raises on bad input."""
    try:
        msg = _loads(line)
    except UnicodeDecodeError:
        return BadRequest(None, KspError(INVALID_REQUEST, "invalid request: not valid UTF-8"))
    except (ValueError, RecursionError):
        return BadRequest(None, KspError(PARSE_ERROR, "parse error: not valid JSON"))
    if isinstance(msg, list):
        return BadRequest(None, KspError(INVALID_REQUEST, "invalid request: batches are not supported"))
    if not isinstance(msg, dict):
        return BadRequest(None, KspError(INVALID_REQUEST, "invalid request: expected a JSON object"))
    raw_id = msg.get("id")
    id_ = raw_id if _valid_id(raw_id) else None
    if msg.get("jsonrpc") != JSONRPC:
        return BadRequest(id_, KspError(INVALID_REQUEST, 'invalid request: "jsonrpc" must be "2.0"'))
    if "id" not in msg or not _valid_id(raw_id):
        return BadRequest(None, KspError(INVALID_REQUEST, "invalid request: \"id\" must be an integer or a string"))
    method = msg.get("method")
    if not isinstance(method, str) or not method:
        return BadRequest(id_, KspError(INVALID_REQUEST, 'invalid request: "method" must be a string'))
    params = msg.get("params", {})
    if not isinstance(params, dict):  # null too: "params" is an object or absent
        return BadRequest(id_, KspError(INVALID_REQUEST, 'invalid request: "params" must be an object'))
    return Request(raw_id, method, params)


# -- parsing (client side) ----------------------------------------------------------------------
@dataclass(frozen=True)
class Response:
    id: int | str | None
    result: Any = None
    error: KspError | None = None


@dataclass(frozen=True)
class Notification:
    method: str
    params: dict[str, Any]


class ProtocolViolation(ValueError):
    """The stove sent something that is not KSP/1; the client should drop the connection."""


def parse_incoming(line: bytes) -> Union[Response, Notification]:
    """Parse one line a stove sent; raises ProtocolViolation on anything malformed."""
    try:
        msg = _loads(line)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ProtocolViolation(f"stove sent a line that is not JSON: {exc}") from None
    if not isinstance(msg, dict):
        raise ProtocolViolation("stove sent a JSON value that is not an object")
    if "id" in msg and ("result" in msg or "error" in msg):
        err = msg.get("error")
        if err is not None:
            if not isinstance(err, dict) or not isinstance(err.get("code"), int):
                raise ProtocolViolation("stove sent a malformed error object")
            return Response(msg["id"], error=KspError.from_dict(err))
        return Response(msg["id"], result=msg.get("result"))
    method = msg.get("method")
    params = msg.get("params", {})
    if isinstance(method, str) and isinstance(params, dict) and "id" not in msg:
        return Notification(method, params)
    raise ProtocolViolation("stove sent a message that is neither a response nor a notification")
