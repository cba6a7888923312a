"""KSP/1 requests over MQTT: published on a stove's ``request`` topic, answered on our reply topic.

Each request gets an id; its ``concurrent.futures.Future`` holds the result, a
:class:`~kitchen_ui.core.errors.KspError` from the stove (through the bridge), or a
:class:`~kitchen_ui.core.errors.LinkError` when the broker is down or no answer came in time.
"""

from __future__ import annotations

import itertools
import json
import threading
from concurrent.futures import Future, InvalidStateError
from typing import Any

from ..core.errors import INVALID_PARAMS, KspError, LinkError
from .paho_link import PahoLink
from .topics import Topics

DEFAULT_TIMEOUT_S = 5.0


def _resolve(fut: Future, result: Any = None, error: BaseException | None = None) -> None:
    try:
        if error is not None:
            fut.set_exception(error)
        else:
            fut.set_result(result)
    except InvalidStateError:     # the timeout and the answer raced
        pass


class Requests:
    """The requests one client has sent and not yet seen answered."""

    def __init__(self, link: PahoLink, topics: Topics, timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        self.link, self.topics, self.timeout_s = link, topics, timeout_s
        self.reply_topic = topics.reply(link.identifier)
        link.subscribe(self.reply_topic, 1)
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._pending: dict[str, tuple[Future, threading.Timer, str]] = {}

    def send(self, stove: str, method: str, params: dict[str, Any] | None = None) -> Future:
        fut: Future = Future()
        rid = f"{self.link.identifier}-{next(self._ids)}"
        try:
            payload = json.dumps({"id": rid, "method": method, "params": dict(params or {}),
                                  "reply_to": self.reply_topic})
        except (TypeError, ValueError) as exc:
            _resolve(fut, error=KspError(INVALID_PARAMS, f"{method}: parameters cannot be sent as JSON ({exc})"))
            return fut
        timer = threading.Timer(self.timeout_s, self._timed_out, (rid,))
        timer.daemon = True
        with self._lock:
            self._pending[rid] = (fut, timer, method)
        if not self.link.publish(self.topics.request(stove), payload, qos=1):
            self._take(rid)
            _resolve(fut, error=LinkError(f"not connected to the broker {self.link.where}; {method} was not sent"))
            return fut
        timer.start()
        return fut

    def on_reply(self, payload: bytes) -> bool:
        """Resolve the request a reply answers; False for a payload that answers none of ours."""
        try:
            msg = json.loads(payload)
            rid = msg["id"]
        except (ValueError, TypeError, KeyError):
            return False
        entry = self._take(str(rid))
        if entry is None:
            return False
        fut, _method = entry
        err = msg.get("error")
        if isinstance(err, dict):
            _resolve(fut, error=KspError.from_dict(err))
        else:
            _resolve(fut, msg.get("result"))
        return True

    def fail_all(self, why: str) -> None:
        with self._lock:
            pending, self._pending = self._pending, {}
        for fut, timer, method in pending.values():
            timer.cancel()
            _resolve(fut, error=LinkError(f"{why}; {method} got no answer"))

    def _take(self, rid: str) -> tuple[Future, str] | None:
        with self._lock:
            entry = self._pending.pop(rid, None)
        if entry is None:
            return None
        fut, timer, method = entry
        timer.cancel()
        return fut, method

    def _timed_out(self, rid: str) -> None:
        entry = self._take(rid)
        if entry is not None:
            fut, method = entry
            _resolve(fut, error=LinkError(f"no answer to {method} through the broker within {self.timeout_s:g} s"))
