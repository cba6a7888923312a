"""Copies of the kitchen database: a rolling daily backup, and ``db backup`` / ``db restore``.

Copies are made with SQLite's online backup API from a read-only connection, so they are
consistent even while the recorder writes (in WAL mode the copy reads one snapshot and no one
waits). Each copy is written under a temporary name in its folder and renamed when complete,
so an interrupted copy never looks like a backup.

The rolling backups sit beside the database in ``<name>-backups/`` (``kitchen.sqlite3-backups/
kitchen-2026-12-04.sqlite3``), one a day, the newest ``KEEP`` kept. The dashboard makes the
day's copy when it opens a database that passed its check, so damage found later costs at most
the day's cooking. A restore never deletes the file it replaces: it is renamed aside, with its
``-wal`` beside it, and the message names where.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
import threading
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from .integrity import check_file, read_only

KEEP = 3
_DAILY = re.compile(r"^(?P<stem>.+)-(?P<day>\d{4}-\d{2}-\d{2})\.sqlite3$")
_PARTIAL = ".partial-"


class BackupError(Exception):
    """A copy could not be made or restored; the message names the files."""


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.name}-backups"


def list_backups(db_path: Path) -> list[Path]:
    """The rolling backups of ``db_path``, newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if (m := _DAILY.match(p.name)) and m["stem"] == db_path.stem]
    return sorted(found, key=lambda p: p.name, reverse=True)


def latest_backup(db_path: Path) -> Path | None:
    items = list_backups(db_path)
    return items[0] if items else None


def copy_database(src: Path, dest: Path) -> None:
    """A consistent copy of ``src`` at ``dest`` (replaced only once the copy is complete)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f"{_PARTIAL}{os.getpid()}-{dest.name}")
    try:
        source = read_only(src)
        try:
            target = sqlite3.connect(str(tmp))
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
        os.chmod(tmp, src.stat().st_mode & 0o777)       # as private as the database itself
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
    except (OSError, sqlite3.Error) as exc:
        tmp.unlink(missing_ok=True)
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise BackupError(f"cannot copy {src} to {dest} ({why})") from exc


def rolling_backup(db_path: Path, today: date | None = None, keep: int = KEEP) -> Path | None:
    """Today's backup of ``db_path`` unless there is one; prunes to the newest ``keep``."""
    today = today or date.today()
    folder = backup_dir(db_path)
    dest = folder / f"{db_path.stem}-{today.isoformat()}.sqlite3"
    made = None
    if not dest.exists():
        if folder.is_dir():
            for stale in folder.glob(f"{_PARTIAL}*"):       # left by a copy that was interrupted
                stale.unlink(missing_ok=True)
        copy_database(db_path, dest)
        made = dest
    for old in list_backups(db_path)[keep:]:
        old.unlink(missing_ok=True)
    return made


def start_rolling_backup(db_path: Path) -> threading.Thread:
    """Today's backup in a background thread: a year of cooking takes seconds to copy."""
    def work() -> None:
        try:
            rolling_backup(db_path)
        except BackupError as exc:
            print(f"kitchen-ui: warning: no backup today: {exc}", file=sys.stderr)
    t = threading.Thread(target=work, name="hearth-backup", daemon=True)
    t.start()
    return t


@dataclass(frozen=True)
class Restored:
    db_path: Path
    source: Path
    aside: Path | None          # where the file that was replaced now is
    aside_was_damaged: bool


def restore(source: Path, db_path: Path, now: datetime | None = None) -> Restored:
    """Put a copy of ``source`` in place of ``db_path``; the file replaced is renamed aside."""
    from .database import APPLICATION_ID
    if not source.is_file():
        raise BackupError(f"{source}: no such file" if not source.exists() else f"{source} is not a file")
    if source.resolve() == db_path.resolve():
        raise BackupError(f"{source} is the database itself; name a backup to restore from")
    checked = check_file(source)
    if not checked.ok:
        raise BackupError(f"{source} is damaged ({checked.summary()}); nothing was restored")
    conn = read_only(source)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    finally:
        conn.close()
    if app_id != APPLICATION_ID:
        raise BackupError(f"{source} is not a Hearth kitchen database; nothing was restored")
    aside, damaged = None, False
    if db_path.exists():
        damaged = not check_file(db_path).ok
        stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
        aside = db_path.with_name(f"{db_path.name}.{'damaged' if damaged else 'replaced'}-{stamp}")
        for suffix in ("", "-wal", "-shm"):          # the -wal may hold committed pages: keep it with it
            part = db_path.with_name(db_path.name + suffix)
            if part.exists():
                os.replace(part, aside.with_name(aside.name + suffix))
    copy_database(source, db_path)
    return Restored(db_path, source, aside, damaged)
