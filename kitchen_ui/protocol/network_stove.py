"""A KSP/1 stove across the network, behind the same :class:`Stove` interface as the simulator.

Thin on purpose: an asyncio loop in a daemon thread moves bytes between a TCP (or TLS) stream
and the sans-I/O :class:`~kitchen_ui.protocol.client.ClientSession`, which holds every protocol
rule. ``request()`` may be called from any thread and returns a ``concurrent.futures.Future``;
signals are emitted from the client thread (the Qt layer re-emits them on the GUI thread), except
the CONNECTING/CLOSED link changes of ``start()``/``stop()``, emitted by their caller as LocalStove does.
A slot must not block on a future: it runs on the thread that would resolve it.
The connection is kept up by itself: a loss is reported at once, then it reconnects with a
capped, jittered backoff, says ``hello`` again and resynchronises with ``state.get``.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import ssl
import threading
import time
from concurrent.futures import Future, InvalidStateError
from typing import Any, Callable

from ..core.errors import INVALID_PARAMS, NOT_AUTHENTICATED, UNSUPPORTED_PROTOCOL, KspError, LinkError
from ..core.model import LinkState, LinkStatus
from ..core.stove import Stove
from . import client as ksp
from .client import Backoff, ClientSession

log = logging.getLogger(__name__)
READ_CHUNK = 65_536


def tls_context(ca_cert: str | None) -> ssl.SSLContext:
    """TLS 1.2+ with certificate and host name checks; ``ca_cert`` replaces the system store."""
    try:
        ctx = ssl.create_default_context(cafile=ca_cert) if ca_cert else ssl.create_default_context()
    except FileNotFoundError:
        raise ValueError(f"CA certificate {ca_cert!r}: no such file") from None
    except (OSError, ssl.SSLError) as exc:
        raise ValueError(f"CA certificate {ca_cert!r}: not a readable PEM certificate ({exc})") from None
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    return ctx


def _address(addr: Any) -> Any:
    if isinstance(addr, str):
        from .address import parse_stove_url
        addr = parse_stove_url(addr)
    if getattr(addr, "scheme", None) not in ("ksp", "ksps"):
        raise ValueError(f"a network stove needs a ksp:// or ksps:// address, not {addr}")
    return addr


def _resolve(fut: Future, result: Any = None, error: BaseException | None = None) -> None:
    try:
        if error is not None:
            fut.set_exception(error)
        else:
            fut.set_result(result)
    except InvalidStateError:   # already resolved (stop() raced an answer)
        pass


class NetworkStove(Stove):
    """A stove at ``ksp://HOST:PORT`` or ``ksps://HOST:PORT``; times are configurable for tests."""

    def __init__(self, address: Any, *, token: str = "", ca_cert: str | None = None,
                 role: str = "controller", connect_timeout_s: float = 5.0, request_timeout_s: float = 5.0,
                 heartbeat_fraction: float = 0.25, silence_timeout_s: float | None = None,
                 min_controller_retry_s: float = 0.5, backoff: Backoff | None = None,
                 max_tick_s: float = 0.2, wall: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.address = _address(address)
        if ca_cert and not self.address.tls:
            raise ValueError("a CA certificate only applies to a ksps:// (TLS) stove")
        self.ca_cert = ca_cert
        self._ssl = tls_context(ca_cert) if self.address.tls else None
        self.session = ClientSession(token, role=role, request_timeout_s=request_timeout_s,
                                     heartbeat_fraction=heartbeat_fraction, silence_timeout_s=silence_timeout_s,
                                     min_controller_retry_s=min_controller_retry_s)
        self.connect_timeout_s = connect_timeout_s
        self.backoff = backoff if backoff is not None else Backoff()
        self.max_tick_s = max_tick_s
        self._wall = wall
        self._transport_name = str(self.address)
        self.link = LinkState(LinkStatus.CONNECTING, transport=self._transport_name)  # as LocalStove before start
        self._loop: asyncio.AbstractEventLoop | None = None
        self._loop_lock = threading.Lock()     # no request slips onto a loop that is closing
        self._main_task: asyncio.Task | None = None
        self._thread: threading.Thread | None = None
        self._stopping = False
        self._writer: asyncio.StreamWriter | None = None
        self._closing: asyncio.StreamWriter | None = None
        self._drop_reason: str | None = None
        self._ever_online = False
        self._last_down = ""
        self._problem = ""          # LINK_PROBLEMS word for the last failure

    @property
    def session_id(self) -> str | None:
        """This dashboard's session on the stove: events carrying it in ``by_session`` are our own doing."""
        return self.session.session_id

    # -- lifecycle ------------------------------------------------------------------------------
    def start(self) -> None:
        if self._thread is not None:
            return
        self._stopping, self._closing = False, None
        self._announce(LinkStatus.CONNECTING, f"connecting to {self._transport_name}")
        ready = threading.Event()
        self._thread = threading.Thread(target=self._thread_main, args=(ready,), name="hearth-ksp-client",
                                        daemon=True)
        self._thread.start()
        ready.wait(timeout=5.0)

    def stop(self) -> None:
        thread, loop = self._thread, self._loop
        if thread is None:
            return
        self._stopping = True
        if loop is not None:
            try:
                loop.call_soon_threadsafe(self._cancel_main)
            except RuntimeError:  # the loop has already closed
                pass
        if thread is not threading.current_thread():   # stop() from a slot: the thread ends by itself
            thread.join(timeout=5.0)
        self._thread = None
        self._announce(LinkStatus.CLOSED, "disconnected")

    def _cancel_main(self) -> None:
        if self._main_task is not None:
            self._main_task.cancel()

    def _thread_main(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        try:
            self._main_task = loop.create_task(self._main())
            ready.set()
            try:
                loop.run_until_complete(self._main_task)
            except asyncio.CancelledError:
                pass
            if self._closing is not None:  # let TLS say goodbye, briefly
                loop.run_until_complete(self._wait_closed(self._closing))
            loop.run_until_complete(loop.shutdown_asyncgens())
        except Exception:  # never let the client thread die silently
            log.exception("the KSP/1 client thread failed")
        finally:
            with self._loop_lock:
                self._loop = None
            loop.run_until_complete(asyncio.sleep(0))   # requests queued meanwhile fail with LinkError
            loop.close()

    @staticmethod
    async def _wait_closed(writer: asyncio.StreamWriter) -> None:
        try:
            async with asyncio.timeout(0.5):
                await writer.wait_closed()
        except (TimeoutError, OSError, ssl.SSLError):
            pass

    # -- requests (any thread) ------------------------------------------------------------------
    def request(self, method: str, params: dict[str, Any] | None = None) -> Future:
        fut: Future = Future()
        with self._loop_lock:
            if self._loop is not None and not self._stopping:
                self._loop.call_soon_threadsafe(self._submit, method, dict(params or {}), fut)
                return fut
        _resolve(fut, error=LinkError("not connected: the network stove is not running"))
        return fut

    def _submit(self, method: str, params: dict[str, Any], fut: Future) -> None:
        if not fut.set_running_or_notify_cancel():
            return
        if not self.session.ready or self._writer is None:
            why = f" ({self._last_down})" if self._last_down else ""
            _resolve(fut, error=LinkError(f"not connected to the stove{why}; {method} was not sent"))
            return
        try:
            self.session.send_request(method, params, fut, self._wall())
        except (ValueError, TypeError) as exc:
            _resolve(fut, error=KspError(INVALID_PARAMS, f"{method}: parameters cannot be sent as JSON ({exc})"))
            return
        self._flush()

    # -- connection loop (client thread) ----------------------------------------------------------
    async def _main(self) -> None:
        while True:
            reason, orphans = await self._one_connection()
            delay = self.backoff.next()
            self._link_down(reason, delay)
            for fut in orphans:
                _resolve(fut, error=LinkError(f"lost the connection to the stove before it answered ({reason})"))
            await asyncio.sleep(delay)

    async def _one_connection(self) -> tuple[str, list[Future]]:
        host, port = self.address.host, self.address.port
        try:
            async with asyncio.timeout(self.connect_timeout_s):
                reader, writer = await asyncio.open_connection(
                    host, port, ssl=self._ssl, server_hostname=host if self._ssl else None,
                    ssl_handshake_timeout=self.connect_timeout_s if self._ssl else None)
        except Exception as exc:  # noqa: BLE001 - every way a connection fails is named, none escapes
            reason, self._problem = connect_failure(exc, host, port, self.connect_timeout_s, self.ca_cert)
            return reason, []
        self._writer, self._drop_reason, self._problem = writer, None, "dropped"
        self.session.connection_made(self._wall())
        self._flush()
        ticker = asyncio.create_task(self._tick_loop())
        reason = "the stove closed the connection"
        try:
            while True:
                try:
                    data = await reader.read(READ_CHUNK)
                except (OSError, ssl.SSLError) as exc:
                    reason = f"connection error ({exc})"
                    break
                if not data or self._drop_reason:
                    break
                self._handle(self.session.receive_data(data, self._wall()))
                self._flush()
        except asyncio.CancelledError:
            self._release(writer, ticker, graceful=True)
            for fut in self.session.connection_lost():
                _resolve(fut, error=LinkError("the network stove was stopped before it answered"))
            raise
        self._release(writer, ticker, graceful=False)
        return self._drop_reason or reason, self.session.connection_lost()

    def _release(self, writer: asyncio.StreamWriter, ticker: asyncio.Task, *, graceful: bool) -> None:
        ticker.cancel()
        self._writer = None
        if graceful:
            writer.close()
            self._closing = writer
        else:
            writer.transport.abort()

    async def _tick_loop(self) -> None:
        while self._writer is not None and not self._drop_reason:
            now = self._wall()
            self._handle(self.session.tick(now))
            self._flush()
            deadline = self.session.next_deadline()
            delay = self.max_tick_s if deadline is None else min(max(deadline - now, 0.001), self.max_tick_s)
            await asyncio.sleep(delay)

    def _flush(self) -> None:
        data = self.session.data_to_send()
        if data and self._writer is not None and not self._writer.is_closing():
            self._writer.write(data)

    def _drop(self, reason: str) -> None:
        log.warning("dropping the connection to %s: %s", self._transport_name, reason)
        self._drop_reason = reason
        if self._writer is not None:
            self._writer.transport.abort()

    # -- session events -------------------------------------------------------------------------
    def _handle(self, events: list[Any]) -> None:
        for ev in events:
            try:
                self._handle_one(ev)
            except Exception:  # a bug here must not take the connection down
                log.exception("handling %s failed", type(ev).__name__)

    @staticmethod
    def _safely(publish: Callable[[Any], None], value: Any) -> None:
        """Emit a signal; a failing slot (a buggy widget) is logged and the client carries on."""
        try:
            publish(value)
        except Exception:
            log.exception("a signal handler failed")

    def _handle_one(self, ev: Any) -> None:
        if isinstance(ev, ksp.Answered):
            _resolve(ev.tag, ev.result, ev.error)
        elif isinstance(ev, ksp.TelemetryReceived):
            self._safely(self._publish_state, ev.state)
        elif isinstance(ev, ksp.EventReceived):
            self._safely(self._publish_event, ev.event)
        elif isinstance(ev, ksp.TimedOut):
            _resolve(ev.tag, error=LinkError(f"the stove did not answer {ev.method} within {ev.seconds:g} s"))
        elif isinstance(ev, ksp.HelloAccepted):
            self.backoff.reset()
            self._safely(self._publish_info, ev.info)
            if ev.promoted:
                self._announce(LinkStatus.ONLINE, "now in control of the stove", role="controller")
        elif isinstance(ev, ksp.Resynced):
            if ev.state is not None:
                self._safely(self._publish_state, ev.state)
            self._announce(LinkStatus.ONLINE, self._online_message(), role=self.session.role)
            self._ever_online, self._last_down = True, ""
        elif isinstance(ev, ksp.ControllerTaken):
            log.info("another client controls the stove; asking again in %.1f s", ev.retry_after_s)
        elif isinstance(ev, ksp.HelloRefused):
            self._problem = "token" if ev.error.code == NOT_AUTHENTICATED else "protocol"
            self._drop(self._refusal(ev.error))
        elif isinstance(ev, ksp.ConnectionBroken):
            self._problem = "protocol" if "KSP/1" in ev.reason else "dropped"
            self._drop(ev.reason)

    def _online_message(self) -> str:
        verb = "reconnected" if self._ever_online else "connected"
        if self.session.role == "controller":
            return f"{verb} to the stove as controller"
        return f"{verb} to the stove as observer: another dashboard controls it"

    @staticmethod
    def _refusal(err: KspError) -> str:
        if err.code == NOT_AUTHENTICATED:
            return f"the stove refused the token; check --token or --token-file ({err.message})"
        if err.code == UNSUPPORTED_PROTOCOL:
            supported = err.data.get("supported") if isinstance(err.data, dict) else None
            return f"the stove does not speak {ksp.PROTOCOL} (it supports {supported or 'something else'})"
        return f"the stove refused hello: {err.message} ({err.code})"

    def _link_down(self, reason: str, delay: float) -> None:
        self._last_down = reason
        when = "now" if delay < 0.5 else f"in {delay:.0f} s"
        if self._ever_online:
            self._announce(LinkStatus.LOST, f"lost the connection to the stove: {reason}; reconnecting {when}",
                           problem=self._problem)
        else:
            self._announce(LinkStatus.CONNECTING, f"{reason}; trying again {when}", problem=self._problem)

    def _announce(self, status: LinkStatus, message: str, role: str | None = None, problem: str = "") -> None:
        self._safely(self._set_link, LinkState(status, role=role, message=message, transport=self._transport_name,
                                               problem=problem))


def connect_failure(exc: BaseException, host: str, port: int, timeout_s: float,
                    ca_cert: str | None) -> tuple[str, str]:
    """Why opening a connection failed: a sentence for the log and banner, and its LINK_PROBLEMS word."""
    if isinstance(exc, ssl.SSLCertVerificationError):
        why = exc.verify_message or exc.reason or str(exc)
        if "mismatch" in why.lower():
            return f"the stove's TLS certificate is for another host than {host} ({why})", "tls_untrusted"
        if ca_cert:
            return f"the stove's TLS certificate is not trusted by {ca_cert} ({why})", "tls_untrusted"
        return (f"the stove's TLS certificate is not trusted ({why}); pass --ca-cert FILE to trust a self-signed "
                "stove", "tls_untrusted")
    if isinstance(exc, ssl.SSLError):
        return f"the TLS handshake with the stove failed ({exc.reason or exc}); does it serve ksps://?", "tls"
    if isinstance(exc, TimeoutError):
        return f"no answer from {host}:{port} within {timeout_s:g} s", "timeout"
    if isinstance(exc, socket.gaierror):
        if exc.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)):
            return f"no computer is known by the name {host!r}", "unknown_host"
        return f"cannot look up the name {host!r} ({exc.strerror or exc})", "unknown_host"
    if isinstance(exc, ConnectionRefusedError):
        return f"{host} refused the connection on port {port}: no stove is listening there", "refused"
    if isinstance(exc, ConnectionResetError) or isinstance(exc, (EOFError, asyncio.IncompleteReadError)):
        return f"{host}:{port} closed the connection at once", "dropped"
    if isinstance(exc, OSError):
        return f"cannot reach {host}:{port} ({os.strerror(exc.errno) if exc.errno else exc})", "unreachable"
    log.error("unexpected error connecting to %s:%s", host, port, exc_info=exc)
    return f"cannot connect to {host}:{port} ({type(exc).__name__}: {exc})", "unreachable"
