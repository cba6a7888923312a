"""``kitchen-ui db``: check the kitchen database, copy it, or put a copy back (no Qt).

``check`` runs the same check as every open (SQLite's quick_check) and says how long it took;
``backup FILE`` writes a consistent copy; ``restore FILE`` refuses a damaged or foreign source,
renames the current file aside (never deletes it) and names where it went.
Exit codes: 0 done; 1 the operation failed or the database is damaged; 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from . import action_adder


def register(sub: argparse._SubParsersAction) -> argparse.ArgumentParser:
    p = sub.add_parser("db", help="check, back up or restore the kitchen database",
                       description="The kitchen database file: check it, back it up, restore a backup.")
    ds = p.add_subparsers(dest="db_command", metavar="ACTION")

    add = action_adder(ds)

    add("check", "check the database for damage (exit 1 if damaged) and list its backups")
    add("backup", "write a consistent copy of the database to FILE").add_argument("file", metavar="FILE")
    add("restore", "replace the database with a copy; the current file is kept aside").add_argument(
        "file", metavar="FILE")
    return p


def run(args: argparse.Namespace) -> int:
    from ..cli import UsageError
    from ..storage.backup import BackupError
    from ..storage.database import DatabaseError, default_db_path

    action = getattr(args, "db_command", None)
    if action is None:
        raise UsageError("db: choose an action: check, backup or restore")
    path = Path(args.db).expanduser() if getattr(args, "db", None) else default_db_path()
    try:
        if action == "check":
            return do_check(path)
        if action == "backup":
            return do_backup(path, Path(args.file).expanduser())
        return do_restore(path, Path(args.file).expanduser())
    except BrokenPipeError:
        raise  # the reader went away (``| head``): cli.main handles it
    except (DatabaseError, BackupError) as exc:
        print(f"kitchen-ui: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"kitchen-ui: error: {exc.filename or path}: {exc.strerror or exc}", file=sys.stderr)
        return 1


def _existing(path: Path) -> int:
    """The schema version of the database at ``path``; DatabaseError if it cannot be used."""
    from ..storage.database import DatabaseError, verify
    if not path.exists():
        raise DatabaseError(f"there is no kitchen database at {path} (choose one with --db)")
    version = verify(path, full=True)
    if version is None:
        raise DatabaseError(f"{path} is empty: there is nothing to check or copy")
    return version


def do_check(path: Path) -> int:
    from datetime import datetime, timezone

    from ..storage.backup import list_backups
    from ..storage.integrity import remember
    t0 = time.perf_counter()
    version = _existing(path)                    # the whole file, whatever the last check said
    took = time.perf_counter() - t0
    remember(path, datetime.now(timezone.utc))
    print(f"ok: {path} ({path.stat().st_size / 1e6:.1f} MB, schema version {version}) is intact; "
          f"checked in {took:.2f} s")
    backups = list_backups(path)
    print(f"backups: {len(backups)}, newest {backups[0]}" if backups else
          "backups: none yet (the dashboard makes one a day; or 'kitchen-ui db backup FILE')")
    return 0


def do_backup(path: Path, dest: Path) -> int:
    from ..storage.backup import copy_database
    _existing(path)
    if dest.is_dir():
        raise OSError(21, "is a folder; name the backup file to write", str(dest))
    if dest.exists() and dest.resolve() == path.resolve():
        raise OSError(17, "is the database itself; name another file", str(dest))
    if dest.exists() and not dest.is_file():
        raise OSError(22, "is not a regular file; a backup is written to a regular file", str(dest))
    copy_database(path, dest)
    print(f"backed up {path} to {dest} ({dest.stat().st_size / 1e6:.1f} MB)")
    return 0


def do_restore(path: Path, source: Path) -> int:
    from ..storage.backup import restore
    done = restore(source, path)
    print(f"restored {path} from {source}")
    if done.aside is not None:
        what = "the damaged file" if done.aside_was_damaged else "the file it replaced"
        print(f"{what} is kept as {done.aside}")
    return 0
