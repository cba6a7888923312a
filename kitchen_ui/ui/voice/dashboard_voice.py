"""Voice in the dashboard: steps, alerts and prompts read aloud, push to talk, the voice setting.

:class:`DashboardVoice` joins the window's kitchen when it comes (its database may open late):
what the run does goes through a :class:`~kitchen_ui.voice.phrases.Narrator` to the
:class:`~.speaker.Speaker`; a push-to-talk button sits at the right of the cooking view's
progress line and, in the kiosk, in the header beside Settings (a square microphone: the
header's room is the notices'); no notice moves either. What
is heard is carried out by :class:`~kitchen_ui.app.voice.VoiceActions`, spoken back and shown in
the header's notices. The kitchen timer ("timer 5 minutes") counts down in the status bar and
rings with the recipe alerts' banner and chime, and is said.

The setting (on by default in the kiosk, off on the desktop) switches both speech and the
buttons; in the kiosk it is in the PIN-guarded settings panel, on the desktop in the Stove menu.
Beside it, while voice is on, the wake phrase ("hey hearth", :mod:`.wake`; off by default).
"""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel

from ...app.voice import Reply, VoiceActions
from ...recipes.run_state import RunAlert, RunStatus, RunView
from ...voice.commands import VoiceCommand
from ...voice.phrases import Narrator
from .. import text
from ..settings import AppSettings
from ..zone_card import set_text
from .microphone import Microphone, find_microphone
from .speaker import Speaker
from .talk import PushToTalk, VoiceInput, default_recognizer
from .wake import MicStream, WakePhrase

translate = QCoreApplication.translate
TIMER_TICK_MS = 250


def speech_lang(lang: str | None) -> str:
    code = (lang or "en").replace("-", "_").split("_")[0].lower()
    return code if code in ("en", "de") else "en"


class DashboardVoice(QObject):
    def __init__(self, window: Any, settings: AppSettings, *, kiosk: Any = None, lang: str | None = None,
                 speaker: Speaker | None = None, microphone: Any = find_microphone, recorder: Any = Microphone,
                 recognizer: Any = default_recognizer, clock: Any = time.monotonic, stream: Any = MicStream) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.kiosk = kiosk
        self.lang = speech_lang(lang)
        self.on = settings.voice_on(kiosk is not None)
        self.speaker = speaker if speaker is not None else Speaker(self.lang, self)
        self.speaker.set_enabled(self.on)
        self.speaker.problem.connect(lambda words: window.notices.notify(words, "error", key="voice"))
        self.narrator = Narrator(self.lang, temps=text.temps_in_text)
        self.actions: VoiceActions | None = None        # the first stove's, where recipes run
        self._others: dict[str, VoiceActions] = {}      # other stoves' (several in one window)
        self.kitchen: Any = None
        self.input = VoiceInput(self.perform, self, recognizer=recognizer)
        self.input.heard.connect(self._heard)
        self.input.problem.connect(lambda words: window.notices.notify(words, "error", key="voice"))
        self.talk = PushToTalk(self.input, lambda: window.theme, self, microphone=microphone, recorder=recorder,
                               clock=clock)
        self.talk.unavailable.connect(lambda why: window.notices.notify(why, "info", key="voice"))
        self.cooking_button = self.talk.button()
        self.header_button = None
        if kiosk is not None:
            self.header_button = self.talk.button(compact=True)
            window.header_tools.insertWidget(0, self.header_button)
            kiosk.voice = self
        self.timer_label = QLabel("")
        self.timer_label.setObjectName("KitchenTimer")
        self.timer_label.hide()
        window.status.addPermanentWidget(self.timer_label)
        self.wake = WakePhrase(self, self.talk.device, self.talk.why_not, stream=stream, clock=clock)
        self.menu_action: QAction | None = None
        self._add_menu_action()
        self._ticker = QTimer(self)
        self._ticker.setInterval(TIMER_TICK_MS)
        self._ticker.timeout.connect(self.tick)
        if getattr(window, "kitchen", None) is not None:
            self.attach(window.kitchen)
        window.kitchen_attached.connect(self.attach)
        self._show_buttons()
        window.installEventFilter(self)          # a new scale: the buttons fit their words again
        QTimer.singleShot(0, self.talk.restyle)
        window.voice = self

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if obj is self.window and ev.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self.talk.restyle)
        return False

    # -- the kitchen ----------------------------------------------------------------------------------
    def attach(self, kitchen: Any) -> None:
        if self.kitchen is kitchen:
            return
        self.kitchen = kitchen
        st = kitchen.stove
        self.actions = VoiceActions(st, lang=self.lang, temps=text.temps_in_text)
        self.actions.failed.connect(self._show_and_say)
        self.actions.timer.rang.connect(self._timer_rang)
        self.actions.timer.changed.connect(self._show_timer)
        st.run_started.connect(lambda _engine: self.narrator.reset())
        st.changed.connect(self._on_view)
        st.alert.connect(lambda alert: self._say_all(self.narrator.on_alert(alert)))
        st.prompt.connect(lambda i, words: self._say_all(self.narrator.on_prompt(i, words)))
        st.status_changed.connect(self._on_status)
        self._place_in_cooking_view(kitchen.cooking)
        self._show_buttons()
        self._ticker.start()

    def _place_in_cooking_view(self, cooking: Any) -> None:
        """At the right of the progress line ("2 of 5 steps done"), the cooking view's first row:
        above the paused bar, the steps and the controls, so nothing that comes or goes moves it."""
        lay = cooking.layout()
        index = lay.indexOf(cooking.progress)
        lay.removeWidget(cooking.progress)
        cooking.progress.setWordWrap(True)      # beside the button it wraps rather than push it out
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(cooking.progress, 1)
        row.addWidget(self.cooking_button, 0, Qt.AlignmentFlag.AlignVCenter)
        lay.insertLayout(index, row)

    def _on_view(self, view: RunView) -> None:
        self._say_all(self.narrator.on_view(view))

    def _on_status(self, status: RunStatus) -> None:
        engine = self.kitchen.engine if self.kitchen is not None else None
        title = engine.recipe.title if engine is not None else ""
        self._say_all(self.narrator.on_status(status, title))

    def _say_all(self, phrases: list[str]) -> None:
        for p in phrases:
            self.speaker.say(p)

    def tick(self) -> None:
        """The kitchen timer moves on (a QTimer calls this; tests call it after moving the stove clock)."""
        if self.actions is not None:
            self.actions.tick()

    def _show_timer(self, remaining: float | None) -> None:
        """The kitchen timer's countdown, in the status bar while it runs."""
        if remaining is None:
            self.timer_label.hide()
            return
        set_text(self.timer_label, translate("Voice", "Timer {0}").format(text.clock(remaining)))
        self.timer_label.show()

    def _timer_rang(self, seconds: float) -> None:
        words = self.actions.timer_words(seconds) if self.actions is not None else ""
        self.kitchen.banner.show_alert(RunAlert(t=self.kitchen.clock.now(), kind="reminder", message=words))
        self.speaker.say(words)

    # -- commands -------------------------------------------------------------------------------------
    def perform(self, cmd: VoiceCommand) -> Reply | None:
        """Carry out a recognized command (the push-to-talk path ends here).

        With several stoves a zone command goes to the stove shown, as a tap would; "all off"
        ("everything off") switches off every stove; the recipe and the timer are the first
        stove's, where recipes run."""
        if self.actions is None:
            return None
        if cmd.kind == "all_off":
            others = [self._actions_of(app) for app in self.kitchen.app.stoves.values() if app is not self.kitchen.stove]
            for actions in others:
                actions.perform(cmd)
            return self.actions.perform(cmd)
        if cmd.kind in ("zone_off", "set_level"):
            return self._actions_of(self._shown_app()).perform(cmd)
        return self.actions.perform(cmd)

    def _shown_app(self) -> Any:
        shown = getattr(self.window, "shown_model", None) or self.window.model
        return next((app for app in self.kitchen.app.stoves.values() if app.source is shown), self.kitchen.stove)

    def _actions_of(self, app: Any) -> VoiceActions:
        if app is self.kitchen.stove and self.actions is not None:
            return self.actions
        actions = self._others.get(app.name)
        if actions is None:
            actions = self._others[app.name] = VoiceActions(app, lang=self.lang)
            actions.failed.connect(self._show_and_say)
        return actions

    def _heard(self, cmd: VoiceCommand, reply: Reply | None) -> None:
        if reply is None:
            return
        heard = cmd.text or cmd.kind.replace("_", " ")
        shown = translate("Voice", "Heard “{0}”: {1}").format(heard, reply.words) if cmd.is_command else reply.words
        self.window.notices.notify(shown, "info" if reply.acted else "error", key="voice")
        if self.kitchen is not None and self.kitchen.engine is not None:
            self.kitchen.cooking.show_message(shown)
        if reply.alert is not None and self.kitchen is not None:
            self.kitchen.banner.show_alert(reply.alert)
        self.speaker.say(reply.words)

    def _show_and_say(self, words: str) -> None:
        self.window.notices.notify(words, "error", key="voice")
        self.speaker.say(words)

    # -- the setting ----------------------------------------------------------------------------------
    def set_on(self, on: bool) -> None:
        self.on = bool(on)
        self.settings.set_voice_on(self.kiosk is not None, self.on)
        self.settings.sync()
        self.speaker.set_enabled(self.on)
        if self.menu_action is not None:
            self.menu_action.setChecked(self.on)
        self._show_buttons()
        self.wake.update()                     # no voice, no listening

    def _show_buttons(self) -> None:
        for b in self.talk.buttons:
            b.setVisible(self.on)

    def _add_menu_action(self) -> None:
        from ..menus import DesktopMenus
        menus = self.window.findChild(DesktopMenus)
        if menus is None:
            return
        a = QAction(translate("Voice", "&Voice: read steps aloud, listen for commands"), self.window)
        a.setCheckable(True)
        a.setChecked(self.on)
        a.toggled.connect(self.set_on)
        menus.menus[1].addAction(a)
        menus.actions["voice"] = a
        self.menu_action = a
        self.wake.add_menu_action(menus.menus[1], menus.actions)

    def close(self) -> None:
        self._ticker.stop()
        self.wake.close()
        self.input.close()
        self.speaker.close()
