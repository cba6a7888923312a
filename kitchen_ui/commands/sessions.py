"""``kitchen-ui sessions``: the cooking sessions the dashboard recorded (no Qt).

Exit codes: 0 done; 1 the operation failed (the message says what and where); 2 usage error.
"""

from __future__ import annotations

import argparse
import io
import json
import sys


def register(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("sessions", help="sessions in the kitchen database",
                       description="Recorded cooking sessions: list them, export one as CSV.")
    ss = p.add_subparsers(dest="sessions_command", metavar="ACTION")
    sp = ss.add_parser("list", help="list the recorded sessions")
    sp.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    sp.add_argument("--json", action="store_true", help="print JSON")
    sp = ss.add_parser("export", help="export one session")
    sp.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    sp.add_argument("id", metavar="ID", type=_session_id, help="session number (see 'sessions list')")
    sp.add_argument("--csv", action="store_true", help="export as CSV (one row per zone sample, event and step)")
    sp.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    return p


def _session_id(text: str) -> int:
    if not (text.isascii() and text.isdigit()):
        raise argparse.ArgumentTypeError(f"a session number is a whole number, not {text!r}")
    return int(text)


def run(args: argparse.Namespace) -> int:
    from ..cli import UsageError
    from ..storage.database import DatabaseError, open_db
    from ..storage.sessions import SessionNotFound

    action = getattr(args, "sessions_command", None)
    if action is None:
        raise UsageError("sessions: choose an action: list or export")
    if action == "export" and not args.csv:
        raise UsageError("sessions export: choose a format: --csv")
    try:
        with open_db(getattr(args, "db", None)) as kdb:
            return do_list(kdb, args) if action == "list" else do_export(kdb, args)
    except BrokenPipeError:
        raise  # the reader went away (``| head``): cli.main handles it
    except (DatabaseError, SessionNotFound, OSError) as exc:
        msg = f"{exc.filename}: {exc.strerror or exc}" if isinstance(exc, OSError) and exc.filename else str(exc.args[0] if exc.args else exc)
        print(f"kitchen-ui: error: {msg}", file=sys.stderr)
        return 1


def do_list(kdb, args: argparse.Namespace) -> int:
    from ..storage.sessions import list_sessions
    items = list_sessions(kdb)
    if args.json:
        print(json.dumps([s.to_dict() for s in items], indent=2, ensure_ascii=False))
        return 0
    if not items:
        print("no recorded sessions")
        return 0
    for s in items:
        minutes = s.duration_s / 60
        state = "" if s.ended_at else "  (not closed: recording, or the app stopped)"
        print(f"{s.id:>4}  {s.started_at}  {minutes:7.1f} min  {s.samples:>9} samples  {s.outcome or '':<11}  "
              f"{s.title or s.stove_model}{state}")
    return 0


def do_export(kdb, args: argparse.Namespace) -> int:
    from ..storage.sessions import export_csv
    from .recipes import write_output
    buf = io.StringIO()
    rows = export_csv(kdb, args.id, buf)
    write_output(buf.getvalue(), args.output)
    if args.output and args.output != "-":
        print(f"exported session {args.id} ({rows} rows) to {args.output}", file=sys.stderr)
    return 0
