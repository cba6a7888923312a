"""The cooking view: the recipe being cooked, in the recipe area of the dashboard.

It binds to the engine's :class:`~kitchen_ui.recipes.run_state.RunView`. The current step is
large: what to do, on which pot and zone, its countdown in big numerals, or while its zone heats
the temperature and the prediction ("boils in ~3:40"), or what the cook must confirm. Steps that
run beside it (a second pot) are shown too, smaller; tapping one makes it the current step.
Below: the next step, then Confirm / Pause / Skip / Abort, touch-sized; Abort asks first and says
what it does. A paused run says why in a bar above the steps.

The view never calls the engine: it emits requests, and the kitchen decides.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget,
)

from ...recipes.predict import format_eta
from ...recipes.run_state import ActiveStep, Phase, RunStatus, RunView
from .. import text
from ..own_words import setting_words
from ..theme import Theme
from ..zone_card import set_prop, set_text
from .button_row import ButtonRow
from .recipe_view import vertical_scroll

translate = QCoreApplication.translate
FLASH_MS = 400
FLASH_TIMES = 16


def asks(step: ActiveStep) -> bool:
    return step.phase in (Phase.PROMPT, Phase.FINISHING)


def urgency(step: ActiveStep) -> tuple:
    """Which active step matters most now: one waiting for the cook, then the nearest timer."""
    if asks(step):
        return (0, step.index)
    if step.phase is Phase.RUNNING and step.remaining_s is not None:
        return (1, step.remaining_s)
    if step.phase is Phase.HEATING:
        return (2, step.eta_s if step.eta_s is not None else 1e9)
    return (3, step.index)


def big_and_state(s: ActiveStep) -> tuple[str, str]:
    """The big numerals and the line under them for one step."""
    if s.phase is Phase.PROMPT:
        return translate("CookingView", "Your turn"), translate("CookingView", "Waiting for you: tap Confirm to start")
    if s.phase is Phase.FINISHING:
        big = translate("CookingView", "Time is up") if s.duration_s else translate("CookingView", "Done?")
        return big, translate("CookingView", "Tap Confirm when it is done")
    if s.phase is Phase.HEATING and s.target_c is not None:
        now = text.degrees(s.temp_c)
        cooling = s.temp_c is not None and s.temp_c > s.target_c
        eta = format_eta(s.eta_s)
        if not eta:
            when = translate("CookingView", "cooling down") if cooling else translate("CookingView", "heating up")
        elif 95.0 <= s.target_c <= 101.0 and not cooling:
            when = translate("CookingView", "boils in {0}").format(eta)
        else:
            when = translate("CookingView", "there in {0}").format(eta)
        if s.remaining_s is not None:           # heating back up (resumed on a cold pan): timer held
            when += " · " + translate("CookingView", "then {0} to go").format(text.clock(s.remaining_s))
        return now, f"→ {text.setting(s.target_c)} · {when}"
    if s.remaining_s is not None:
        if s.temp_c is None:
            return text.clock(s.remaining_s), translate("CookingView", "left")
        return text.clock(s.remaining_s), translate("CookingView", "left · {0} now").format(text.degrees(s.temp_c))
    return translate("CookingView", "Now"), ""


class StepCard(QFrame):
    """One active step; tap to make it the current one."""

    tapped = Signal(int)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StepCard")
        self.theme = theme
        self.index = -1
        self.stripe = QFrame()
        self.stripe.setFixedWidth(10)
        self.meta = self._label("StepMeta")
        self.text = self._label("StepText")
        self.big = self._label("Countdown", wrap=False)
        self.state = self._label("StepState")
        # the current step: everything in one column, numerals under the text; a step beside it
        # (a second pot): the same full-width column, its numerals and state on one line under
        # the text, so its words never wrap into a narrow strip beside the numerals
        self.inner = QVBoxLayout()
        self.inner.setSpacing(2)
        for w in (self.meta, self.text, self.big, self.state):
            self.inner.addWidget(w)
        self.side_box = QWidget()               # shown only for a step beside the current one
        self.side = QHBoxLayout(self.side_box)
        self.side.setContentsMargins(0, 0, 0, 0)
        self.side.setSpacing(12)
        self.inner.addWidget(self.side_box)
        self.side_box.hide()
        self.compact = False
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 4, 10, 6)
        lay.setSpacing(10)
        lay.addWidget(self.stripe)
        lay.addLayout(self.inner, 1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_compact(self, compact: bool) -> None:
        if compact == self.compact:
            return
        self.compact = compact
        for w in (self.big, self.state):
            (self.inner if compact else self.side).removeWidget(w)
        self.side_box.setVisible(compact)
        if compact:
            self.side.addWidget(self.big, 0)
            self.side.addWidget(self.state, 1)
        else:
            self.inner.insertWidget(2, self.big)
            self.inner.insertWidget(3, self.state)
        for w in (self.big, self.state):
            w.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    @staticmethod
    def _label(name: str, wrap: bool = True) -> QLabel:
        lab = QLabel("")
        lab.setObjectName(name)
        lab.setWordWrap(wrap)
        lab.setTextFormat(Qt.TextFormat.PlainText)
        return lab

    def show_step(self, s: ActiveStep, current: bool) -> None:
        self.index = s.index
        colour = self.theme.zone_color(s.zone) if s.zone is not None else self.theme.c("border")
        self.stripe.setStyleSheet(f"background: {colour}; border: none; border-radius: 4px;")
        setting = text.temps_in_text(setting_words(s.setting)) if s.setting else ""
        where = [x for x in (s.pot_label, s.zone_name, setting) if x]
        set_text(self.meta, translate("CookingView", "Step {0}").format(s.index + 1)
                 + (" · " + " · ".join(where) if where else ""))
        set_text(self.text, s.text)
        big, state = big_and_state(s)
        set_text(self.big, big)
        set_text(self.state, state)
        self.state.setVisible(bool(state))
        self.set_compact(not current)
        set_prop(self, "current", current)
        set_prop(self.text, "compact", not current)
        set_prop(self.big, "compact", not current or not big[:1].isdigit())   # numerals large, words less

    def mouseReleaseEvent(self, ev) -> None:  # noqa: N802 (Qt naming)
        if ev.button() == Qt.MouseButton.LeftButton:
            self.tapped.emit(self.index)
        super().mouseReleaseEvent(ev)


def _button(label: str, name: str = "", tip: str = "") -> QPushButton:
    b = QPushButton(label)
    if name:
        b.setObjectName(name)
    b.setToolTip(tip)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return b


class CookingView(QWidget):
    confirm_requested = Signal(int)       # step index
    pause_requested = Signal()
    resume_requested = Signal()
    skip_requested = Signal(int)          # step index
    abort_requested = Signal()            # the cook said yes to "abort?"
    close_requested = Signal()            # the finished run's view may go

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.view: RunView | None = None
        self.chosen: int | None = None        # the step the cook tapped, while it is active
        self.order: list[ActiveStep] = []
        self.cards: list[StepCard] = []
        self._flash_index: int | None = None
        self._flash_left = 0
        self._flash_on = False

        self.progress = QLabel("")
        self.progress.setObjectName("Progress")
        self.paused_bar = QFrame()
        self.paused_bar.setObjectName("PausedBar")
        self.paused_label = QLabel("")
        self.paused_label.setWordWrap(True)
        QHBoxLayout(self.paused_bar).addWidget(self.paused_label)
        self.done_bar = QFrame()
        self.done_bar.setObjectName("DoneBar")
        self.done_label = QLabel("")
        self.done_label.setWordWrap(True)
        self.close_button = _button(translate("CookingView", "Close"),
                                    tip=translate("CookingView", "Put the recipe away"))
        dl = QVBoxLayout(self.done_bar)
        dl.addWidget(self.done_label)
        dl.addWidget(self.close_button)
        self.close_button.clicked.connect(self.close_requested)

        self.card_box = QVBoxLayout()
        self.card_box.setSpacing(8)
        self.card_box.setContentsMargins(0, 0, 4, 0)
        holder = QWidget()
        outer = QVBoxLayout(holder)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.card_box)
        outer.addStretch(1)
        self.scroll = vertical_scroll(holder)
        self.next_label = QLabel("")
        self.next_label.setObjectName("NextStep")
        self.next_label.setWordWrap(True)
        self.message = QLabel("")
        self.message.setObjectName("Hint")
        self.message.setWordWrap(True)
        self.message.hide()

        self.confirm_button = _button(translate("CookingView", "Confirm"), "Primary",
                                      translate("CookingView", "Start the step waiting for you, or say it is done"))
        self.pause_button = _button(translate("CookingView", "Pause"),
                                    tip=translate("CookingView", "Stop the timers; the recipe stops setting the zones"))
        self.skip_button = _button(translate("CookingView", "Skip"),
                                   tip=translate("CookingView", "End the current step now"))
        self.abort_button = _button(translate("CookingView", "Abort"), "Danger",
                                    translate("CookingView", "Stop the recipe and switch its zones off"))
        self.confirm_button.clicked.connect(self._confirm)
        self.pause_button.clicked.connect(self._pause_or_resume)
        self.skip_button.clicked.connect(self._skip)
        self.abort_button.clicked.connect(self.ask_abort)
        self.controls = ButtonRow(
            [self.confirm_button, self.pause_button, self.skip_button, self.abort_button],
            {self.pause_button: [translate("CookingView", "Pause"), translate("CookingView", "Resume")]})

        self.abort_box = QWidget()
        self.abort_question = QLabel(translate("CookingView", "Abort the recipe? Its zones switch off."))
        self.abort_question.setWordWrap(True)
        self.abort_yes = _button(translate("CookingView", "Yes, abort"), "DangerYes")
        self.abort_no = _button(translate("CookingView", "Keep cooking"))
        self.abort_yes.clicked.connect(self._abort_yes)
        self.abort_no.clicked.connect(self.cancel_abort)
        al = QVBoxLayout(self.abort_box)
        al.setContentsMargins(0, 0, 0, 0)
        al.addWidget(self.abort_question)
        ar = QHBoxLayout()
        ar.addWidget(self.abort_yes)
        ar.addWidget(self.abort_no)
        al.addLayout(ar)
        self.abort_box.hide()

        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(6)
        lay.addWidget(self.progress)
        lay.addWidget(self.paused_bar)
        lay.addWidget(self.done_bar)
        lay.addWidget(self.scroll, 1)
        lay.addWidget(self.next_label)
        lay.addWidget(self.message)
        lay.addWidget(self.controls)
        lay.addWidget(self.abort_box)
        self.paused_bar.hide()
        self.done_bar.hide()

        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self._flash_tick)

    # -- drawing ---------------------------------------------------------------------------------
    @property
    def current(self) -> ActiveStep | None:
        return self.order[0] if self.order else None

    def show_view(self, view: RunView) -> None:
        self.view = view
        active = list(view.active)
        if self.chosen is not None and not any(s.index == self.chosen for s in active):
            self.chosen = None
        first = next((s for s in active if s.index == self.chosen), None) or min(active, key=urgency, default=None)
        self.order = ([first] if first else []) + [s for s in active if first is None or s.index != first.index]
        while len(self.cards) < len(self.order):
            card = StepCard(self.theme)
            card.tapped.connect(self.choose)
            self.cards.append(card)
            self.card_box.addWidget(card)
        for i, card in enumerate(self.cards):
            if i < len(self.order):
                card.show_step(self.order[i], current=(i == 0))
                card.show()
            else:
                card.hide()
        done = view.steps_done
        progress = translate("CookingView", "{0} of {1} steps done").format(done, view.steps_total)
        if len(self.order) > 1:
            progress += " · " + translate("CookingView", "{0} at once").format(len(self.order))
        set_text(self.progress, progress)
        finished = view.status.finished
        nxt = view.next[0][1] if view.next and not finished else ""      # nothing comes next once it is over
        set_text(self.next_label, translate("CookingView", "Next: {0}").format(nxt) if nxt else "")
        self.next_label.setVisible(bool(nxt))
        paused = view.status is RunStatus.PAUSED
        reason = text.temps_in_text(view.paused_reason) if view.paused_reason else \
            translate("CookingView", "tap Resume to carry on")
        set_text(self.paused_label, translate("CookingView", "PAUSED — {0}").format(reason))
        self.paused_bar.setVisible(paused)
        if finished:
            words = (translate("CookingView", "✓ {0} is ready. Enjoy!").format(view.title)
                     if view.status is RunStatus.COMPLETED
                     else translate("CookingView", "{0}: aborted. The zones it used are off.").format(view.title))
            set_text(self.done_label, words)
            self.abort_box.hide()
        self.done_bar.setVisible(finished)
        self.scroll.setVisible(not finished)
        self.controls.setVisible(not finished and not self.abort_box.isVisible())
        running = view.status is RunStatus.RUNNING
        set_text(self.pause_button, translate("CookingView", "Resume") if paused else translate("CookingView", "Pause"))
        set_prop(self.pause_button, "current", paused)
        self.pause_button.setEnabled(running or paused)
        self.confirm_button.setEnabled(running and any(asks(s) for s in self.order))
        self.skip_button.setEnabled(running and bool(self.order))
        self.abort_button.setEnabled(not finished)
        self._restyle_flash()

    def choose(self, index: int) -> None:
        """Make step ``index`` the current (large) one."""
        self.chosen = index
        if self.view is not None:
            self.show_view(self.view)

    def show_message(self, words: str) -> None:
        set_text(self.message, words)
        self.message.setVisible(bool(words))

    def set_after(self, widget: QWidget) -> None:
        """What a finished run used (:mod:`kitchen_ui.ui.diet`): in the steps' place, under the
        'ready' bar; the widget shows and hides itself."""
        lay = self.layout()
        lay.insertWidget(lay.indexOf(self.scroll) + 1, widget, 1)

    # -- flashing a step that needs the cook ------------------------------------------------------
    def flash_step(self, index: int | None) -> None:
        if index is None:
            return
        self._flash_index, self._flash_left, self._flash_on = index, FLASH_TIMES, True
        self._flash_timer.start()
        self._restyle_flash()

    def flashing_card(self) -> StepCard | None:
        return next((c for c in self.cards if not c.isHidden() and c.property("flash")), None)

    def _flash_tick(self) -> None:
        self._flash_left -= 1
        self._flash_on = not self._flash_on
        if self._flash_left <= 0:
            self._flash_timer.stop()
            self._flash_index = None
        self._restyle_flash()

    def _restyle_flash(self) -> None:
        for card in self.cards:
            set_prop(card, "flash", self._flash_index is not None and card.index == self._flash_index
                     and self._flash_on and not card.isHidden())

    # -- requests ----------------------------------------------------------------------------------
    def _confirm(self) -> None:
        target = next((s for s in self.order if asks(s)), None)
        if target is not None:
            self.confirm_requested.emit(target.index)

    def _pause_or_resume(self) -> None:
        if self.view is not None and self.view.status is RunStatus.PAUSED:
            self.resume_requested.emit()
        else:
            self.pause_requested.emit()

    def _skip(self) -> None:
        if self.current is not None:
            self.skip_requested.emit(self.current.index)

    def ask_abort(self) -> None:
        self.controls.hide()
        self.abort_box.show()

    def cancel_abort(self) -> None:
        self.abort_box.hide()
        self.controls.setVisible(self.view is None or not self.view.status.finished)

    def _abort_yes(self) -> None:
        self.abort_box.hide()
        self.abort_requested.emit()
