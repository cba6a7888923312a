"""Voice commands on the in-process simulator, on a manual clock: the stove's rules, said aloud."""

from __future__ import annotations

import pytest

from kitchen_ui.app.feed import StoveFeed
from kitchen_ui.app.kitchen import Kitchen
from kitchen_ui.app.relay import QueueRelay
from kitchen_ui.app.voice import VoiceActions
from kitchen_ui.core.clock import ManualClock
from kitchen_ui.core.model import LinkState, LinkStatus
from kitchen_ui.recipes.run_state import Phase, RunStatus
from kitchen_ui.sim.local import LocalStove
from kitchen_ui.sim.profiles import load_profile
from kitchen_ui.storage.database import open_db
from kitchen_ui.voice.commands import VoiceCommand


@pytest.fixture
def rig(tmp_path):
    kdb = open_db(tmp_path / "kitchen.sqlite3")
    stove = LocalStove(load_profile("hybrid-4"), clock=ManualClock(), threaded=False)
    stove.start()
    relay = QueueRelay()
    feed = StoveFeed(stove, relay.post)
    k = Kitchen(kdb, relay.post)
    app = k.add_stove("hob", feed, flush_interval_s=0.05)
    relay.drain()
    voice = VoiceActions(app)
    yield k, app, stove, relay, voice
    k.close()
    feed.close()
    stove.stop()
    kdb.close()


def levels(stove, relay):
    stove.advance(0.5)
    relay.drain()
    return [z.level for z in stove.state.zones]


def become(stove, relay, role):
    stove.link_changed.emit(LinkState(LinkStatus.ONLINE, role=role))
    relay.drain()


def say(voice, kind, **kw):
    return voice.perform(VoiceCommand(kind, text=kind.replace("_", " "), confidence=0.9, **kw))


def test_zone_level_by_voice_is_said_back_and_undone_by_zone_off(rig):
    _k, _app, stove, relay, voice = rig
    r = say(voice, "set_level", zone=3, level=7)
    assert r.acted and r.words == "Zone 3, level 7."
    assert levels(stove, relay)[2] == 7                              # the third card is zone index 2
    r = say(voice, "zone_off", zone=3)
    assert r.acted and r.words == "Zone 3 off."
    assert levels(stove, relay)[2] == 0


def test_an_observer_cannot_switch_on_by_voice_and_hears_why(rig):
    _k, _app, stove, relay, voice = rig
    become(stove, relay, "observer")
    r = say(voice, "set_level", zone=1, level=5)
    assert not r.acted and r.refused == "observer" and "controller" in r.words
    assert levels(stove, relay) == [0, 0, 0, 0]


def test_all_off_and_zone_off_act_at_once_for_an_observer(rig):
    _k, _app, stove, relay, voice = rig
    stove.set_level(0, 6)
    stove.set_level(1, 4)
    stove.set_level(3, 2)
    assert levels(stove, relay) == [6, 4, 0, 2]
    become(stove, relay, "observer")
    r = say(voice, "zone_off", zone=4)
    assert r.acted and levels(stove, relay) == [6, 4, 0, 0]
    r = say(voice, "all_off")
    assert r.acted and r.words == "All zones off."
    assert levels(stove, relay) == [0, 0, 0, 0]


@pytest.mark.parametrize("cmd, words", [
    (VoiceCommand("set_level", zone=5, level=3), "There is no zone 5: this stove has zones 1 to 4."),
    (VoiceCommand("zone_off", zone=0), "There is no zone 0: this stove has zones 1 to 4."),
    (VoiceCommand("set_level", zone=2, level=12), "Zone 2 has levels 1 to 9, not 12."),
])
def test_a_zone_or_level_the_stove_does_not_have_is_a_spoken_error_and_nothing_is_sent(rig, cmd, words):
    _k, _app, stove, relay, voice = rig
    sent = []
    real = voice.source.request
    voice.source.request = lambda *a, **kw: sent.append(a) or real(*a, **kw)
    r = voice.perform(cmd)
    assert not r.acted and r.refused == "range" and r.words == words
    assert sent == [] and levels(stove, relay) == [0, 0, 0, 0]


def test_german_replies(rig):
    _k, _app, stove, relay, voice = rig
    voice.lang = "de"
    assert say(voice, "set_level", zone=2, level=4).words == "Zone 2, Stufe 4."
    assert say(voice, "all_off").words == "Alle Zonen aus."


def phases(engine):
    return [(s.index, s.phase) for s in engine.view().active]


def test_next_back_pause_resume_move_the_run(rig):
    k, app, _stove, relay, voice = rig
    engine = app.start(k.library.recipe("french-omelette"))
    relay.drain()
    assert phases(engine) == [(0, Phase.FINISHING), (1, Phase.HEATING)]     # "Done? Beat the eggs…"
    r = say(voice, "next")
    assert r.acted and r.words == "Step 1 confirmed."
    assert phases(engine) == [(1, Phase.HEATING)] and engine.view().steps_done == 1
    r = say(voice, "back")
    assert r.acted and r.words == "Back to step 1."
    assert phases(engine) == [(0, Phase.FINISHING), (1, Phase.HEATING)] and engine.view().steps_done == 0
    r = say(voice, "pause")
    assert r.acted and r.words == "Paused." and engine.status is RunStatus.PAUSED
    r = say(voice, "next")
    assert not r.acted and r.refused == "run" and "paused" in r.words
    r = say(voice, "resume")
    assert r.acted and r.words == "Carrying on." and engine.status is RunStatus.RUNNING
    r = say(voice, "repeat")
    assert r.acted and r.words == "Step 1: done? Beat the eggs with a pinch of salt until no streaks of white remain."


def test_next_never_cuts_a_step_short_that_is_not_waiting_for_the_cook(rig):
    k, app, _stove, relay, voice = rig
    engine = app.start(k.library.recipe("french-omelette"))
    relay.drain()
    say(voice, "next")                                   # the eggs are beaten; the butter heats
    r = say(voice, "next")
    assert not r.acted and r.refused == "not_waiting" and "Skip" in r.words
    assert phases(engine) == [(1, Phase.HEATING)] and engine.view().steps_done == 1


def test_a_zone_the_recipe_uses_set_by_voice_pauses_the_recipe(rig):
    k, app, stove, relay, voice = rig
    engine = app.start(k.library.recipe("french-omelette"))
    relay.drain()
    zone = sorted(app.zones_in_use())[0]
    r = say(voice, "set_level", zone=zone + 1, level=2)
    assert r.acted and r.alert is not None and engine.status is RunStatus.PAUSED
    assert "by voice" in engine.paused_reason


def test_run_commands_without_a_recipe_say_so(rig):
    _k, _app, _stove, _relay, voice = rig
    for kind in ("next", "back", "pause", "resume", "repeat"):
        r = say(voice, kind)
        assert not r.acted and r.words == "No recipe is cooking."


def test_the_kitchen_timer_rings_on_the_stove_clock(rig):
    _k, _app, stove, relay, voice = rig
    rang = []
    voice.timer.rang.connect(rang.append)
    r = say(voice, "timer", seconds=90)
    assert r.acted and r.words == "Timer set: 1 minute 30 seconds."
    stove.advance(89.0)
    voice.tick()
    assert rang == [] and voice.timer.remaining() == pytest.approx(1.0)
    stove.advance(1.0)
    voice.tick()
    assert rang == [90.0] and voice.timer.remaining() is None
    assert voice.timer_words(90.0) == "Your 1 minute 30 seconds timer is up."


def test_nothing_heard_is_not_an_action(rig):
    _k, _app, stove, relay, voice = rig
    r = voice.perform(VoiceCommand("none", text="the soup smells wonderful"))
    assert not r.acted and r.refused == "not_heard" and levels(stove, relay) == [0, 0, 0, 0]
