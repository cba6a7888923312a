"""Under a recipe imported from the community archive: who shared it, from which kitchen, its licence.

Follows the library's recipe view (``recipe_shown``) and reads the provenance the import kept
(:mod:`kitchen_ui.storage.provenance`); hidden for the kitchen's own recipes. Shown with or
without a broker: where a recipe came from does not depend on being online.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from ...recipes.model import Recipe
from ...storage.provenance import Provenance, provenance_of
from ...storage.recipes_store import RecipeNotFound, resolve_id
from ..zone_card import set_text

translate = QCoreApplication.translate


def provenance_words(p: Provenance) -> str:
    return translate("ProvenanceNote", "From the community archive: shared by {0} from {1} on {2}, licence {3}; "
                                       "imported from {4}.").format(p.author, p.kitchen, p.shared_at[:10],
                                                                    p.licence, p.broker)


class ProvenanceNote(QLabel):
    def __init__(self, library: Any) -> None:
        super().__init__()
        self.library = library
        self.setObjectName("StepMeta")
        self.setTextFormat(Qt.TextFormat.PlainText)      # names from another kitchen are never markup
        self.setWordWrap(True)
        self.hide()

    def show_for(self, recipe: Recipe | None) -> None:
        found = None
        if recipe is not None:
            try:
                found = provenance_of(self.library.kdb, resolve_id(self.library.kdb, recipe.slug))
            except RecipeNotFound:
                found = None
        set_text(self, provenance_words(found) if found is not None else "")
        self.setVisible(found is not None)


def add_to(kitchen: Any) -> ProvenanceNote:
    """The note in the library's recipe view of ``kitchen`` (the dashboard's)."""
    note = ProvenanceNote(kitchen.library)
    view = kitchen.library_page.view
    view.add_panel(note)
    view.recipe_shown.connect(note.show_for)
    return note
