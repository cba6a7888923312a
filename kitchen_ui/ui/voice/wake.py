"""The wake phrase in the dashboard: the microphone open all the time, "hey hearth" before a command.

:class:`MicStream` is a continuous ``QAudioSource`` whose ``readyRead`` brings 16 kHz mono int16
chunks (converted and resampled when the device offers something else). :class:`WakePhrase` cuts
them into utterances on the GUI thread (cheap numpy) and hands each to a
:class:`~kitchen_ui.voice.listening.WakeListener` on :class:`~.talk.VoiceInput`'s worker thread;
a command it lets through is carried out on the GUI thread by the same ``perform`` as push-to-talk,
so the stove's safety rules are the same. A fixed-width status-bar text shows the state.

Off by default (desktop and kiosk): a false wake is worse than a missed one.
"""

from __future__ import annotations

import time
from typing import Any, Callable

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QSize, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QSizePolicy

from ...voice import audio
from ...voice.listening import RATE, WAKE_WINDOW_S, UtteranceSegmenter, WakeListener
from ..zone_card import set_text
from .microphone import open_source, to_mono_int16

translate = QCoreApplication.translate


class MicStream(QObject):
    """The default microphone, continuously: ``chunk`` brings int16 mono samples at 16 kHz."""
    chunk = Signal(object)

    def __init__(self, device: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.format, self.source = open_source(device, self)
        self.io: Any = None
        self._resampler: audio.StreamResampler | None = None
        self._rest = b""

    def start(self) -> None:
        if self.io is None:
            rate = self.format.sampleRate()
            # one resampler for the whole stream: chunk by chunk would click at every edge
            self._resampler = audio.StreamResampler(rate) if rate != RATE else None
            self._rest = b""
            self.io = self.source.start()            # push mode: readyRead as sound comes
            self.io.readyRead.connect(self._read)

    def stop(self) -> None:
        if self.io is not None:
            self.io.readyRead.disconnect(self._read)
            self.source.stop()
            self.io = None

    def _read(self) -> None:
        data = self._rest + bytes(self.io.readAll().data())
        whole = len(data) - len(data) % max(1, self.format.bytesPerFrame())    # a frame split across reads
        data, self._rest = data[:whole], data[whole:]
        samples = to_mono_int16(data, self.format)
        if self._resampler is not None and len(samples):
            samples = audio.to_int16(self._resampler.feed(samples.astype(np.float32) / 32768.0))
        if len(samples):
            self.chunk.emit(samples)


class _WidestLabel(QLabel):
    """As wide as the widest of its texts in the font it ends up with (the status bar's style
    comes after construction), and keeping that room when hidden: the kitchen timer beside it
    never moves, and no text is cut."""

    def __init__(self, texts: list[str]) -> None:
        super().__init__("")
        self.texts = texts
        policy = QSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        hint = super().sizeHint()
        widest = max(self.fontMetrics().horizontalAdvance(t) for t in self.texts)
        return QSize(widest + self.contentsMargins().left() + self.contentsMargins().right() + 16, hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return self.sizeHint()


class WakePhrase(QObject):
    """The setting, the stream and the listener. ``voice`` is the :class:`~.dashboard_voice.DashboardVoice`."""
    state_changed = Signal(str)              # off, asleep, awake

    def __init__(self, voice: Any, device: Any, why_not: str, *, stream: Callable[[Any, QObject], Any] = MicStream,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(voice)
        self.voice = voice
        self.device = device
        self.why_not = why_not                # no microphone (find_microphone's words) or no recognizer
        self._make_stream = stream
        self.clock = clock
        self.stream: Any = None
        self.segmenter = UtteranceSegmenter()
        self.listener: WakeListener | None = None          # made on the worker thread, used only there
        self.wanted = voice.settings.wake_on(voice.kiosk is not None) and not why_not
        self.state = "off"
        self._lapse = QTimer(self)                          # "say a command…" shown no longer than the window
        self._lapse.setSingleShot(True)
        self._lapse.setInterval(int(WAKE_WINDOW_S * 1000))
        self._lapse.timeout.connect(lambda: self._show("asleep") if self.state == "awake" else None)
        self.label = _WidestLabel([self._words(s) for s in ("asleep", "awake")])
        self.label.setObjectName("WakeState")
        voice.window.status.addPermanentWidget(self.label)
        self.menu_action: QAction | None = None
        self.update()

    # -- the setting ----------------------------------------------------------------------------------
    @property
    def on(self) -> bool:
        return self.state != "off"

    def set_on(self, on: bool) -> None:
        """Remember the choice; it listens only while voice is on and there is a microphone."""
        self.wanted = bool(on) and not self.why_not
        self.voice.settings.set_wake_on(self.voice.kiosk is not None, self.wanted)
        self.voice.settings.sync()
        self.update()

    def update(self) -> None:
        """Listen, or stop listening, as the setting and voice's own setting say."""
        listen = self.wanted and self.voice.on and not self.why_not
        if listen and self.stream is None:
            self.stream = self._make_stream(self.device, self)
            self.stream.chunk.connect(self.feed)
            self.stream.start()
            self._show("asleep")
        elif not listen and self.stream is not None:
            self.stream.stop()
            self.stream.chunk.disconnect(self.feed)
            self.stream = None
            self.segmenter = UtteranceSegmenter()
            self._show("off")
        elif not listen:
            self._show("off")
        a = self.menu_action
        if a is not None:
            a.setEnabled(self.voice.on and not self.why_not)
            a.blockSignals(True)
            a.setChecked(self.wanted)
            a.blockSignals(False)

    def add_menu_action(self, menu: Any, actions: dict[str, QAction]) -> None:
        """In the Stove menu, after the voice action; without a microphone it is greyed and says why."""
        words = translate("Voice", "Wake phrase: “hey hearth”")
        if self.why_not:
            words = translate("Voice", "Wake phrase: “hey hearth” ({0})").format(self.why_not)
        a = QAction(words, self.voice.window)
        a.setCheckable(True)
        a.setStatusTip(translate("Voice", "Listen all the time; act only on a command after “hey hearth”"))
        a.toggled.connect(self.set_on)
        menu.addAction(a)
        actions["wake"] = a
        self.menu_action = a
        self.update()

    # -- sound to command -----------------------------------------------------------------------------
    def feed(self, samples: np.ndarray) -> None:
        """A chunk from the stream: complete utterances go to the worker thread, with when they ended."""
        for utterance in self.segmenter.feed(samples):
            if self.voice.talk.state != "idle":
                continue                     # the cook is holding the talk button: that path has the sound
            self.voice.input.run(self._hear, utterance, self.clock())

    def _hear(self, recognizer: Any, utterance: np.ndarray, at: float) -> None:
        """On the worker thread: the listener's recognizer calls, in order."""
        if not hasattr(recognizer, "hear_wake"):
            self.voice.input.later(self._cannot, translate(
                "Voice", "the recognizer cannot hear the wake phrase (it has no hear_wake)"))
            return
        if self.listener is None:
            self.listener = WakeListener(recognizer, self.voice.input.act_later, clock=self.clock,
                                         on_state=lambda s: self.voice.input.later(self._woke, s))
        self.listener.hear(utterance, at)

    def _cannot(self, why: str) -> None:
        """Stop listening for this session and say why (the setting is kept for a recognizer that can)."""
        if self.why_not:
            return
        self.why_not = why
        self.voice.window.notices.notify(
            translate("Voice", "Wake phrase off: {0}").format(why), "error", key="voice")
        self.update()

    def _woke(self, state: str) -> None:
        if self.on:
            self._show(state)

    def _show(self, state: str) -> None:
        if state == self.state:
            return
        self.state = state
        if state == "awake":
            self._lapse.start()
        set_text(self.label, self._words(state))
        self.label.setVisible(state != "off")
        self.state_changed.emit(state)

    @staticmethod
    def _words(state: str) -> str:
        if state == "awake":
            return translate("Voice", "Say a command…")
        if state == "asleep":
            return translate("Voice", "Say “hey hearth”")
        return ""

    def close(self) -> None:
        self._lapse.stop()
        if self.stream is not None:
            self.stream.stop()
            self.stream = None
