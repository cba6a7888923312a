"""A kitchen database damaged the way a user found one: bytes written over its middle, header intact."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest

from kitchen_ui.storage.database import open_db


def make_kitchen_with_sessions(path: Path, sessions: int = 40) -> Path:
    """A real kitchen database with recorded-session rows filling many pages."""
    with open_db(path) as kdb:
        for s in range(1, sessions + 1):
            kdb.conn.execute("INSERT INTO sessions (id, title, started_at) VALUES (?, ?, '2026-01-01T12:00:00+00:00')",
                             (s, f"dinner {s}"))
            kdb.conn.executemany("INSERT INTO session_samples VALUES (?, ?, ?, 0, 1, 10, ?)",
                                 [(s, z, q, bytes([q % 256]) * 400) for z in range(4) for q in range(20)])
        kdb.conn.commit()
        kdb.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


def damage_middle(path: Path, seed: int = 7) -> bytes:
    """Overwrite 4 KiB at the middle of the file with random bytes; returns the damaged bytes."""
    data = bytearray(path.read_bytes())
    mid = len(data) // 2 + 1000
    data[mid:mid + 4096] = random.Random(seed).randbytes(4096)
    path.write_bytes(bytes(data))
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:                                         # SQLite itself must agree the file is damaged
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
        assert conn.execute("PRAGMA application_id").fetchone()[0] != 0    # the header survived
    finally:
        conn.close()
    return bytes(data)


@pytest.fixture
def damaged_db(tmp_path) -> tuple[Path, bytes]:
    path = make_kitchen_with_sessions(tmp_path / "kitchen.sqlite3")
    return path, damage_middle(path)
