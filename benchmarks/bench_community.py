"""The community archive on a real Mosquitto: how long a look at it takes, and what hostile shares cost.

Prints, for this machine:
1. checking one share (``parse_share``: size cap, JSON, bounds, the recipe as ``recipes import``
   reads it): median per share of the 14 starter recipes — target under 20 ms;
2. the worst a hostile kitchen can send within the cap: a 256 KiB payload of nested lists, a
   story of 218,000 characters, 200 ingredients — each rejected (or read) in under 50 ms;
3. ``recipes community`` reading N shares (default 300) from the broker, median of 3: wall time
   and the part of it that is the quiet period (0.5 s of silence that ends a look) — target
   under 3 s for 300 shares;
4. the broker's own floor: publish -> deliver of one retained share to a fresh subscriber.

Usage: python benchmarks/bench_community.py [--shares N]   (needs Debian's mosquitto)
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _machine import machine_line  # noqa: E402

from kitchen_ui.mqtt.archive import MAX_PAYLOAD, ShareRejected, build_share, parse_share  # noqa: E402
from kitchen_ui.mqtt.archive_client import QUIET_S, collect_retained, fetch_listing, publish_retained  # noqa: E402
from kitchen_ui.mqtt.broker import broker_login  # noqa: E402
from kitchen_ui.mqtt.topics import Topics  # noqa: E402
from kitchen_ui.recipes.archive import starter_recipes  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_broker(folder: Path) -> tuple[subprocess.Popen, str]:
    binary = shutil.which("mosquitto") or "/usr/sbin/mosquitto"
    port = free_port()
    conf = folder / "mosquitto.conf"
    conf.write_text(f"listener {port} 127.0.0.1\nallow_anonymous true\npersistence false\n")
    proc = subprocess.Popen([binary, "-c", str(conf)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return proc, f"mqtt://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise SystemExit("mosquitto did not start")


def timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return (time.perf_counter() - t) * 1000


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shares", type=int, default=300)
    args = ap.parse_args()
    print(machine_line())
    ok = True
    recipes = starter_recipes()
    shares = [build_share(r, kitchen="bench", author="Bench") for r in recipes]
    per = [statistics.median(timed(lambda u=u, p=p: parse_share(u, p)) for _ in range(5)) for u, p in shares]
    median = statistics.median(per)
    print(f"check one share: median {median:.2f} ms, worst {max(per):.2f} ms (14 starter recipes)  target < 20 ms")
    ok &= median < 20

    uid = shares[0][0]
    doc = json.loads(shares[0][1])
    story = dict(doc, story={"text": "word " * (MAX_PAYLOAD // 6)})
    many = json.loads(shares[0][1])
    many["recipe"]["hearth:ingredients"] = [{"name": f"salt {i}", "quantity": 1} for i in range(200)]
    hostile = {"nested lists": b"[" * (MAX_PAYLOAD // 2 - 1) + b"]" * (MAX_PAYLOAD // 2 - 1),
               "a story of 218,000 characters": json.dumps(story).encode(),
               "200 ingredients": json.dumps(many).encode()}
    for name, payload in hostile.items():
        def check(payload=payload) -> None:
            try:
                parse_share(uid, payload)
            except ShareRejected:
                pass
        ms = statistics.median(timed(check) for _ in range(5))
        print(f"hostile share, {name} ({len(payload) // 1024} KiB): {ms:.1f} ms  target < 50 ms")
        ok &= ms < 50

    with tempfile.TemporaryDirectory(prefix="hearth-bench-") as tmp:
        proc, url = start_broker(Path(tmp))
        try:
            login, topics = broker_login(url), Topics()
            for i in range(args.shares):
                u, p = build_share(recipes[i % len(recipes)], kitchen=f"kitchen {i}", author="Bench")
                publish_retained(login, topics.archive(u), p)
            walls = []
            for _ in range(3):
                t = time.perf_counter()
                listing = fetch_listing(login, topics)
                walls.append(time.perf_counter() - t)
                assert len(listing.shared) == args.shares, len(listing.shared)
            wall = statistics.median(walls)
            print(f"read the archive of {args.shares} shares: {wall:.2f} s (of it {QUIET_S:.1f} s of quiet that ends "
                  f"a look)  target < 3 s")
            ok &= wall < 3
            floor = []
            for i in range(10):
                u, p = shares[i % len(shares)]
                t = time.perf_counter()
                publish_retained(login, topics.archive(f"floor-{i}"), p)
                got = collect_retained(login, topics.archive(f"floor-{i}"), first_only=True)
                floor.append((time.perf_counter() - t) * 1000)
                assert got
            print(f"broker floor: publish one share, then a fresh client gets it retained: median "
                  f"{statistics.median(floor):.1f} ms (two connections)")
        finally:
            proc.terminate()
            proc.wait(5)
    print("all targets met" if ok else "a target was missed")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
