"""The fleet screen with 40 stoves streaming: frame time, event-loop lag, telemetry delivered in order.

A publisher process stands in for the bridge (``--sim 40``: 40 simulated stoves, a zone on in
every one, full telemetry at 10 Hz each, as topics.py says; it is the tests' bridge double), or,
with ``--bridge``, the real ``kitchen-ui bridge --sim 40``. The screen runs as a user runs it:
``kitchen-ui --fleet mqtt://... --stats`` in its own process, offscreen. Prints:

1. the screen's frame time p50/p99 (flush + tile updates + the window's repaint; target p99 <= 33 ms)
   and event-loop lag p99 (a 10 ms timer's lateness; target <= 50 ms);
2. telemetry that reached the screen's model in order, and of what the stoves sent once it
   subscribed (counted by their seq numbers) how much arrived (targets >= 99 %);
3. the floor: Mosquitto's own publish -> deliver time for a small message in the same run
   (paho client to itself, loopback), p50/p99.

Exits 1 when a target is missed. Usage: python benchmarks/bench_fleet.py [--stoves 40] [--seconds 20] [--bridge]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "mqtt" / "fleet")]


def publish(host: str, port: int, n: int, seconds: float) -> None:
    """The publisher process: n stoves through the bridge double, then the broker probe."""
    import paho.mqtt.client as paho
    from fleet_bridge_double import BridgeDouble

    bridge = BridgeDouble(host, port, [f"sim-{i}" for i in range(1, n + 1)], zones=4).start()
    for stove in bridge.stoves.values():
        stove.set_level(0, 6).result(5)
    print("ready", flush=True)
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        print(json.dumps({"published": sum(bridge.published.values()), "t": time.time()}), flush=True)
        time.sleep(0.1)
    bridge.stop()


class Probe:
    """The floor: a small message through Mosquitto to ourselves every 50 ms, publish -> deliver."""

    def __init__(self, host: str, port: int) -> None:
        import paho.mqtt.client as paho

        self.lat: list[float] = []
        self.client = c = paho.Client(paho.CallbackAPIVersion.VERSION2, client_id="bench-probe")
        c.on_connect = lambda cl, *_: cl.subscribe("hearth/bench/probe", 0)
        c.on_message = lambda _c, _u, m: self.lat.append((time.perf_counter() - float(m.payload)) * 1000.0)
        c.connect(host, port)
        c.loop_start()
        self.running = True
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while self.running:
            self.client.publish("hearth/bench/probe", repr(time.perf_counter()), qos=0)
            time.sleep(0.05)

    def stop(self) -> dict:
        self.running = False
        self.thread.join(2)
        time.sleep(0.2)
        self.client.loop_stop()
        lat = sorted(self.lat)
        return {"probe_ms_p50": round(statistics.median(lat), 2) if lat else None,
                "probe_ms_p99": round(lat[int(0.99 * (len(lat) - 1))], 2) if lat else None, "probes": len(lat)}


def zones_on_through_the_bridge(host: str, port: int, n: int) -> None:
    """A zone on in every stove of a ``--control`` bridge, by KSP/1 requests over MQTT."""
    import paho.mqtt.client as paho

    answered = threading.Event()
    got: list[bytes] = []
    c = paho.Client(paho.CallbackAPIVersion.VERSION2, client_id="bench-cook")
    c.on_connect = lambda cl, *_: cl.subscribe("hearth/reply/bench-cook", 1)
    c.on_message = lambda _c, _u, m: (got.append(m.payload), len(got) >= n and answered.set())
    c.connect(host, port)
    c.loop_start()
    time.sleep(0.5)
    for i in range(1, n + 1):
        c.publish(f"hearth/sim-{i}/request", json.dumps({"id": i, "method": "zone.set_level",
                  "params": {"zone": 0, "level": 6}, "reply_to": "hearth/reply/bench-cook"}), qos=1)
    answered.wait(20)
    c.loop_stop()
    refused = [g for g in got if b'"error"' in g]
    if refused or len(got) < n:
        print(f"warning: {len(got)} answers, {len(refused)} refused: {refused[:1]}", file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--stoves", type=int, default=40)
    ap.add_argument("--seconds", type=float, default=20.0)
    ap.add_argument("--bridge", action="store_true", help="the real `kitchen-ui bridge --sim N` as publisher")
    ap.add_argument("--publish", nargs=2, metavar=("HOST", "PORT"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.publish:
        publish(a.publish[0], int(a.publish[1]), a.stoves, a.seconds)
        return 0

    from broker_process import Mosquitto

    broker = Mosquitto(Path(tempfile.mkdtemp(prefix="bench-fleet-"))).start()
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    publish_for = a.seconds + 8
    if a.bridge:
        db = Path(tempfile.mkdtemp(prefix="bench-fleet-db-")) / "kitchen.sqlite3"
        pub = subprocess.Popen([sys.executable, "-m", "kitchen_ui", "bridge", "--broker", broker.url, "--control",
                                "--sim", str(a.stoves), "--bridge-id", "bench", "--db", str(db)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        time.sleep(4)
        zones_on_through_the_bridge(broker.host, broker.port, a.stoves)
    else:
        pub = subprocess.Popen([sys.executable, __file__, "--publish", broker.host, str(broker.port),
                                "--stoves", str(a.stoves), "--seconds", str(publish_for)], env=env,
                               stdout=subprocess.PIPE, text=True)
        assert pub.stdout.readline().strip() == "ready"
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(pub.stdout), daemon=True)
    reader.start()
    probe = Probe(broker.host, broker.port)
    t0 = time.time()
    screen = subprocess.run([sys.executable, "-m", "kitchen_ui", "--fleet", broker.url, "--size", "1920x1080",
                             "--run-for", str(a.seconds), "--stats"], env=env, capture_output=True, text=True,
                            timeout=a.seconds + 60)
    t1 = time.time()
    floor = probe.stop()
    if a.bridge:
        pub.terminate()
    pub.wait(timeout=60)
    reader.join(5)
    broker.stop()
    if screen.returncode != 0:
        print(screen.stderr, file=sys.stderr)
        return 1
    stats = json.loads(screen.stdout.strip().splitlines()[-1])
    marks = [json.loads(x) for x in lines if x.startswith('{"published"')]
    in_window = [m["published"] for m in marks if t0 <= m["t"] <= t1]
    published = (in_window[-1] - in_window[0]) if len(in_window) > 1 else None
    publisher = "kitchen-ui bridge --sim" if a.bridge else "the bridge double"
    print(f"fleet screen, {stats['stoves']} stoves streaming at 10 Hz through {publisher}, a zone on in each "
          f"(1920x1080, QT_QPA_PLATFORM={env['QT_QPA_PLATFORM']}, {a.seconds:g} s):")
    print(f"  frame p50 {stats['frame_ms_p50']} ms, p99 {stats['frame_ms_p99']} ms, max {stats['frame_ms_max']} ms"
          f" over {stats['frames']} frames (target p99 <= 33 ms)")
    print(f"  event-loop lag p99 {stats['loop_lag_ms_p99']} ms, max {stats['loop_lag_ms_max']} ms (target p99 <= 50 ms)")
    print(f"  telemetry in order {stats['telemetry_in_order_pct']} % of {stats['telemetry_received']} received "
          "(target >= 99 %)")
    sent = stats.get("telemetry_sent") or 0
    delivered = 100.0 * stats["telemetry_received"] / sent if sent else 0.0
    print(f"  delivered: {delivered:.2f} % of the {sent} samples the stoves sent after the screen subscribed "
          "(by their seq numbers; target >= 99 %)")
    if published:
        print(f"  (the publisher sent {published} in the screen's whole run, start-up included)")
    print(f"  start-up (tiles made, not counted above): slowest frame {stats.get('warmup_ms_max')} ms")
    print(f"  floor: Mosquitto publish -> deliver p50 {floor['probe_ms_p50']} ms, p99 {floor['probe_ms_p99']} ms"
          f" ({floor['probes']} probes, same run)")
    print(f"  screen RSS {stats['rss_mb']} MB")
    ok = (stats["stoves"] == a.stoves and stats["frames"] > 0 and stats["frame_ms_p99"] <= 33 and stats["loop_lag_ms_p99"] <= 50
          and (stats["telemetry_in_order_pct"] or 0) >= 99 and delivered >= 99)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
