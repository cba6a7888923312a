"""Who eats what: allergens, diets and household profiles (no Qt).

The allergen and diet ids themselves are :mod:`kitchen_ui.recipes.vocabulary`: recipe files and
the ingredient table use them too, and those sit below this package.

* :mod:`.inference` — a recipe's allergens (and the ingredients responsible) and diets, from its
  ingredients via the ingredient table, overridable by the recipe file's ``dietary`` object.
* :mod:`.profiles` — :class:`~.profiles.ProfileStore` (psygnal ``profiles_changed``).
* :mod:`.filters` — :func:`~.filters.check_recipe`: conflicts for the people eating, with the
  substitutions the archive knows. A view binds to its plain dataclasses.
"""
