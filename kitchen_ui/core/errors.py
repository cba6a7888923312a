"""Errors shared by the stove, the protocol and the dashboard.

A stove refuses a command with a :class:`KspError` carrying a KSP/1 error code, whether the
stove is in-process or across the network, so callers handle both the same way.
"""

from __future__ import annotations

from typing import Any

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602
INTERNAL_ERROR = -32603
NOT_AUTHENTICATED = -32001
UNSUPPORTED_PROTOCOL = -32002
CONTROLLER_TAKEN = -32003
READ_ONLY = -32004
LOCKED = -32005
REMOTE_START_FORBIDDEN = -32006
ZONE_FAULTED = -32007
RATE_LIMITED = -32008

ERROR_NAMES = {
    PARSE_ERROR: "parse error",
    INVALID_REQUEST: "invalid request",
    METHOD_NOT_FOUND: "method not found",
    INVALID_PARAMS: "invalid params",
    INTERNAL_ERROR: "internal error",
    NOT_AUTHENTICATED: "not authenticated",
    UNSUPPORTED_PROTOCOL: "unsupported protocol version",
    CONTROLLER_TAKEN: "controller slot taken",
    READ_ONLY: "read-only session",
    LOCKED: "locked",
    REMOTE_START_FORBIDDEN: "remote start not permitted",
    ZONE_FAULTED: "zone faulted",
    RATE_LIMITED: "rate limited",
}


class KspError(Exception):
    """A command the stove refused, with its KSP/1 error code and a human message."""

    def __init__(self, code: int, message: str, data: Any = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.data = data

    def to_dict(self) -> dict[str, Any]:
        err: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.data is not None:
            err["data"] = self.data
        return err

    @classmethod
    def from_dict(cls, err: dict[str, Any]) -> "KspError":
        return cls(int(err.get("code", INTERNAL_ERROR)), str(err.get("message", "")), err.get("data"))

    def __repr__(self) -> str:
        return f"KspError({self.code}, {self.message!r})"


class LinkError(ConnectionError):
    """A command could not be delivered because the link to the stove is down."""
