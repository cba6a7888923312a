"""The plot's telemetry history: bounded memory, and downsampling that never hides a spike."""

import numpy as np
import pytest

from kitchen_ui.core.history import TARGET, TEMP, TelemetryHistory
from kitchen_ui.core.model import StoveState, ZoneState


def fill(h: TelemetryHistory, seconds: float, hz: float = 10.0, t0: float = 0.0, value=lambda t: 20.0 + t * 0.001):
    n = int(seconds * hz)
    for i in range(n):
        t = t0 + i / hz
        v = value(t)
        h.append(t, [v] * h.n_zones, [None] * h.n_zones)
    return t0 + n / hz


def small_history(zones: int = 2) -> TelemetryHistory:
    # the same design at a size a test can fill quickly
    return TelemetryHistory(zones, raw_capacity=600, mid_capacity=300, tail_capacity=64)


def test_memory_is_allocated_once_and_never_grows():
    h = small_history()
    before = h.nbytes
    fill(h, 3 * 3600, hz=2)          # three hours: every tier overflows, the tail compacts
    assert h.nbytes == before
    assert all(len(t) <= t.capacity for t in h.tiers)


def test_default_history_for_six_zones_stays_small():
    h = TelemetryHistory(6)
    assert h.nbytes < 8 * 1024 * 1024     # 12 h at 10 Hz raw would be 6 x 2 x 432000 floats


def test_whole_session_stays_covered_after_the_tail_compacts():
    h = small_history()
    end = fill(h, 3 * 3600, hz=2)
    tail = h.tiers[-1]
    assert tail.width > 4.0                       # it compacted
    x, y = h.envelope(h.series(0), 0.0, end, 400)
    assert x[0] <= 10.0                           # the first minutes are still there
    assert x[-1] >= end - 2 * tail.width


def test_spike_survives_downsampling_at_every_zoom():
    h = small_history(1)
    spike_t = 5000.0

    def value(t):
        return 250.0 if abs(t - spike_t) < 0.05 else 50.0   # one sample of 250 in three hours

    end = fill(h, 3 * 3600, hz=10, value=value)
    for t0, t1 in ((0.0, end), (spike_t - 600, spike_t + 600), (spike_t - 30, spike_t + 30)):
        for points in (20, 200):                  # fewer points than rows: min/max reduction
            x, y = h.envelope(h.series(0), t0, t1, points)
            assert np.nanmax(y) == pytest.approx(250.0), (t0, t1, points)
            assert np.nanmin(y) == pytest.approx(50.0)
            assert len(x) <= points + 4


def test_spike_in_the_full_rate_window_survives_downsampling():
    h = small_history(1)
    end = fill(h, 50, value=lambda t: 250.0 if abs(t - 21.3) < 0.05 else 50.0)
    x, y = h.envelope(h.series(0), 0.0, end, 40)        # 500 samples into 20 pixel columns
    assert len(x) <= 44
    assert np.nanmax(y) == pytest.approx(250.0)


def test_minimum_dip_survives_too():
    h = small_history(1)
    end = fill(h, 1800, value=lambda t: 5.0 if 900 <= t < 900.1 else 100.0)
    x, y = h.envelope(h.series(0), 0.0, end, 100)
    assert np.nanmin(y) == pytest.approx(5.0)


def test_recent_view_uses_full_rate_samples():
    h = small_history(1)
    end = fill(h, 30, value=lambda t: t)
    x, y = h.envelope(h.series(0), end - 10, end, 1000)
    # 10 s at 10 Hz fits: every sample comes back unchanged
    assert np.allclose(np.diff(x), 0.1, atol=1e-6)
    assert np.allclose(x, y, atol=1e-4)


def test_points_per_pixel_is_bounded_for_a_twelve_hour_view():
    h = TelemetryHistory(1)
    # 12 h at 10 Hz, fed in bulk through the public API at 1 Hz steps of 10 values would be slow;
    # feeding 1 Hz keeps the test fast and still fills every tier
    end = fill(h, 12 * 3600, hz=1)
    width_px = 1200
    x, y = h.envelope(h.series(0), 0.0, end, 2 * width_px)
    assert 0 < len(x) <= 2 * width_px + 4
    assert x[0] <= 60 and x[-1] >= end - 60


def test_targets_and_gaps_are_kept_per_zone():
    h = small_history(2)
    for i in range(100):
        t = i / 10
        sensor = None if 4.0 <= t < 6.0 else 100.0 + i
        h.append(t, [sensor, 30.0], [180.0, None])
    x, y = h.envelope(h.series(0, TEMP), 0, 10, 1000)
    assert np.isnan(y[(x >= 4.0) & (x < 6.0)]).all()        # the faulted sensor shows as a gap
    assert np.isfinite(y[x < 4.0]).all()
    _, tgt = h.envelope(h.series(0, TARGET), 0, 10, 1000)
    assert np.nanmax(tgt) == 180.0
    _, tgt1 = h.envelope(h.series(1, TARGET), 0, 10, 1000)
    assert np.isnan(tgt1).all()


def test_append_state_takes_target_only_in_target_mode():
    h = small_history(2)
    zones = (ZoneState(0, mode="target", target_c=120.0, temp_c=80.0),
             ZoneState(1, mode="off", target_c=90.0, temp_c=25.0))
    h.append_state(StoveState(t=1.0, zones=zones))
    h.append_state(StoveState(t=1.1, zones=zones))
    _, tgt0 = h.envelope(h.series(0, TARGET), 0, 2, 100)
    _, tgt1 = h.envelope(h.series(1, TARGET), 0, 2, 100)
    assert np.nanmax(tgt0) == 120.0
    assert np.isnan(tgt1).all()


def test_a_restarted_stove_clock_continues_the_axis_and_loses_nothing():
    h = small_history(1)
    fill(h, 10, value=lambda t: 50.0)
    h.append(0.0, [70.0], [None])          # the stove restarted: its time is 0 again
    assert h.t_last > 10.0
    x, y = h.envelope(h.series(0), 0, h.t_last, 1000)
    assert y[0] == 50.0 and y[-1] == 70.0


def test_version_changes_only_when_data_arrives():
    h = small_history(1)
    v0 = h.version
    h.envelope(h.series(0), 0, 1, 10)
    assert h.version == v0
    h.append(0.0, [1.0], [None])
    assert h.version != v0


def test_empty_history_and_bad_ranges_give_nothing():
    h = small_history(1)
    x, y = h.envelope(0, 0, 10, 100)
    assert len(x) == 0 and len(y) == 0
    h.append(0.0, [1.0], [None])
    assert len(h.envelope(0, 10, 0, 100)[0]) == 0
    with pytest.raises(ValueError):
        TelemetryHistory(0)


def test_all_series_at_once_match_each_series_alone_in_every_tier():
    h = small_history(3)
    end = fill(h, 3 * 3600, hz=2, value=lambda t: 40.0 + 30.0 * np.sin(t / 300.0))
    h.append(end, [None, 250.0, 60.0], [None, 180.0, None])   # a gap, a spike, a target
    for t0, t1, points in ((0.0, end, 200), (end - 600, end, 200), (end - 60, end, 1000), (end, 0.0, 10)):
        x, ys = h.envelopes(t0, t1, points)
        assert ys.shape == (6, len(x))
        for s in range(6):
            xs, y = h.envelope(s, t0, t1, points)
            np.testing.assert_array_equal(xs, x)
            np.testing.assert_array_equal(y, ys[s])
    x, ys = h.envelopes(0.0, end, 200)
    assert np.nanmax(ys[h.series(1)]) == 250.0 and np.nanmax(ys[h.series(1, TARGET)]) == 180.0
