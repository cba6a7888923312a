"""The kitchen in the dashboard: recipes, cooking and history pages, bound to the application.

:class:`Kitchen` adds the Recipes and History pages to the :class:`MainWindow`, the alert banner
under its header and the cooking view in its recipe area. What a run needs and what it decides
(recording, energy, the run's rules, the after-recipe figures) is the Qt-free application's
(:class:`kitchen_ui.app.kitchen.Kitchen`, one :class:`~kitchen_ui.app.stove_app.StoveApp` for the
stove shown); this binds its signals to the views through the one thread relay
(:class:`~kitchen_ui.ui.relay.Relay`), ticks the run on a timer and words what it refuses.

Nothing fights the cook: a tap on the manual control of a zone the recipe is using pauses the
recipe at once and says why. Who is eating, nutrition and energy views join through
:class:`~kitchen_ui.ui.diet.kitchen_diet.KitchenDiet` (``kitchen.diet``): a recipe that conflicts
with an allergy of someone eating starts only once the cook has acknowledged the warning.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from ...app.kitchen import Kitchen as AppKitchen
from ...app.recording import IDLE_CLOSE_S
from ...app.rules import answered, asks_done, resumed_past
from ...app.stove_app import CannotStart, Refusal
from ...recipes.engine import RecipeEngine, RunError
from ...recipes.model import Recipe
from ...recipes.run_state import RunAlert, RunStatus, RunView
from ...storage.database import KitchenDB
from ..relay import Relay
from ..stove_model import StoveModel
from .alerts import AlertBanner, AlertSound
from .cooking_view import CookingView
from .history_view import HistoryPage
from .idle_panel import IdlePanel
from .library_view import LibraryPage

translate = QCoreApplication.translate
TICK_MS = 250          # the run's countdowns move between telemetry messages


def refusal_words(refusal: CannotStart) -> str:
    if refusal.refusal is Refusal.BUSY:
        return translate("Kitchen", "“{0}” is cooking: finish or abort it first.").format(refusal.detail)
    if refusal.refusal is Refusal.NOT_CONTROLLER:
        return translate("Kitchen", "Not connected to the stove as its controller: recipes cannot set the zones.")
    if refusal.refusal is Refusal.UNSUITABLE:
        return translate("Kitchen", "Cannot cook this on this stove: {0}").format(refusal.detail)
    return translate("Kitchen", "It cannot be resumed: {0}. Discard it.").format(refusal.detail)


class Kitchen(QObject):
    run_started = Signal(object)          # RecipeEngine
    run_finished = Signal(object)         # RecipeEngine

    def __init__(self, window: Any, model: StoveModel, kdb: KitchenDB, *, sound: AlertSound | None = None,
                 flush_interval_s: float = 0.5, idle_close_s: float = IDLE_CLOSE_S,
                 parent: QObject | None = None, relay: Relay | None = None, stove_name: str = "stove") -> None:
        super().__init__(parent)
        self.window = window
        self.model = model
        self.kdb = kdb
        self.relay = relay if relay is not None else Relay(self)
        self.app = AppKitchen(kdb, self.relay.post)
        self.stove = self.app.add_stove(
            stove_name, model, flush_interval_s=flush_interval_s, idle_close_s=idle_close_s,
            pot_action=lambda pot: translate("Kitchen", "put the {0} on the zone").format(pot))
        self.library = self.app.library
        self.sessions.problem.connect(lambda msg: window.notices.notify(msg, "error"))
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self.stove.tick)

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

        st = self.stove
        st.changed.connect(self.cooking.show_view)
        st.changed.connect(self._clear_answered)
        st.alert.connect(self._on_alert)
        st.status_changed.connect(self._on_status)
        st.prompt.connect(self._on_prompt)
        st.run_started.connect(self._show_run)
        st.run_finished.connect(self._on_finished)

        manual = window.manual
        for b in (*manual.level_buttons.values(), manual.boost_button, manual.hold_button, manual.off_button):
            b.clicked.connect(self._manual_touched)
        model.link_changed.connect(self._refresh_availability)
        model.info_changed.connect(self._refresh_availability)
        window.kitchen = self
        from ..diet.kitchen_diet import KitchenDiet
        self.diet = KitchenDiet(self, self)
        from .provenance_note import add_to
        self.provenance_note = add_to(self)      # an imported recipe says where it came from
        self.refresh_offer()

    # -- the stove's application, as the views and tests read it -------------------------------------
    @property
    def engine(self) -> RecipeEngine | None:
        return self.stove.engine

    @property
    def sessions(self) -> Any:
        return self.stove.sessions

    @property
    def runs(self) -> Any:
        return self.stove.runs

    @property
    def clock(self) -> Any:
        return self.stove.clock

    # -- starting and resuming ------------------------------------------------------------------------
    def _why_not(self) -> str:
        refusal = self.stove.why_not()
        return "" if refusal is None else refusal_words(refusal)

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
            engine = self.stove.start(recipe)
        except CannotStart as refusal:
            self.library_page.view.set_can_start(False, refusal_words(refusal))
            return None
        self.window.show_page(0)
        return engine

    def resume_saved(self, run_id: str) -> RecipeEngine | None:
        try:
            engine = self.stove.resume(run_id)
        except CannotStart as refusal:
            self.idle.set_offer(self.idle.saved, False, refusal_words(refusal))
            return None
        except RunError as exc:                 # it had finished after all
            self.cooking.show_message(str(exc))
        self.window.show_page(0)
        return self.stove.engine

    def discard_saved(self, run_id: str) -> None:
        self.stove.discard(run_id)
        self.refresh_offer()

    def refresh_offer(self) -> None:
        saved = self.stove.unfinished()
        self.idle.set_offer(saved[0] if saved else None)
        self._refresh_availability()

    def _show_run(self, engine: RecipeEngine) -> None:
        """A run was adopted by the stove's application: the cooking view takes the recipe area."""
        self._ticker.start()
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
        try:
            self.stove.control(what, index)
            self.cooking.show_message("")
        except RunError as exc:
            self.cooking.show_message(str(exc))

    def _manual_touched(self) -> None:
        """The cook took a zone by hand: if the recipe is using it, the recipe steps back."""
        zone = self.window.manual.zone

        def why() -> str:
            info = self.model.zone_info(zone)
            name = info.name if info else translate("Kitchen", "zone {0}").format(zone)
            return translate("Kitchen", "You changed {0} by hand: the recipe paused. "
                                        "Resume to let it set the zones again.").format(name)
        alert = self.stove.take_by_hand(zone, why)
        if alert is not None:
            self._on_alert(alert)

    def zones_in_use(self) -> set[int]:
        return self.stove.zones_in_use()

    def _on_alert(self, alert: RunAlert) -> None:
        self.banner.show_alert(alert, confirms=asks_done(self.engine, alert))
        self.cooking.flash_step(alert.step)
        self.window.side.call_attention()

    def _on_banner_ok(self, alert: RunAlert) -> None:
        """OK on a "Done?" banner is the cook's answer: the step is confirmed."""
        engine = self.engine
        if engine is not None and engine.status is RunStatus.RUNNING and asks_done(engine, alert):
            self._control("confirm", alert.step)

    def _clear_answered(self, view: RunView) -> None:
        """The banner goes once what it said is answered (:func:`kitchen_ui.app.rules.answered`)."""
        alert = self.banner.alert
        if alert is not None and answered(alert, view):
            self.banner.dismiss()

    def _on_prompt(self, index: int, words: str) -> None:
        """A step waits for the cook: heard and seen, once (a "time is up" alert already said so)."""
        shown = self.banner.alert
        if shown is not None and self.banner.isVisible() and shown.step == index and shown.kind == "timer":
            return
        self._on_alert(RunAlert(t=self.clock.now(), kind="prompt", message=words, step=index))

    def _on_status(self, status: RunStatus) -> None:
        alert = self.banner.alert
        if alert is not None and resumed_past(alert, status):
            self.banner.dismiss()               # resumed: the cook has dealt with why it paused
        if status.finished:
            self.banner.dismiss()                # nothing it said needs the cook any more

    def _on_finished(self, engine: RecipeEngine) -> None:
        self._ticker.stop()
        self.cooking.show_view(engine.view())
        self._refresh_availability()
        self.run_finished.emit(engine)

    def put_away(self) -> None:
        """The finished run's view goes; the recipe area is free again."""
        if not self.stove.put_away():
            return
        self.window.recipe_area.set_content(self.idle)
        self.refresh_offer()

    # -- pages and lifecycle ------------------------------------------------------------------------
    def _on_page(self, widget: object) -> None:
        if widget is self.history_page:
            self.history_page.refresh()

    def close(self) -> None:
        """The app is closing: stop listening and recording. A running recipe stays resumable."""
        self._ticker.stop()
        self.diet.close()
        self.app.close()
        self.relay.close()
