"""Speech out: espeak-ng writes real WAV files; ``voice say``; what is said for steps, alerts, prompts."""

from __future__ import annotations

import wave

import numpy as np
import pytest

from kitchen_ui.cli import main
from kitchen_ui.recipes.run_state import ActiveStep, Phase, RunAlert, RunStatus, RunView
from kitchen_ui.voice import phrases
from kitchen_ui.voice.speech import SpeechError, read_wav, synthesize


def _wav_facts(path):
    with wave.open(str(path), "rb") as w:
        return w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes()


def test_synthesis_writes_a_16_bit_wav_with_sound_in_it(tmp_path):
    speech = synthesize("Step one. Heat the oil.", "en")
    path = speech.write(tmp_path / "s.wav")
    channels, width, rate, frames = _wav_facts(path)
    assert (channels, width) == (1, 2) and rate == speech.rate and frames == len(speech.samples)
    assert 0.5 < speech.duration_s < 10
    assert np.abs(speech.samples.astype(np.int32)).max() > 1000          # sound, not silence


def test_german_is_spoken_with_another_voice_than_english():
    en = synthesize("Zone drei, Stufe sieben", "en")
    de = synthesize("Zone drei, Stufe sieben", "de")
    assert len(en.samples) != len(de.samples) or not np.array_equal(en.samples, de.samples)


def test_a_text_starting_with_a_dash_is_spoken_not_taken_as_an_option():
    assert synthesize("-v stir well", "en").duration_s > 0.3


def test_empty_text_and_unknown_language_are_refused_by_name():
    with pytest.raises(SpeechError, match="nothing to say"):
        synthesize("   ", "en")
    with pytest.raises(ValueError, match="'fr' is not one of en, de"):
        synthesize("bonjour", "fr")


def test_missing_espeak_ng_says_to_install_it(monkeypatch):
    monkeypatch.setenv("HEARTH_ESPEAK", "espeak-ng-not-here")
    with pytest.raises(SpeechError, match="install espeak-ng"):
        synthesize("next", "en")


# -- the command line ------------------------------------------------------------------------------
def test_voice_say_writes_the_file_in_german(tmp_path, capsys):
    out = tmp_path / "z.wav"
    assert main(["voice", "say", "Zone drei, Stufe sieben", "-o", str(out), "--lang", "de"]) == 0
    assert "(de)" in capsys.readouterr().out
    assert read_wav(out).duration_s > 0.5


def test_voice_say_with_a_bad_language_exits_2_naming_it(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["voice", "say", "hello", "-o", str(tmp_path / "x.wav"), "--lang", "fr"])
    assert exc.value.code == 2
    assert "'fr' is not one of en, de" in capsys.readouterr().err
    assert not (tmp_path / "x.wav").exists()


def test_voice_say_without_espeak_ng_names_it_and_writes_nothing(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HEARTH_ESPEAK", "espeak-ng-not-here")
    assert main(["voice", "say", "hello", "-o", str(tmp_path / "x.wav")]) == 1
    assert "install espeak-ng" in capsys.readouterr().err
    assert not (tmp_path / "x.wav").exists()


def test_voice_say_into_a_missing_folder_says_so(tmp_path, capsys):
    assert main(["voice", "say", "hello", "-o", str(tmp_path / "nope" / "x.wav")]) == 1
    assert "does not exist" in capsys.readouterr().err


# -- what is said ----------------------------------------------------------------------------------
def _step(**kw):
    base = dict(index=2, id="s3", text="Fry the onions", phase=Phase.RUNNING, pot="pan", pot_label="pan",
                zone=0, zone_name="front-left", setting="180 °C", duration_s=150.0, elapsed_s=0.0,
                remaining_s=150.0, temp_c=20.0, target_c=180.0, eta_s=None, confirm="")
    base.update(kw)
    return ActiveStep(**base)


def _view(*steps, status=RunStatus.RUNNING, done=0):
    return RunView(title="Onion soup", status=status, t=0.0, steps_total=5, steps_done=done,
                   active=tuple(steps), next=(), alerts=())


@pytest.mark.parametrize("lang, expected", [
    ("en", "Step 3. Fry the onions. Front-left, 180 degrees, for 2 minutes 30 seconds."),
    ("de", "Schritt 3. Fry the onions. Front-left, 180 Grad, für 2 Minuten 30 Sekunden."),
])
def test_a_step_is_said_in_plain_words(lang, expected):
    assert phrases.step_phrase(_step(), lang) == expected


@pytest.mark.parametrize("lang, expected", [
    ("en", "Step 4: done? Simmer for 10 minutes."),
    ("de", "Schritt 4: fertig? Simmer for 10 Minuten."),
])
def test_a_done_prompt_is_said_in_the_dashboards_language(lang, expected):
    assert phrases.prompt_phrase(3, "Done? Simmer for 10 min", lang) == expected


@pytest.mark.parametrize("lang, expected", [
    ("en", "Attention. Front-left was changed at the stove; the recipe paused."),
    ("de", "Achtung. Front-left was changed at the stove; the recipe paused."),
])
def test_a_warning_alert_is_said_with_a_lead_word(lang, expected):
    alert = RunAlert(t=1.0, kind="cook", message="front-left was changed at the stove; the recipe paused",
                     warning=True)
    assert phrases.alert_phrase(alert, lang) == expected


@pytest.mark.parametrize("seconds, lang, expected", [
    (60, "en", "1 minute"), (3725, "en", "1 hour 2 minutes 5 seconds"), (120, "de", "2 Minuten"),
    (1, "de", "1 Sekunde"), (0, "en", "0 seconds"),
])
def test_durations_in_words(seconds, lang, expected):
    assert phrases.duration(seconds, lang) == expected


def test_temperatures_clock_times_and_symbols_become_words():
    assert phrases.spoken("→ 98.5 °C · boils in 3:40", "en") == "to 98.5 degrees, boils in 3 minutes 40 seconds"
    assert phrases.spoken("→ 98.5 °C · 1:02:03", "de") == "auf 98,5 Grad, 1 Stunde 2 Minuten 3 Sekunden"


def test_the_narrator_says_each_new_step_once_and_again_after_back():
    n = phrases.Narrator("en")
    first = _step(index=0, text="Boil water")
    assert n.on_view(_view(first)) == [phrases.step_phrase(first)]
    assert n.on_view(_view(first)) == []                                 # a countdown tick: nothing new
    second = _step(index=1, text="Add pasta")
    assert n.on_view(_view(second, done=1)) == [phrases.step_phrase(second)]
    assert n.on_view(_view(first)) == [phrases.step_phrase(first)]       # "back": said again


def test_the_narrator_leaves_a_waiting_step_to_its_prompt_and_time_is_up_to_done():
    n = phrases.Narrator("de")
    waiting = _step(index=0, phase=Phase.PROMPT, confirm="Start: Add salt")
    assert n.on_view(_view(waiting)) == []
    assert n.on_prompt(0, "Start: Add salt") == ["Schritt 1: bereit? Add salt."]
    assert n.on_alert(RunAlert(t=1.0, kind="timer", message="Time is up: Simmer", step=0)) == []
    assert n.on_prompt(0, "Done? Simmer") == ["Schritt 1: fertig? Simmer."]
    assert n.on_status(RunStatus.COMPLETED, "Suppe") == ["Suppe ist fertig. Guten Appetit!"]


def test_voice_without_an_action_shows_its_actions_and_exits_2(capsys):
    assert main(["voice"]) == 2
    out = capsys.readouterr().out
    assert "say" in out and "ACTION" in out


def test_a_display_unit_hook_changes_the_degrees_before_they_are_said():
    to_f = lambda s: s.replace("100 °C", "212 °F")     # what the dashboard's own conversion does
    assert phrases.spoken("Boil at 100 °C", "en", to_f) == "Boil at 212 degrees Fahrenheit"
    assert phrases.Narrator("de", temps=to_f).on_prompt(0, "Done? Boil at 100 °C") == \
        ["Schritt 1: fertig? Boil at 212 Grad Fahrenheit."]
