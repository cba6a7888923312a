"""Nutrition per serving from USDA figures (no Qt).

* :mod:`.table` — the ingredient table (resources/nutrition/foods.csv) and name matching.
* :mod:`.units` — amounts to grams (weights, volumes by density, pieces by USDA weights).
* :mod:`.parse` — free-text ingredient lines via ingredient-slicer.
* :mod:`.calc` — :func:`~.calc.recipe_nutrition`: per serving, coverage, what was not counted.
"""
