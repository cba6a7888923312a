"""Push to talk: the button, the microphone behind it, and the one path from sound to action.

:class:`VoiceInput` is that path, the same for the microphone and for a WAV file (tests, the
``hear_file`` a developer can call): the samples go to the recognizer
(``kitchen_ui.voice.recognizer.Recognizer``, the code ``kitchen-ui voice recognize`` runs) on a
worker thread, and the command it returns is carried out on the GUI thread by
:class:`~kitchen_ui.app.voice.VoiceActions`. ``heard(command, reply)`` says what was heard and done.

:class:`PushToTalk` drives every :class:`TalkButton` (one in the cooking view, one in the kiosk's
header): hold it while speaking, or tap it and speak within a few seconds. Without a microphone,
or without the recognizer, the buttons are disabled and say so.
"""

from __future__ import annotations

import importlib.util
import time
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Callable

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QPushButton, QSizePolicy

from ...voice.commands import VoiceCommand
from ..icons import icon
from ..relay import Relay
from .microphone import Microphone, find_microphone

translate = QCoreApplication.translate
TAP_MS = 350             # released sooner than this: a tap; it listens on for TAP_LISTEN_MS
TAP_LISTEN_MS = 4000
RECOGNIZER = "kitchen_ui.voice.recognizer"


def recognizer_missing() -> str:
    """Why voice commands cannot be recognized here ("" when they can)."""
    try:
        found = importlib.util.find_spec(RECOGNIZER) is not None
    except ModuleNotFoundError:
        found = False
    return "" if found else translate("Voice", "voice commands are not installed (no recognizer)")


def default_recognizer() -> Any:
    from kitchen_ui.voice.recognizer import Recognizer   # type: ignore[import-not-found]
    return Recognizer()


class VoiceInput(QObject):
    heard = Signal(object, object)       # (VoiceCommand, Reply)
    problem = Signal(str)

    def __init__(self, perform: Callable[[VoiceCommand], Any], parent: QObject | None = None, *,
                 recognizer: Callable[[], Any] = default_recognizer) -> None:
        super().__init__(parent)
        self.perform = perform
        self._make = recognizer
        self._recognizer: Any = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hearth-listen")
        self._relay = Relay(self)
        self.last_ms: float | None = None      # from the end of the sound to the action done

    def hear(self, samples: np.ndarray, rate: int) -> None:
        """Recognize ``samples`` off the GUI thread, then act on what was heard."""
        if self._relay.closed:
            return
        t0 = time.perf_counter()
        fut = self._pool.submit(self._recognize, samples, rate)
        fut.add_done_callback(lambda f: self._relay.post(self._act, f, t0))

    def warm_up(self) -> None:
        """Load the recognizer's model now, on its worker thread (about a second), not at the first command."""
        def load() -> None:
            if self._recognizer is None:
                self._recognizer = self._make()
            warm = getattr(self._recognizer, "warm_up", None)
            if warm is not None:
                warm()
        def done(f: Future) -> None:
            if not f.cancelled() and f.exception() is not None:
                self._relay.post(self.problem.emit,
                                 translate("Voice", "Voice commands failed: {0}").format(f.exception()))
        self._pool.submit(load).add_done_callback(done)

    def hear_file(self, path: str) -> None:
        """A WAV file (any rate, any channels) down the same path as the microphone's sound."""
        from ...voice.audio import read_wav
        samples, rate = read_wav(path)
        self.hear(samples, rate)

    def recognizer(self) -> Any:
        """The recognizer, made on first use (call on the worker thread only: :meth:`run` does)."""
        if self._recognizer is None:
            self._recognizer = self._make()
        return self._recognizer

    def run(self, fn: Callable[..., Any], *args: Any) -> None:
        """``fn(recognizer, *args)`` on the worker thread recognition uses (the wake listener's
        calls), one at a time, in order; an error becomes ``problem`` on the GUI thread."""
        if self._relay.closed:
            return
        def done(f: Future) -> None:
            if not f.cancelled() and f.exception() is not None:
                self._relay.post(self.problem.emit,
                                 translate("Voice", "Voice commands failed: {0}").format(f.exception()))
        def task() -> None:
            fn(self.recognizer(), *args)
            self._relay.post(self._settle_soon)         # after any action fn posted, not before it
        self._pool.submit(task).add_done_callback(done)

    def later(self, fn: Callable[..., Any], *args: Any) -> None:
        """From any thread: ``fn(*args)`` on the GUI thread (not after :meth:`close`)."""
        self._relay.post(fn, *args)

    def act_later(self, cmd: VoiceCommand) -> None:
        """From any thread: carry out ``cmd`` on the GUI thread as a push-to-talk command is."""
        t0 = time.perf_counter()
        self._relay.post(self._do, cmd, t0)

    def _recognize(self, samples: np.ndarray, rate: int) -> VoiceCommand:
        return self.recognizer().recognize(samples, rate)

    def _settle_soon(self) -> None:
        """On the GUI thread, once the command is done: settle on the worker. Not sooner: the
        decoder holds the GIL while it settles, and the action would wait for it."""
        try:
            self._pool.submit(self._settle)
        except RuntimeError:                         # closed meanwhile
            pass

    def _settle(self) -> None:
        """Ready the recognizer for the next utterance, in the quiet after this one."""
        settle = getattr(self.recognizer(), "settle", None)
        if settle is not None:
            settle()

    def _act(self, fut: Future, t0: float) -> None:
        exc = fut.exception()
        if exc is not None:
            self.problem.emit(translate("Voice", "Voice commands failed: {0}").format(exc))
            return
        self._do(fut.result(), t0)
        self._settle_soon()

    def _do(self, cmd: VoiceCommand, t0: float) -> None:
        reply = self.perform(cmd)
        self.last_ms = (time.perf_counter() - t0) * 1000.0
        self.heard.emit(cmd, reply)

    def close(self) -> None:
        self._relay.close()
        self._pool.shutdown(wait=True, cancel_futures=True)


class TalkButton(QPushButton):
    """A touch-sized button: hold (or tap) and speak."""

    def __init__(self, talk: "PushToTalk", *, compact: bool = False) -> None:
        super().__init__()
        self.setObjectName("TalkButton")
        self.compact = compact
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.talk = talk
        self.pressed.connect(talk.press)
        self.released.connect(talk.release)

    def showEvent(self, ev) -> None:  # noqa: N802 (Qt naming)
        super().showEvent(ev)
        self.talk.restyle()               # its window's style is known now: fit the words

    def set_look(self, words: str, tip: str, enabled: bool, icon_name: str, size_px: int, colour: str) -> None:
        self.setText(words)
        self.setToolTip(tip)
        self.setEnabled(enabled)
        self.setIcon(icon(icon_name, size_px, colour))
        self.setIconSize(QSize(size_px, size_px))


class PushToTalk(QObject):
    state_changed = Signal(str)          # idle, listening, thinking, unavailable
    unavailable = Signal(str)            # a tap while voice commands cannot work: why

    def __init__(self, voice_input: VoiceInput, theme: Callable[[], Any], parent: QObject | None = None, *,
                 microphone: Callable[[], tuple[Any, str]] = find_microphone,
                 recorder: Callable[[Any, QObject], Any] = Microphone,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.input = voice_input
        self.theme = theme
        self.clock = clock                   # how long the button was held: a tap or a hold
        self.buttons: list[TalkButton] = []
        device, why = microphone()
        missing = recognizer_missing() if device is not None else ""
        self.why_not = why or missing
        self.no_microphone = device is None
        self.device = device                 # the wake phrase's stream opens it too
        self.mic: Any = None
        if not self.why_not:
            self.mic = recorder(device, self)
            self.mic.finished.connect(self._recorded)
            voice_input.warm_up()
        self.state = "unavailable" if self.why_not else "idle"
        self._pressed_at = 0.0
        self._tap = QTimer(self)
        self._tap.setSingleShot(True)
        self._tap.setInterval(TAP_LISTEN_MS)
        self._tap.timeout.connect(self._stop)
        voice_input.heard.connect(lambda *_a: self._set("idle"))
        voice_input.problem.connect(lambda *_a: self._set("idle"))

    def button(self, *, compact: bool = False) -> TalkButton:
        b = TalkButton(self, compact=compact)
        self.buttons.append(b)
        self._show(b)
        return b

    # -- the button's life ---------------------------------------------------------------------------
    def press(self) -> None:
        if self.state == "unavailable":
            self.unavailable.emit(translate("Voice", "Voice commands cannot be used: {0}").format(self.why_not))
            return
        if self.mic is None or self.state != "idle":
            return
        self._pressed_at = self.clock()
        self.mic.start()
        self._set("listening")

    def release(self) -> None:
        if self.mic is None or self.state != "listening":
            return
        if (self.clock() - self._pressed_at) * 1000 < TAP_MS:
            self._tap.start()                # a tap: listen a little longer, then stop
        else:
            self._stop()

    def _stop(self) -> None:
        self._tap.stop()
        if self.mic is not None:
            self.mic.stop()

    def _recorded(self, samples: np.ndarray, rate: int) -> None:
        self._set("thinking")
        self.input.hear(samples, rate)

    def _set(self, state: str) -> None:
        if self.state == "unavailable" or state == self.state:
            return
        self.state = state
        for b in self.buttons:
            self._show(b)
        self.state_changed.emit(state)

    def restyle(self) -> None:
        for b in self.buttons:
            self._show(b)

    def _show(self, b: TalkButton) -> None:
        theme = self.theme()
        size = theme.px("small_font") + 8
        touch = theme.px("touch")
        b.setMinimumHeight(touch)
        if self.state == "unavailable":
            why = translate("Voice", "Voice commands cannot be used: {0}").format(self.why_not)
            words = translate("Voice", "No mic") if self.no_microphone else translate("Voice", "No voice")
            # short words (the tooltip, and a tap, say why); the header's is a struck-through microphone
            b.set_look("" if b.compact else words, why, True, "mic_off", size, theme.c("text_dim"))
            labels = [words]
        else:
            looks = {"idle": translate("Voice", "Talk"), "listening": translate("Voice", "Listening…"),
                     "thinking": "…"}
            b.set_look("" if b.compact else looks[self.state],
                       translate("Voice", "Hold and speak a command (“next”, “zone 2 level 5”, “all off”)"),
                       self.state in ("idle", "listening"), "mic",
                       size, theme.c("accent") if self.state == "listening" else theme.c("text"))
            labels = list(looks.values())
        b.ensurePolished()
        metrics = b.fontMetrics()
        # as wide as its longest words (the header's: a square): a new state never shifts what is beside it
        b.setFixedWidth(touch if b.compact else max(metrics.horizontalAdvance(w) for w in labels) + size + 40)
