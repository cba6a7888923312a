"""Opening the kitchen database on a worker thread, so the dashboard's first frame never waits
for it.

Opening means importing sqlite-utils (which scans the installed packages for its plugins),
checking the file's integrity and migrating it: ~0.08 s on a fresh start, but seconds for the
whole-file check of a year of cooking after a crash or a power cut, the very moment a cook wants
the stove's controls at once. The window comes up with manual control while this runs; the
recipes and the history join it when the file has passed its check. The check is never skipped:
a damaged file is refused by name, as every command refuses it, and never written.
The connection is opened with ``check_same_thread=False``, so the GUI thread may take it over.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:        # importing .database brings sqlite-utils: that is the thread's work
    from .database import KitchenDB


class OpeningDatabase:
    """``open_db(path)`` started now on a thread; :meth:`result` hands over the open database."""

    def __init__(self, path: str | Path | None, *, after_open: Callable[[KitchenDB], None] | None = None,
                 start: bool = True) -> None:
        self.path = path
        self._after_open = after_open
        self._kdb: KitchenDB | None = None
        self._error: BaseException | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._open, name="hearth-db-open", daemon=True)
        self._started = False
        if start:
            self.start()

    def start(self) -> None:
        """Begin opening (once). The dashboard starts it after its first frame: an import on this
        thread would otherwise compete for the interpreter with the window's own."""
        if not self._started:
            self._started = True
            self._thread.start()

    def _open(self) -> None:
        try:
            from .database import open_db
            self._kdb = open_db(self.path)
            if self._after_open is not None:
                self._after_open(self._kdb)
        except BaseException as exc:  # handed to whoever asks for the result, on their thread
            self._error = exc
        finally:
            self._done.set()

    def done(self) -> bool:
        return self._done.is_set()

    def result(self, timeout: float | None = None) -> KitchenDB:
        """The open database (waiting for it), or the ``DatabaseError`` that refused it."""
        if not self._done.wait(timeout):
            raise TimeoutError(f"the kitchen database {self.path} is still being opened")
        if self._error is not None:
            raise self._error
        assert self._kdb is not None
        return self._kdb

    def close(self) -> None:
        """Close the database if it was opened (waiting for an opening under way to end)."""
        if not self._started:
            return
        self._done.wait()
        if self._kdb is not None:
            self._kdb.close()

