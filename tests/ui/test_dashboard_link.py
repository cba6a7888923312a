"""The link to the stove, shown plainly: lost, observer, failed commands, other threads."""

import threading

from PySide6.QtCore import QThread, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

from kitchen_ui.core.errors import LOCKED, KspError, LinkError
from kitchen_ui.core.model import LinkStatus

from .fake_stove import FakeStove


def tap(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def text_color(label: QLabel) -> QColor:
    label.ensurePolished()
    return label.palette().color(QPalette.ColorRole.WindowText)


def test_link_lost_greys_the_last_values_and_says_so(qtbot, fake_dashboard, fake_stove: FakeStove):
    fake_stove.set_zone(0, mode="level", level=6, temp_c=151.0, power_w=1200.0, pan=True)
    fake_stove.push()
    card = fake_dashboard.cards.cards[0]
    live_color = text_color(card.temp)
    assert card.temp.text() == "151" and "NOT LIVE" not in card.extras.text()

    fake_stove.set_link(LinkStatus.LOST, "controller", "no answer for 3 s")
    assert card.temp.text() == "151"                          # the last value stays readable...
    assert card.temp.property("stale") is True                # ...but is never shown as live
    assert text_color(card.temp) != live_color
    assert text_color(card.temp) == QColor(fake_dashboard.theme.c("stale"))
    assert "NOT LIVE" in card.extras.text()
    banner = fake_dashboard.link_banner
    assert banner.isVisible()
    assert "LOST" in banner.label.text() and "not live" in banner.label.text()
    assert "no answer for 3 s" in banner.label.text()
    assert "LINK LOST" in fake_dashboard.status.link.text()
    assert fake_dashboard.status.power.property("stale") is True
    assert all(lab.property("stale") for lab in fake_dashboard.plot.legend)

    fake_stove.set_link(LinkStatus.ONLINE, "controller")
    fake_stove.push()
    assert card.temp.property("stale") is False
    assert text_color(card.temp) == live_color
    assert not banner.isVisible()


def test_link_lost_pauses_controls_but_off_and_all_off_stay(qtbot, fake_dashboard, fake_stove):
    fake_stove.set_link(LinkStatus.LOST, "controller")
    manual = fake_dashboard.manual
    assert not any(b.isEnabled() for b in manual.level_buttons.values())
    assert not manual.hold_button.isEnabled()
    assert manual.off_button.isEnabled()
    assert fake_dashboard.all_off_button.isEnabled()
    assert "lost" in manual.reason.text().lower()


def test_observer_disables_controls_but_not_all_off(qtbot, fake_dashboard, fake_stove):
    fake_stove.set_link(LinkStatus.ONLINE, "observer")
    manual = fake_dashboard.manual
    assert not any(b.isEnabled() for b in manual.level_buttons.values())
    assert not manual.boost_button.isEnabled()
    assert not any(b.isEnabled() for b in manual.step_buttons.values())
    assert not manual.hold_button.isEnabled()
    assert manual.reason.isVisible() and "Observer" in manual.reason.text()
    assert "Observer" in fake_dashboard.link_banner.label.text()
    assert "observer" in fake_dashboard.status.link.text()
    # switching off is never refused to anyone: both still work
    assert fake_dashboard.all_off_button.isEnabled()
    tap(qtbot, fake_dashboard.all_off_button)
    assert fake_stove.requests[-1] == ("stove.all_off", {})
    tap(qtbot, manual.off_button)
    assert fake_stove.requests[-1] == ("zone.off", {"zone": 0})
    # a disabled level button sends nothing
    before = len(fake_stove.requests)
    tap(qtbot, manual.level_buttons[5])
    assert len(fake_stove.requests) == before


def test_becoming_controller_enables_the_controls_again(qtbot, fake_dashboard, fake_stove):
    fake_stove.set_link(LinkStatus.ONLINE, "observer")
    fake_stove.set_link(LinkStatus.ONLINE, "controller")
    assert all(b.isEnabled() for b in fake_dashboard.manual.level_buttons.values())
    assert not fake_dashboard.manual.reason.isVisible()
    assert not fake_dashboard.link_banner.isVisible()


def test_a_command_the_link_could_not_deliver_is_reported(qtbot, fake_dashboard, fake_stove):
    fake_stove.fail_with = LinkError("connection reset by peer")
    tap(qtbot, fake_dashboard.manual.level_buttons[3])
    notices = fake_dashboard.notices
    assert notices.isVisible() and notices.property("kind") == "error"
    assert "front-left: could not set level 3" in notices.label.text()
    assert "connection reset by peer" in notices.label.text()


def test_all_off_that_fails_is_reported_too(qtbot, fake_dashboard, fake_stove):
    fake_stove.set_link(LinkStatus.LOST, "controller")
    fake_stove.fail_with = LinkError("stove unreachable")
    tap(qtbot, fake_dashboard.all_off_button)
    assert "could not switch every zone off" in fake_dashboard.notices.label.text()
    assert "stove unreachable" in fake_dashboard.notices.label.text()


def test_several_failures_are_all_visible(qtbot, fake_dashboard, fake_stove):
    fake_stove.fail_with = KspError(LOCKED, "the stove is locked (child lock)")
    tap(qtbot, fake_dashboard.manual.level_buttons[2])
    fake_dashboard.manual.select_zone(1)
    tap(qtbot, fake_dashboard.manual.hold_button)
    text = fake_dashboard.notices.label.text()
    assert "front-left: could not set level 2" in text
    assert "back-left: could not hold 100 °C" in text
    tap(qtbot, fake_dashboard.notices.dismiss)
    assert not fake_dashboard.notices.isVisible()


def test_a_failure_from_another_thread_reaches_the_window(qtbot, fake_dashboard, fake_stove):
    fake_stove.hold = True
    tap(qtbot, fake_dashboard.manual.level_buttons[8])
    assert not fake_dashboard.notices.isVisible()          # nothing yet: the answer is pending
    fut = fake_stove.pending.pop()
    worker = threading.Thread(target=lambda: fut.set_exception(KspError(-32603, "firmware busy")))
    worker.start()
    worker.join()
    qtbot.waitUntil(fake_dashboard.notices.isVisible, timeout=2000)
    assert "front-left: could not set level 8 — firmware busy" in fake_dashboard.notices.label.text()


def test_telemetry_from_a_worker_thread_is_delivered_on_the_gui_thread(qtbot, fake_dashboard, fake_stove):
    model = fake_dashboard.model
    seen = []
    model.state_changed.connect(lambda s: seen.append((s.t, QThread.currentThread())))
    fake_stove.set_zone(2, mode="level", level=4, temp_c=88.0)
    worker = threading.Thread(target=fake_stove.push)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(seen) > 0, timeout=2000)
    assert seen[-1][1] is model.thread()
    assert fake_dashboard.cards.cards[2].temp.text() == "88"


def test_a_command_answer_shows_at_once_without_waiting_for_telemetry(qtbot, fake_dashboard, fake_stove):
    tap(qtbot, fake_dashboard.manual.level_buttons[7])
    assert fake_stove.requests[-1] == ("zone.set_level", {"zone": 0, "level": 7})
    assert fake_dashboard.cards.cards[0].level.text() == "7"


def test_stove_events_are_shown(qtbot, fake_dashboard, fake_stove):
    fake_stove.emit_event("boost_ended", 1, "back-left: boost ended after 10 minutes; back to level 9")
    assert fake_dashboard.notices.isVisible()
    assert "back-left: boost ended" in fake_dashboard.notices.label.text()
    assert fake_dashboard.notices.property("kind") == "info"
    fake_stove.emit_event("overheat", 0, "pan above 300 °C; zone switched off")
    assert "front-left: pan above 300 °C" in fake_dashboard.notices.label.text()
    assert fake_dashboard.notices.property("kind") == "error"


def test_connecting_and_closed_are_said_plainly(qtbot, fake_dashboard, fake_stove):
    fake_stove.set_link(LinkStatus.CONNECTING, None)
    assert "Connecting to the stove at ksp://fake:7868" in fake_dashboard.link_banner.label.text()
    assert not fake_dashboard.manual.level_buttons[1].isEnabled()
    fake_stove.set_link(LinkStatus.CLOSED, None)
    assert "Disconnected" in fake_dashboard.link_banner.label.text()
    assert fake_dashboard.all_off_button.isEnabled()


def test_status_bar_shows_link_stove_time_and_total_power(qtbot, fake_dashboard, fake_stove):
    fake_stove.set_zone(0, mode="level", level=9, power_w=2300.0)
    fake_stove.set_zone(1, mode="level", level=5, power_w=700.0)
    fake_stove.t = 754.0
    fake_stove.push(0.0)
    status = fake_dashboard.status
    assert "ksp://fake:7868" in status.link.text() and "controller" in status.link.text()
    assert "online" in status.link.text()
    assert status.stove_time.text() == "Stove time 12:34"
    assert status.power.text() == "Total 3.0 kW"


def test_recipe_area_shows_a_placeholder_until_filled(qtbot, fake_dashboard):
    area = fake_dashboard.recipe_area
    assert area.isVisible() and area.placeholder.isVisible()
    steps = QLabel("Step 1: bring the water to the boil")
    area.set_content(steps)
    assert area.content is steps and steps.isVisible() and not area.placeholder.isVisible()
    area.set_content(None)
    assert area.placeholder.isVisible() and steps.parent() is None


def test_a_stove_with_six_zones_gets_six_cards_and_tabs(qtbot):
    from kitchen_ui.ui.main_window import MainWindow
    from kitchen_ui.ui.stove_model import StoveModel

    stove = FakeStove(zones=6)
    model = StoveModel(stove)
    window = MainWindow(model)
    qtbot.addWidget(window)
    assert window.cards.cards == []                        # no hello yet: nothing to show
    stove.start()
    assert [c.info.name for c in window.cards.cards][-1] == "back-centre"
    assert len(window.manual.zone_tabs) == 6 and len(window.plot.temp_curves) == 6
    model.close()
