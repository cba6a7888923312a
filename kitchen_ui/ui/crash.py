"""Uncaught errors: logged, shown, survived.

A bug in a slot, a paint or a worker thread must not take the kitchen's screen away. The
:class:`CrashGuard` takes over ``sys.excepthook`` and ``threading.excepthook`` and Qt's message
handler: each error is written with its traceback to the log file (``kitchen-ui.log`` in the
user's state folder, :func:`default_log_dir`, rotated at 1 MB) and to stderr, and a red banner
under the header says what happened and where the details are. It does not block: the cook
dismisses it when convenient, and the dashboard carries on. (A process that dies anyway is
restarted by the kiosk's systemd unit, see packaging/.) Qt's warnings go to the log only.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

translate = QCoreApplication.translate
LOG_ENV = "HEARTH_LOG_DIR"
LOG_NAME = "kitchen-ui.log"
LOG_BYTES = 1_000_000
QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
             QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
             QtMsgType.QtFatalMsg: logging.CRITICAL}


def default_log_dir() -> Path:
    """$HEARTH_LOG_DIR, else the user's state folder for logs (~/.local/state/hearth/log on Linux)."""
    if os.environ.get(LOG_ENV):
        return Path(os.environ[LOG_ENV])
    from platformdirs import user_log_dir

    return Path(user_log_dir("hearth", appauthor=False))


class ErrorBanner(QFrame):
    """What went wrong, in one line, until dismissed; repeats are counted, not stacked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ErrorBanner")
        self.label = QLabel("")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.ok = QPushButton(translate("ErrorBanner", "OK"))
        self.ok.setObjectName("Dismiss")
        self.ok.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.ok.setToolTip(translate("ErrorBanner", "Hide this message (the log keeps it)"))
        self.ok.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 4, 8, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.ok, 0, Qt.AlignmentFlag.AlignVCenter)
        self.summary = ""
        self.count = 0
        self.log_path = ""
        self.hide()

    def report(self, summary: str, log_path: str) -> None:
        self.count = self.count + 1 if summary == self.summary and self.isVisible() else 1
        self.summary, self.log_path = summary, log_path
        words = translate("ErrorBanner", "Something went wrong: {0}. Hearth keeps running; the details are in {1}.")
        words = words.format(summary, log_path or translate("ErrorBanner", "the error output"))
        if self.count > 1:
            words += " " + translate("ErrorBanner", "({0} times)").format(self.count)
        self.label.setText(words)
        self.show()

    def dismiss(self) -> None:
        self.count = 0
        self.hide()


class CrashGuard(QObject):
    """Installs the hooks (``install``), and puts them back as they were (``uninstall``)."""

    reported = Signal(str)           # the one-line summary, on the GUI thread

    def __init__(self, banner: ErrorBanner, log_dir: str | os.PathLike | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.banner = banner
        self.log = logging.getLogger("kitchen_ui.crash")
        self.log.setLevel(logging.INFO)
        self.log.propagate = False
        self.log_path = ""
        self._handlers: list[logging.Handler] = []
        fmt = logging.Formatter("%(asctime)s %(levelname)s %(message)s")
        if log_dir is not None:
            try:
                folder = Path(log_dir)
                folder.mkdir(parents=True, exist_ok=True)
                handler: logging.Handler = RotatingFileHandler(folder / LOG_NAME, maxBytes=LOG_BYTES, backupCount=3,
                                                               encoding="utf-8")
                self.log_path = str(folder / LOG_NAME)
                handler.setFormatter(fmt)
                self._handlers.append(handler)
            except OSError as exc:
                print(f"kitchen-ui: warning: cannot write the log in {log_dir}: {exc}; errors go to stderr only",
                      file=sys.stderr)
        err = logging.StreamHandler(sys.stderr)
        err.setFormatter(fmt)
        err.setLevel(logging.WARNING)
        self._handlers.append(err)
        self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous: tuple[Any, Any, Any] | None = None

    # -- hooks ------------------------------------------------------------------------------------------
    def install(self) -> None:
        if self._previous is not None:
            return
        for h in self._handlers:
            self.log.addHandler(h)
        self._previous = (sys.excepthook, threading.excepthook, qInstallMessageHandler(self._qt_message))
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        if self._previous is None:
            return
        sys.excepthook, threading.excepthook, qt_handler = self._previous
        qInstallMessageHandler(qt_handler)
        self._previous = None
        for h in self._handlers:
            self.log.removeHandler(h)
            h.close()

    def excepthook(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt) and self._previous is not None:
            self._previous[0](exc_type, exc, tb)
            return
        self.log.error("uncaught exception (Hearth keeps running)", exc_info=(exc_type, exc, tb))
        text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
        self.reported.emit(f"{exc_type.__name__}: {text}" if text else exc_type.__name__)

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        self.excepthook(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    def _qt_message(self, mode: QtMsgType, context: Any, message: str) -> None:
        where = f" ({context.file}:{context.line})" if getattr(context, "file", None) else ""
        self.log.log(QT_LEVELS.get(mode, logging.WARNING), "Qt: %s%s", message, where)

    def _show(self, summary: str) -> None:
        try:
            self.banner.report(summary, self.log_path)
        except RuntimeError:               # the window is gone (the app is closing)
            pass
