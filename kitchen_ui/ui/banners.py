"""Stove-wide banners: faults, the link, and notices of what the stove did or refused.

* The fault banner is red, names every faulted zone in plain words, and cannot be dismissed:
  it goes away only when the stove reports the fault cleared.
* The link banner says when the values are not live (link lost), who controls the stove
  (observer session) or that the dashboard is still connecting.
* The notice bar shows refused or undelivered commands (naming the zone and the reason) and
  the stove's own events (boost ended, timer finished, auto-off...) for a while.

None of them may move a control under a finger: the banners share one :class:`BannerSlot` of
fixed height under the header (side by side when several show), and the notice bar keeps the
header's height. Their text is fitted to the room (:class:`FittedLabel`: whole words, then
"…"); the whole text stays the label's ``text()`` and its tooltip.
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QPainter
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from ..core.model import LinkState, LinkStatus, StoveEvent, StoveState
from . import notices, text
from .own_words import IN_PROCESS
from .stove_model import CommandFailure, StoveModel
from .zone_card import set_prop, set_text

translate = QCoreApplication.translate
ALARM_EVENTS = frozenset({"overheat", "boil_dry", "fault", "link_lost", "auto_off"})
ERROR_SHOW_S = 30.0
INFO_SHOW_S = 10.0
MAX_NOTICES = 3


def fit_words(metrics: QFontMetrics, words: str, width: int, height: int) -> str:
    """As many whole words of ``words`` as fit, wrapped, in width x height; "…" if some are left out."""
    flags = int(Qt.TextFlag.TextWordWrap)

    def fits(t: str) -> bool:
        return metrics.boundingRect(QRect(0, 0, width, 100000), flags, t).height() <= height

    if width <= 0 or height <= 0 or fits(words):
        return words
    parts = words.split(" ")
    lo, hi = 0, len(parts) - 1          # binary search on how many words fit before the "…"
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(" ".join(parts[:mid]) + " …"):
            lo = mid
        else:
            hi = mid - 1
    if lo == 0:                          # not even one word: elide the first at its end
        return metrics.elidedText(parts[0], Qt.TextElideMode.ElideRight, width)
    return " ".join(parts[:lo]) + " …"


class FittedLabel(QLabel):
    """A wrapped label that never asks for more room: it shows what fits, cut after a whole word.

    ``text()`` keeps the whole text (and the tooltip shows it); only the painting is fitted.
    """

    def __init__(self, words: str = "", parent: QWidget | None = None) -> None:
        super().__init__(words, parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(1, 1)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return QSize(self.fontMetrics().averageCharWidth() * 20, self.fontMetrics().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt naming)
        return QSize(1, 1)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt naming)
        return False                     # its height is what it is given, never what its words want

    def shown_text(self) -> str:
        r = self.contentsRect()
        return fit_words(self.fontMetrics(), self.text(), r.width(), r.height())

    def event(self, ev: QEvent) -> bool:
        if ev.type() == QEvent.Type.ToolTip:
            self.setToolTip(self.text() if self.shown_text() != self.text() else "")
        return super().event(ev)

    def paintEvent(self, _ev) -> None:  # noqa: N802 (Qt naming)
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.setFont(self.font())
        flags = int(self.alignment()) | int(Qt.TextFlag.TextWordWrap)
        painter.drawText(self.contentsRect(), flags, self.shown_text())
        painter.end()


class NoteLabel(FittedLabel):
    """A note of up to ``lines`` lines whose room is kept when it is hidden or short, so the
    controls around it stay where they are whether it says something or not."""

    def __init__(self, lines: int = 2, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.lines = lines
        policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self._fit_height()

    def _fit_height(self) -> None:
        self.setFixedHeight(self.fontMetrics().lineSpacing() * self.lines + 4)

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 (Qt naming)
        super().changeEvent(ev)
        if ev.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_height()


class BannerSlot(QFrame):
    """The one place banners show: a strip of fixed height (set by the window for its scale)
    under the header, always there, so nothing below it moves when a banner comes or goes.

    With no banner it says, quietly, that this is where warnings appear (a cook learns where to
    look). A banner's wrapped ``label`` is swapped for a :class:`FittedLabel` (same name, text
    and style), so a long message is cut after a whole word instead of spilling out of the strip.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BannerSlot")
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.setSpacing(2)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.quiet = FittedLabel(translate("BannerSlot", "Warnings and recipe alerts appear here."))
        self.quiet.setObjectName("BannerSlotQuiet")
        self.quiet.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.quiet.setContentsMargins(16, 0, 8, 0)
        self.row.addWidget(self.quiet, 1)
        self._banners: list[QWidget] = []

    def add(self, banner: QWidget) -> None:
        banner.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        _fit_label(banner)
        banner.installEventFilter(self)
        self._banners.append(banner)
        self.row.addWidget(banner, 1)
        self._update_quiet()

    def banners(self) -> list[QWidget]:
        return list(self._banners)

    def eventFilter(self, obj, ev) -> bool:  # noqa: N802 (Qt naming)
        if ev.type() in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent):
            self._update_quiet()
        return False

    def _update_quiet(self) -> None:
        self.quiet.setVisible(not any(not b.isHidden() for b in self._banners))


def _fit_label(banner: QWidget) -> None:
    old = getattr(banner, "label", None)
    lay = banner.layout()
    if not isinstance(old, QLabel) or isinstance(old, FittedLabel) or lay is None:
        return
    new = FittedLabel(old.text())
    new.setObjectName(old.objectName())
    new.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    lay.replaceWidget(old, new)
    old.hide()
    old.deleteLater()
    banner.label = new


class _Banner(QFrame):
    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.label = FittedLabel("")
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(16, 4, 8, 4)
        self.row.addWidget(self.label, 1)
        self.hide()


class FaultBanner(_Banner):
    def __init__(self, model: StoveModel, parent: QWidget | None = None) -> None:
        super().__init__("FaultBanner", parent)
        self.model = model
        self.stove_name = ""        # with several stoves, the banner names its stove (:mod:`.multi`)
        model.state_changed.connect(self._on_state)
        model.info_changed.connect(self._on_state)
        self.refresh()

    def _on_state(self, _s: object) -> None:
        self.refresh()

    def refresh(self) -> None:
        state: StoveState | None = self.model.state
        faults = []
        for z in state.zones if state is not None else ():
            if z.fault is not None:
                name = text.zone_label(self.model.zone_info(z.id), z.id)
                faults.append(f"{name}: {text.fault(z.fault)}")
        if faults:
            words = translate("FaultBanner", "⚠ FAULT — {0}. The zone is off until the fault clears.")
            words = words.format(" · ".join(faults))
            if self.stove_name:
                words = translate("FaultBanner", "{0}: {1}").format(self.stove_name, words)
            set_text(self.label, words)
        self.setVisible(bool(faults))


class LinkBanner(_Banner):
    def __init__(self, model: StoveModel, parent: QWidget | None = None) -> None:
        super().__init__("LinkBanner", parent)
        self.model = model
        self.stove_name = ""        # with several stoves, the banner names its stove (:mod:`.multi`)
        model.link_changed.connect(self._on_change)
        self.refresh()

    def _on_change(self, _link: LinkState) -> None:
        self.refresh()

    def refresh(self) -> None:
        link = self.model.link
        kind, words = "", ""
        detail = f" ({link.message})" if link.message else ""
        if link.status is LinkStatus.LOST:
            last = self.model.state
            kind = "lost"
            if last is not None:
                words = translate("LinkBanner", "LINK TO THE STOVE LOST{0}. The values shown are the last received "
                                                "at stove time {1}, not live.").format(detail, text.clock(last.t))
            else:
                words = translate("LinkBanner", "LINK TO THE STOVE LOST{0}. The values shown are not live.").format(
                    detail)
            if "reconnect" not in link.message.lower():
                words += " " + translate("LinkBanner", "Reconnecting…")
        elif link.status is LinkStatus.CONNECTING and link.problem:
            kind = "lost"        # not "still connecting": something is wrong, and it says what
            words = problem_words(link) + " " + translate("LinkBanner", "Trying again…")
        elif link.status is LinkStatus.CONNECTING:
            kind = "connecting"
            words = translate("LinkBanner", "Starting the built-in simulated stove…") if link.transport == IN_PROCESS \
                else translate("LinkBanner", "Connecting to the stove at {0}…").format(link.transport)
        elif link.status is LinkStatus.CLOSED:
            kind = "lost"
            words = translate("LinkBanner", "Disconnected from the stove{0}. The values shown are not live.")
            words = words.format(detail)
        elif link.role == "observer" and link.transport.startswith(("mqtt://", "mqtts://")):
            kind = "observer"       # through a bridge on a broker: it is the bridge that may only switch off
            words = translate("LinkBanner", "Observer: this stove's bridge lets screens only switch off (it runs "
                                            "without --control). Controls are off; ALL OFF still works.")
        elif link.role == "observer":
            kind = "observer"
            words = translate("LinkBanner", "Observer session: another device controls this stove. Controls are off; "
                                            "ALL OFF still works.")
        if words and self.stove_name:
            words = translate("FaultBanner", "{0}: {1}").format(self.stove_name, words)
        set_prop(self, "kind", kind)
        set_text(self.label, words)
        self.label.setToolTip(link.message)      # the technical detail, for whoever sets the stove up
        self.setVisible(bool(words))


def problem_words(link: LinkState) -> str:
    """Why the stove cannot be reached, in plain words (``LinkState.problem``)."""
    where = link.transport
    host = urlsplit(where).hostname or where
    words = {
        "unknown_host": translate("LinkBanner", "Cannot find the stove: no computer on the network is called "
                                                "“{1}”. Check the stove's address."),
        "refused": translate("LinkBanner", "The stove at {0} refused the connection: nothing answers on that port. "
                                           "Is the stove on, and is the port right?"),
        "unreachable": translate("LinkBanner", "Cannot reach the stove at {0}: the network has no way there."),
        "timeout": translate("LinkBanner", "The stove at {0} does not answer."),
        "tls_untrusted": translate("LinkBanner", "The stove at {0} showed a certificate this screen does not trust, "
                                                 "so it did not connect. Give it the stove's certificate "
                                                 "(--ca-cert)."),
        "tls": translate("LinkBanner", "The secure (TLS) connection to the stove at {0} failed. Does the stove use "
                                       "ksps://?"),
        "token": translate("LinkBanner", "The stove at {0} refused this screen's token: it is wrong or missing "
                                         "(--token or --token-file)."),
        "protocol": translate("LinkBanner", "The stove at {0} does not speak KSP/1 as this screen expects."),
        "dropped": translate("LinkBanner", "The stove at {0} closed the connection."),
    }.get(link.problem)
    if words is None:
        return translate("LinkBanner", "Cannot connect to the stove at {0} ({1}).").format(where, link.message)
    return words.format(where, host)


class NoticeBar(_Banner):
    """The last few notices, newest first; refused commands stay longer than news."""

    def __init__(self, model: StoveModel, parent: QWidget | None = None) -> None:
        super().__init__("Notice", parent)
        self.model = model
        self._notices: list[tuple[str, str, float, str | None]] = []     # text, kind, expiry (monotonic s), key
        self._role: str | None = model.link.role if model.link.online else None
        self.dismiss = QPushButton("✕")
        self.dismiss.setObjectName("Dismiss")
        self.dismiss.setToolTip(translate("NoticeBar", "Dismiss"))
        self.dismiss.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.dismiss.clicked.connect(self.clear)
        self.row.addWidget(self.dismiss, 0, Qt.AlignmentFlag.AlignVCenter)
        # in the header: never taller than the header is (the newest notice shows first)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._expire)
        model.command_failed.connect(self._on_failure)
        model.event_received.connect(self._on_event)
        model.link_changed.connect(self._on_link)

    @property
    def messages(self) -> list[str]:
        return [n[0] for n in self._notices]

    def _on_link(self, link: LinkState) -> None:
        if not link.online:
            return
        before, self._role = self._role, link.role
        if before is not None and link.role != before:     # control moved while this screen watched
            notice = notices.role_notice(link)
            if notice is not None:
                self.notify(notice.text, "info", key=notice.key)

    def _on_failure(self, failure: CommandFailure) -> None:
        self.notify(str(failure), "error")

    def notify_from(self, stove_name: str, failure: CommandFailure) -> None:
        """A refused command of another stove in the same window (:mod:`.multi`), named."""
        self.notify(translate("FaultBanner", "{0}: {1}").format(stove_name, failure), "error")

    def _on_event(self, ev: StoveEvent) -> None:
        notice = notices.event_notice(ev, self.model.link, getattr(self.model.stove, "session_id", None))
        if notice is not None:
            self.notify(notice.text, "error" if notice.alarm else "info", key=notice.key)
            return
        who = text.zone_label(self.model.zone_info(ev.zone), ev.zone)
        message = text.temps_in_text(ev.message) if ev.message else ev.kind.replace("_", " ")
        if ev.zone is not None and not message.startswith(who):
            message = f"{who}: {message}"
        self.notify(message, "error" if ev.kind in ALARM_EVENTS else "info")

    def notify(self, message: str, kind: str = "info", key: str | None = None) -> None:
        """Show ``message`` on top; one with the same ``key`` replaces the older one instead of stacking."""
        ttl = ERROR_SHOW_S if kind == "error" else INFO_SHOW_S
        if key is not None:
            self._notices = [n for n in self._notices if n[3] != key]
        self._notices.insert(0, (message, kind, time.monotonic() + ttl, key))
        del self._notices[MAX_NOTICES:]
        self._show()
        self._timer.start()

    def clear(self) -> None:
        self._notices.clear()
        self._show()

    def _expire(self) -> None:
        now = time.monotonic()
        kept = [n for n in self._notices if n[2] > now]
        if len(kept) != len(self._notices):
            self._notices = kept
            self._show()

    def _show(self) -> None:
        if not self._notices:
            self._timer.stop()
            self.hide()
            return
        set_prop(self, "kind", "error" if any(n[1] == "error" for n in self._notices) else "info")
        set_text(self.label, "\n".join(self.messages))
        self.show()
