"""WAV input for the recognizer: every common encoding reads to the same samples, any rate becomes
16 kHz without aliasing, and a file that is not a WAV is named in a clear error."""

from __future__ import annotations

import struct
import wave

import numpy as np
import pytest

from kitchen_ui.voice import audio

RATE = 22050
TONE = 0.5 * np.sin(2 * np.pi * 440 * np.arange(RATE // 10) / RATE)


def riff(fmt_tag: int, channels: int, rate: int, bits: int, data: bytes, extensible: bool = False) -> bytes:
    align = channels * bits // 8
    fmt = struct.pack("<HHIIHH", 0xFFFE if extensible else fmt_tag, channels, rate, rate * align, align, bits)
    if extensible:
        fmt += struct.pack("<HHI", 22, bits, 0) + struct.pack("<H", fmt_tag) + b"\x00\x00\x00\x00\x10\x00\x80\x00\x00\xaa\x00\x38\x9b\x71"
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", len(body)) + body


def encode(x: np.ndarray, bits: int, float_: bool = False) -> bytes:
    if float_:
        return x.astype(f"<f{bits // 8}").tobytes()
    if bits == 8:
        return (x * 127 + 128).astype(np.uint8).tobytes()
    v = (x * (2 ** (bits - 1) - 1)).astype(np.int64)
    if bits == 24:
        return b"".join(int(s).to_bytes(3, "little", signed=True) for s in v)
    return v.astype(f"<i{bits // 8}").tobytes()


@pytest.mark.parametrize("bits, float_, tol", [(8, False, 0.02), (16, False, 1e-4), (24, False, 1e-6),
                                               (32, False, 1e-6), (32, True, 1e-7), (64, True, 1e-7)])
def test_each_encoding_reads_to_the_same_samples(bits, float_, tol):
    tag = 3 if float_ else 1
    for ext in (False, True):
        x, rate = audio.decode_wav(riff(tag, 1, RATE, bits, encode(TONE, bits, float_), extensible=ext))
        assert rate == RATE and x.shape == (len(TONE), 1)
        assert np.abs(x[:, 0] - TONE).max() < tol


def test_stereo_is_mixed_to_mono_and_44k_becomes_16k(tmp_path):
    rate = 44100
    t = np.arange(rate) / rate
    left, right = np.sin(2 * np.pi * 1000 * t), np.sin(2 * np.pi * 1000 * t + 0.1)
    path = tmp_path / "stereo.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes((np.stack([left, right], 1) * 16000).astype("<i2").tobytes())
    y = audio.load_16k(path)
    assert len(y) == 16000
    spectrum = np.abs(np.fft.rfft(y[1000:-1000] * np.hanning(len(y) - 2000)))
    peak_hz = np.argmax(spectrum) * 16000 / (len(y) - 2000)
    assert abs(peak_hz - 1000) < 5


def test_resampling_low_passes_what_16k_cannot_carry():
    """A 12 kHz whistle at 44.1 kHz must vanish, not fold down to 4 kHz where speech is."""
    rate = 44100
    t = np.arange(rate) / rate
    high = audio.resample(np.sin(2 * np.pi * 12000 * t).astype(np.float32), rate)
    speech_band = audio.resample(np.sin(2 * np.pi * 3000 * t).astype(np.float32), rate)
    assert np.abs(high[500:-500]).max() < 0.01
    assert np.abs(speech_band[500:-500]).max() > 0.95
    assert len(audio.resample(np.zeros(8000, np.float32), 8000)) == 16000


def test_int16_and_float_samples_in_memory_give_the_same_result():
    f = (TONE * 0.9).astype(np.float32)
    i = (f * 32768).astype(np.int16)
    assert np.abs(audio.to_mono16k(f, RATE) - audio.to_mono16k(i, RATE)).max() < 1e-3


@pytest.mark.parametrize("content, problem", [
    (b"", "not a WAV file"), (b"ID3\x03 this is an mp3", "not a WAV file"),
    (b"RIFF\x10\x00\x00\x00WAVEjunk", "no format chunk"),
    (riff(1, 1, RATE, 16, b"")[:44 - 8], "no data chunk"),
    (riff(2, 1, RATE, 16, b"\x00" * 10), "unsupported WAV encoding"),
])
def test_a_broken_file_is_named_in_the_error(tmp_path, content, problem):
    path = tmp_path / "broken.wav"
    path.write_bytes(content)
    with pytest.raises(audio.AudioError, match=problem) as err:
        audio.load_16k(path)
    assert str(path) in str(err.value)


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(audio.AudioError, match="cannot read") as err:
        audio.read_wav(tmp_path / "nope.wav")
    assert "nope.wav" in str(err.value)


@pytest.mark.parametrize("rate", [44100, 48000, 8000])
def test_a_stream_in_chunks_of_any_size_resamples_as_the_whole_sound_would(rate):
    """The always-open microphone brings sound in chunks; each must not be resampled on its own,
    which clicks at every edge and rounds each chunk's length (the sound drifts)."""
    rng = np.random.default_rng(3)
    x = (0.5 * np.sin(2 * np.pi * 440 * np.arange(2 * rate) / rate)).astype(np.float32)
    stream, parts, i = audio.StreamResampler(rate), [], 0
    while i < len(x):
        n = int(rng.integers(1, 2000))
        parts.append(stream.feed(x[i:i + n]))
        i += n
    got, whole = np.concatenate(parts), audio.resample(x, rate)
    assert len(whole) - 40 < len(got) <= len(whole)               # all but the last ~2 ms, already
    assert np.abs(got - whole[:len(got)]).max() < 1e-5
