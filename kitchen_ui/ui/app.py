"""Running the dashboard: the Qt application, the stove's lifecycle, screenshots and ``--stats``.

The stove is opened before any window exists, so a wrong address or profile fails at once with
a clear message. ``--run-for`` and ``--screenshot`` make the app quit by itself (CI, docs);
``--stats`` prints one JSON line of frame, lag and memory figures at exit. A network stove never
reached during the run is named on stderr with the last reason, and such a run that quit by
itself exits 1: its screenshot or figures are not of the stove that was asked for. Given a kitchen
database (``DashboardOptions.kitchen_db``: open, or still opening on its worker thread), the window
gets the recipes, history and recording (:class:`~kitchen_ui.ui.recipes.kitchen.Kitchen`) as
soon as the file has passed its check (:mod:`.kitchen_loader`); a damaged one is refused, and the
run exits 1 with manual control working to the end.

The language is installed before any widget exists (:mod:`.i18n`). The window is then either
the desktop one (menus, remembered geometry) or the kiosk (:mod:`.kiosk`: full screen,
frameless, PIN, dimming); both remember °C/°F and the plot window (:mod:`.settings`). Uncaught
errors are logged and shown, and the app keeps running (:mod:`.crash`).
"""

from __future__ import annotations

import json
import signal
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .. import startup_gc
from ..core.model import LinkState
from ..core.stove import Stove
from .crash import CrashGuard, ErrorBanner
from .i18n import SOURCE_LANGUAGE, install_translators, remove_translators
from .kitchen_loader import KitchenLoader
from .main_window import MainWindow
from .settings import AppSettings, WindowMemory, open_settings
from .stats import FrameStats, LoopLagProbe
from .stove_model import StoveModel
from .theme import load_theme_or_default

DEFAULT_SCREENSHOT_AFTER_S = 2.0
DEFAULT_SIZE = (1280, 800)


@dataclass
class DashboardOptions:
    size: tuple[int, int] | None = None   # None: as remembered, else DEFAULT_SIZE (kiosk: full screen)
    run_for: float | None = None
    screenshot: str | None = None
    stats: bool = False
    demo: bool = False
    speed: float = 1.0
    network: bool = False          # a KSP/1 stove: --speed is asked of it once connected
    kitchen_db: Any = None         # a KitchenDB, or an OpeningDatabase: recipes, history and session recording
    kiosk: bool = False            # full screen, frameless, touch only, PIN, dimming
    lang: str = SOURCE_LANGUAGE    # already chosen (i18n.choose_language)
    settings: AppSettings | None = None   # None: a temporary store (nothing remembered)
    dim_after_s: float | None = None      # kiosk: None = as set in the settings
    log_dir: Path | None = None    # where uncaught errors are logged (None: stderr only)
    stove_name: str = "stove"      # the first stove's name (recorded with its sessions)
    more_stoves: list[tuple[str, Stove]] = field(default_factory=list)   # the others, by name (not started)
    community: Any = None          # (BrokerLogin, Topics): the Recipes page gets the Community tab


def demo_commands(model: StoveModel) -> None:
    """Put a few zones on so there is something to see: boost, a held temperature, levels."""
    zones = model.zones
    plan: list[Callable[[], Any]] = []
    if len(zones) > 0:
        plan.append(lambda: model.set_boost(0) if zones[0].has_boost else model.set_level(0, 8))
    if len(zones) > 1:
        plan.append(lambda: model.set_target(1, 180.0))
    if len(zones) > 2:
        plan.append(lambda: model.set_level(2, 5))
    if len(zones) > 4:
        plan.append(lambda: model.set_target(4, 100.0))
    if len(zones) > 5:
        plan.append(lambda: model.set_level(5, 3))
    for step in plan:
        step()


class _WhenControlling:
    """Run an action once, as soon as the dashboard controls the stove (now or after hello)."""

    def __init__(self, model: StoveModel, action: Callable[[], None]) -> None:
        self.model, self.action, self.done = model, action, False
        model.link_changed.connect(self._check)
        self._check(model.link)

    def _check(self, _link: LinkState) -> None:
        if not self.done and self.model.can_control and self.model.info is not None:
            self.done = True
            self.action()


class _Reached:
    """Whether the stove was ever online during the run, and the last reason it was not."""

    def __init__(self, model: StoveModel) -> None:
        self.ever, self.last_failure = model.link.online, ""
        model.link_changed.connect(self._on_link)

    def _on_link(self, link: LinkState) -> None:
        self.ever = self.ever or link.online
        if link.problem:   # the network stove says "REASON; trying again in N s": the run is over, keep REASON
            self.last_failure = link.message.rpartition("; trying again")[0] or link.message


def run_dashboard(stove: Stove, opts: DashboardOptions, *,
                  prepare: Callable[[MainWindow, StoveModel], None] | None = None) -> int:
    """Show the dashboard on ``stove`` (not started yet) until closed or ``run_for`` is over.

    ``prepare`` runs after the stove started and before the window shows (screenshots of
    particular situations use it). Returns the process exit code.
    """
    return DashboardRun(stove, opts, prepare=prepare).run()


class DashboardRun:
    """One run of the dashboard: the Qt application, the window and what hangs off it, then the exit code.

    Built in the order the user sees it (window, stove started, kitchen, window shown), taken
    apart in reverse; each part is a field, so closing knows what was made.
    """

    def __init__(self, stove: Stove, opts: DashboardOptions, *,
                 prepare: Callable[[MainWindow, StoveModel], None] | None = None) -> None:
        self.stove, self.opts, self.prepare = stove, opts, prepare
        self.exit_code = 0
        self.qapp = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "kitchen-ui"])
        self.qapp.setApplicationName("Hearth")
        self.translators = install_translators(opts.lang)
        self.settings = opts.settings if opts.settings is not None else open_settings(temporary=True)
        self.model = StoveModel(stove)
        self.window = MainWindow(self.model, load_theme_or_default())
        self.window.resize(*(opts.size or DEFAULT_SIZE))
        self.others = [(name, other, StoveModel(other)) for name, other in opts.more_stoves]
        self.multi: Any = None
        if self.others:
            from .multi import MultiStove
            self.multi = MultiStove(self.window, opts.stove_name, [(n, m) for n, _s, m in self.others])
        self.banner = banner = ErrorBanner()
        self.window.add_banner(banner)
        self.crash = CrashGuard(banner, opts.log_dir, parent=self.window)
        self.crash.install()
        self.stats = FrameStats() if opts.stats else None
        self.probe: LoopLagProbe | None = None
        if self.stats is not None:
            self._measure(self.stats)
        self.keep: list[object] = []
        self.reached = _Reached(self.model)
        self.reached_others = [_Reached(model) for _n, _s, model in self.others]
        self.loader: KitchenLoader | None = None
        self.kiosk: Any = None
        self.memory: WindowMemory | None = None
        self.voice: Any = None

    def _add_other_stoves(self, kitchen: Any) -> None:
        for name, _stove, model in self.others:
            kitchen.app.add_stove(name, model)

    def _measure(self, stats: FrameStats) -> None:
        self.window.plot.on_work = stats.add_work
        probe = self.probe = LoopLagProbe(stats)

        def on_paint(ms: float) -> None:
            # the window's first paint is a frame, not event-loop lag: measure lag from then on
            stats.add_paint(ms)
            if not probe.active:
                QTimer.singleShot(0, probe.start)

        self.window.plot.view.on_paint = on_paint

    def run(self) -> int:
        started: list[Stove] = []
        try:
            for stove in [self.stove, *(other for _n, other, _m in self.others)]:
                stove.start()
                started.append(stove)
        except Exception as exc:  # a stove that cannot start must say why, not crash
            print(f"kitchen-ui: cannot start the stove: {exc}", file=sys.stderr)
            for stove in started:
                stove.stop()
            self.crash.uninstall()
            remove_translators(self.translators)
            self.model.close()
            for _n, _s, model in self.others:
                model.close()
            self.window.deleteLater()
            return 1
        try:
            self._build()
            self._show()
            self._exec()
        finally:
            self._close()
        return self._finish()

    def _build(self) -> None:
        opts, window, model = self.opts, self.window, self.model
        # the recipes, history and recording: now if the database is open, else when it is
        if self.others:      # every stove's sessions are recorded: one StoveApp each, in one kitchen
            window.kitchen_attached.connect(self._add_other_stoves)
        if opts.community is not None:       # the community archive on the broker, beside the library
            from .recipes.community_model import attach
            window.kitchen_attached.connect(lambda kitchen: attach(kitchen, *opts.community))
        self.loader = KitchenLoader(window, model, opts.kitchen_db, self.banner, stove_name=opts.stove_name)
        # remembered choices; geometry only for a desktop window the user placed (not screenshots)
        self.memory = WindowMemory(window, self.settings, restore_geometry=not opts.kiosk and opts.size is None
                                   and not opts.screenshot)
        if opts.kiosk:
            from .kiosk import Kiosk
            self.kiosk = Kiosk(window, self.settings, dim_after_s=opts.dim_after_s)
            self.kiosk.on_quit = self.qapp.quit
        else:
            from .menus import DesktopMenus
            DesktopMenus(window)
        # voice joins the kitchen (after the first frame: its microphone and speech stay out of the start)
        if getattr(window, "kitchen", None) is not None:
            self._add_voice(window.kitchen)
        window.kitchen_attached.connect(self._add_voice)
        if opts.demo:
            self.keep.append(_WhenControlling(model, lambda: demo_commands(model)))
        if opts.network and opts.speed != 1.0:
            self.keep.append(_WhenControlling(model, lambda: _set_remote_speed(model, opts.speed)))
        if self.prepare is not None:
            self.prepare(window, model)

    def _add_voice(self, _kitchen: Any) -> None:
        if self.voice is None:
            from .voice import DashboardVoice
            self.voice = DashboardVoice(self.window, self.settings, kiosk=self.kiosk, lang=self.opts.lang)

    def _show(self) -> None:
        opts, window, kiosk = self.opts, self.window, self.kiosk
        if kiosk is None:
            window.show()
        elif opts.size is not None:        # a panel of that size, or a screenshot: frameless, at 0,0
            window.move(0, 0)
            window.show()
        else:
            kiosk.show_full_screen()
        window.start()
        if self.multi is not None:
            self.multi.start()
        if kiosk is not None:
            kiosk.start()
        if startup_gc.paused():          # the collector back on once the first frame is painted
            window.plot.view.after_first_paint.append(startup_gc.resume)
            QTimer.singleShot(3000, startup_gc.resume)   # a plot that is not on screen never paints
        if self.probe is not None:
            QTimer.singleShot(2000, self.probe.start)   # in case the plot is not on screen to paint
        run_for = opts.run_for if opts.run_for is not None else (
            DEFAULT_SCREENSHOT_AFTER_S if opts.screenshot else None)
        if run_for is not None:
            QTimer.singleShot(max(1, int(run_for * 1000)), self._quit_by_itself)

    def _quit_by_itself(self) -> None:
        if self.opts.screenshot:
            self.window.plot.refresh()
            if not self.window.grab().save(self.opts.screenshot, "PNG"):
                print(f"kitchen-ui: cannot write the screenshot {self.opts.screenshot!r}", file=sys.stderr)
                self.exit_code = 1
        self.qapp.exit(0)      # exit, not quit: Qt 6's quit() first asks every window to close (the kiosk refuses)

    def _exec(self) -> None:
        # let Ctrl+C in a terminal close the window (Python handles signals between Qt events)
        previous = signal.signal(signal.SIGINT, lambda *_: self.qapp.exit(0))
        heartbeat = QTimer()
        heartbeat.timeout.connect(lambda: None)
        heartbeat.start(200)
        self.qapp.exec()
        heartbeat.stop()
        signal.signal(signal.SIGINT, previous)

    def _close(self) -> None:
        if self.memory is not None:
            self.memory.save()
        if self.kiosk is not None:
            self.kiosk.stop()
        if self.probe is not None:
            self.probe.stop()
        if self.voice is not None:
            self.voice.close()
        if self.loader is not None:
            self.loader.close()
        self.window.plot.stop()
        if self.multi is not None:
            self.multi.stop()
        self.model.close()
        self.stove.stop()
        for _name, stove, model in self.others:
            model.close()
            stove.stop()

    def _finish(self) -> int:
        """Figures, the never-reached stove's reason, the window gone; the exit code."""
        opts = self.opts
        if self.stats is not None:
            print(json.dumps({**self.stats.summary(), "stoves": 1 + len(self.others)}), flush=True)
        if self.loader is not None and self.loader.refused and self.exit_code == 0:
            self.exit_code = 1            # the kitchen database was refused (damaged): said, and failed
        unreached = [("", self.model, self.reached)] if opts.network and not self.reached.ever else []
        unreached += [(f"{name} ", model, reached)
                      for (name, _s, model), reached in zip(self.others, self.reached_others)
                      if model.link.transport != "in-process" and not reached.ever]
        for name, model, reached in unreached:
            # a run that never reached a stove did not do what was asked: say why, and fail if it quit by itself
            print(f"kitchen-ui: never connected to the stove {name}at {model.link.transport}: "
                  f"{reached.last_failure or 'no answer yet'}", file=sys.stderr)
            if (opts.run_for is not None or opts.screenshot) and self.exit_code == 0:
                self.exit_code = 1
        if self.kiosk is not None:
            self.kiosk.quitting = True            # the run is over: the window may close now
        self.window.close()
        self.crash.uninstall()
        remove_translators(self.translators)
        self.window.deleteLater()
        return self.exit_code


def _set_remote_speed(model: StoveModel, speed: float) -> None:
    if model.info is not None and model.info.sim:
        model.request("sim.set_speed", {"factor": speed}, action=f"run the simulated stove at {speed:g}x")
