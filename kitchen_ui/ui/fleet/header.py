"""The fleet screen's header and the strip under it.

The header: the kitchen's energy balance (power now against the budget, energy today), the
broker's state, and ALL OFF everywhere. The strip has a fixed height, so the tiles never move
under a finger: the budget warning, in words, when the zones that are on could draw more than
the budget (the Fleet decides), unless the broker is not connected (then that, and why); else,
for half a minute, the latest ALL OFF that was not
confirmed; else a quiet hint.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from ...mqtt.fleet import Fleet, KitchenBalance
from .. import text

translate = QCoreApplication.translate
NOTICE_MS = 30_000        # an unconfirmed ALL OFF stays in the strip this long (the next one replaces it)


def energy(wh: float) -> str:
    return f"{wh / 1000:.1f} kWh" if wh >= 1000 else f"{wh:.0f} Wh"


def balance_words(b: KitchenBalance) -> str:
    now = translate("Fleet", "Now {0}").format(text.power(b.power_w))
    if b.budget_w is not None:
        now = translate("Fleet", "Now {0} of {1}").format(text.power(b.power_w), text.power(b.budget_w))
    return now + " · " + translate("Fleet", "today {0}").format(energy(b.energy_today_wh))


def budget_warning(b: KitchenBalance) -> str:
    return translate("Fleet", "Over the power budget: the {0} zones on can draw {1}, the budget is {2}. "
                              "Switch something off before adding more.").format(
        b.zones_on, text.power(max(b.demand_w, b.power_w)), text.power(b.budget_w or 0))


class FleetHeader(QFrame):
    def __init__(self, fleet: Fleet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fleet = fleet
        self.setObjectName("Header")
        title = QLabel(translate("Fleet", "Hearth — the kitchen"))
        title.setObjectName("AppTitle")
        self.balance = QLabel(translate("Fleet", "waiting for stoves…"))
        self.balance.setObjectName("Balance")
        self.broker = QLabel(translate("Fleet", "connecting to the broker…"))
        self.broker.setObjectName("BrokerState")
        self.all_off_button = QPushButton(translate("Fleet", "ALL OFF everywhere"))
        self.all_off_button.setObjectName("AllOff")
        self.all_off_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.all_off_button.setToolTip(translate("Fleet", "Switch every zone of every stove off now (always allowed)"))
        self.all_off_button.clicked.connect(fleet.all_off_everywhere)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 6, 10, 6)
        row.setSpacing(16)
        row.addWidget(title)
        row.addWidget(self.balance, 1)
        row.addWidget(self.broker)
        row.addWidget(self.all_off_button, 0, Qt.AlignmentFlag.AlignVCenter)
        fleet.balance_changed.connect(self._on_balance)
        fleet.broker_changed.connect(self._on_broker)

    def _on_balance(self, b: KitchenBalance) -> None:
        self.balance.setText(balance_words(b))

    def _on_broker(self, up: bool, message: str) -> None:
        self.broker.setText(translate("Fleet", "broker connected") if up else translate("Fleet", "BROKER LOST"))
        self.broker.setToolTip(message)
        if self.broker.property("lost") != (not up):
            self.broker.setProperty("lost", not up)
            self.broker.style().unpolish(self.broker)
            self.broker.style().polish(self.broker)


class FleetStrip(QFrame):
    def __init__(self, fleet: Fleet, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FleetStrip")
        self.label = QLabel("")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 2, 16, 2)
        row.addWidget(self.label, 1)
        self.budget: str = ""
        self.last_notice: str = ""
        self._expire = QTimer(self)
        self._expire.setSingleShot(True)
        self._expire.setInterval(NOTICE_MS)
        self._expire.timeout.connect(self._clear_notice)
        self.broker: str = ""
        fleet.balance_changed.connect(self._on_balance)
        fleet.notice.connect(self._on_notice)
        fleet.broker_changed.connect(self._on_broker)
        self._show()

    def _on_balance(self, b: KitchenBalance) -> None:
        self.budget = budget_warning(b) if b.over_budget else ""
        self._show()

    def _on_notice(self, _stove: str, message: str) -> None:
        self.last_notice = message
        self._expire.start()
        self._show()

    def _on_broker(self, up: bool, message: str) -> None:
        self.broker = "" if up else translate("Fleet", "Not connected to the broker: {0}. The tiles show the last "
                                                        "values received, not live.").format(message)
        self._show()

    def _clear_notice(self) -> None:
        self.last_notice = ""
        self._show()

    def _show(self) -> None:
        if self.broker:
            kind, words = "notice", self.broker
        elif self.budget:
            kind, words = "budget", self.budget
        elif self.last_notice:
            kind, words = "notice", self.last_notice
        else:
            kind, words = "quiet", translate("Fleet", "Tap a stove to open its dashboard.")
        self.label.setText(words)
        if self.property("kind") != kind:
            self.setProperty("kind", kind)
            for w in (self, self.label):
                w.style().unpolish(w)
                w.style().polish(w)
