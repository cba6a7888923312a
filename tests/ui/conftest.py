"""Dashboard tests: Qt offscreen, a simulated stove on a manual clock, and a fake stove we steer."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from kitchen_ui.core.clock import ManualClock  # noqa: E402
from kitchen_ui.sim.local import LocalStove  # noqa: E402
from kitchen_ui.sim.profiles import load_profile  # noqa: E402


def pytest_configure(config):
    config.addinivalue_line("markers", "xvfb: real-window geometry; `make test` runs these again under xvfb-run "
                                       "with QT_QPA_PLATFORM=xcb")


@pytest.fixture
def german(qapp):
    """The German catalogue installed for one test (what the cook reads with --lang de)."""
    from kitchen_ui.ui.i18n import install_translators, remove_translators

    translators = install_translators("de")
    assert translators, "the German catalogue did not load"
    yield
    remove_translators(translators)


@pytest.fixture
def sim_stove():
    """The real simulated stove, unthreaded: time moves only when the test calls advance()."""
    stove = LocalStove(load_profile("hybrid-4"), clock=ManualClock(), threaded=False)
    yield stove
    stove.stop()


@pytest.fixture
def dashboard(qtbot, sim_stove):
    """The real main window on the simulated stove, started and shown at 1280x800."""
    from .windows import open_dashboard

    window, model = open_dashboard(qtbot, sim_stove)
    yield window
    model.close()


@pytest.fixture
def fake_stove():
    from .fake_stove import FakeStove

    stove = FakeStove(zones=4)
    yield stove
    stove.stop()


@pytest.fixture
def fake_dashboard(qtbot, fake_stove):
    from .windows import open_dashboard

    window, model = open_dashboard(qtbot, fake_stove)
    yield window
    model.close()
