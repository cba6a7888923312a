"""KSP/1 server figures on loopback: round trip, telemetry fan-out, and the fastest simulation.

Prints, for this machine:
1. request round trip (ping, zone.set_level): median and p99, next to a bare asyncio
   newline-JSON echo server measured in the same run (targets: median < 1 ms, p99 < 5 ms);
2. fan-out: 15 observers at 20 Hz telemetry with 6 zones at 100x speed: share of the expected
   telemetry each observer received, in order (target >= 99 %), and the controller's round trip
   meanwhile (target p99 < 10 ms);
3. the stove at its highest speed (10000x) with 6 zones on: stove seconds per wall second, and the
   slowest ping meanwhile (target < 50 ms).

The stove runs as ``kitchen-ui serve-sim`` in its own process, as a user runs it; the clients run
here. Usage: python benchmarks/bench_protocol.py [--quick]
"""

from __future__ import annotations

import json
import os
import platform
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUICK = "--quick" in sys.argv

ECHO_SERVER = r"""
import asyncio, json
class Echo(asyncio.Protocol):
    def connection_made(self, t):
        self.t, self.buf = t, b""
    def data_received(self, data):
        self.buf += data
        *lines, self.buf = self.buf.split(b"\n")
        for line in lines:
            msg = json.loads(line)
            self.t.write(json.dumps({"jsonrpc": "2.0", "id": msg["id"], "result": msg.get("params")}, separators=(",", ":")).encode() + b"\n")
async def main():
    srv = await asyncio.get_running_loop().create_server(Echo, "127.0.0.1", 0)
    print("listening on ksp://127.0.0.1:%d" % srv.sockets[0].getsockname()[1], flush=True)
    await asyncio.Event().wait()
asyncio.run(main())
"""


class Proc:
    """A server process that prints ``listening on ksp://HOST:PORT`` first."""

    def __init__(self, argv: list[str]) -> None:
        self.p = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        line = self.p.stdout.readline().strip()
        if not line.startswith("listening on "):
            self.p.kill()
            raise SystemExit(f"server did not start: {argv}")
        self.port = int(line.rsplit(":", 1)[1])

    def stop(self) -> None:
        self.p.send_signal(signal.SIGINT)
        try:
            self.p.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.p.kill()


def serve_sim(*flags: str) -> Proc:
    return Proc([sys.executable, "-m", "kitchen_ui", "serve-sim", "--port", "0", "--zones", "6",
                 "--heartbeat-timeout", "30", *flags])


class Client:
    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=5)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = b""
        self.n = 0

    def lines(self):
        while True:
            while b"\n" in self.buf:
                line, self.buf = self.buf.split(b"\n", 1)
                yield line
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                return
            self.buf += chunk

    def call(self, method: str, params: dict | None = None) -> dict:
        self.n += 1
        msg = {"jsonrpc": "2.0", "id": self.n, "method": method}
        if params is not None:
            msg["params"] = params
        self.sock.sendall(json.dumps(msg).encode() + b"\n")
        key = b'{"jsonrpc":"2.0","id":%d,' % self.n
        for line in self.lines():
            if line.startswith(key):
                return json.loads(line)
        raise ConnectionError("closed")

    def timed(self, method: str, params: dict | None = None) -> float:
        t = time.perf_counter()
        r = self.call(method, params)
        dt = time.perf_counter() - t
        if "error" in r:
            raise RuntimeError(f"{method}: {r['error']}")
        return dt

    def hello(self, role: str) -> dict:
        return self.call("hello", {"protocol": "ksp/1", "client": "bench", "token": "", "role": role})


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def ms(x: float) -> str:
    return f"{x * 1000:.3f} ms"


def paced(n: int, hz: float, request) -> list[float]:
    """``n`` timed requests at ``hz`` a second (the stove allows 50 a second per connection)."""
    out, t_next = [], time.monotonic()
    for i in range(n):
        t_next += 1.0 / hz
        out.append(request(i))
        time.sleep(max(0.0, t_next - time.monotonic()))
    return out


def round_trips(n: int) -> None:
    echo = Proc([sys.executable, "-c", ECHO_SERVER])
    stove = serve_sim("--speed", "1")
    try:
        e = Client(echo.port)
        base = paced(n, 45, lambda i: e.timed("ping"))
        c = Client(stove.port)
        c.hello("controller")
        time.sleep(1.0)
        pings = paced(n, 45, lambda i: c.timed("ping"))
        levels = paced(n, 45, lambda i: c.timed("zone.set_level", {"zone": i % 6, "level": 1 + i % 9}))
    finally:
        stove.stop()
        echo.stop()
    b50, b99 = statistics.median(base), pct(base, 99)
    print(f"1. round trip on loopback, {n} requests each at 45 a second (under the 50/s rate limit)")
    print(f"   bare asyncio JSON echo : median {ms(b50)}, p99 {ms(b99)}")
    for name, xs in (("ping", pings), ("zone.set_level", levels)):
        m, p = statistics.median(xs), pct(xs, 99)
        verdict = "ok" if m < 0.001 and p < 0.005 else "MISSED"
        print(f"   {name:<23}: median {ms(m)} ({m / b50:.1f}x echo), p99 {ms(p)} ({p / b99:.1f}x echo)"
              f"  [target median < 1 ms, p99 < 5 ms: {verdict}]")


def fan_out(seconds: float) -> None:
    stove = serve_sim("--speed", "100", "--telemetry-hz", "20")
    observers: list[dict] = []
    stop = threading.Event()

    def observe(rec: dict) -> None:
        c = Client(stove.port)
        c.hello("observer")
        rec["ready"].set()
        for line in c.lines():
            if line.startswith(b'{"jsonrpc":"2.0","method":"telemetry"'):
                rec["seqs"].append(json.loads(line)["params"]["seq"])
                rec["times"].append(time.monotonic())
            if stop.is_set():
                break

    try:
        ctl = Client(stove.port)
        ctl.hello("controller")
        for z in range(6):
            ctl.call("zone.set_target", {"zone": z, "temp_c": 60 + 10 * z})
        threads = []
        for _ in range(15):
            rec = {"seqs": [], "times": [], "ready": threading.Event()}
            observers.append(rec)
            t = threading.Thread(target=observe, args=(rec,), daemon=True)
            t.start()
            threads.append(t)
        for rec in observers:
            rec["ready"].wait(5)
        t0 = time.monotonic()
        rtts = []
        while time.monotonic() - t0 < seconds:
            rtts.append(ctl.timed("ping"))
            time.sleep(0.02)
        t1 = time.monotonic()
        stop.set()
    finally:
        stove.stop()
    shares, in_order = [], True
    for rec in observers:
        window = [s for s, t in zip(rec["seqs"], rec["times"]) if t0 <= t <= t1]
        in_order &= rec["seqs"] == list(range(rec["seqs"][0], rec["seqs"][0] + len(rec["seqs"])))
        shares.append(len(window) / (20 * (t1 - t0)))
    p99 = pct(rtts, 99)
    print(f"2. fan-out: 15 observers at 20 Hz, 6 zones, stove at 100x, {t1 - t0:.1f} s")
    print(f"   telemetry received per observer: min {min(shares):.1%}, median {statistics.median(shares):.1%}"
          f" of 20 Hz; all in order with seq +1: {in_order}"
          f"  [target >= 99 %: {'ok' if min(shares) >= 0.99 and in_order else 'MISSED'}]")
    print(f"   controller round trip meanwhile: median {ms(statistics.median(rtts))}, p99 {ms(p99)}"
          f"  [target p99 < 10 ms: {'ok' if p99 < 0.010 else 'MISSED'}]")


def top_speed(seconds: float) -> None:
    stove = serve_sim("--speed", "10000")
    try:
        c = Client(stove.port)
        c.hello("controller")
        rtts, on = [], []
        t_start = c.call("ping")["result"]["t"]
        w0 = time.monotonic()
        last_cmd = 0.0
        while time.monotonic() - w0 < seconds:
            if time.monotonic() - last_cmd > 0.5:    # keep every zone on (auto-off is 2 h stove time)
                last_cmd = time.monotonic()
                for z in range(6):
                    c.call("zone.set_target", {"zone": z, "temp_c": 70 + 5 * z})
                on.append(sum(zz["mode"] != "off" for zz in c.call("state.get")["result"]["zones"]))
            rtts.append(c.timed("ping"))
            time.sleep(0.04)                         # all requests stay under 50 a second
        t_end = c.call("ping")["result"]["t"]
        w1 = time.monotonic()
    finally:
        stove.stop()
    rate = (t_end - t_start) / (w1 - w0)
    print(f"3. highest speed (10000x asked), 6 zones on (min {min(on)} seen), {w1 - w0:.1f} s")
    print(f"   stove seconds per wall second: {rate:,.0f}")
    print(f"   ping meanwhile ({len(rtts)}): median {ms(statistics.median(rtts))}, p99 {ms(pct(rtts, 99))}, max {ms(max(rtts))}"
          f"  [target < 50 ms: {'ok' if max(rtts) < 0.050 else 'MISSED'}]")


def main() -> None:
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
          f"Python {platform.python_version()}")
    round_trips(150 if QUICK else 600)
    fan_out(2.0 if QUICK else 6.0)
    top_speed(2.0 if QUICK else 5.0)


if __name__ == "__main__":
    main()
