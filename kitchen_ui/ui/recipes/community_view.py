"""The Community tab of the Recipes page: what other kitchens have shared on the broker.

Left, the shared recipes (title, who, which kitchen, licence, the story's first words); right,
the one chosen with its whole story and **Import**. Above them one line says how things stand:
looking, how many are shared (and how many were rejected as broken or unsafe), none yet, or that
the broker cannot be reached and why, with **Retry** (it also retries by itself). Everything is
drawn from the :class:`~.community_model.CommunityModel`; every text from the broker is shown as
plain text, never as rich text.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QStackedWidget, QVBoxLayout, QWidget,
)

from ...mqtt.archive import SharedRecipe
from ...storage.provenance import Imported
from ..zone_card import set_text
from .community_model import LOADING, READY, RETRY_S, UNREACHABLE, CommunityModel
from .recipe_view import servings_text, touch_scrolling, vertical_scroll

translate = QCoreApplication.translate


def _plain(text: str = "", name: str = "") -> QLabel:
    lab = QLabel(text)
    lab.setTextFormat(Qt.TextFormat.PlainText)       # a share's words are never markup
    lab.setWordWrap(True)
    if name:
        lab.setObjectName(name)
    return lab


def row_text(s: SharedRecipe) -> str:
    who = " · ".join(x for x in (s.author, s.kitchen, s.licence) if x)
    return f"{s.title}\n{who}\n{s.excerpt(90)}".rstrip()


class CommunityPage(QWidget):
    def __init__(self, model: CommunityModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.tab_title = translate("CommunityPage", "Community")
        self.shown: list[SharedRecipe] = []
        self.chosen: SharedRecipe | None = None

        self.status = _plain("", "Hint")
        self.refresh_button = QPushButton(translate("CommunityPage", "Refresh"))
        self.refresh_button.clicked.connect(model.refresh)
        self.corner = QWidget()            # the Recipes page shows it beside its tab buttons
        top = QHBoxLayout(self.corner)
        top.setContentsMargins(8, 0, 0, 0)
        top.setSpacing(8)
        top.addWidget(self.status, 1)
        top.addWidget(self.refresh_button)

        self.list = QListWidget()
        self.list.setObjectName("RecipeList")
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setWordWrap(True)
        touch_scrolling(self.list)
        self.list.currentRowChanged.connect(self._on_row)

        self.detail = QFrame()
        self.detail.setObjectName("Panel")
        self.title = _plain("", "RecipeTitle")
        self.meta = _plain("", "StepMeta")
        self.facts = _plain("")
        self.story = _plain("")
        story_box = QWidget()
        sl = QVBoxLayout(story_box)
        sl.setContentsMargins(0, 0, 0, 0)
        sl.addWidget(self.facts)
        sl.addWidget(self.story)
        sl.addStretch(1)
        self.import_button = QPushButton(translate("CommunityPage", "Import"))
        self.import_button.setObjectName("Primary")
        self.import_button.clicked.connect(self._import)
        self.result = _plain("", "Hint")
        dl = QVBoxLayout(self.detail)
        dl.setContentsMargins(12, 10, 12, 10)
        dl.setSpacing(6)
        dl.addWidget(self.title)
        dl.addWidget(self.meta)
        dl.addWidget(vertical_scroll(story_box), 1)
        dl.addWidget(self.result)
        dl.addWidget(self.import_button)

        self.content = QWidget()
        cols = QHBoxLayout(self.content)
        cols.setContentsMargins(0, 0, 0, 0)
        cols.setSpacing(10)
        cols.addWidget(self.list, 4)
        cols.addWidget(self.detail, 5)
        # nothing to list (unreachable, none shared yet, the first look): said large, in its place
        self.notice = QFrame()
        self.notice.setObjectName("Panel")
        self.notice_text = _plain("", "Section")
        self.notice_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.retry_button = QPushButton(translate("CommunityPage", "Try again now"))
        self.retry_button.setObjectName("Primary")
        self.retry_button.clicked.connect(model.refresh)
        nl = QVBoxLayout(self.notice)
        nl.setContentsMargins(24, 24, 24, 24)
        nl.addStretch(1)
        nl.addWidget(self.notice_text)
        nl.addWidget(self.retry_button, 0, Qt.AlignmentFlag.AlignHCenter)
        nl.addStretch(1)
        self.body = QStackedWidget()
        self.body.addWidget(self.content)
        self.body.addWidget(self.notice)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.body, 1)
        model.changed.connect(self.redraw)
        model.library.recipes_changed.connect(self._show_chosen)
        self.redraw()

    # -- drawing from the model ----------------------------------------------------------------------
    def redraw(self) -> None:
        m = self.model
        set_text(self.status, self.status_words())
        self.refresh_button.setVisible(m.state != UNREACHABLE)     # the notice has its own button then
        self.refresh_button.setEnabled(m.state != LOADING)
        self.retry_button.setVisible(m.state == UNREACHABLE)
        if m.state == LOADING and self.shown:
            return                        # the last list stays while it is read again
        keep = self.chosen.uid if self.chosen is not None else None
        self.shown = list(m.listing.shared) if m.state == READY else []
        self.list.blockSignals(True)
        self.list.clear()
        for s in self.shown:
            QListWidgetItem(row_text(s), self.list)
        self.list.blockSignals(False)
        row = next((i for i, s in enumerate(self.shown) if s.uid == keep), 0 if self.shown else -1)
        self.chosen = None
        if row >= 0:
            self.list.setCurrentRow(row)
            self._on_row(row)
        self._show_chosen()
        set_text(self.notice_text, "" if self.shown else self.notice_words())
        self.body.setCurrentWidget(self.content if self.shown else self.notice)

    def notice_words(self) -> str:
        m = self.model
        if m.state == UNREACHABLE:
            return translate("CommunityPage", "The community archive cannot be reached.\n{0}: {1}\n"
                                              "Hearth tries again every {2} s.").format(m.broker, m.problem, RETRY_S)
        if m.state == READY:
            return translate("CommunityPage", "No kitchen has shared a recipe here yet.\nShare one of yours "
                                              "with: kitchen-ui recipes share ID --broker {0}").format(m.broker)
        return translate("CommunityPage", "Looking at the community archive…")

    def status_words(self) -> str:
        m = self.model
        if m.state == LOADING:
            return translate("CommunityPage", "Looking at the community archive on {0}…").format(m.broker)
        if m.state == UNREACHABLE:
            return translate("CommunityPage", "Cannot reach {0}").format(m.broker)
        if m.state != READY:
            return translate("CommunityPage", "The community archive on {0}.").format(m.broker)
        n, bad = len(m.listing.shared), len(m.listing.rejected)
        if n == 0:
            words = translate("CommunityPage", "Nothing shared on {0} yet").format(m.broker)
        else:
            words = translate("CommunityPage", "Recipes shared on {1}: {0}").format(n, m.broker)
        if bad:
            words += " " + translate("CommunityPage", "(rejected as broken or unsafe: {0})").format(bad)
        return words

    def _on_row(self, row: int) -> None:
        self.chosen = self.shown[row] if 0 <= row < len(self.shown) else None
        set_text(self.result, "")
        self._show_chosen()

    def _show_chosen(self) -> None:
        s = self.chosen
        self.detail.setVisible(s is not None)
        if s is None:
            return
        r = s.recipe
        set_text(self.title, s.title)
        set_text(self.meta, translate("CommunityPage", "Shared by {0} from {1} on {2} · licence {3}").format(
            s.author, s.kitchen, s.shared_at[:10], s.licence))
        set_text(self.facts, translate("CommunityPage", "{0} · {1} ingredients · {2} steps").format(
            servings_text(r.servings), len(r.ingredients), len(r.steps)))
        story = r.story.text + (f"\n— {r.story.origin}" if r.story.origin else "")
        set_text(self.story, story or translate("CommunityPage", "No story came with it."))
        here = self.model.local_id(s)
        self.import_button.setEnabled(here is None)
        set_text(self.import_button, translate("CommunityPage", "Import") if here is None
                 else translate("CommunityPage", "In your library (#{0})").format(here))

    # -- the cook's action ---------------------------------------------------------------------------
    def _import(self) -> None:
        if self.chosen is None:
            return
        from ...recipes.model import RecipeError
        from ...storage.database import DatabaseError
        try:
            done = self.model.import_share(self.chosen)
        except (RecipeError, DatabaseError, OSError) as exc:
            set_text(self.result, translate("CommunityPage", "Not imported: {0}").format(exc))
            return
        set_text(self.result, self.import_words(done))
        self._show_chosen()

    @staticmethod
    def import_words(done: Imported) -> str:
        if done.how == "identical":
            return translate("CommunityPage", "“{0}” is already in your library, word for word (#{1}).").format(
                done.title, done.id)
        if done.how == "already":
            return translate("CommunityPage", "“{0}” is already in your library (#{1}).").format(done.title, done.id)
        return translate("CommunityPage", "“{0}” is in your library now (#{1}), with where it came from.").format(
            done.title, done.id)

    def showEvent(self, ev) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(ev)
        if self.model.state not in (LOADING, UNREACHABLE):
            self.model.refresh()          # what is shared changes; a failed read retries on its timer
