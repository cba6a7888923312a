"""Voice commands in, offline: how many commands are right, how many false commands, how fast.

Synthesizes (or reuses) the corpus of ``corpus.py`` -- Flite voices and rates, a share in
kitchen noise at 15 dB SNR, at 16, 22.05 and 44.1 kHz, some stereo -- and runs every file through
``Recognizer.recognize_file``, the code path of ``kitchen-ui voice recognize`` and the dashboard.

Prints, per set (``train`` tuned the thresholds; ``test`` -- other voices and rates, and voices
the train set never had -- is the measurement; ``robot``, espeak-ng's formant voices, is shown for
information and has no target):
- commands right with their numbers (target >= 95 %), and the misses;
- false commands on sentences that are not commands (target: none), and which;
- latency from the end of the utterance (the whole file handed over) to the command: p50/p99 ms
  (target <= 300 ms), on this machine (the machine line).

Exits 1 if a target is missed on train or test.
Usage: python benchmarks/voice/bench_voice.py [--set train|test|robot|all] [-v]
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import corpus  # noqa: E402
from _machine import machine_line  # noqa: E402

from kitchen_ui.voice.recognizer import Recognizer  # noqa: E402

KEYS = ("command", "zone", "level", "seconds")


def run_set(rec: Recognizer, which: str, verbose: bool) -> bool:
    entries = corpus.load(which)
    right = cmds = false = talk = 0
    lat: list[float] = []
    misses, falses = [], []
    for e in entries:
        path = corpus.CACHE / which / e["file"]
        t0 = time.perf_counter()
        got = rec.recognize_file(path).to_json()
        lat.append((time.perf_counter() - t0) * 1000)
        want = e["expect"]
        ok = all(got.get(k) == want.get(k) for k in KEYS)
        if want["command"] == "none":
            talk += 1
            if got["command"] != "none":
                false += 1
                falses.append(f"{e['said']!r} -> {got['command']} {got['text']!r}")
        else:
            cmds += 1
            right += ok
            if not ok:
                misses.append(f"{e['said']!r} ({e['noise'] or 'quiet'}, {e['rate']} Hz) -> {got['command']} {got['text']!r}")
        if verbose:
            print(f"  {'ok ' if ok else 'BAD'} {e['said']!r} -> {got}")
    lat.sort()
    p99 = lat[min(len(lat) - 1, int(round(0.99 * (len(lat) - 1))))]
    noisy = sum(1 for e in entries if e["noise"])
    print(f"{which}: {len(entries)} files ({cmds} commands, {talk} not commands; {noisy} in noise at 15 dB SNR)")
    informational = which == "robot"
    target = (lambda t: "  (for information, no target)") if informational else (lambda t: f"  (target {t})")
    print(f"  commands right with their numbers: {right}/{cmds} = {100 * right / cmds:.1f} %{target('>= 95 %')}")
    print(f"  false commands on non-commands:    {false}/{talk}{target('0')}")
    print(f"  latency end of utterance -> command: p50 {statistics.median(lat):.0f} ms, p99 {p99:.0f} ms, "
          f"max {lat[-1]:.0f} ms{target('<= 300 ms')}")
    for m in misses:
        print("  missed:", m)
    for f in falses:
        print("  FALSE: ", f)
    return informational or (right >= 0.95 * cmds and false == 0 and p99 <= 300)


def main() -> int:
    which = sys.argv[sys.argv.index("--set") + 1] if "--set" in sys.argv else "all"
    if which not in corpus.SETS + ("all",):
        print(f"bench_voice: --set must be one of {', '.join(corpus.SETS)}, all; not {which!r}", file=sys.stderr)
        return 2
    print(machine_line())
    rec = Recognizer()
    t0 = time.perf_counter()
    rec.warm_up()
    print(f"model load: {(time.perf_counter() - t0) * 1000:.0f} ms")
    met = [run_set(rec, w, "-v" in sys.argv) for w in (corpus.SETS if which == "all" else (which,))]
    return 0 if all(met) else 1


if __name__ == "__main__":
    sys.exit(main())
