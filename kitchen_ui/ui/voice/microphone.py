"""The microphone, through QtMultimedia: a few seconds of sound into memory, as 16-bit mono samples.

:func:`find_microphone` says whether there is one to use and, if not, why (no sound server, no
input device, no QtMultimedia), in words the push-to-talk button shows. :class:`Microphone`
records from ``start()`` to ``stop()`` (at most ``max_s``) with a ``QAudioSource`` into a
buffer, asks for 16 kHz mono 16-bit and takes what the device offers otherwise; ``finished``
brings the samples and their rate (the recognizer resamples).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QLoggingCategory, QObject, QTimer, Signal

from ..recipes.alerts import _audio_server_likely

translate = QCoreApplication.translate
RATE = 16000
MAX_S = 6.0


def find_microphone() -> tuple[Any, str]:
    """(the default audio input, "") or (None, why there is none)."""
    if not _audio_server_likely():
        return None, translate("Voice", "no sound server (PulseAudio or PipeWire) is running")
    QLoggingCategory.setFilterRules("qt.multimedia*=false\nqt.multimedia.*=false")
    try:
        from PySide6.QtMultimedia import QMediaDevices
        device = QMediaDevices.defaultAudioInput()
    except Exception as exc:  # noqa: BLE001 - no QtMultimedia or no libpulse: say so, never fail
        return None, translate("Voice", "QtMultimedia is not available ({0})").format(exc)
    if device.isNull():
        return None, translate("Voice", "no microphone was found")
    return device, ""


class Microphone(QObject):
    finished = Signal(object, int)       # (int16 mono samples, rate)

    def __init__(self, device: Any, parent: QObject | None = None, *, max_s: float = MAX_S) -> None:
        super().__init__(parent)
        self.format, self.source = open_source(device, self)
        self.buffer = QBuffer(self)
        self.recording = False
        self._limit = QTimer(self)
        self._limit.setSingleShot(True)
        self._limit.setInterval(int(max_s * 1000))
        self._limit.timeout.connect(self.stop)

    def start(self) -> None:
        if self.recording:
            return
        self.buffer.close()
        self.buffer.setData(QByteArray())
        self.buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.source.start(self.buffer)
        self.recording = True
        self._limit.start()

    def stop(self) -> None:
        if not self.recording:
            return
        self.recording = False
        self._limit.stop()
        self.source.stop()
        self.buffer.close()
        self.finished.emit(to_mono_int16(bytes(self.buffer.data().data()), self.format), self.format.sampleRate())


def open_source(device: Any, parent: QObject) -> tuple[Any, Any]:
    """-> (format, QAudioSource): 16 kHz mono int16 if the device takes it, else its own format."""
    from PySide6.QtMultimedia import QAudioFormat, QAudioSource
    fmt = QAudioFormat()
    fmt.setSampleRate(RATE)
    fmt.setChannelCount(1)
    fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    if not device.isFormatSupported(fmt):
        fmt = device.preferredFormat()
    return fmt, QAudioSource(device, fmt, parent)


def to_mono_int16(data: bytes, fmt: Any) -> np.ndarray:
    """Raw samples in the device's format as int16 mono."""
    from PySide6.QtMultimedia import QAudioFormat
    kinds = {QAudioFormat.SampleFormat.UInt8: np.uint8, QAudioFormat.SampleFormat.Int16: np.int16,
             QAudioFormat.SampleFormat.Int32: np.int32, QAudioFormat.SampleFormat.Float: np.float32}
    kind = kinds.get(fmt.sampleFormat(), np.int16)
    a = np.frombuffer(data[:len(data) - len(data) % np.dtype(kind).itemsize], dtype=kind).astype(np.float64)
    channels = max(1, fmt.channelCount())
    a = a[:len(a) - len(a) % channels].reshape(-1, channels).mean(axis=1)
    if kind is np.uint8:
        a = (a - 128.0) * 256.0
    elif kind is np.int32:
        a = a / 65536.0
    elif kind is np.float32:
        a = a * 32767.0
    return np.clip(a, -32768, 32767).astype(np.int16)
