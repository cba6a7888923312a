"""The status bar's energy line, over the stove's :class:`~kitchen_ui.app.energy.SessionEnergy`.

Short because the bar is shared: "⚡ 0.123 kWh · 0.04 EUR · 31 g CO₂" while a session runs,
"⚡ Last: …" after it (the tooltip says which).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from ...app.energy import SessionEnergy
from ...energy.meter import EnergyReading
from ..diet.words import energy_line, translate
from ..zone_card import set_text


class EnergyStatus(QLabel):
    """The status bar's energy line."""

    def __init__(self, energy: SessionEnergy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.energy = energy
        self.setObjectName("EnergyStatus")
        self.setToolTip(translate("Diet", "Energy, cost and CO₂ of the cooking session, from the stove's meters"))
        energy.reading_changed.connect(self.show_reading)
        self.show_reading(energy.reading)

    def show_reading(self, reading: EnergyReading | None) -> None:
        if reading is None:
            set_text(self, "⚡ " + translate("Diet", "No cooking yet"))
            return
        figures = energy_line(reading.energy_wh, reading.cost, reading.currency, reading.co2_g)
        if self.energy.live:
            words = figures
            tip = translate("Diet", "This cooking session so far: {figures}, from the stove's meters")
        else:
            words = translate("Diet", "Last: {figures}").format(figures=figures)
            tip = translate("Diet", "The last cooking session used {figures}")
        set_text(self, "⚡ " + words)
        self.setToolTip(tip.format(figures=figures))
