"""Is a kitchen database intact? SQLite's own ``PRAGMA quick_check``, run read-only.

``quick_check`` walks every page of every b-tree (tables, indexes, overflow chains, the free
list) and every record's format, which catches bytes written over the middle of a file whose
header survived. It skips only the index-against-table comparison of ``integrity_check``, which
is what makes it fast enough to run each time Hearth opens the file (see
``benchmarks/bench_db_check.py``). The look never writes: no ``-wal``/``-shm`` is created
beside a file that has none.

Only the recorded telemetry (``session_samples``: write-once chunks, nearly all of a year-old
file's pages) makes that slow: 3.2 GB after a year of an hour a day takes 4-7 s on a 2-core VM.
So after a full check passes, ``<name>-backups/last-full-check.json`` records the file's size,
mtime and inode, refreshed when Hearth closes it. An open that finds the file exactly as Hearth
left it, with the last full check under a week old, checks every other table and index (a few
milliseconds) and leaves the telemetry out; anything else — a write from outside (it moves the
mtime), a crash (a ``-wal`` left behind), a week gone by — checks all of it. ``db check`` always
checks all of it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

MAX_REPORTED = 5          # problems named in a message; SQLite may find thousands
BULK_TABLES = ("session_samples",)
FULL_CHECK_EVERY = timedelta(days=7)
MARKER = "last-full-check.json"


@dataclass(frozen=True)
class CheckResult:
    path: Path
    problems: tuple[str, ...]
    seconds: float

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        more = "" if len(self.problems) <= 3 else f" and {len(self.problems) - 3} more"
        return "; ".join(self.problems[:3]) + more


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write; ``immutable`` unless a ``-wal`` holds committed pages."""
    wal = path.with_name(path.name + "-wal").exists()
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro{'' if wal else '&immutable=1'}", uri=True)


def quick_check(conn: sqlite3.Connection, limit: int = MAX_REPORTED, skip: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The problems SQLite finds (empty when intact); a file too broken to check says so.
    ``skip``: tables left out (with their indexes); then the free list is not walked either."""
    try:
        if not skip:
            rows = [r[0] for r in conn.execute(f"PRAGMA quick_check({int(limit)})")]
        else:
            names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            rows = []
            for name in ["sqlite_master"] + [n for n in names if n not in skip]:
                rows += [r[0] for r in conn.execute(f"PRAGMA quick_check({_quoted(name)})")]
            rows = [r for r in rows if r != "ok"] or ["ok"]
    except sqlite3.DatabaseError as exc:
        return (str(exc),)
    if rows == ["ok"]:
        return ()
    lines = [ln.strip() for r in rows for ln in str(r).splitlines()]
    return tuple(ln for ln in lines if ln and not ln.startswith("*** in database"))


def check_file(path: Path) -> CheckResult:
    """Check ``path`` without writing to it."""
    t0 = time.perf_counter()
    try:
        conn = read_only(path)
    except sqlite3.Error as exc:
        return CheckResult(path, (str(exc),), time.perf_counter() - t0)
    try:
        problems = quick_check(conn)
    finally:
        conn.close()
    return CheckResult(path, problems, time.perf_counter() - t0)


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def _marker(path: Path) -> Path:
    from .backup import backup_dir
    return backup_dir(path) / MARKER


def _stamp(path: Path) -> dict:
    st = path.stat()
    return {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "ino": st.st_ino}


def bulk_may_be_skipped(path: Path, now: datetime | None = None) -> bool:
    """True if ``path`` is as Hearth left it after a full check that passed under a week ago."""
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        return False                                  # a crash left pages no check has seen
    try:
        mark = json.loads(_marker(path).read_text(encoding="utf-8"))
        checked = datetime.fromisoformat(mark["checked_at"])
        return mark["file"] == _stamp(path) and (now or datetime.now(timezone.utc)) - checked < FULL_CHECK_EVERY
    except (OSError, ValueError, KeyError, TypeError):
        return False


def remember(path: Path, full_check_at: datetime | None) -> None:
    """Record the file as Hearth leaves it: after a full check (``full_check_at``), or, with
    None, after writes made on top of a file whose earlier full check still stands."""
    marker = _marker(path)
    try:
        if full_check_at is None:
            full_check_at = datetime.fromisoformat(json.loads(marker.read_text(encoding="utf-8"))["checked_at"])
        marker.parent.mkdir(exist_ok=True)
        tmp = marker.with_name(f".{MARKER}.{os.getpid()}")
        tmp.write_text(json.dumps({"checked_at": full_check_at.isoformat(), "file": _stamp(path)}), encoding="utf-8")
        os.replace(tmp, marker)
    except (OSError, ValueError, KeyError, TypeError):
        pass                       # no record: the next open checks everything, which is only slower


def forget(path: Path) -> None:
    """The file was found damaged: no later open may leave any of it out."""
    try:
        _marker(path).unlink(missing_ok=True)
    except OSError:
        pass
