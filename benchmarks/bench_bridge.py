"""The MQTT bridge with 40 simulated stoves on a real Mosquitto: discovery, command latency, CPU, delivery.

Prints, for this machine:
1. Home Assistant discovery complete (every config topic seen by a subscriber), from the bridge
   process's launch and from its "online" status (target <= 10 s);
2. a level command published on MQTT seen back on that stove's telemetry: median and p99
   (target p99 <= 300 ms), next to the broker's own publish -> deliver time in the same run (the floor);
3. the bridge's CPU with a zone on in every stove (target < 30 % of one core);
4. telemetry delivered in order to a subscriber, over the CPU window (target >= 99 %).

The bridge runs as ``kitchen-ui bridge --sim 40 --control`` in its own process, as a user runs it;
the subscriber (paho) runs here. Usage: python benchmarks/bench_bridge.py [--quick]
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import paho.mqtt.client as paho

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "tests")]
from _machine import machine_line  # noqa: E402
from broker_process import Mosquitto  # noqa: E402

QUICK = "--quick" in sys.argv
STOVES = 40
COMMANDS = 60 if QUICK else 200
CPU_WINDOW_S = 5.0 if QUICK else 15.0
FLOOR_MESSAGES = 100 if QUICK else 300


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


class Subscriber:
    def __init__(self, broker: Mosquitto) -> None:
        self.cond = threading.Condition()
        self.configs: set[str] = set()
        self.configs_done_at: float | None = None
        self.expected_configs: int | None = None
        self.zones: dict[str, int] = {}
        self.online_at: float | None = None
        self.seqs: dict[str, list[tuple[float, int]]] = {}
        self.levels: dict[str, list[int]] = {}
        self.floor: list[float] = []
        self.client = paho.Client(paho.CallbackAPIVersion.VERSION2, client_id="bench-subscriber")
        self.client.on_message = self.on_message
        self.client.connect(broker.host, broker.port)
        self.client.loop_start()
        self.client.subscribe([("homeassistant/#", 1), ("hearth/+/telemetry", 0), ("hearth/+/info", 1),
                               ("hearth/bridge/#", 1), ("bench/floor", 0)])

    def on_message(self, _c, _u, msg) -> None:
        now = time.perf_counter()
        topic = msg.topic
        with self.cond:
            if topic.endswith("/telemetry"):
                stove = topic.split("/")[1]
                d = json.loads(msg.payload)
                self.seqs.setdefault(stove, []).append((now, d["seq"]))
                self.levels[stove] = [z["level"] for z in d["zones"]]
            elif topic.startswith("homeassistant/") and topic.endswith("/config"):
                self.configs.add(topic)
                if self.expected_configs and len(self.configs) >= self.expected_configs and not self.configs_done_at:
                    self.configs_done_at = now
            elif topic.endswith("/info"):
                info = json.loads(msg.payload)
                self.zones[topic.split("/")[1]] = len(info["hello"]["zones"])
                if len(self.zones) == STOVES:
                    self.expected_configs = sum(4 * z + 1 for z in self.zones.values()) + 1
                    if len(self.configs) >= self.expected_configs and not self.configs_done_at:
                        self.configs_done_at = now
            elif topic.startswith("hearth/bridge/") and msg.payload == b"online":
                self.online_at = self.online_at or now
            elif topic == "bench/floor":
                self.floor.append(now - float(msg.payload))
            self.cond.notify_all()

    def wait(self, pred, timeout: float) -> bool:
        with self.cond:
            return self.cond.wait_for(pred, timeout)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> int:
    print(machine_line())
    failed = []
    with tempfile.TemporaryDirectory(prefix="hearth-bench-bridge-") as tmp:
        broker = Mosquitto(Path(tmp) / "mosquitto").start()
        sub = Subscriber(broker)
        pub = paho.Client(paho.CallbackAPIVersion.VERSION2, client_id="bench-publisher")
        pub.connect(broker.host, broker.port)
        pub.loop_start()
        launched = time.perf_counter()
        bridge = subprocess.Popen([sys.executable, "-m", "kitchen_ui", "bridge", "--broker", broker.url,
                                   "--sim", str(STOVES), "--control", "--bridge-id", "bench",
                                   "--db", str(Path(tmp) / "kitchen.sqlite3")],
                                  env={**os.environ, "PYTHONPATH": str(ROOT)}, stderr=subprocess.DEVNULL)
        try:
            # 1. discovery
            if not sub.wait(lambda: sub.configs_done_at is not None, 60):
                print(f"discovery: only {len(sub.configs)} config topics within 60 s")
                return 1
            assert sub.online_at is not None
            from_launch, from_online = sub.configs_done_at - launched, sub.configs_done_at - sub.online_at
            print(f"1. HA discovery: {len(sub.configs)} config topics for {STOVES} stoves complete "
                  f"{from_launch:.2f} s after launch ({from_online:.2f} s after the bridge said online); target <= 10 s")
            if from_launch > 10:
                failed.append("discovery")

            # a zone on in every stove (second zone, level 1), then the commands
            for i in range(1, STOVES + 1):
                pub.publish(f"hearth/sim-{i}/zone/1/level/set", "5", qos=1)
            sub.wait(lambda: all(sub.levels.get(f"sim-{i}", [0])[0] == 5 for i in range(1, STOVES + 1)), 20)

            # 2. command -> telemetry latency, and the broker floor
            latencies = []
            for n in range(COMMANDS):
                stove, level = f"sim-{1 + n % STOVES}", 1 + n % 9
                if sub.levels.get(stove, [0, 0])[1] == level:
                    level = 1 + level % 9
                t0 = time.perf_counter()
                pub.publish(f"hearth/{stove}/zone/2/level/set", str(level), qos=1)
                if sub.wait(lambda: sub.levels.get(stove, [0, 0])[1] == level, 5):
                    latencies.append(time.perf_counter() - t0)
                time.sleep(0.02)       # spread the commands out, as people press buttons
            for _ in range(FLOOR_MESSAGES):
                pub.publish("bench/floor", repr(time.perf_counter()), qos=0)
                time.sleep(0.01)
            sub.wait(lambda: len(sub.floor) >= FLOOR_MESSAGES, 5)
            p50, p99 = statistics.median(latencies) * 1000, pct(latencies, 0.99) * 1000
            f50, f99 = statistics.median(sub.floor) * 1000, pct(sub.floor, 0.99) * 1000
            print(f"2. level command -> seen on telemetry ({len(latencies)}/{COMMANDS} seen): median {p50:.1f} ms, "
                  f"p99 {p99:.1f} ms; target p99 <= 300 ms. Broker floor (publish -> deliver, same run, "
                  f"{len(sub.floor)} messages): median {f50:.2f} ms, p99 {f99:.2f} ms")
            if len(latencies) < COMMANDS or p99 > 300:
                failed.append("command latency")

            # 3. CPU and 4. delivery, over the same window
            with sub.cond:
                for stove in sub.seqs:
                    sub.seqs[stove] = []
            c0, w0 = cpu_seconds(bridge.pid), time.perf_counter()
            time.sleep(CPU_WINDOW_S)
            c1, w1 = cpu_seconds(bridge.pid), time.perf_counter()
            share = (c1 - c0) / (w1 - w0) * 100
            with sub.cond:
                got = expected = in_order = 0
                for seqs in sub.seqs.values():
                    values = [s for _t, s in seqs]
                    if not values:
                        continue
                    expected += max(values) - min(values) + 1
                    got += len(values)
                    in_order += 1 + sum(1 for a, b in zip(values, values[1:]) if b > a)
            rate = got / (w1 - w0)
            print(f"3. bridge CPU with a zone on in each of {STOVES} stoves: {share:.1f} % of one core over "
                  f"{w1 - w0:.1f} s ({rate:.0f} telemetry messages/s); target < 30 %")
            delivered = in_order / expected * 100 if expected else 0.0
            print(f"4. telemetry delivered in order: {in_order}/{expected} = {delivered:.2f} %; target >= 99 %")
            if share >= 30:
                failed.append("cpu")
            if delivered < 99:
                failed.append("delivery")
        finally:
            bridge.send_signal(signal.SIGTERM)
            try:
                code = bridge.wait(20)
            except subprocess.TimeoutExpired:
                bridge.kill()
                code = "killed"
            print(f"bridge stopped on SIGTERM with exit code {code}")
            pub.loop_stop()
            sub.client.loop_stop()
            broker.stop()
    if failed:
        print("MISSED: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
