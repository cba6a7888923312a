"""What a cook does at the dashboard, on the real simulated stove (manual clock, no sleeping)."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from kitchen_ui.core.model import FAULT_TEXT


def tap(qtbot, widget):
    assert widget.isVisible() and widget.isEnabled(), f"{widget.text() if hasattr(widget, 'text') else widget} cannot be tapped"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def painted_color(widget) -> QColor:
    """The colour a cook sees in the middle of the widget's left edge (its background)."""
    image = widget.grab().toImage()
    return QColor(image.pixelColor(3, image.height() // 2).rgb())


def select(qtbot, window, zone):
    tap(qtbot, window.cards.cards[zone])
    assert window.manual.zone == zone


def test_tapping_a_level_sets_that_zone_to_that_level(qtbot, dashboard, sim_stove):
    select(qtbot, dashboard, 2)
    tap(qtbot, dashboard.manual.level_buttons[5])
    zone = sim_stove.sim.zones[2]
    assert (zone.mode, zone.level) == ("level", 5)
    assert sim_stove.sim.zones[0].mode == "off"            # only the selected zone changed
    sim_stove.advance(1.0)
    card = dashboard.cards.cards[2]
    assert card.level.text() == "5"
    assert dashboard.manual.level_buttons[5].property("current") is True
    assert card.power.text().startswith("Power") and card.power.text() != "Power 0 W"


def test_tapping_a_card_selects_it_for_the_manual_controls(qtbot, dashboard):
    select(qtbot, dashboard, 3)
    assert dashboard.cards.cards[3].property("selected") is True
    assert dashboard.cards.cards[0].property("selected") is False
    assert dashboard.manual.zone_tabs[3].isChecked()


def test_setting_a_target_temperature_holds_it(qtbot, dashboard, sim_stove):
    select(qtbot, dashboard, 1)
    for _ in range(3):
        tap(qtbot, dashboard.manual.step_buttons[10])
    tap(qtbot, dashboard.manual.step_buttons[-1])
    assert dashboard.manual.target_value.text() == "129 °C"
    tap(qtbot, dashboard.manual.hold_button)
    zone = sim_stove.sim.zones[1]
    assert (zone.mode, zone.target_c) == ("target", 129.0)
    sim_stove.advance(1.0)
    assert dashboard.cards.cards[1].target.text() == "Target 129 °C"


def test_target_steps_stop_at_the_zone_range(qtbot, dashboard):
    select(qtbot, dashboard, 0)
    for _ in range(30):
        tap(qtbot, dashboard.manual.step_buttons[10])
    assert dashboard.manual.target_value.text() == "250 °C"


def test_boost_shows_p_and_tapping_it_again_ends_boost(qtbot, dashboard, sim_stove):
    select(qtbot, dashboard, 0)
    tap(qtbot, dashboard.manual.boost_button)
    assert sim_stove.sim.zones[0].boost is True
    sim_stove.advance(1.0)
    assert dashboard.cards.cards[0].level.text() == "P"
    assert dashboard.cards.cards[0].power.text() == "Power 3.7 kW"
    tap(qtbot, dashboard.manual.boost_button)
    assert sim_stove.sim.zones[0].boost is False and sim_stove.sim.zones[0].level == 9


def test_boost_is_disabled_on_a_zone_without_boost(qtbot, dashboard):
    select(qtbot, dashboard, 3)                          # the gas zone
    assert not dashboard.manual.boost_button.isEnabled()
    assert dashboard.manual.level_buttons[5].isEnabled()


def test_all_off_switches_every_zone_off(qtbot, dashboard, sim_stove):
    sim_stove.set_level(0, 7)
    sim_stove.set_target(1, 180.0)
    sim_stove.set_level(2, 5)
    sim_stove.set_level(3, 3)
    sim_stove.advance(5.0)
    assert sum(z.mode != "off" for z in sim_stove.sim.zones) == 4
    tap(qtbot, dashboard.all_off_button)
    assert all(z.mode == "off" for z in sim_stove.sim.zones)
    sim_stove.advance(0.5)
    assert all(card.level.text() == "0" for card in dashboard.cards.cards)


def test_off_switches_the_selected_zone_off(qtbot, dashboard, sim_stove):
    sim_stove.set_level(2, 6)
    select(qtbot, dashboard, 2)
    tap(qtbot, dashboard.manual.off_button)
    assert sim_stove.sim.zones[2].mode == "off"


def test_an_injected_fault_shows_on_the_card_and_in_the_banner_in_plain_words(qtbot, dashboard, sim_stove):
    assert not dashboard.fault_banner.isVisible()
    sim_stove.set_level(0, 6)
    sim_stove.sim_inject_fault(0, "sensor_open")
    sim_stove.advance(0.5)
    card = dashboard.cards.cards[0]
    words = FAULT_TEXT["sensor_open"]
    assert card.fault.isVisible() and card.fault.text() == words
    assert card.property("fault") is True
    assert painted_color(card.fault) == QColor(dashboard.theme.c("fault_bg"))     # red, not just words
    assert card.temp.text() == "--"                      # no reading, not a stale number
    assert dashboard.fault_banner.isVisible()
    assert "front-left" in dashboard.fault_banner.label.text() and words in dashboard.fault_banner.label.text()
    # the stove switched the zone off and says so
    assert sim_stove.sim.zones[0].mode == "off"
    assert any("front-left" in m for m in dashboard.notices.messages)


def test_a_heater_that_does_not_heat_is_detected_and_shown(qtbot, dashboard, sim_stove):
    sim_stove.sim_inject_fault(3, "heater_dead")
    sim_stove.set_level(3, 9)
    for _ in range(120):                                  # two minutes of stove time
        sim_stove.advance(1.0)
    assert dashboard.cards.cards[3].fault.text() == FAULT_TEXT["heater_dead"]
    assert FAULT_TEXT["heater_dead"] in dashboard.fault_banner.label.text()


def test_fault_banner_goes_when_the_fault_clears(qtbot, dashboard, sim_stove):
    sim_stove.sim_inject_fault(1, "sensor_open")
    sim_stove.advance(0.5)
    assert dashboard.fault_banner.isVisible()
    sim_stove.sim_clear_fault(1)
    sim_stove.advance(0.5)
    assert not dashboard.fault_banner.isVisible()
    assert not dashboard.cards.cards[1].fault.isVisible()


def test_a_refused_command_is_reported_with_the_zone_and_the_reason(qtbot, dashboard, sim_stove):
    sim_stove.set_lock(True)
    sim_stove.advance(0.1)
    assert dashboard.status.lock.text() == "Child lock ON"
    select(qtbot, dashboard, 1)
    tap(qtbot, dashboard.manual.level_buttons[6])
    assert sim_stove.sim.zones[1].mode == "off"
    assert dashboard.notices.isVisible()
    text = dashboard.notices.label.text()
    assert "back-left" in text and "set level 6" in text and "locked" in text
    assert dashboard.notices.property("kind") == "error"


def test_a_faulted_zone_refuses_to_switch_on_and_says_so(qtbot, dashboard, sim_stove):
    sim_stove.sim_inject_fault(2, "sensor_open")
    sim_stove.advance(0.5)
    select(qtbot, dashboard, 2)
    tap(qtbot, dashboard.manual.level_buttons[4])
    assert "back-right: could not set level 4" in dashboard.notices.label.text()
    assert "faulted" in dashboard.notices.label.text()


def test_residual_heat_shows_h_after_a_hot_zone_is_switched_off(qtbot, dashboard, sim_stove):
    card = dashboard.cards.cards[0]
    assert not card.heat.isVisible()
    sim_stove.set_level(0, 9)
    for _ in range(40):
        sim_stove.advance(15.0)                            # ten minutes at full power
    sim_stove.zone_off(0)
    sim_stove.advance(1.0)
    assert card.heat.isVisible() and card.heat.text() == "H"
    assert painted_color(card.heat) == QColor(dashboard.theme.c("residual_heat"))
    assert card.level.text() == "0"


def test_a_timer_counts_down_on_the_card(qtbot, dashboard, sim_stove):
    sim_stove.set_level(2, 4)
    sim_stove.set_timer(2, 300)
    sim_stove.advance(60.0)
    assert "Timer 4:00" in dashboard.cards.cards[2].extras.text()


def test_every_button_is_a_touch_target_of_at_least_48_px_at_every_size(qtbot, dashboard, sim_stove):
    from PySide6.QtWidgets import QApplication, QPushButton

    sim_stove.sim_inject_fault(2, "sensor_open")            # banner and notice take room too
    sim_stove.advance(0.5)
    central = dashboard.centralWidget()

    def fits():
        need, have = central.minimumSizeHint(), central.size()
        return need.width() <= have.width() and need.height() <= have.height()

    for size in ((1280, 800), (1024, 600), (1920, 1080)):
        dashboard.resize(*size)
        qtbot.waitUntil(lambda: dashboard.size().width() == size[0], timeout=1000)
        QApplication.processEvents()                          # the new scale's fonts and layout
        # nothing squeezed below the size it needs (Qt would overlap or clip it)
        qtbot.waitUntil(fits, timeout=2000)
        dashboard.grab()                                      # lay out and paint at this size
        buttons = [b for b in dashboard.findChildren(QPushButton) if b.isVisible()]
        assert len(buttons) > 20
        small = [(b.text(), b.width(), b.height()) for b in buttons if b.height() < 48 or b.width() < 48]
        assert small == [], f"at {size}: {small}"
        assert dashboard.all_off_button.height() >= 48 and dashboard.all_off_button.width() >= 144
