"""Recipes that cook: the plan (model), the cook's assistant (engine) and the ways in and out.

No Qt here. The dashboard's views bind to the psygnal signals and plain snapshots documented in
:mod:`kitchen_ui.recipes.engine`; everything touches the stove only through
:class:`kitchen_ui.core.stove.Stove`.

Modules:

* :mod:`.model` — ``Recipe``, ``Pot``, ``Step``, ``Setting`` … with validation and the project's
  JSON format (``to_dict``/``from_dict``); :mod:`.fields` reads and checks its fields.
* :mod:`.vocabulary` — the 14 EU allergen ids and the diets (checked parsing); :mod:`.dietary` is
  a recipe author's word on them. Profiles, the ingredient table and filters use the same ids.
* :mod:`.zones` — maps a recipe's pots (zone roles such as ``"large"``) to a stove's zones.
* :mod:`.predict` — heating-rate observer that predicts when a zone reaches its target.
* :mod:`.engine` — runs a recipe on the injected clock; start/pause/resume/skip/back/abort.
  :mod:`.step_flow` (the step life cycle) and :mod:`.zone_control` (commands, and noticing a
  cook's hand) are its parts; :mod:`.run_state` and :mod:`.run_view` are what it shows and saves.
* :mod:`.trial` — ``recipes try``: a recipe on a fresh simulated stove, as fast as possible.
* :mod:`.interchange` / :mod:`.ingredients` / :mod:`.scrape` — JSON, schema.org JSON-LD and web pages.
* :mod:`.archive` — the starter recipes shipped in ``resources/recipes``.
"""
