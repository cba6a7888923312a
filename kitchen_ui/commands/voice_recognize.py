"""``kitchen-ui voice recognize FILE.wav... [--json]``: the dashboard's recognizer on WAV files.

One line per file, in the order given: ``FILE: command (text, confidence)``, or with ``--json`` one
object per line (``file``, ``command``, ``zone``/``level``/``seconds`` as needed, ``text``,
``confidence``). A missing or broken file is named on standard error and the others are still
recognized; the exit code is then 1. Any sample rate and channel count is accepted.
"""

from __future__ import annotations

import argparse
import json
import sys


def register_recognize(actions: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = actions.add_parser("recognize", help="recognize voice commands in WAV files",
                           description="Recognize the spoken command in each WAV file (offline).")
    p.add_argument("files", nargs="+", metavar="FILE.wav", help="WAV files, any sample rate, mono or stereo")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    return p


def _line(file: str, cmd) -> str:
    args = [f"{k} {v}" for k, v in (("zone", cmd.zone), ("level", cmd.level), ("seconds", cmd.seconds))
            if v is not None]
    what = " ".join([cmd.kind, *args])
    return f"{file}: {what} ({cmd.text!r}, confidence {cmd.confidence:.2f})"


def run_recognize(args: argparse.Namespace) -> int:
    from ..voice.audio import AudioError
    from ..voice.recognizer import Recognizer

    rec = Recognizer()
    failed = False
    for f in args.files:
        try:
            cmd = rec.recognize_file(f)
        except AudioError as exc:
            print(f"kitchen-ui: voice recognize: {exc}", file=sys.stderr)
            failed = True
            continue
        print(json.dumps(cmd.to_json(f)) if args.json else _line(f, cmd), flush=True)
    return 1 if failed else 0
