"""The recognizer on a small fixed set spoken by Flite (Debian's ``flite``) at test time: commands
come out with their numbers, kitchen talk and short replies ("okay", "no thanks") come out as no
command, the wake phrase is heard alone and with a command, 44.1 kHz stereo works, and
``kitchen-ui voice recognize`` prints one line per file and names a broken one.

The full figures, with several voices, rates and kitchen noise, are in benchmarks/voice; this set
is small and clean, so a regression in the decoder setup, the resampling or the rejection shows
here first.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import threading
import wave

import numpy as np
import pytest

from kitchen_ui.cli import main
from kitchen_ui.voice import audio
from kitchen_ui.voice.recognizer import Recognizer

pytestmark = pytest.mark.skipif(shutil.which("flite") is None, reason="flite is not installed (.ci/run installs it)")

COMMANDS = {   # said -> (command, zone, level, seconds)
    "zone four level eighteen": ("set_level", 4, 18, None),
    "zone two off": ("zone_off", 2, None, None),
    "timer thirty seconds": ("timer", None, None, 30),
    "stop everything": ("all_off", None, None, None),
    "all off": ("all_off", None, None, None),
    "continue": ("resume", None, None, None),
    "go back": ("back", None, None, None),
    "repeat": ("repeat", None, None, None),
}
TALK = ["the soup smells wonderful today", "my friend is coming at seven", "next time add more salt",
        "could you pass me the pepper please", "dinner is ready in ten minutes", "okay", "no thanks",
        "hello"]
WAKE = {"hey hearth, next": (True, "next"), "hey hearth": (True, "none"),
        "hey hearth, zone two off": (True, "zone_off"), "next step": (False, "none"),
        "hey, the bread looks really good": (False, "none"), "the hearth is warm tonight": (False, "none"),
        "her heart is in it": (False, "none")}


def write_wav(path, x: np.ndarray, rate: int) -> None:
    pcm = audio.to_int16(x)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1 if pcm.ndim == 1 else pcm.shape[1])
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())


@pytest.fixture(scope="module")
def spoken(tmp_path_factory):
    """text -> a 16 kHz mono WAV of Flite's slt voice saying it, with a little silence either side."""
    d = tmp_path_factory.mktemp("spoken")
    out = {}
    for i, text in enumerate([*COMMANDS, *TALK, *WAKE]):
        raw = d / f"raw{i}.wav"
        subprocess.run(["flite", "-voice", "slt", "-t", text, "-o", str(raw)], check=True)
        x, rate = audio.read_wav(raw)
        pad = np.zeros(int(0.3 * rate), np.float32)
        path = d / f"u{i}.wav"
        write_wav(path, audio.resample(np.concatenate([pad, x[:, 0], pad]), rate), 16000)
        out[text] = path
    return out


@pytest.fixture(scope="module")
def rec():
    return Recognizer()


@pytest.mark.parametrize("said", list(COMMANDS))
def test_commands_are_recognized_with_their_numbers(rec, spoken, said):
    cmd = rec.recognize_file(spoken[said])
    assert (cmd.kind, cmd.zone, cmd.level, cmd.seconds) == COMMANDS[said]
    assert 0.5 < cmd.confidence <= 1.0


@pytest.mark.parametrize("said", TALK)
def test_kitchen_talk_is_no_command(rec, spoken, said):
    cmd = rec.recognize_file(spoken[said])
    assert cmd.kind == "none", f"{said!r} was taken for {cmd}"
    assert cmd.confidence < 0.5


@pytest.mark.parametrize("said", list(WAKE))
def test_the_wake_phrase_alone_or_with_a_command(rec, spoken, said):
    x, rate = audio.read_wav(spoken[said])
    woke, cmd = rec.hear_wake(x, rate)
    assert (woke, cmd.kind) == WAKE[said]
    if cmd.kind == "zone_off":
        assert cmd.zone == 2


def test_44k_stereo_gives_the_same_command(rec, spoken, tmp_path):
    x, _ = audio.read_wav(spoken["zone four level eighteen"])
    y = audio.resample(x[:, 0], 16000, 44100)
    path = tmp_path / "stereo44.wav"
    write_wav(path, np.stack([y, 0.7 * y], axis=1), 44100)
    cmd = rec.recognize_file(path)
    assert (cmd.kind, cmd.zone, cmd.level) == ("set_level", 4, 18)


def test_silence_and_a_click_are_no_command(rec):
    assert rec.recognize(np.zeros(16000, np.int16), 16000).kind == "none"
    assert rec.recognize(np.zeros(100, np.float32), 8000).kind == "none"


def test_the_same_sound_gives_the_same_answer_whatever_was_heard_before(spoken):
    """pocketsphinx carries state from one utterance to the next; the recognizer settles it, so
    the order of what it hears changes no command, no text, and a confidence by under 0.005
    (unsettled, a confidence moved by 0.01 here, and on the benchmark "level thirty" became
    "thirteen")."""
    order = list(spoken)

    def heard(texts):
        r = Recognizer()
        return {t: r.recognize_file(spoken[t]) for t in texts}

    forward, backward = heard(order), heard(order[::-1])
    for t in order:
        assert (forward[t].kind, forward[t].text) == (backward[t].kind, backward[t].text), t
        assert abs(forward[t].confidence - backward[t].confidence) < 0.005, (t, forward[t], backward[t])


def test_two_threads_recognize_at_once(rec, spoken):
    """The dashboard calls from a worker thread: each thread has its own decoder."""
    results: dict[str, list] = {}

    def work(said):
        results[said] = [rec.recognize_file(spoken[said]).kind for _ in range(3)]

    threads = [threading.Thread(target=work, args=(s,)) for s in ("repeat", "stop everything")]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert results == {"repeat": ["repeat"] * 3, "stop everything": ["all_off"] * 3}


def test_cli_prints_one_line_per_file_and_names_a_broken_one(spoken, tmp_path, capsys):
    broken = tmp_path / "notes.wav"
    broken.write_text("shopping list: eggs, milk")
    files = [str(spoken["zone four level eighteen"]), str(broken), str(tmp_path / "gone.wav"),
             str(spoken["the soup smells wonderful today"])]
    code = main(["voice", "recognize", *files, "--json"])
    out, err = capsys.readouterr()
    assert code == 1
    lines = [json.loads(line) for line in out.splitlines()]
    assert [d["file"] for d in lines] == [files[0], files[3]]
    assert lines[0]["command"] == "set_level" and lines[0]["zone"] == 4 and lines[0]["level"] == 18
    assert lines[0]["text"] == "zone four level eighteen" and 0 < lines[0]["confidence"] <= 1
    assert lines[1]["command"] == "none" and "zone" not in lines[1]
    assert "notes.wav: not a WAV file" in err and "gone.wav: cannot read" in err

    assert main(["voice", "recognize", files[0]]) == 0
    out, _ = capsys.readouterr()
    assert out.startswith(f"{files[0]}: set_level zone 4 level 18 ")
