"""The kitchen: N named stoves sharing one kitchen database and recipe library.

The dashboard shows one stove for now and ``cook`` drives one, but nothing here assumes one:
each :class:`~.stove_app.StoveApp` has its own recording, energy and runs.
"""

from __future__ import annotations

from typing import Any

from ..storage.database import KitchenDB
from ..storage.library import KitchenLibrary
from .feed import StoveSource
from .relay import Post
from .stove_app import StoveApp


class Kitchen:
    def __init__(self, kdb: KitchenDB, post: Post) -> None:
        self.kdb = kdb
        self.post = post
        self.library = KitchenLibrary(kdb)
        self.stoves: dict[str, StoveApp] = {}

    def add_stove(self, name: str, source: StoveSource, **options: Any) -> StoveApp:
        if name in self.stoves:
            raise ValueError(f"the kitchen already has a stove named {name!r}")
        app = self.stoves[name] = StoveApp(name, source, self.kdb, self.post, **options)
        return app

    def stove(self, name: str) -> StoveApp:
        try:
            return self.stoves[name]
        except KeyError:
            raise KeyError(f"no stove named {name!r} (the kitchen has {', '.join(self.stoves) or 'none'})") from None

    def close(self) -> None:
        for app in self.stoves.values():
            app.close()
