"""Settings kept in the kitchen database (the ``settings`` table): one JSON text per key.

Only the SQL lives here; what a setting means and how it is checked belongs to its owner
(energy tariffs: :mod:`kitchen_ui.energy.settings`).
"""

from __future__ import annotations

from .database import KitchenDB


def load_setting(kdb: KitchenDB, key: str) -> str | None:
    """The stored JSON text of ``key``, None when it was never saved."""
    row = kdb.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else row[0]


def save_setting(kdb: KitchenDB, key: str, value: str) -> None:
    with kdb.conn:
        kdb.conn.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                         "value = excluded.value", (key, value))
