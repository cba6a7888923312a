"""Who is eating, nutrition and energy in the dashboard (Qt views over :mod:`kitchen_ui.diet`,
:mod:`kitchen_ui.nutrition` and :mod:`kitchen_ui.energy`).

* :mod:`.kitchen_diet` — :class:`~.kitchen_diet.KitchenDiet` wires it all into the kitchen.
* :mod:`.household` — profiles and who is eating now; each recipe's check, rows marked or hidden.
* :mod:`.eaters_bar` / :mod:`.profile_editor` — choosing who is eating; the household editor.
* :mod:`.warning_box` / :mod:`.allergy_gate` — the allergy warning, and the gate before a run.
* :mod:`.recipe_facts` — allergens, diets, nutrition per serving with its coverage.
* the energy views are in :mod:`kitchen_ui.ui.energy`; :mod:`.words` words figures for both.
"""
