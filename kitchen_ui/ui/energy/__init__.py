"""Energy in the dashboard: views over the application's meter and after-recipe figures.

* :mod:`.status` — the session's energy, live, in the status bar.
* :mod:`.after_recipe` — after a recipe: what it used, compared with earlier runs, and tips.
* :mod:`.weekly_view` — the week by day, from the History page.
"""
