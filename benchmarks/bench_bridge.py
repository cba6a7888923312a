"""The MQTT bridge with 40 simulated stoves on a real Mosquitto: discovery, commands, CPU, telemetry.

Starts its own Mosquitto (free loopback port, generated config, no persistence) and
``kitchen-ui bridge --sim 40 --control`` as a user runs it, in its own process; the clients run
here (paho, one network thread). Prints:
1. Home Assistant discovery complete: from starting the bridge until a subscriber has seen every
   retained config (target <= 10 s);
2. a zone switched on in every stove from MQTT, then the bridge's CPU over 20 s, as % of one core
   (target < 30 %);
3. telemetry delivered in order to a subscriber over those 20 s: messages that arrived with the
   next sequence number, against all the stoves sent (target >= 99 %);
4. a level command on MQTT until it is seen back: on the telemetry (the stove's state, target
   p99 <= 300 ms) and on the HA state topic (throttled to 2 Hz a stove, so up to 500 ms later);
5. the broker's own floor in the same run: a client publishing to itself, publish -> deliver, in a
   process of its own (and the same from this script's subscriber, which carries all the telemetry:
   the share of the latencies above that is the measuring client's own).

Usage: python benchmarks/bench_bridge.py [--stoves N] [--window S] [--commands N]
Exits 1 when a target is missed. Mosquitto must be installed (Debian: apt-get install mosquitto).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import paho.mqtt.client as paho

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _machine import machine_line  # noqa: E402

from kitchen_ui.sim.profiles import default_profile_name, load_profile  # noqa: E402

CLK_TCK = os.sysconf("SC_CLK_TCK")

# A client alone in its process that publishes to itself at 20 Hz for the given seconds and
# prints its publish -> deliver times (ms) as JSON.
FLOOR_CLIENT = r"""
import json, sys, threading, time
import paho.mqtt.client as paho
port, seconds = int(sys.argv[1]), float(sys.argv[2])
sent, got, ready = {}, [], threading.Event()
c = paho.Client(paho.CallbackAPIVersion.VERSION2, client_id="bench-floor")
c.on_subscribe = lambda *a: ready.set()
c.on_message = lambda cl, u, m: got.append((time.perf_counter() - sent[int(m.payload)]) * 1000)
c.connect("127.0.0.1", port)
c.loop_start()
c.subscribe("bench/floor-alone", 0)
ready.wait(5)
for n in range(int(seconds * 20)):
    sent[n] = time.perf_counter()
    c.publish("bench/floor-alone", str(n), qos=0)
    time.sleep(0.05)
time.sleep(0.5)
c.disconnect()
c.loop_stop()
print(json.dumps(got))
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_mosquitto(folder: Path) -> tuple[subprocess.Popen, int]:
    binary = shutil.which("mosquitto") or "/usr/sbin/mosquitto"
    if not Path(binary).exists():
        sys.exit("mosquitto is not installed (Debian: apt-get install mosquitto)")
    port = free_port()
    conf = folder / "mosquitto.conf"
    conf.write_text(f"user {getpass.getuser()}\nlistener {port} 127.0.0.1\nallow_anonymous true\n"
                    "persistence false\nlog_dest stderr\nlog_type error\nmax_queued_messages 100000\n")
    proc = subprocess.Popen([binary, "-c", str(conf)], stdout=subprocess.DEVNULL,
                            stderr=open(folder / "mosquitto.log", "wb"))
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc, port
        except OSError:
            time.sleep(0.02)
    sys.exit(f"mosquitto did not open its port: {(folder / 'mosquitto.log').read_text()}")


def cpu_seconds(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK      # utime + stime


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


class Observer:
    """Sees everything on the broker: discovery configs, telemetry (per-stove order), HA states."""

    def __init__(self, port: int) -> None:
        self.lock = threading.Condition()
        self.configs: dict[str, float] = {}            # config topic -> first seen
        self.levels: dict[tuple[str, str], dict] = {}   # (stove, "telemetry"|"state") -> {zone key: level}
        self.changed: dict[tuple[str, str, str], tuple[int, float]] = {}   # (stove, leaf, zone) -> (level, arrival)
        self.online_at: float | None = None
        self.seq: dict[str, int] = {}
        self.counting = False
        self.in_order = self.received = 0
        self.first_seq: dict[str, int] = {}
        self.floor: dict[int, float] = {}
        self.floor_ms: list[float] = []
        self.client = paho.Client(paho.CallbackAPIVersion.VERSION2, client_id="bench-observer")
        self.client.on_message = self._on_message
        self.client.connect("127.0.0.1", port)
        self.client.loop_start()
        self.client.subscribe([("homeassistant/#", 1), ("hearth/+/telemetry", 0), ("hearth/+/state", 1),
                               ("hearth/bridge/+/status", 1), ("bench/floor", 0)])

    def _on_message(self, _c, _u, msg) -> None:
        now = time.perf_counter()
        topic = msg.topic
        with self.lock:
            if topic == "bench/floor":
                sent = self.floor.pop(int(msg.payload), None)
                if sent is not None:
                    self.floor_ms.append((now - sent) * 1000)
            elif topic.startswith("hearth/bridge/"):
                if msg.payload == b"online" and self.online_at is None:
                    self.online_at = now
            elif topic.startswith("homeassistant/"):
                if topic.endswith("/config") and msg.payload:
                    self.configs.setdefault(topic, now)
            else:
                stove, leaf = topic.split("/")[1:3]
                data = json.loads(msg.payload)
                if leaf == "telemetry":
                    levels = {str(z["id"] + 1): z["level"] for z in data["zones"]}
                    seq, last = data["seq"], self.seq.get(stove)
                    if self.counting:
                        self.first_seq.setdefault(stove, seq)
                        self.received += 1
                        self.in_order += last is not None and seq == last + 1
                    self.seq[stove] = seq
                else:
                    levels = {k: z["level"] for k, z in data["zones"].items()}
                before = self.levels.get((stove, leaf), {})
                for key, level in levels.items():
                    if before.get(key) != level:      # the arrival of a change, timed here, not when read
                        self.changed[(stove, leaf, key)] = (level, now)
                self.levels[(stove, leaf)] = levels
            self.lock.notify_all()

    def wait(self, pred, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        with self.lock:
            while not pred():
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self.lock.wait(left)
            return True

    def ping_floor(self, n: int) -> None:
        with self.lock:
            self.floor[n] = time.perf_counter()
        self.client.publish("bench/floor", str(n), qos=0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--stoves", type=int, default=40)
    ap.add_argument("--window", type=float, default=20.0, help="seconds of CPU and telemetry measurement")
    ap.add_argument("--commands", type=int, default=200, help="level commands timed")
    args = ap.parse_args()
    print(machine_line())
    zones = len(load_profile(default_profile_name()).zones)
    expected = args.stoves * (4 * zones + 1) + 1
    folder = Path(tempfile.mkdtemp(prefix="hearth-bench-bridge-"))
    env = dict(os.environ, PYTHONPATH=str(ROOT), HEARTH_DB=str(folder / "kitchen.db"),
               XDG_DATA_HOME=str(folder / "data"), XDG_STATE_HOME=str(folder / "state"),
               XDG_CONFIG_HOME=str(folder / "config"))
    broker, port = start_mosquitto(folder)
    obs = Observer(port)
    floor_stop = threading.Event()
    bridge = None
    failures = []
    try:
        t0 = time.perf_counter()
        bridge = subprocess.Popen([sys.executable, "-m", "kitchen_ui", "bridge", "--broker",
                                   f"mqtt://127.0.0.1:{port}", "--sim", str(args.stoves), "--control",
                                   "--bridge-id", "bench"], env=env, stdout=subprocess.DEVNULL,
                                  stderr=open(folder / "bridge.log", "wb"))
        if not obs.wait(lambda: len(obs.configs) >= expected, 60):
            failures.append(f"discovery incomplete: {len(obs.configs)} of {expected} configs in 60 s")
        discovery_s = max(obs.configs.values(), default=t0) - t0
        online = f", {discovery_s - (obs.online_at - t0):.2f} s after it said online" if obs.online_at else ""
        print(f"HA discovery complete: {discovery_s:.2f} s from starting the bridge{online}, {len(obs.configs)} "
              f"configs ({args.stoves} stoves x {4 * zones + 1} entities + the kitchen) (target <= 10 s)")
        if discovery_s > 10:
            failures.append("discovery")

        names = [f"sim-{i}" for i in range(1, args.stoves + 1)]
        for name in names:
            obs.client.publish(f"hearth/{name}/zone/1/level/set", "6", qos=1)
        if not obs.wait(lambda: all(obs.levels.get((n, "telemetry"), {}).get("1") == 6 for n in names), 30):
            failures.append("not every stove switched a zone on")

        def floor_pings() -> None:
            n = 0
            while not floor_stop.wait(0.05):
                obs.ping_floor(n)
                n += 1

        threading.Thread(target=floor_pings, daemon=True).start()
        alone = subprocess.Popen([sys.executable, "-c", FLOOR_CLIENT, str(port), str(args.window)],
                                 stdout=subprocess.PIPE, text=True)
        with obs.lock:
            obs.counting, obs.seq = True, {}
        cpu0, w0 = cpu_seconds(bridge.pid), time.perf_counter()
        time.sleep(args.window)         # a measurement window: the bridge streams, we count
        cpu1, w1 = cpu_seconds(bridge.pid), time.perf_counter()
        with obs.lock:
            obs.counting = False
            sent = sum(obs.seq[s] - obs.first_seq[s] + 1 for s in obs.first_seq)
            in_order, received = obs.in_order + len(obs.first_seq), obs.received
        cpu = 100 * (cpu1 - cpu0) / (w1 - w0)
        ordered = 100 * in_order / max(sent, 1)
        print(f"bridge CPU with a zone on in all {args.stoves} stoves: {cpu:.1f} % of one core over "
              f"{w1 - w0:.0f} s (target < 30 %)")
        print(f"telemetry delivered in order: {ordered:.2f} % ({in_order} of {sent} sent; {received} received, "
              f"{received / (w1 - w0):.0f} msg/s) (target >= 99 %)")
        failures += ["cpu"] if cpu >= 30 else []
        failures += ["telemetry order"] if ordered < 99 else []

        tele_ms, state_ms, missed = [], [], 0
        rng = random.Random(11)
        for i in range(args.commands):
            name = names[i % len(names)]
            level = 1 + (i // len(names)) % 9         # a change on every command: zone 2 starts at 0
            # at a random moment, as a cook's are: right after the last answer it would always land
            # just after the stoves' HA states went out, and wait out the whole 2 Hz period
            time.sleep(rng.uniform(0, 0.5))
            sent_at = time.perf_counter()
            obs.client.publish(f"hearth/{name}/zone/2/level/set", str(level), qos=1)

            def arrived(leaf, name=name, level=level, sent_at=sent_at):
                got = obs.changed.get((name, leaf, "2"))
                return got[1] if got and got[0] == level and got[1] >= sent_at else None

            if not obs.wait(lambda: arrived("telemetry") and arrived("state"), 3.0):
                missed += 1
                continue
            tele_ms.append((arrived("telemetry") - sent_at) * 1000)
            state_ms.append((arrived("state") - sent_at) * 1000)
        floor_stop.set()
        if tele_ms:
            print(f"level command -> seen on the telemetry: p50 {pct(tele_ms, 50):.0f} ms, p99 "
                  f"{pct(tele_ms, 99):.0f} ms; on the HA state (<= 2 Hz): p50 {pct(state_ms, 50):.0f} ms, "
                  f"p99 {pct(state_ms, 99):.0f} ms ({len(tele_ms)} commands, {missed} not seen in 3 s) "
                  "(target p99 <= 300 ms)")
        if not tele_ms or pct(tele_ms, 99) > 300 or missed:
            failures.append("command latency")
        alone_ms = json.loads(alone.communicate(timeout=60)[0] or "[]")
        if alone_ms:
            print(f"broker floor (a client alone in its process publishing to itself, same run, while all "
                  f"{args.stoves} stream): p50 {pct(alone_ms, 50):.2f} ms, p99 {pct(alone_ms, 99):.2f} ms "
                  f"({len(alone_ms)} messages)")
        with obs.lock:
            floor = list(obs.floor_ms)
        if floor:
            print(f"the same from this script's subscriber (it carries all the telemetry): p50 "
                  f"{pct(floor, 50):.2f} ms, p99 {pct(floor, 99):.2f} ms ({len(floor)} messages)")
        bridge.send_signal(signal.SIGTERM)
        code = bridge.wait(15)
        print(f"bridge stopped by SIGTERM: exit {code}")
        failures += [] if code == 0 else ["SIGTERM exit"]
    finally:
        floor_stop.set()
        if bridge is not None and bridge.poll() is None:
            bridge.kill()
            bridge.wait()
        obs.client.loop_stop()
        broker.terminate()
        broker.wait(5)
    if failures:
        print(f"MISSED: {', '.join(failures)} (bridge log: {folder / 'bridge.log'})")
        return 1
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
