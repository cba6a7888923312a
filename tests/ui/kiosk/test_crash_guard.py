"""An uncaught error is logged and shown, and the kiosk keeps running."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import QTimer, qWarning

from kitchen_ui.ui.crash import LOG_NAME, CrashGuard, ErrorBanner

from .conftest import tap


@pytest.fixture
def guard(qtbot, kiosk, tmp_path):
    banner = ErrorBanner()
    kiosk.window.add_banner(banner)
    g = CrashGuard(banner, tmp_path / "log", parent=kiosk.window)
    g.install()
    yield g
    g.uninstall()


def log_text(tmp_path) -> str:
    return (tmp_path / "log" / LOG_NAME).read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_shown_and_the_kiosk_carries_on(qtbot, kiosk, guard, tmp_path, sim_stove):
    def broken() -> None:
        raise ZeroDivisionError("division by zero in a test slot")

    QTimer.singleShot(0, broken)                        # raised inside Qt's event loop
    qtbot.waitUntil(guard.banner.isVisible, timeout=2000)
    words = guard.banner.label.text()
    assert "ZeroDivisionError: division by zero in a test slot" in words and LOG_NAME in words
    log = log_text(tmp_path)
    assert "Traceback" in log and "def broken" not in log and "in broken" in log
    # still a working kiosk
    tap(qtbot, kiosk.window.manual.level_buttons[3])
    assert sim_stove.sim.zones[0].mode == "level"
    QTimer.singleShot(0, broken)
    qtbot.waitUntil(lambda: "(2 times)" in guard.banner.label.text(), timeout=2000)
    tap(qtbot, guard.banner.ok)
    assert not guard.banner.isVisible()


def test_an_error_in_a_worker_thread_is_shown_on_the_gui_thread(qtbot, guard, tmp_path):
    t = threading.Thread(target=lambda: {}["missing key"], name="hearth-test-worker")
    t.start()
    t.join()
    qtbot.waitUntil(guard.banner.isVisible, timeout=2000)
    assert "KeyError" in guard.banner.label.text()
    assert "hearth-test-worker" not in guard.banner.label.text() and "KeyError" in log_text(tmp_path)


def test_qt_warnings_go_to_the_log_only(qtbot, guard, tmp_path):
    qWarning("a Qt warning for the log")
    assert "Qt: a Qt warning for the log" in log_text(tmp_path)
    assert not guard.banner.isVisible()


def test_uninstall_puts_the_previous_hooks_back(qtbot, kiosk, tmp_path):
    before = sys.excepthook, threading.excepthook
    g = CrashGuard(ErrorBanner(), tmp_path, parent=kiosk.window)
    g.install()
    assert sys.excepthook == g.excepthook
    g.uninstall()
    assert (sys.excepthook, threading.excepthook) == before
