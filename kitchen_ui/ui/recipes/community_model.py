"""What the Community tab shows, kept apart from its widgets: the archive as last read, and imports.

:class:`CommunityModel` reads the community archive on the broker on a worker thread (the GUI
never waits on the network) and brings the result back to the GUI thread through a
:class:`~kitchen_ui.ui.relay.Relay`; ``changed`` tells the view to redraw from :attr:`state`,
:attr:`listing` and :attr:`problem`. Importing writes into the kitchen's library on the GUI
thread (the library is used from that thread only), with where the recipe came from.
A broker that cannot be reached is tried again every :data:`RETRY_S` seconds.
"""

from __future__ import annotations

import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, QTimer, Signal

from ...mqtt.archive import Listing, SharedRecipe
from ...mqtt.broker import BrokerLogin
from ...mqtt.topics import Topics
from ...storage.library import KitchenLibrary
from ...storage.provenance import Imported, Provenance, import_with_provenance, recipe_for_share
from ..relay import Relay

RETRY_S = 30
IDLE, LOADING, READY, UNREACHABLE = "idle", "loading", "ready", "unreachable"


def _fetch(login: BrokerLogin, topics: Topics) -> Listing:
    from ...mqtt.archive_client import fetch_listing
    return fetch_listing(login, topics)


class CommunityModel(QObject):
    changed = Signal()
    imported = Signal(object)           # Imported

    def __init__(self, library: KitchenLibrary, login: BrokerLogin, topics: Topics, *,
                 fetch: Callable[[BrokerLogin, Topics], Listing] = _fetch, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library, self.login, self.topics = library, login, topics
        self._fetch = fetch
        self.state = IDLE
        self.listing = Listing()
        self.problem = ""               # why the broker could not be read
        self.worker_threads: list[int] = []     # where each read ran (never the GUI thread)
        self._relay = Relay(self)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_S * 1000)
        self._retry.timeout.connect(self.refresh)

    @property
    def broker(self) -> str:
        return str(self.login.address)

    def refresh(self) -> None:
        """Read the archive again (once at a time), off the GUI thread."""
        if self.state == LOADING:
            return
        self._retry.stop()
        self.state = LOADING
        self.changed.emit()
        threading.Thread(target=self._read, name="hearth-community", daemon=True).start()

    def _read(self) -> None:
        self.worker_threads.append(threading.get_ident())
        try:
            listing = self._fetch(self.login, self.topics)
        except Exception as exc:  # noqa: BLE001 - whatever the network says, the tab says it and retries
            why = getattr(exc, "reason", "") or str(exc) or type(exc).__name__
            if getattr(exc, "login_refused", False):
                why = f"{why} (--username, --password-file)"
            self._relay.post(self._failed, why)
            return
        self._relay.post(self._loaded, listing)

    def _loaded(self, listing: Listing) -> None:
        self.listing, self.state, self.problem = listing, READY, ""
        self.changed.emit()

    def _failed(self, why: str) -> None:
        self.state, self.problem = UNREACHABLE, why
        self._retry.start()
        self.changed.emit()

    def local_id(self, shared: SharedRecipe) -> int | None:
        """The library's id of a share already imported here."""
        return recipe_for_share(self.library.kdb, shared.uid)

    def import_share(self, shared: SharedRecipe) -> Imported:
        where = Provenance(uid=shared.uid, author=shared.author, licence=shared.licence, kitchen=shared.kitchen,
                           shared_at=shared.shared_at, broker=self.broker)
        done = import_with_provenance(self.library, shared.recipe, where)
        self.imported.emit(done)
        return done

    def close(self) -> None:
        self._retry.stop()
        self._relay.close()

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"CommunityModel({self.broker}, {self.state}, {len(self.listing.shared)} shared)"


def attach(kitchen: Any, login: BrokerLogin, topics: Topics) -> Any:
    """Give the kitchen's Recipes page its Community tab; returns the page (a view of the model)."""
    from .community_view import CommunityPage
    model = CommunityModel(kitchen.library, login, topics, parent=kitchen)
    page = CommunityPage(model)
    kitchen.community = page
    kitchen.library_page.add_tab(page)
    return page
