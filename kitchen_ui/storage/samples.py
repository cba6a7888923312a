"""How telemetry samples are packed: one numpy record per zone per telemetry message.

A chunk is the ``tobytes()`` of a :data:`SAMPLE_DTYPE` array (little-endian, 32 bytes a sample);
missing temperatures are NaN. Packing per zone per flush keeps writes to a handful of rows a
second and lets a two-hour session load as a few byte strings joined and viewed as arrays.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from ..core.model import FAULTS, StoveState, ZONE_MODES

SAMPLE_DTYPE = np.dtype([
    ("t", "<f8"), ("temp_c", "<f4"), ("pan_temp_c", "<f4"), ("target_c", "<f4"), ("power_w", "<f4"),
    ("energy_wh", "<f4"), ("mode", "i1"), ("level", "i1"), ("flags", "u1"), ("fault", "i1"),
])
BOOST, PAN, RESIDUAL = 1, 2, 4
MODE_CODES = {m: i for i, m in enumerate(ZONE_MODES)}
FAULT_CODES = {None: 0, **{f: i + 1 for i, f in enumerate(FAULTS)}}
NAN = float("nan")


def _f(v: float | None) -> float:
    return NAN if v is None else v


def pack_states(states: Sequence[StoveState]) -> dict[int, np.ndarray]:
    """Telemetry messages -> one record array per zone id."""
    rows: dict[int, list[tuple]] = {}
    for st in states:
        for z in st.zones:
            flags = (BOOST if z.boost else 0) | (PAN if z.pan else 0) | (RESIDUAL if z.residual_heat else 0)
            rows.setdefault(z.id, []).append((
                st.t, _f(z.temp_c), _f(z.pan_temp_c), _f(z.target_c), z.power_w, z.energy_wh,
                MODE_CODES.get(z.mode, 0), z.level, flags, FAULT_CODES.get(z.fault, 0)))
    return {zone: np.array(r, dtype=SAMPLE_DTYPE) for zone, r in rows.items()}


def unpack(chunks: Sequence[bytes]) -> np.ndarray:
    if not chunks:
        return np.zeros(0, dtype=SAMPLE_DTYPE)
    return np.frombuffer(b"".join(chunks), dtype=SAMPLE_DTYPE)


def mode_name(code: int) -> str:
    return ZONE_MODES[code] if 0 <= code < len(ZONE_MODES) else "off"


def fault_name(code: int) -> str:
    return FAULTS[code - 1] if 1 <= code <= len(FAULTS) else ""
