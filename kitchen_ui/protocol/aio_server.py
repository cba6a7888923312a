"""A thin asyncio adapter for :class:`~kitchen_ui.protocol.server.StoveServer`.

It only moves bytes: what a socket receives goes into the server with the loop's clock, what
comes out is written without waiting (``transport.write`` never blocks), and one timer runs
:meth:`StoveServer.tick` when the server next has something to do. A client that does not read
is dropped once ``max_pending_output`` bytes wait for it, so it never slows the others.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import ssl
import threading
from typing import Any, Callable

from .server import Close, Connection, StoveServer

log = logging.getLogger(__name__)
SNDBUF_BYTES = 64 * 1024   # keep the kernel's share of a slow reader's backlog small


class _KspProtocol(asyncio.Protocol):
    def __init__(self, host: "AioStoveServer") -> None:
        self.host = host
        self.transport: asyncio.Transport | None = None
        self.conn: Connection | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        sock = transport.get_extra_info("socket")
        if sock is not None and self.host.sndbuf:
            try:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, self.host.sndbuf)
            except OSError:
                pass
        peer = transport.get_extra_info("peername")
        peer_s = f"{peer[0]}:{peer[1]}" if isinstance(peer, tuple) else str(peer or "")
        self.conn = self.host.server.connect(self.host.now(), peer_s)
        if self.conn is None:
            transport.close()        # the 17th connection: closed at once
            return
        self.host.transports[self.conn.id] = self
        self.host.reschedule()

    def data_received(self, data: bytes) -> None:
        if self.conn is None:
            return
        self.host.perform(self.conn, self.conn.receive_data(data, self.host.now()))
        self.host.flush()

    def eof_received(self) -> bool:
        return False                 # the client finished sending: answer what came, then close

    def connection_lost(self, exc: Exception | None) -> None:
        if self.conn is not None:
            self.host.transports.pop(self.conn.id, None)
            self.conn.connection_lost(self.host.now())
            self.host.flush()


class AioStoveServer:
    """Listens on TCP (TLS when ``ssl_context`` is given) and serves one :class:`StoveServer`."""

    def __init__(self, server: StoveServer, host: str = "127.0.0.1", port: int = 7868, *,
                 ssl_context: ssl.SSLContext | None = None, sndbuf: int = SNDBUF_BYTES) -> None:
        self.server = server
        self.host, self.port = host, port
        self.ssl_context = ssl_context
        self.sndbuf = sndbuf
        self.transports: dict[int, _KspProtocol] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._listener: asyncio.base_events.Server | None = None
        self._timer: asyncio.TimerHandle | None = None
        self._timer_at = float("inf")
        self.address: tuple[str, int] | None = None

    @property
    def url(self) -> str:
        assert self.address is not None
        host, port = self.address
        scheme = "ksps" if self.ssl_context else "ksp"
        return f"{scheme}://[{host}]:{port}" if ":" in host else f"{scheme}://{host}:{port}"

    def now(self) -> float:
        assert self._loop is not None
        return self._loop.time()

    async def start(self) -> tuple[str, int]:
        self._loop = asyncio.get_running_loop()
        self._listener = await self._loop.create_server(
            lambda: _KspProtocol(self), self.host, self.port, ssl=self.ssl_context,
            ssl_handshake_timeout=self.server.limits.handshake_timeout_s if self.ssl_context else None)
        sockname = self._listener.sockets[0].getsockname()
        self.address = (sockname[0], sockname[1])
        self._on_timer()
        return self.address

    async def close(self) -> None:
        """Stop listening, close every connection (after writing what waits), stop ticking."""
        if self._listener is not None:
            self._listener.close()
        self.server.close_all(self.now())
        self.flush()
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        if self._listener is not None:
            await self._listener.wait_closed()
            self._listener = None

    # -- output ---------------------------------------------------------------------------------
    def perform(self, conn: Connection, actions: list[Any]) -> None:
        proto = self.transports.get(conn.id)
        t = proto.transport if proto is not None else None
        if t is None or t.is_closing():
            return
        data = b"".join(a.data for a in actions if not isinstance(a, Close))
        if data:
            t.write(data)
            if t.get_write_buffer_size() > self.server.limits.max_pending_output:
                t.abort()            # a slow reader: drop it, never wait for it
                conn.connection_lost(self.now(), "slow reader: 1 MiB of output waiting")
                return
        if any(isinstance(a, Close) for a in actions):
            t.close()                # writes what is buffered first

    def flush(self) -> None:
        """Carry out what the server queued on any connection (fan-out, telemetry, closes)."""
        while True:
            pending = self.server.take_output()
            if not pending:
                break
            for conn, actions in pending:
                self.perform(conn, actions)
        self.reschedule()

    # -- time -----------------------------------------------------------------------------------
    def reschedule(self) -> None:
        if self._loop is None:
            return
        when = self.server.next_deadline()
        if self._timer is not None and self._timer_at <= when:
            return
        if self._timer is not None:
            self._timer.cancel()
        self._timer_at = when
        self._timer = self._loop.call_at(when, self._on_timer)

    def _on_timer(self) -> None:
        self._timer, self._timer_at = None, float("inf")
        try:
            self.server.tick(self.now())
        except Exception as exc:  # a bug in the stove must not stop the clock for everyone
            log.exception("internal error in the stove's tick: %r", exc)
            self.flush()
            self._timer_at = self.now() + 0.1
            self._timer = self._loop.call_at(self._timer_at, self._on_timer)
            return
        self.flush()


def tls_server_context(cert_file: str, key_file: str) -> ssl.SSLContext:
    """TLS 1.2 or newer with this certificate (``ksps://``)."""
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.load_cert_chain(cert_file, key_file)
    return ctx


class ServerThread:
    """Runs an :class:`AioStoveServer` on its own event loop in a daemon thread (tests, benchmarks)."""

    def __init__(self, server: StoveServer, host: str = "127.0.0.1", port: int = 0, **kwargs: Any) -> None:
        self.aio = AioStoveServer(server, host, port, **kwargs)
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="ksp-server", daemon=True)

    def start(self) -> "ServerThread":
        self._thread.start()
        asyncio.run_coroutine_threadsafe(self.aio.start(), self.loop).result(timeout=10)
        return self

    @property
    def address(self) -> tuple[str, int]:
        assert self.aio.address is not None
        return self.aio.address

    def call(self, fn: Callable[[], Any], timeout: float = 5.0) -> Any:
        """Run ``fn`` on the server's loop (the only safe way to look inside) and return its result."""
        async def run() -> Any:
            return fn()
        return asyncio.run_coroutine_threadsafe(run(), self.loop).result(timeout)

    def stop(self) -> None:
        if not self._thread.is_alive():
            return
        asyncio.run_coroutine_threadsafe(self.aio.close(), self.loop).result(timeout=10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=10)
        self.loop.close()
