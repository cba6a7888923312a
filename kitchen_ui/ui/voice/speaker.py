"""Speech out in the dashboard: synthesis on a worker thread, playback through QtMultimedia.

:class:`Speaker` hands each text to espeak-ng (:mod:`kitchen_ui.voice.speech`) on one worker
thread, in order, so the GUI never waits for it; the WAV it writes is played on the GUI thread
by :class:`WavPlayer`, one after the other. ``spoken(text, path)`` tells what was handed to the
player. Where no sound can play (no sound server, no output device, no QtMultimedia: a headless
machine) the player stays silent and says why in ``reason``; nothing fails. If espeak-ng is
missing, ``problem`` says so once, and the dashboard shows it.
"""

from __future__ import annotations

import tempfile
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QLoggingCategory, QObject, QUrl, Signal

from ...voice.speech import SpeechError, say_to_file
from ..recipes.alerts import _audio_server_likely
from ..relay import Relay

RING = 32               # synthesized files kept at once (older ones are written over)


class WavPlayer(QObject):
    """Plays WAV files one after the other with QSoundEffect, or stays silent and says why."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.queue: deque[str] = deque()
        self.played: list[str] = []
        self.effect, self.backend, self.reason = _effect(self)
        if self.effect is not None:
            self.effect.playingChanged.connect(self._next)

    def play(self, path: str) -> None:
        self.played.append(path)
        del self.played[:-RING]
        if self.effect is None:
            return
        self.queue.append(path)
        if not self.effect.isPlaying():
            self._next()

    def stop(self) -> None:
        self.queue.clear()
        if self.effect is not None:
            self.effect.stop()

    def _next(self) -> None:
        if self.effect is None or self.effect.isPlaying() or not self.queue:
            return
        self.effect.setSource(QUrl.fromLocalFile(self.queue.popleft()))
        self.effect.play()


def _effect(parent: QObject):
    """(QSoundEffect or None, backend, why not); never raises."""
    if not _audio_server_likely():
        return None, "silent", "no PulseAudio or PipeWire server is running"
    QLoggingCategory.setFilterRules("qt.multimedia*=false\nqt.multimedia.*=false")
    try:
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        if not QMediaDevices.audioOutputs():
            return None, "silent", "no audio output device"
        effect = QSoundEffect(parent)
        effect.setVolume(1.0)
    except Exception as exc:  # noqa: BLE001 - a broken audio stack must not stop the cooking
        return None, "silent", f"audio output failed ({exc})"
    return effect, "soundeffect", ""


class Speaker(QObject):
    spoken = Signal(str, str)            # (text, WAV path) handed to the player
    problem = Signal(str)                # speech cannot be made (espeak-ng missing …), said once

    def __init__(self, lang: str = "en", parent: QObject | None = None, *, player: WavPlayer | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.enabled = True
        self.player = player if player is not None else WavPlayer(self)
        self.last_problem = ""
        self.requested = 0                   # texts handed to espeak-ng
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="hearth-speech")
        self._relay = Relay(self)
        self._dir = tempfile.TemporaryDirectory(prefix="hearth-speech-")

    def say(self, text: str) -> None:
        """Speak ``text`` soon (synthesized off the GUI thread); nothing when switched off."""
        if not self.enabled or not text.strip() or self._relay.closed:
            return
        self.requested += 1
        path = Path(self._dir.name) / f"say-{self.requested % RING}.wav"
        fut = self._pool.submit(say_to_file, text, path, self.lang)
        fut.add_done_callback(lambda f: self._relay.post(self._made, text, str(path), f))

    def _made(self, text: str, path: str, fut: Future) -> None:
        exc = fut.exception()
        if exc is not None:
            words = str(exc) if isinstance(exc, SpeechError) else f"speech failed: {exc}"
            if words != self.last_problem:
                self.last_problem = words
                self.problem.emit(words)
            return
        if self.enabled:
            self.player.play(path)
            self.spoken.emit(text, path)

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        if not on:
            self.player.stop()

    def close(self) -> None:
        self._relay.close()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self.player.stop()
        self._dir.cleanup()
