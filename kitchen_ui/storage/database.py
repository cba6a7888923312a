"""The kitchen database: one SQLite file, opened through sqlite-utils, migrated on open.

Hearth marks its files with ``PRAGMA application_id`` and counts the schema in
``PRAGMA user_version``; the numbered scripts in ``db/migrations`` bring a file from any earlier
version to the newest, each in one transaction. A file that is not SQLite, a SQLite file that is
not Hearth's, a damaged one or one written by a newer Hearth is refused with a
:class:`DatabaseError` that names the file and the reason, and is never written to. "Damaged"
is SQLite's ``quick_check`` over the file before anything is written (storage/integrity.py says
when the recorded telemetry may be left out); the message names the newest backup to restore.

Journal mode is WAL, so the session writer thread and the UI read and write side by side.
The default file lives in the user's data folder (platformdirs), or where ``$HEARTH_DB`` says;
``--db PATH`` overrides both.
"""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import platformdirs

from ..resources import shipped_dir
from .integrity import BULK_TABLES, bulk_may_be_skipped, forget, quick_check, read_only, remember

APPLICATION_ID = 0x48525448          # "HRTH"
SQLITE_MAGIC = b"SQLite format 3\x00"
APP_NAME = "Hearth"
DB_FILE = "kitchen.sqlite3"
DB_ENV = "HEARTH_DB"                 # a kitchen database other than the one in the user's data folder
_MIGRATION = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class DatabaseError(Exception):
    """The kitchen database cannot be used; the message names the file and what is wrong."""


def default_db_path() -> Path:
    if os.environ.get(DB_ENV):
        return Path(os.environ[DB_ENV]).expanduser()
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / DB_FILE


def migrations_dir() -> Path:
    try:
        return shipped_dir("migrations")
    except FileNotFoundError as exc:
        raise DatabaseError(str(exc)) from None


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    out = []
    for p in sorted(migrations_dir().iterdir()):
        m = _MIGRATION.match(p.name)
        if m:
            out.append(Migration(int(m.group(1)), p.stem, p.read_text(encoding="utf-8")))
    for i, m in enumerate(out, start=1):
        if m.version != i:
            raise DatabaseError(f"db/migrations: expected migration {i:04d}, found {m.name}")
    return out


def latest_version() -> int:
    return len(migrations())


def apply_migrations(conn: sqlite3.Connection, upto: int | None = None) -> list[int]:
    """Bring ``conn`` from its ``user_version`` up to ``upto`` (default: newest); returns those applied."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    applied = []
    for m in migrations():
        if m.version <= current or (upto is not None and m.version > upto):
            continue
        try:
            conn.executescript(f"BEGIN;\n{m.sql}\n;PRAGMA application_id = {APPLICATION_ID};\n"
                               f"PRAGMA user_version = {m.version};\nCOMMIT;")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise DatabaseError(f"migration {m.name} failed: {exc}") from exc
        applied.append(m.version)
    return applied


def _inspect(path: Path, full: bool | None = None) -> tuple[int, int, list[str], bool] | None:
    """(application_id, user_version, tables, whole file checked) of an existing file, None for a
    new/empty one. ``full``: check all of it (True), skip the telemetry (False), or decide (None)."""
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file")
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    if head != SQLITE_MAGIC:
        raise DatabaseError(f"{path} is not a SQLite database (it starts with {head[:16]!r}); "
                            "Hearth will not touch it — choose another file with --db")
    try:
        # read-only and (unless a -wal holds committed pages) immutable: no -wal/-shm appears
        # beside a file that may not be ours
        conn = read_only(path)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
            # every page before anything is written (cooking into a damaged file spreads the damage),
            # except recorded telemetry already checked when the file is as Hearth left it
            skip = BULK_TABLES if full is False or (full is None and bulk_may_be_skipped(path)) else ()
            problems = quick_check(conn, skip=skip) if app_id == APPLICATION_ID else ()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        forget(path)
        raise DatabaseError(damaged_message(path, str(exc))) from exc
    if problems:
        forget(path)
        raise DatabaseError(damaged_message(path, "; ".join(problems[:3])))
    return app_id, version, tables, not skip


def damaged_message(path: Path, detail: str) -> str:
    """What is wrong with a damaged kitchen database and what the user can do about it."""
    from .backup import latest_backup
    newest = latest_backup(path)
    cure = (f"restore the newest backup with 'kitchen-ui db restore {newest} --db {path}'" if newest else
            "restore a copy you kept with 'kitchen-ui db restore FILE', or move it away to start afresh")
    return f"{path} is damaged ({detail}); Hearth will not read or write it: {cure}"


def verify(p: Path, full: bool | None = True) -> int | None:
    """The schema version of a kitchen database Hearth may open (None: new or empty), else
    :class:`DatabaseError` saying why not (not SQLite, not Hearth's, damaged, too new); never writes.
    ``full``: check the whole file (True), leave the recorded telemetry out (False), or decide (None)."""
    return _verify(p, full)[0]


def _verify(p: Path, full: bool | None) -> tuple[int | None, bool]:
    """(schema version or None, whether the whole file was checked)."""
    found = _inspect(p, full)
    if found is None:
        return None, True
    app_id, version, tables, whole = found
    if app_id != APPLICATION_ID:
        if app_id != 0 or tables:
            what = f"application id {app_id:#x}" if app_id else "tables " + ", ".join(tables[:6])
            raise DatabaseError(f"{p} is a SQLite database but not Hearth's kitchen database ({what}); "
                                "Hearth will not change it — choose another file with --db")
        return None, True
    if version > latest_version():
        raise DatabaseError(f"{p} was written by a newer Hearth (schema version {version}; this one "
                            f"knows up to {latest_version()}); upgrade Hearth to open it")
    return version, whole


class KitchenDB:
    """An open kitchen database; ``db`` is the sqlite-utils wrapper, ``conn`` the connection."""

    def __init__(self, path: Path, conn: sqlite3.Connection, created: bool,
                 full_check_at: datetime | None = None, checked: bool = False) -> None:
        self.path = path
        self.conn = conn
        import sqlite_utils      # here, not at the top: it scans every installed package for plugins,
        self.db = sqlite_utils.Database(conn)     # which the dashboard does on a worker thread
        self.created = created
        self.full_check_at = full_check_at      # when the whole file was found intact at open
        self._checked = checked                 # found intact at open: record the file as we leave it

    def close(self) -> None:
        self.conn.close()
        if self._checked:
            self._checked = False
            remember(self.path, self.full_check_at)

    def __enter__(self) -> "KitchenDB":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]


def connect(path: Path, timeout_s: float = 10.0) -> sqlite3.Connection:
    """A connection with Hearth's settings (WAL, foreign keys); usable from one thread at a time."""
    conn = sqlite3.connect(str(path), timeout=timeout_s, check_same_thread=False)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cell_size_check = ON")     # damage met later is reported, not spread
    return conn


def open_db(path: str | Path | None = None, *, seed: bool = True) -> KitchenDB:
    """Open (creating or upgrading) the kitchen database; a new one gets the starter recipes."""
    p = Path(path).expanduser() if path else default_db_path()
    found, whole = _verify(p, None)
    checked_at = datetime.now(timezone.utc) if whole else None
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"cannot create the folder for {p} ({exc.strerror or exc})") from exc
    try:
        conn = connect(p)
        apply_migrations(conn)
    except sqlite3.Error as exc:
        raise DatabaseError(f"{p}: cannot open the database ({exc})") from exc
    kdb = KitchenDB(p, conn, created=found is None, full_check_at=checked_at, checked=True)
    if kdb.created and seed:
        from ..recipes.archive import starter_recipes
        from .recipes_store import save_recipe
        for recipe in starter_recipes():
            save_recipe(kdb, recipe)
    return kdb
