"""WAV files in, 16 kHz mono out: what the recognizer's acoustic model was trained on.

The stdlib ``wave`` module reads integer PCM only, so the RIFF chunks are read here (PCM 8/16/24/32-bit,
IEEE float 32/64-bit, WAVE_FORMAT_EXTENSIBLE). Resampling is a windowed-sinc polyphase filter in
numpy (the same everywhere, bundle included); it low-passes before decimating,
so 44.1 kHz kitchen clatter does not fold down into the speech band.
"""

from __future__ import annotations

import struct
from math import gcd
from pathlib import Path

import numpy as np

TARGET_RATE = 16000
_PCM, _FLOAT, _EXTENSIBLE = 1, 3, 0xFFFE


class AudioError(ValueError):
    """A file that is not a readable WAV; the message names the file."""


def _chunks(data: bytes):
    pos = 12
    while pos + 8 <= len(data):
        cid, size = struct.unpack_from("<4sI", data, pos)
        yield cid, data[pos + 8:pos + 8 + size]
        pos += 8 + size + (size & 1)


def decode_wav(data: bytes, name: str = "<bytes>") -> tuple[np.ndarray, int]:
    """WAV bytes -> (float32 samples in -1..1, shape (frames, channels), sample rate)."""
    if len(data) < 12 or data[:4] != b"RIFF" or data[8:12] != b"WAVE":
        raise AudioError(f"{name}: not a WAV file (no RIFF/WAVE header)")
    fmt = raw = None
    for cid, body in _chunks(data):
        if cid == b"fmt " and fmt is None:
            fmt = body
        elif cid == b"data" and raw is None:
            raw = body
    if fmt is None or len(fmt) < 16:
        raise AudioError(f"{name}: broken WAV file (no format chunk)")
    if raw is None:
        raise AudioError(f"{name}: broken WAV file (no data chunk)")
    tag, channels, rate, _, align, bits = struct.unpack_from("<HHIIHH", fmt)
    if tag == _EXTENSIBLE and len(fmt) >= 26:
        tag = struct.unpack_from("<H", fmt, 24)[0]
    if channels < 1 or rate < 1000 or align < 1:
        raise AudioError(f"{name}: broken WAV file ({channels} channels at {rate} Hz)")
    width = bits // 8
    if tag == _PCM and bits in (8, 16, 24, 32):
        raw = raw[:len(raw) // (width * channels) * width * channels]
        if bits == 8:
            x = (np.frombuffer(raw, np.uint8).astype(np.float32) - 128.0) / 128.0
        elif bits == 24:
            b = np.frombuffer(raw, np.uint8).reshape(-1, 3).astype(np.int32)
            v = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)
            x = (np.where(v >= 1 << 23, v - (1 << 24), v) / float(1 << 23)).astype(np.float32)
        else:
            x = np.frombuffer(raw, f"<i{width}").astype(np.float32) / float(1 << (bits - 1))
    elif tag == _FLOAT and bits in (32, 64):
        raw = raw[:len(raw) // (width * channels) * width * channels]
        x = np.nan_to_num(np.frombuffer(raw, f"<f{width}").astype(np.float32))
    else:
        raise AudioError(f"{name}: unsupported WAV encoding (format {tag}, {bits}-bit)")
    return x.reshape(-1, channels), rate


def _sinc_filter(up: int, down: int, zero_crossings: int = 16) -> np.ndarray:
    """A Kaiser-windowed low-pass for the up-sampled rate, cut at the lower Nyquist (with margin)."""
    m = max(up, down)
    cutoff = 0.5 / m * 0.92
    n = 2 * zero_crossings * m + 1
    t = np.arange(n) - (n - 1) / 2
    return (up * 2 * cutoff * np.sinc(2 * cutoff * t) * np.kaiser(n, 8.0)).astype(np.float32)


def _polyphase(up: int, down: int) -> tuple[np.ndarray, int, int]:
    """-> (bank[phase, j] = h[phase + j * up], taps per phase, the filter's centre)."""
    h = _sinc_filter(up, down)
    taps = -(-len(h) // up)
    bank = np.zeros(taps * up, np.float32)
    bank[:len(h)] = h
    return bank.reshape(taps, up).T, taps, (len(h) - 1) // 2


def _outputs(source: np.ndarray, first: int, k: np.ndarray, bank: np.ndarray, taps: int,
             up: int, down: int, centre: int) -> np.ndarray:
    """Output samples ``k``; ``source[i]`` is input sample ``first + i`` (zero outside it)."""
    padded = np.concatenate([np.zeros(taps, np.float32), source, np.zeros(taps + 1, np.float32)])
    out = np.empty(len(k), np.float32)
    for start in range(0, len(k), 8192):                     # chunks keep the index matrix small
        kk = k[start:start + 8192]
        pos = kk * down + centre
        base, phase = pos // up, pos % up
        idx = base[:, None] - np.arange(taps)[None, :] - first + taps
        out[start:start + len(kk)] = np.einsum("ij,ij->i", padded[np.clip(idx, 0, len(padded) - 1)], bank[phase])
    return out


def _resample_numpy(x: np.ndarray, up: int, down: int) -> np.ndarray:
    bank, taps, centre = _polyphase(up, down)
    n_out = -(-len(x) * up // down)
    return _outputs(x, 0, np.arange(n_out), bank, taps, up, down, centre)


class StreamResampler:
    """The same filter over a stream that comes in chunks of any size: the output is what
    :func:`resample` gives for the whole stream, sample for sample (resampling each chunk on its
    own would click at every chunk's edges and round its length, so the sound would drift).
    Output lags the input by half the filter's length (about 1 ms)."""

    def __init__(self, rate: int, target: int = TARGET_RATE) -> None:
        g = gcd(rate, target)
        self.up, self.down = target // g, rate // g
        self._bank, self._taps, self._centre = _polyphase(self.up, self.down)
        self._kept = np.zeros(0, np.float32)      # input samples still needed
        self._first = 0                           # the input index of _kept[0]
        self._next = 0                            # the next output index

    def feed(self, x: np.ndarray) -> np.ndarray:
        """Float mono samples at the input rate -> every output sample they complete."""
        if self.up == self.down:
            return np.asarray(x, np.float32).copy()
        self._kept = np.concatenate([self._kept, np.asarray(x, np.float32)])
        end = self._first + len(self._kept)                       # inputs seen so far
        # output k is complete once its newest input, (k * down + centre) // up, has come
        last = (end * self.up - 1 - self._centre) // self.down
        k = np.arange(self._next, last + 1)
        out = _outputs(self._kept, self._first, k, self._bank, self._taps, self.up, self.down, self._centre)
        self._next = max(self._next, last + 1)
        oldest = (self._next * self.down + self._centre) // self.up - self._taps + 1
        if oldest > self._first:                                   # drop what no output needs now
            self._kept = self._kept[oldest - self._first:]
            self._first = oldest
        return out


def resample(x: np.ndarray, rate: int, target: int = TARGET_RATE) -> np.ndarray:
    """Mono float samples at ``rate`` -> float32 at ``target``."""
    x = np.asarray(x, np.float32)
    if rate == target or len(x) == 0:
        return x.copy()
    g = gcd(rate, target)
    up, down = target // g, rate // g
    return _resample_numpy(x, up, down)


def to_mono16k(samples: np.ndarray, rate: int) -> np.ndarray:
    """Any samples (int16 or float, mono or (frames, channels)) -> float32 mono at 16 kHz."""
    x = np.asarray(samples)
    if x.dtype.kind == "i":
        x = x.astype(np.float32) / (float(np.iinfo(x.dtype).max) + 1.0)
    elif x.dtype.kind == "u":
        half = (float(np.iinfo(x.dtype).max) + 1.0) / 2
        x = (x.astype(np.float32) - half) / half
    x = x.astype(np.float32)
    if x.ndim == 2:
        x = x.mean(axis=1)
    elif x.ndim != 1:
        raise ValueError(f"expected mono or (frames, channels) samples, got shape {x.shape}")
    return resample(x, int(rate))


def to_int16(x: np.ndarray) -> np.ndarray:
    return (np.clip(x, -1.0, 1.0) * 32767.0).astype(np.int16)


def read_wav(path: str | Path) -> tuple[np.ndarray, int]:
    """A WAV file -> (float32 (frames, channels), rate); :class:`AudioError` naming the file otherwise."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise AudioError(f"{p}: cannot read ({e.strerror or e})") from None
    return decode_wav(data, str(p))


def load_16k(path: str | Path) -> np.ndarray:
    """A WAV file of any rate and channel count -> float32 mono at 16 kHz."""
    x, rate = read_wav(path)
    return to_mono16k(x, rate)


__all__ = ["AudioError", "StreamResampler", "TARGET_RATE", "decode_wav", "read_wav", "load_16k", "resample", "to_mono16k",
           "to_int16"]
