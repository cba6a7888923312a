"""Running the fleet screen: the Qt application, the Fleet's connection, screenshots and ``--stats``.

As the dashboard's run (:mod:`..app`): ``--size``, ``--run-for`` and ``--screenshot`` make it
quit by itself, ``--stats`` prints one JSON line at exit with ``"stoves"`` (how many it showed)
and how much telemetry reached the screen in order; frames and lag count from 1.5 s after the
start, once the first tiles are made (the slowest frame before is ``warmup_ms_max``). ``--kiosk`` opens it full screen and
frameless (every control at least 48 px high).
"""

from __future__ import annotations

import json
import signal
import sys
from dataclasses import dataclass

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ...mqtt.broker import BrokerLogin
from ...mqtt.fleet import Fleet
from ...mqtt.remote_stove import MqttStove
from ...mqtt.topics import Topics
from ..app import DEFAULT_SCREENSHOT_AFTER_S, DEFAULT_SIZE
from ..crash import CrashGuard, ErrorBanner
from ..i18n import SOURCE_LANGUAGE, install_translators, remove_translators
from ..stats import FrameStats, LoopLagProbe, Percentiles
from ..theme import load_theme_or_default
from .window import FleetWindow

WARMUP_MS = 1500      # --stats: frames and lag are measured from then on (the first tiles are made before)


@dataclass
class FleetOptions:
    size: tuple[int, int] | None = None
    run_for: float | None = None
    screenshot: str | None = None
    stats: bool = False
    kiosk: bool = False
    lang: str = SOURCE_LANGUAGE
    power_budget_w: float | None = None
    log_dir: object = None


def run_fleet(login: BrokerLogin, topics: Topics, opts: FleetOptions) -> int:
    qapp = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "kitchen-ui"])
    qapp.setApplicationName("Hearth")
    translators = install_translators(opts.lang)
    fleet = Fleet(login, topics=topics, power_budget_w=opts.power_budget_w)
    window = FleetWindow(fleet, lambda name: MqttStove(login, name, topics=topics), load_theme_or_default())
    banner = ErrorBanner()
    crash = CrashGuard(banner, opts.log_dir, parent=window)
    crash.install()
    stats = FrameStats() if opts.stats else None
    probe = LoopLagProbe(stats) if stats is not None else None
    warmup = Percentiles()          # the first seconds: tiles made and styled as the stoves appear
    measuring = [False]
    if stats is not None:
        window.on_work = lambda ms: stats.add_work(ms) if measuring[0] else warmup.add(ms)
        window.on_paint = lambda ms: stats.add_paint(ms) if measuring[0] else warmup.add(ms)

        def begin() -> None:
            measuring[0] = True
            probe.start()
    exit_code = 0
    window.resize(*(opts.size or DEFAULT_SIZE))
    fleet.start()
    if opts.kiosk and opts.size is None:
        window.showFullScreen()
    else:
        if opts.kiosk:
            from PySide6.QtCore import Qt
            window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
            window.move(0, 0)
        window.show()
    window.start()
    if probe is not None:
        QTimer.singleShot(WARMUP_MS, begin)
    run_for = opts.run_for if opts.run_for is not None else (DEFAULT_SCREENSHOT_AFTER_S if opts.screenshot else None)

    def quit_by_itself() -> None:
        nonlocal exit_code
        if opts.screenshot:
            window.redraw()
            if not window.grab().save(opts.screenshot, "PNG"):
                print(f"kitchen-ui: cannot write the screenshot {opts.screenshot!r}", file=sys.stderr)
                exit_code = 1
        qapp.exit(0)

    if run_for is not None:
        QTimer.singleShot(max(1, int(run_for * 1000)), quit_by_itself)
    previous = signal.signal(signal.SIGINT, lambda *_: qapp.exit(0))
    heartbeat = QTimer()
    heartbeat.timeout.connect(lambda: None)
    heartbeat.start(200)
    try:
        qapp.exec()
    finally:
        heartbeat.stop()
        signal.signal(signal.SIGINT, previous)
        if probe is not None:
            probe.stop()
        window.stop()
        fleet.stop()
    if stats is not None:
        d = fleet.delivery()
        received = sum(d.received.values())
        in_order = sum(d.in_order.values())
        print(json.dumps({**stats.summary(), "stoves": len(fleet.names), "warmup_ms_max": round(warmup.worst, 2),
                          "telemetry_received": received, "telemetry_sent": sum(d.sent.values()),
                          "telemetry_in_order_pct": round(100.0 * in_order / received, 2) if received else None}),
              flush=True)
    if not fleet.broker_up and not fleet.names and (opts.run_for is not None or opts.screenshot) and exit_code == 0:
        print(f"kitchen-ui: never reached the broker {login.address}", file=sys.stderr)
        exit_code = 1
    window.close()
    crash.uninstall()
    remove_translators(translators)
    window.deleteLater()
    return exit_code
