"""Panels shown over the dashboard (keypad, PIN pad, settings), never over its header.

The header holds ALL OFF, which must work whatever is open: an overlay covers only the body
of the window below it (banners and pages), dims it, and centres one panel on it. One panel
at a time; showing another replaces it. In a frameless full-screen kiosk there is no window
manager to host dialogs, so this is how the app asks for input in every mode.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget


class OverlayHost(QObject):
    changed = Signal(object)             # the panel now shown, or None

    def __init__(self, body_parent: QWidget, header: QWidget) -> None:
        super().__init__(body_parent)
        self.parent_widget = body_parent
        self.header = header
        self.backdrop = QFrame(body_parent)
        self.backdrop.setObjectName("Backdrop")
        self.backdrop.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._layout = QVBoxLayout(self.backdrop)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.backdrop.hide()
        self._panel: QWidget | None = None
        body_parent.installEventFilter(self)
        header.installEventFilter(self)

    @property
    def panel(self) -> QWidget | None:
        return self._panel

    def is_open(self) -> bool:
        return self._panel is not None

    def show(self, panel: QWidget) -> None:
        if self._panel is not None and self._panel is not panel:
            self._drop(self._panel)
        self._panel = panel
        self._layout.addWidget(panel, 0, Qt.AlignmentFlag.AlignCenter)
        panel.show()
        self._place()
        self.backdrop.show()
        self.backdrop.raise_()
        panel.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit(panel)

    def close(self, panel: QWidget | None = None) -> None:
        """Close the panel shown (or only ``panel``, if it is still the one shown)."""
        if self._panel is None or (panel is not None and panel is not self._panel):
            return
        self._drop(self._panel)
        self._panel = None
        self.backdrop.hide()
        self.changed.emit(None)

    def _drop(self, panel: QWidget) -> None:
        self._layout.removeWidget(panel)
        panel.hide()
        panel.deleteLater()

    def _place(self) -> None:
        top = self.header.geometry().bottom() + 1 if self.header.isVisible() else 0
        r = self.parent_widget.rect()
        self.backdrop.setGeometry(0, top, r.width(), max(0, r.height() - top))

    def eventFilter(self, obj: QObject, ev: QEvent) -> bool:  # noqa: N802 (Qt naming)
        if ev.type() in (QEvent.Type.Resize, QEvent.Type.Move, QEvent.Type.Show, QEvent.Type.Hide) \
                and self.backdrop.isVisible():
            self._place()
        return False
