"""Alerts a cook notices from across the kitchen: a banner that flashes, and a chime.

The banner sits under the header on every page. A reminder ("stir the sauce") is amber; a
warning (the recipe paused: a zone was changed, the stove switched one off, a command was
refused) is red. It flashes for :data:`FLASH_S` and stays until the cook taps OK, a newer
alert replaces it, or the kitchen clears it because it is answered (its step confirmed or
ended, the run resumed or over); a warning chimes again every :data:`REPEAT_S` until then (at
most :data:`MAX_REPEATS` times). On a banner that asks whether a step is done, OK answers it
(``acknowledged`` tells the kitchen, which confirms the step).

Sound: :class:`AlertSound` plays ``resources/sounds/alert.wav`` through QtMultimedia's
``QSoundEffect`` (PySide6-Addons) when an audio output exists. Where it cannot (the module or
its system library, libpulse, is missing; no sound server or no audio device, as on a headless
CI machine) it falls back to ``QApplication.beep()``, which never fails. ``backend`` says which
one is in use and ``reason`` why not the chime.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLoggingCategory, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ...recipes.run_state import RunAlert
from ...resources import resource_path
from .. import text
from ..own_words import prompt_words
from ..zone_card import set_prop, set_text

translate = QCoreApplication.translate

FLASH_MS = 450
FLASH_S = 8.0
REPEAT_S = 20.0
MAX_REPEATS = 6
SOUND_FILE = ("sounds", "alert.wav")
SOUND_ENV = "HEARTH_SOUND"          # "off" silences the chime (the banner still shows)


class AlertSound(QObject):
    """The chime, or the system beep where no audio output can play it."""

    def __init__(self, parent: QObject | None = None, *, enabled: bool | None = None) -> None:
        super().__init__(parent)
        self.enabled = os.environ.get(SOUND_ENV, "").lower() not in ("off", "0", "no") if enabled is None else enabled
        self.played = 0
        self.backend = "off"
        self.reason = ""
        self._effect = None
        if self.enabled:
            self._effect, self.backend, self.reason = _sound_effect(self)

    def play(self) -> None:
        if not self.enabled:
            return
        self.played += 1
        if self._effect is not None:
            self._effect.play()
        else:
            QApplication.beep()


def _sound_effect(parent: QObject):
    """(QSoundEffect or None, backend name, why not) — never raises."""
    path = resource_path(*SOUND_FILE)
    if not path.is_file():
        return None, "beep", f"{path} is missing"
    if not _audio_server_likely():
        return None, "beep", "no PulseAudio or PipeWire server is running"
    # the multimedia back end reports every library it could not load: not the cook's business
    QLoggingCategory.setFilterRules("qt.multimedia*=false\nqt.multimedia.*=false")
    try:
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
    except ImportError as exc:          # no PySide6-Addons, or no libpulse on Linux
        return None, "beep", f"QtMultimedia is not available ({exc})"
    try:
        if not QMediaDevices.audioOutputs():
            return None, "beep", "no audio output device"
        effect = QSoundEffect(parent)
        effect.setSource(QUrl.fromLocalFile(str(path)))
        effect.setVolume(1.0)
    except Exception as exc:  # a broken audio stack must not keep the cook from cooking
        return None, "beep", f"audio output failed ({exc})"
    return effect, "soundeffect", ""


def _audio_server_likely() -> bool:
    """On Linux, Qt plays sound only through PipeWire or PulseAudio: is either server there?

    Asking QtMultimedia when neither runs (a headless machine) only prints connection errors.
    """
    if not sys.platform.startswith("linux"):
        return True
    if os.environ.get("PULSE_SERVER") or os.environ.get("PIPEWIRE_REMOTE"):
        return True
    runtime = Path(os.environ.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}")
    return any((runtime / p).exists() for p in ("pulse/native", "pipewire-0")) or Path("/run/pulse/native").exists()


class AlertBanner(QFrame):
    """The latest alert, flashing, until the cook taps OK (or it is answered elsewhere)."""

    acknowledged = Signal(object)     # the RunAlert the cook tapped OK on

    def __init__(self, sound: AlertSound | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("AlertBanner")
        self.sound = sound
        self.alert: RunAlert | None = None
        self.label = QLabel("")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.ok = QPushButton(translate("AlertBanner", "OK"))
        self.ok.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ok.setToolTip(translate("AlertBanner", "Seen: hide this alert"))
        self.ok.clicked.connect(self._ok)
        self.confirms = False             # OK also says the alert's step is done
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.ok, 0, Qt.AlignmentFlag.AlignVCenter)
        self._flash = QTimer(self)
        self._flash.setInterval(FLASH_MS)
        self._flash.timeout.connect(self._toggle)
        self._flash_until = 0.0
        self._repeat = QTimer(self)
        self._repeat.setInterval(int(REPEAT_S * 1000))
        self._repeat.timeout.connect(self._chime_again)
        self._repeats = 0
        self.hide()

    @property
    def flashing(self) -> bool:
        return self._flash.isActive()

    def show_alert(self, alert: RunAlert, *, confirms: bool = False) -> None:
        """Show ``alert``; with ``confirms`` it asks whether its step is done and OK says yes."""
        self.alert = alert
        self.confirms = confirms
        self.ok.setToolTip(translate("AlertBanner", "Done: confirm this step") if confirms
                           else translate("AlertBanner", "Seen: hide this alert"))
        set_prop(self, "warning", bool(alert.warning))
        set_prop(self, "flash", False)
        words = prompt_words(alert.message) if alert.kind == "prompt" else alert.message
        set_text(self.label, ("⚠ " if alert.warning else "● ") + text.temps_in_text(words))
        self.show()
        self._flash_until = time.monotonic() + FLASH_S
        self._flash.start()
        self._repeats = 0
        if alert.warning:
            self._repeat.start()
        else:
            self._repeat.stop()
        if self.sound is not None:
            self.sound.play()

    def _ok(self) -> None:
        alert = self.alert
        self.dismiss()
        if alert is not None:
            self.acknowledged.emit(alert)

    def dismiss(self) -> None:
        self.alert = None
        self.confirms = False
        self._flash.stop()
        self._repeat.stop()
        set_prop(self, "flash", False)
        self.hide()

    def _toggle(self) -> None:
        if time.monotonic() >= self._flash_until:
            self._flash.stop()
            set_prop(self, "flash", False)
            return
        set_prop(self, "flash", not bool(self.property("flash")))

    def _chime_again(self) -> None:
        self._repeats += 1
        if self._repeats > MAX_REPEATS or self.alert is None:
            self._repeat.stop()
            return
        self._flash_until = time.monotonic() + FLASH_S
        self._flash.start()
        if self.sound is not None:
            self.sound.play()
