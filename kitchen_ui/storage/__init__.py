"""The kitchen database (SQLite through sqlite-utils): recipes, cooking sessions, recipe runs.

No Qt here. Modules:

* :mod:`.database` — open/create/migrate (``db/migrations``), refuse foreign or damaged files.
* :mod:`.recipes_store` — the recipe library.
* :mod:`.samples` — how telemetry samples are packed (numpy record arrays in chunks).
* :mod:`.sessions` — cooking sessions: list, load for a history plot, CSV export.
* :mod:`.recorder` — :class:`~.recorder.SessionRecorder`, which writes a stove's telemetry and
  events (and a recipe's steps) from a writer thread, flushed at least every second.
* :mod:`.runs` — recipe runs saved as they go, to resume after a crash.
* :mod:`.library` — :class:`~.library.KitchenLibrary`, the library and history for the views.
* :mod:`.profiles`, :mod:`.settings`, :mod:`.energy` — the rows of household profiles, settings
  and session energy; :mod:`kitchen_ui.diet` and :mod:`kitchen_ui.energy` give them meaning.

All of Hearth's SQL is in this package (tests/test_architecture.py checks it).
"""
