"""The kitchen in the dashboard: recipes, cooking, history and recording, wired into the window.

:class:`Kitchen` adds the Recipes and History pages to the :class:`MainWindow`, the alert banner
under its header and the cooking view in its recipe area, and owns what a run needs: the
library (:class:`KitchenLibrary`), the saved runs (:class:`RunStore`), the session recorder
(:class:`~.recording.SessionKeeper`) and, while a recipe cooks, its engine.

The engine drives the stove only through the core ``Stove`` interface, on the stove's own clock
(:func:`kitchen_ui.recipes.stove_clock.clock_for`). Nothing fights the cook: a tap on the manual
control of a zone the recipe is using pauses the recipe at once and says why (the engine pauses
by itself too when telemetry shows a zone it did not set, e.g. changed at the hob). On a
simulated stove, starting a recipe puts its pots (with their contents) on the zones, as the cook
would. Who is eating, nutrition and energy join through :class:`~kitchen_ui.ui.diet.kitchen_diet.KitchenDiet`
(``kitchen.diet``): a recipe that conflicts with an allergy of someone eating starts only once the
cook has acknowledged the warning.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from ...recipes.engine import RecipeEngine, RunError
from ...recipes.model import Recipe, RecipeError
from ...recipes.run_state import Phase, RunAlert, RunStatus, RunView
from ...recipes.stove_clock import TelemetryClock, clock_for
from ...storage.database import KitchenDB
from ...storage.library import KitchenLibrary
from ...storage.recipes_store import RecipeNotFound, resolve_id
from ...storage.runs import RunStore
from ..diet.kitchen_diet import KitchenDiet
from ..stove_model import StoveModel
from .alerts import AlertBanner, AlertSound
from .bridge import EngineBridge
from .cooking_view import CookingView
from .history_view import HistoryPage
from .idle_panel import IdlePanel
from .library_view import LibraryPage
from .recording import IDLE_CLOSE_S, SessionKeeper

translate = QCoreApplication.translate


class Kitchen(QObject):
    run_started = Signal(object)          # RecipeEngine
    run_finished = Signal(object)         # RecipeEngine

    def __init__(self, window: Any, model: StoveModel, kdb: KitchenDB, *, sound: AlertSound | None = None,
                 flush_interval_s: float = 0.5, idle_close_s: float = IDLE_CLOSE_S,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.model = model
        self.kdb = kdb
        self.library = KitchenLibrary(kdb)
        self.runs = RunStore(kdb.path)
        self.clock = clock_for(model.stove)
        self.sessions = SessionKeeper(kdb, model, idle_close_s=idle_close_s, flush_interval_s=flush_interval_s)
        self.sessions.problem.connect(lambda msg: window.notices.notify(msg, "error"))
        self.engine: RecipeEngine | None = None
        self.bridge: EngineBridge | None = None

        self.sound = sound if sound is not None else AlertSound(self)
        self.banner = AlertBanner(self.sound)
        self.banner.acknowledged.connect(self._on_banner_ok)
        window.add_banner(self.banner)
        self.library_page = LibraryPage(self.library)
        self.library_page.start_requested.connect(self.start_recipe)
        self.history_page = HistoryPage(self.library, window.theme)
        self.history_page.before_read = self.sessions.flush
        self.recipes_tab = window.add_page(translate("Kitchen", "Recipes"), self.library_page)
        self.history_tab = window.add_page(translate("Kitchen", "History"), self.history_page)
        window.page_changed.connect(self._on_page)

        self.cooking = CookingView(window.theme)
        self.cooking.confirm_requested.connect(lambda i: self._control("confirm", i))
        self.cooking.skip_requested.connect(lambda i: self._control("skip", i))
        self.cooking.pause_requested.connect(lambda: self._control("pause"))
        self.cooking.resume_requested.connect(lambda: self._control("resume"))
        self.cooking.abort_requested.connect(lambda: self._control("abort"))
        self.cooking.close_requested.connect(self.put_away)
        self.idle = IdlePanel()
        self.idle.choose_requested.connect(lambda: window.show_page(self.library_page))
        self.idle.resume_requested.connect(self.resume_saved)
        self.idle.discard_requested.connect(self.discard_saved)
        window.recipe_area.set_content(self.idle)

        manual = window.manual
        for b in (*manual.level_buttons.values(), manual.boost_button, manual.hold_button, manual.off_button):
            b.clicked.connect(self._manual_touched)
        model.link_changed.connect(self._refresh_availability)
        model.info_changed.connect(self._refresh_availability)
        window.kitchen = self
        self.diet = KitchenDiet(self, self)
        self.refresh_offer()

    # -- starting and resuming ------------------------------------------------------------------------
    def _why_not(self) -> str:
        if self.engine is not None and not self.engine.status.finished:
            title = self.engine.recipe.title
            return translate("Kitchen", "“{0}” is cooking: finish or abort it first.").format(title)
        if self.model.info is None or not self.model.can_control:
            return translate("Kitchen", "Not connected to the stove as its controller: recipes cannot set the zones.")
        return ""

    def _refresh_availability(self, *_args: object) -> None:
        why = self._why_not()
        self.library_page.view.set_can_start(not why, why)
        if self.idle.saved is not None:
            self.idle.set_offer(self.idle.saved, not why, why if why else "")

    def start_recipe(self, recipe: Recipe, *, acknowledged: bool = False) -> RecipeEngine | None:
        """Cook ``recipe`` (already scaled to its servings) now; None if it cannot start (says why).

        A recipe with an allergy warning for someone eating shows the warning in the cooking area
        first (None now); the cook's "start" there calls this again with ``acknowledged``.
        """
        why = self._why_not()
        if why:
            self.library_page.view.set_can_start(False, why)
            return None
        if not acknowledged and self.diet.ask_first(recipe):
            return None
        try:
            engine = RecipeEngine(recipe, self.model.stove, self.clock, store=self.runs)
        except RecipeError as exc:
            why = translate("Kitchen", "Cannot cook this on this stove: {0}").format(exc)
            self.library_page.view.set_can_start(False, why)
            return None
        self._place_pots(engine)
        self._adopt(engine, self._recipe_id(recipe))
        engine.start()
        self.window.show_page(0)
        return engine

    def resume_saved(self, run_id: str) -> RecipeEngine | None:
        why = self._why_not()
        if why:
            self.idle.set_offer(self.idle.saved, False, why)
            return None
        try:
            engine = self.runs.resume(run_id, self.model.stove, self.clock)
        except (RecipeError, LookupError) as exc:
            why = translate("Kitchen", "It cannot be resumed: {0}. Discard it.").format(exc)
            self.idle.set_offer(self.idle.saved, False, why)
            return None
        self._place_pots(engine)
        self._adopt(engine, self._recipe_id(engine.recipe))
        try:
            engine.resume()
        except RunError as exc:                 # it had finished after all
            self.cooking.show_message(str(exc))
        self.window.show_page(0)
        return engine

    def discard_saved(self, run_id: str) -> None:
        self.runs.discard(run_id)
        self.refresh_offer()

    def refresh_offer(self) -> None:
        running = self.engine.run_id if self.engine is not None else None
        saved = [r for r in self.runs.unfinished() if r.run_id != running]
        self.idle.set_offer(saved[0] if saved else None)
        self._refresh_availability()

    def _recipe_id(self, recipe: Recipe) -> int | None:
        try:
            return resolve_id(self.kdb, recipe.slug) if recipe.slug else None
        except RecipeNotFound:
            return None

    def _place_pots(self, engine: RecipeEngine) -> None:
        """On a simulated stove, stand each pot (with what is in it) on its zone."""
        if self.model.info is None or not self.model.info.sim:
            return
        for pot_id, zone in engine.zone_plan.items():
            pot = engine.recipe.pot(pot_id)
            if pot is not None and pot.vessel is not None:
                self.model.request("sim.set_pan", {"zone": zone, "pan": pot.vessel.pan_params()}, zone=zone,
                                   action=translate("Kitchen", "put the {0} on the zone").format(pot.label or pot.id))

    def _adopt(self, engine: RecipeEngine, recipe_id: int | None) -> None:
        self.engine = engine
        recorder = self.sessions.begin_recipe(engine.recipe.title, recipe_id)
        self.runs.session_id = recorder.session_id
        recorder.attach_engine(engine)
        self.bridge = EngineBridge(engine, self)
        self.bridge.changed.connect(self.cooking.show_view)
        self.bridge.changed.connect(self._clear_answered)
        self.bridge.alert.connect(self._on_alert)
        self.bridge.status_changed.connect(self._on_status)
        self.bridge.prompt.connect(self._on_prompt)
        self.cooking.chosen = None
        self.cooking.show_message("")
        self.cooking.show_view(engine.view())
        self.window.recipe_area.set_content(self.cooking, full=True, title=engine.recipe.title)
        self.window.side.show_recipe()
        self.idle.set_offer(None)
        self._refresh_availability()
        self.run_started.emit(engine)

    # -- the cook's controls --------------------------------------------------------------------------
    def _control(self, what: str, index: int | None = None) -> None:
        engine = self.engine
        if engine is None:
            return
        try:
            if what in ("confirm", "skip"):
                getattr(engine, what)(index)
            else:
                getattr(engine, what)()
            self.cooking.show_message("")
        except RunError as exc:
            self.cooking.show_message(str(exc))

    def _manual_touched(self) -> None:
        """The cook took a zone by hand: if the recipe is using it, the recipe steps back."""
        engine = self.engine
        if engine is None or engine.status is not RunStatus.RUNNING:
            return
        zone = self.window.manual.zone
        if zone not in self.zones_in_use():
            return
        info = self.model.zone_info(zone)
        name = info.name if info else translate("Kitchen", "zone {0}").format(zone)
        why = translate("Kitchen", "You changed {0} by hand: the recipe paused. "
                                   "Resume to let it set the zones again.").format(name)
        engine.pause(why)
        self._on_alert(RunAlert(t=self.clock.now(), kind="cook", message=why, zone=zone, warning=True))

    def zones_in_use(self) -> set[int]:
        engine = self.engine
        if engine is None:
            return set()
        zones = {a.zone for a in engine.view().active if a.zone is not None}
        zones |= {z for z, s in dict(engine.zones.desired).items() if s is not None and s.mode != "off"}
        return zones

    def _on_alert(self, alert: RunAlert) -> None:
        self.banner.show_alert(alert, confirms=self._asks_done(alert))
        self.cooking.flash_step(alert.step)
        self.window.side.call_attention()

    def _asks_done(self, alert: RunAlert) -> bool:
        """Does ``alert`` ask whether its step is done ("Done? …", "Time is up: …")?"""
        engine = self.engine
        if engine is None or alert.step is None or alert.kind not in ("prompt", "timer"):
            return False
        return any(a.index == alert.step and a.phase is Phase.FINISHING for a in engine.view().active)

    def _on_banner_ok(self, alert: RunAlert) -> None:
        """OK on a "Done?" banner is the cook's answer: the step is confirmed."""
        engine = self.engine
        if engine is not None and engine.status is RunStatus.RUNNING and self._asks_done(alert):
            self._control("confirm", alert.step)

    def _clear_answered(self, view: RunView) -> None:
        """The banner goes once what it said is answered: its step confirmed, ended or gone back,
        a paused run resumed (its warning was why it paused), or the run over."""
        alert = self.banner.alert
        if alert is None:
            return
        if view.status.finished:
            self.banner.dismiss()
            return
        if alert.step is None:
            return
        step = next((a for a in view.active if a.index == alert.step), None)
        if step is None or (alert.kind in ("prompt", "timer") and step.phase not in (Phase.PROMPT, Phase.FINISHING)):
            self.banner.dismiss()

    def _on_prompt(self, index: int, words: str) -> None:
        """A step waits for the cook: heard and seen, once (a "time is up" alert already said so)."""
        shown = self.banner.alert
        if shown is not None and self.banner.isVisible() and shown.step == index and shown.kind == "timer":
            return
        self._on_alert(RunAlert(t=self.clock.now(), kind="prompt", message=words, step=index))

    def _on_status(self, status: RunStatus) -> None:
        engine = self.engine
        alert = self.banner.alert
        if status is RunStatus.RUNNING and alert is not None and alert.warning and alert.step is None:
            self.banner.dismiss()               # resumed: the cook has dealt with why it paused
        if engine is None or not status.finished:
            return
        self.sessions.end_recipe()
        self.banner.dismiss()                    # nothing it said needs the cook any more
        if self.bridge is not None:
            self.bridge.close()
        self.cooking.show_view(engine.view())
        engine.close()
        self._refresh_availability()
        self.run_finished.emit(engine)

    def put_away(self) -> None:
        """The finished run's view goes; the recipe area is free again."""
        if self.engine is not None and not self.engine.status.finished:
            return
        self.engine, self.bridge = None, None
        self.window.recipe_area.set_content(self.idle)
        self.refresh_offer()

    # -- pages and lifecycle ------------------------------------------------------------------------
    def _on_page(self, widget: object) -> None:
        if widget is self.history_page:
            self.history_page.refresh()

    def close(self) -> None:
        """The app is closing: stop listening and recording. A running recipe stays resumable."""
        if self.bridge is not None:
            self.bridge.close()
        if self.engine is not None:
            self.engine.close()
        self.sessions.close()
        self.diet.close()
        self.runs.close()
        if isinstance(self.clock, TelemetryClock):
            self.clock.close()
