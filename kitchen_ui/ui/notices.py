"""What a stove event means to the cook at this screen, in plain words (the notice bar shows it).

Most events are shown as the stove words them. Two are about *who* does what, which the stove
can only say in its own terms ("connection 2 (kitchen-ui/0.1.0) is the controller"): who controls
the stove is told from this screen's point of view, and a notice about control replaces the
previous one instead of stacking (they share the key ``ROLE``). ALL OFF pressed on another
screen says so and names that screen (KSP/1 events carry ``by`` and ``by_session``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from ..core.model import LinkState, StoveEvent

translate = QCoreApplication.translate
ROLE = "role"
_OUR_CLIENT = re.compile(r"^kitchen-ui/\S+ \((?P<screen>.+)\)$")


@dataclass(frozen=True)
class Notice:
    text: str
    alarm: bool = False
    key: str | None = None      # a new notice with the same key replaces the old one


def screen_name(client: str) -> str:
    """A person's name for another screen: its host for a Hearth dashboard, else what it calls itself."""
    m = _OUR_CLIENT.match(client)
    return m.group("screen") if m else client


def by_another_screen(ev: StoveEvent, own_session: str | None) -> bool:
    return ev.by is not None and (own_session is None or ev.by_session != own_session)


def role_notice(link: LinkState) -> Notice | None:
    """After this screen's role changed: who controls the stove now."""
    if not link.online:
        return None
    if link.role == "controller":
        return Notice(translate("Notices", "You now control the stove."), key=ROLE)
    if link.role == "observer":
        return Notice(translate("Notices", "Another screen now controls the stove; you are watching. "
                                           "ALL OFF still works here."), key=ROLE)
    return None


def event_notice(ev: StoveEvent, link: LinkState, own_session: str | None) -> Notice | None:
    """The notice for a stove event that is about control or another screen; None: show it as worded."""
    if ev.kind == "controller_changed":
        ours = ev.by is not None and own_session is not None and ev.by_session == own_session
        if ours or (ev.by is None and link.online and link.role == "controller"):
            return Notice(translate("Notices", "You now control the stove."), key=ROLE)
        if ev.by is None and ev.message.lower().startswith("no controller"):
            # the slot was freed: this screen, if it wants control, asks for it at once
            return Notice(translate("Notices", "No screen controls the stove at the moment."), key=ROLE)
        if ev.by is None:       # a stove that does not say who (``by`` is optional in KSP/1)
            return role_notice(link) or Notice(translate("Notices", "Another screen now controls the stove."),
                                               key=ROLE)
        return Notice(translate("Notices", "Another screen ({0}) now controls the stove; you are watching. "
                                           "ALL OFF still works here.").format(screen_name(ev.by)), key=ROLE)
    if ev.kind == "all_off" and by_another_screen(ev, own_session):
        return Notice(translate("Notices", "All zones switched off from another screen ({0}).").format(
            screen_name(ev.by or "")), alarm=True)
    return None
