"""What the dashboard remembers between runs, in QSettings: geometry, °C/°F, plot window, kiosk, voice.

:func:`open_settings` gives the store: ``--settings PATH`` or ``$HEARTH_SETTINGS`` (an INI file),
else the user's own Hearth settings. A run that quits by itself (``--screenshot``/``--run-for``)
gets a temporary file unless one is named, and so do tests, so neither ever touches the user's
settings. A settings file Qt cannot read is left untouched (a temporary store is used instead,
with a warning naming the file); a value that makes no sense falls back to its default.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QTimer

from ..core.signals import disconnect_all
from .prefs import display_prefs
from .units import TempUnit

SETTINGS_ENV = "HEARTH_SETTINGS"
ORGANIZATION = "Hearth"
APPLICATION = "kitchen-ui"
DIM_CHOICES_S = (60, 120, 300, 600, 0)         # 0: never
DEFAULT_DIM_S = 120
PLOT_WINDOWS_S = (300.0, 900.0, 3600.0, None)  # None: the whole session


class AppSettings:
    """Typed access to the remembered choices (keys in one place)."""

    def __init__(self, qsettings: QSettings, *, scratch: tempfile.TemporaryDirectory | None = None) -> None:
        self.q = qsettings
        self._scratch = scratch          # kept alive as long as a temporary store is in use
        self.warnings: list[str] = []

    @property
    def path(self) -> str:
        return self.q.fileName()

    # -- window --------------------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        v = self.q.value("window/geometry")
        return v if isinstance(v, QByteArray) and not v.isEmpty() else None

    def set_geometry(self, data: QByteArray) -> None:
        self.q.setValue("window/geometry", data)

    # -- display -------------------------------------------------------------------------------------
    def unit(self) -> TempUnit:
        raw = self.q.value("display/unit", "C")
        try:
            return TempUnit.parse(raw)
        except ValueError as exc:
            self._warn(f"display/unit: {exc}; showing °C")
            return TempUnit.CELSIUS

    def set_unit(self, unit: TempUnit) -> None:
        self.q.setValue("display/unit", unit.value)

    def plot_window(self) -> float | None:
        raw = str(self.q.value("plot/window_s", "900"))
        if raw == "all":
            return None
        try:
            v = float(raw)
        except ValueError:
            v = -1.0
        if v not in PLOT_WINDOWS_S:
            self._warn(f"plot/window_s: {raw!r} is not one of 300, 900, 3600 or all; showing 15 min")
            return 900.0
        return v

    def set_plot_window(self, seconds: float | None) -> None:
        self.q.setValue("plot/window_s", "all" if seconds is None else str(int(seconds)))

    # -- kiosk ---------------------------------------------------------------------------------------
    def dim_after_s(self) -> int:
        raw = str(self.q.value("kiosk/dim_after_s", DEFAULT_DIM_S))
        try:
            v = int(float(raw))
        except ValueError:
            v = -1
        if v < 0 or v > 24 * 3600:
            self._warn(f"kiosk/dim_after_s: {raw!r} is not a number of seconds 0-86400; dimming after "
                       f"{DEFAULT_DIM_S} s")
            return DEFAULT_DIM_S
        return v

    def set_dim_after_s(self, seconds: int) -> None:
        self.q.setValue("kiosk/dim_after_s", int(seconds))

    def pin_record(self) -> str:
        return str(self.q.value("kiosk/pin", "") or "")

    def set_pin_record(self, record: str) -> None:
        self.q.setValue("kiosk/pin", record)

    # -- voice ---------------------------------------------------------------------------------------
    def voice_on(self, kiosk: bool) -> bool:
        """Speak steps and listen for commands: on by default in the kiosk, off on the desktop."""
        key = "voice/kiosk" if kiosk else "voice/desktop"
        raw = self.q.value(key, None)
        if raw is None or raw == "":
            return kiosk
        word = str(raw).strip().lower()
        if word in ("true", "1", "on", "yes"):
            return True
        if word in ("false", "0", "off", "no"):
            return False
        self._warn(f"{key}: {raw!r} is not true or false; voice is {'on' if kiosk else 'off'}")
        return kiosk

    def set_voice_on(self, kiosk: bool, on: bool) -> None:
        self.q.setValue("voice/kiosk" if kiosk else "voice/desktop", "true" if on else "false")

    def wake_on(self, kiosk: bool) -> bool:
        """Listen all the time for "hey hearth": off by default everywhere (a false wake is worse than a missed one)."""
        key = "voice/wake_kiosk" if kiosk else "voice/wake_desktop"
        raw = self.q.value(key, None)
        if raw is None or raw == "":
            return False
        word = str(raw).strip().lower()
        if word in ("true", "1", "on", "yes"):
            return True
        if word not in ("false", "0", "off", "no"):
            self._warn(f"{key}: {raw!r} is not true or false; the wake phrase is off")
        return False

    def set_wake_on(self, kiosk: bool, on: bool) -> None:
        self.q.setValue("voice/wake_kiosk" if kiosk else "voice/wake_desktop", "true" if on else "false")

    # -- storage -------------------------------------------------------------------------------------
    def sync(self) -> None:
        self.q.sync()

    def _warn(self, message: str) -> None:
        text = f"settings {self.path}: {message}"
        if text not in self.warnings:
            self.warnings.append(text)
            print(f"kitchen-ui: warning: {text}", file=sys.stderr)


def open_settings(path: str | os.PathLike | None = None, *, temporary: bool = False) -> AppSettings:
    """The settings at ``path`` (INI), else ``$HEARTH_SETTINGS``, else the user's own.

    ``temporary``: with no path given, use a fresh temporary file (runs that quit by themselves).
    """
    chosen = str(path) if path else os.environ.get(SETTINGS_ENV) or None
    if chosen is None and temporary:
        return _scratch_settings()
    if chosen is None:
        q = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)
    else:
        p = Path(chosen)
        if p.exists() and not p.is_file():
            return _scratch_settings(f"{p} is not a file")
        q = QSettings(str(p), QSettings.Format.IniFormat)
    status = q.status()
    if status != QSettings.Status.NoError:
        why = "cannot be read" if status == QSettings.Status.AccessError else "is not a valid settings file"
        return _scratch_settings(f"{q.fileName()} {why}")
    return AppSettings(q)


def _scratch_settings(problem: str = "") -> AppSettings:
    scratch = tempfile.TemporaryDirectory(prefix="hearth-settings-")
    q = QSettings(str(Path(scratch.name) / "settings.ini"), QSettings.Format.IniFormat)
    s = AppSettings(q, scratch=scratch)
    if problem:
        text = f"settings: {problem}; it is left as it is and nothing is remembered this time"
        s.warnings.append(text)
        print(f"kitchen-ui: warning: {text}", file=sys.stderr)
    return s


class WindowMemory(QObject):
    """Puts a window back as it was (geometry, °C/°F, plot window) and remembers changes.

    The unit and the plot window are written when they change; the geometry when the window
    closes (and by :meth:`save`). A window that has closed stops listening, so it never writes
    over what a later window chose. A kiosk restores no geometry: it is always full screen.
    """

    def __init__(self, window: Any, settings: AppSettings, *, restore_geometry: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.settings = settings
        self.keep_geometry = restore_geometry
        display_prefs().set_unit(settings.unit())
        window.plot.set_window(settings.plot_window())
        geometry = settings.geometry() if restore_geometry else None
        self.restored = bool(geometry is not None and window.restoreGeometry(geometry))
        display_prefs().unit_changed.connect(self._on_unit)
        window.plot.window_changed.connect(self._on_plot_window)
        window.installEventFilter(self)

    def _on_unit(self, unit: TempUnit) -> None:
        self.settings.set_unit(unit)
        self.settings.sync()

    def _on_plot_window(self, seconds: float | None) -> None:
        self.settings.set_plot_window(seconds)
        self.settings.sync()

    def save(self) -> None:
        if self.keep_geometry and not self.window.isFullScreen():
            self.settings.set_geometry(self.window.saveGeometry())
        self.settings.sync()

    def detach(self) -> None:
        """Stop remembering (the window is gone)."""
        disconnect_all([(display_prefs().unit_changed, self._on_unit),
                        (self.window.plot.window_changed, self._on_plot_window)])

    def _after_close(self) -> None:
        if not self.window.isVisible():         # the close was not refused (the kiosk may refuse)
            self.detach()

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if obj is self.window and ev.type() == QEvent.Type.Close:
            self.save()
            QTimer.singleShot(0, self._after_close)
        return False
