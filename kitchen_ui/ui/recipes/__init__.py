"""The recipes in the dashboard: library, recipe view, cooking view, history, alerts, recording.

Qt views over the Qt-free recipe layer (:mod:`kitchen_ui.recipes`, :mod:`kitchen_ui.storage`):

* :mod:`.kitchen` — :class:`~.kitchen.Kitchen` wires it all into a :class:`MainWindow`: the
  Recipes and History pages, the cooking view in the recipe area, alerts, the session recorder
  and the offer to resume a recipe cut short.
* :mod:`.library_view` / :mod:`.recipe_view` — find a recipe (search, tags, diet, time), read it
  for any number of servings, start it.
* :mod:`.cooking_view` — the run: current step large with its countdown or heating prediction,
  parallel steps beside it, the next step, Confirm / Pause / Skip / Abort.
* :mod:`.history_view` — recorded sessions, replotted with their steps and events; CSV export.
* :mod:`.alerts` — the alert banner and the chime (tools/alert_chime.py made the WAV).
* when sessions start and end, and how a run proceeds, is :mod:`kitchen_ui.app`'s; its signals
  reach the GUI thread through :mod:`kitchen_ui.ui.relay`.
"""
