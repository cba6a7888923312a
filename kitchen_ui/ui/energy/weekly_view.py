"""A week of cooking energy: kWh, cost and CO₂ per day, reached from the History page.

Seven rows, Monday to Sunday, every day listed (a day without cooking shows 0), each with a bar
as long as its share of the week's busiest day, its energy, cost and number of sessions, and the
week's totals under them. Earlier / later weeks are one tap away. The figures are
:func:`kitchen_ui.energy.store.weekly_summary` of the sessions whose energy was saved; days are
the kitchen's local days.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from ...energy.store import WeekEnergy, weekly_summary
from ...storage.database import KitchenDB
from ..zone_card import set_text
from ..diet.words import co2, kwh, money, translate

BAR_STEPS = 1000


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def local_tz() -> tzinfo:
    tz = datetime.now().astimezone().tzinfo
    assert tz is not None
    return tz


def _label(name: str = "", right: bool = False) -> QLabel:
    lab = QLabel("")
    if name:
        lab.setObjectName(name)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    if right:
        lab.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return lab


class WeeklyEnergyView(QFrame):
    back_requested = Signal()

    def __init__(self, kdb: KitchenDB, currency: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Panel")
        self.kdb = kdb
        self.currency = currency
        self.week: WeekEnergy | None = None
        self.start = monday_of(date.today())
        self.title = _label("PanelTitle")
        self.title.setText(translate("Diet", "Energy by day"))
        self.week_label = _label("Hint")
        self.earlier = QPushButton(translate("Diet", "◀ Earlier"))
        self.later = QPushButton(translate("Diet", "Later ▶"))
        self.back = QPushButton(translate("Diet", "Sessions"))
        self.back.setToolTip(translate("Diet", "Back to the recorded sessions"))
        self.earlier.clicked.connect(lambda: self.show_week(self.start - timedelta(days=7)))
        self.later.clicked.connect(lambda: self.show_week(self.start + timedelta(days=7)))
        self.back.clicked.connect(self.back_requested)
        for b in (self.earlier, self.later, self.back):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(6)
        self.days: list[QLabel] = []
        self.bars: list[QProgressBar] = []
        self.energy: list[QLabel] = []
        self.costs: list[QLabel] = []
        self.counts: list[QLabel] = []
        for i in range(7):
            day, bar = _label(), QProgressBar()
            bar.setObjectName("DayBar")
            bar.setRange(0, BAR_STEPS)
            bar.setTextVisible(False)
            e, c, n = _label(right=True), _label(right=True), _label("Hint", right=True)
            for col, w in enumerate((day, bar, e, c, n)):
                self.grid.addWidget(w, i, col)
            self.days.append(day)
            self.bars.append(bar)
            self.energy.append(e)
            self.costs.append(c)
            self.counts.append(n)
        self.grid.setColumnStretch(1, 1)
        self.total = _label("Section")
        self.total.setWordWrap(True)
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.week_label)
        head.addLayout(titles, 1)
        for b in (self.earlier, self.later, self.back):
            head.addWidget(b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 10)
        lay.addLayout(head)
        lay.addLayout(self.grid)
        lay.addWidget(self.total)
        lay.addStretch(1)

    def show_week(self, start: date | None = None, tz: tzinfo | None = None) -> WeekEnergy:
        """Read and show the week from ``start`` (a Monday; this week when None)."""
        self.start = monday_of(start or date.today())
        week = weekly_summary(self.kdb, self.start, tz or local_tz())
        self.week = week
        currency = week.currency or self.currency
        set_text(self.week_label, translate("Diet", "Week of {day}").format(day=self.start.strftime("%a %d %b %Y")))
        busiest = max((d.energy_wh for d in week.days), default=0.0)
        for i, d in enumerate(week.days):
            set_text(self.days[i], d.day.strftime("%a %d %b"))
            self.bars[i].setValue(round(BAR_STEPS * d.energy_wh / busiest) if busiest > 0 else 0)
            set_text(self.energy[i], kwh(d.energy_wh))
            set_text(self.costs[i], money(d.cost, currency))
            set_text(self.counts[i], translate("Diet", "{n} sessions").format(n=d.sessions) if d.sessions != 1
                     else translate("Diet", "1 session"))
        set_text(self.total, translate("Diet", "This week: {energy} · {money} · {co2}").format(
            energy=kwh(week.energy_wh), money=money(week.cost, currency), co2=co2(week.co2_g)))
        self.later.setEnabled(self.start + timedelta(days=7) <= date.today())
        return week

    def rows(self) -> list[str]:
        """What each day's row says (tests, diagnostics)."""
        return [f"{self.days[i].text()} | {self.energy[i].text()} | {self.costs[i].text()} | {self.counts[i].text()}"
                for i in range(7)]
