"""``kitchen-ui voice say TEXT -o FILE.wav [--lang de]``: speech to a WAV file, offline; no Qt.

For scripts and tests (the recognizer's benchmarks feed on these files). The speech comes from
espeak-ng, run as a separate program (:mod:`kitchen_ui.voice.speech`). Exit codes: 0 written;
1 espeak-ng is missing or failed, or the file cannot be written; 2 a bad flag.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..voice.speech import LANGS


def _lang(text: str) -> str:
    from ..voice.speech import check_lang
    try:
        return check_lang(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _rate(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected words per minute as a whole number, got {text!r}") from None
    if not 80 <= v <= 450:
        raise argparse.ArgumentTypeError(f"words per minute must be 80-450, not {v}")
    return v


def register_say(actions: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = actions.add_parser("say", help="speak TEXT into a WAV file (espeak-ng, offline)",
                           description="Speak TEXT into a 16-bit mono WAV file with espeak-ng, offline.")
    p.add_argument("text", metavar="TEXT", help="what to say")
    p.add_argument("-o", "--output", required=True, metavar="FILE.wav", help="the WAV file to write")
    p.add_argument("--lang", type=_lang, default="en", metavar="CODE",
                   help=f"language: {' or '.join(LANGS)} (default en)")
    p.add_argument("--rate", type=_rate, metavar="WPM", help="words per minute (espeak-ng's default: 175)")
    return p


def run_say(args: argparse.Namespace) -> int:
    from ..voice.speech import SpeechError, say_to_file
    out = Path(args.output).expanduser()
    if out.is_dir():
        print(f"kitchen-ui: error: {out} is a folder; name the WAV file to write", file=sys.stderr)
        return 1
    if not out.parent.is_dir():
        print(f"kitchen-ui: error: {out.parent} does not exist; nothing written", file=sys.stderr)
        return 1
    try:
        speech = say_to_file(args.text, out, args.lang, words_per_minute=args.rate)
    except SpeechError as exc:
        print(f"kitchen-ui: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"kitchen-ui: error: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"{out}: {speech.duration_s:.2f} s at {speech.rate} Hz ({args.lang})")
    return 0
