"""The recipe area while nothing cooks: a way to the library, and the offer to resume a recipe
that was cut short (the app was killed, the power went) where it was, timers included.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ...storage.runs import SavedRun
from ..banners import NoteLabel
from ..zone_card import set_text

translate = QCoreApplication.translate


def _button(label: str, name: str = "") -> QPushButton:
    b = QPushButton(label)
    if name:
        b.setObjectName(name)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return b


class IdlePanel(QWidget):
    choose_requested = Signal()
    resume_requested = Signal(str)        # run id
    discard_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.saved: SavedRun | None = None
        self.hint = QLabel(translate("IdlePanel", "No recipe running. The manual controls above always work."))
        self.hint.setObjectName("Hint")
        self.hint.setWordWrap(True)
        self.choose = _button(translate("IdlePanel", "Choose a recipe…"))
        self.choose.clicked.connect(self.choose_requested)

        self.offer = QFrame()
        self.offer.setObjectName("Offer")
        # a one-line headline and the buttons come first, so that on a short screen (1024x600)
        # Resume and Discard are in view without scrolling; the whole sentence follows below
        self.offer_title = NoteLabel(lines=1)     # cut after a whole word, never widening the column
        self.offer_title.setObjectName("OfferTitle")
        self.offer_label = QLabel("")
        self.offer_label.setWordWrap(True)
        self.offer_label.setTextFormat(Qt.TextFormat.PlainText)
        self.resume = _button(translate("IdlePanel", "Resume"), "Primary")
        self.discard = _button(translate("IdlePanel", "Discard"))
        self.resume.clicked.connect(lambda: self.saved and self.resume_requested.emit(self.saved.run_id))
        self.discard.clicked.connect(lambda: self.saved and self.discard_requested.emit(self.saved.run_id))
        self.offer_note = QLabel("")
        self.offer_note.setWordWrap(True)
        ol = QVBoxLayout(self.offer)
        ol.setContentsMargins(10, 8, 10, 8)
        ol.addWidget(self.offer_title)
        row = QHBoxLayout()
        row.addWidget(self.resume, 2)
        row.addWidget(self.discard, 1)
        ol.addLayout(row)
        ol.addWidget(self.offer_label)
        ol.addWidget(self.offer_note)
        self.offer.hide()

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(8)
        lay.addWidget(self.offer)
        lay.addWidget(self.hint)
        lay.addWidget(self.choose)
        lay.addStretch(1)

    def set_offer(self, saved: SavedRun | None, can_resume: bool = True, why: str = "") -> None:
        self.saved = saved
        self.offer.setVisible(saved is not None)
        if saved is None:
            return
        if saved.current:
            words = translate("IdlePanel", "“{0}” was interrupted at {1}. Resume where it was, timers included, "
                                           "or discard it?").format(saved.title, saved.current)
        else:
            words = translate("IdlePanel", "“{0}” was interrupted. Resume where it was, timers included, "
                                           "or discard it?").format(saved.title)
        set_text(self.offer_label, words)
        set_text(self.offer_title, translate("IdlePanel", "Interrupted: {0}").format(saved.title))
        self.resume.setEnabled(can_resume)
        set_text(self.offer_note, why)
        self.offer_note.setVisible(bool(why))

