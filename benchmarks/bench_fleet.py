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
    lat: list[float] = []
    probe = paho.Client(paho.CallbackAPIVersion.VERSION2, client_id="bench-probe")
    probe.on_connect = lambda c, *_: c.subscribe("hearth/bench/probe", 0)
    probe.on_message = lambda _c, _u, m: lat.append((time.perf_counter() - float(m.payload)) * 1000.0)
    probe.connect(host, port)
    probe.loop_start()
    print("ready", flush=True)
    start = time.perf_counter()
    marks = {}
    while time.perf_counter() - start < seconds:
        probe.publish("hearth/bench/probe", repr(time.perf_counter()), qos=0)
        marks[round(time.perf_counter() - start, 1)] = sum(bridge.published.values())
        print(json.dumps({"published": sum(bridge.published.values()), "t": time.time()}), flush=True)
        time.sleep(0.05)
    probe.loop_stop()
    bridge.stop()
    lat.sort()
    print(json.dumps({"probe_ms_p50": round(statistics.median(lat), 2) if lat else None,
                      "probe_ms_p99": round(lat[int(0.99 * (len(lat) - 1))], 2) if lat else None,
                      "probes": len(lat)}), flush=True)


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
        pub = subprocess.Popen([sys.executable, "-m", "kitchen_ui", "bridge", "--broker", broker.url,
                                "--sim", str(a.stoves)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
        time.sleep(3)
    else:
        pub = subprocess.Popen([sys.executable, __file__, "--publish", broker.host, str(broker.port),
                                "--stoves", str(a.stoves), "--seconds", str(publish_for)], env=env,
                               stdout=subprocess.PIPE, text=True)
        assert pub.stdout.readline().strip() == "ready"
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(pub.stdout), daemon=True)
    reader.start()
    t0 = time.time()
    screen = subprocess.run([sys.executable, "-m", "kitchen_ui", "--fleet", broker.url, "--size", "1920x1080",
                             "--run-for", str(a.seconds), "--stats"], env=env, capture_output=True, text=True,
                            timeout=a.seconds + 60)
    t1 = time.time()
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
    probe = next((json.loads(x) for x in lines if x.startswith('{"probe')), {})
    print(f"fleet screen, {stats['stoves']} stoves streaming at 10 Hz (1920x1080 offscreen, {a.seconds:g} s):")
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
    if probe:
        print(f"  floor: Mosquitto publish -> deliver p50 {probe['probe_ms_p50']} ms, p99 {probe['probe_ms_p99']} ms"
              f" ({probe['probes']} probes)")
    print(f"  screen RSS {stats['rss_mb']} MB")
    ok = (stats["stoves"] == a.stoves and stats["frame_ms_p99"] <= 33 and stats["loop_lag_ms_p99"] <= 50
          and (stats["telemetry_in_order_pct"] or 0) >= 99 and delivered >= 99)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
