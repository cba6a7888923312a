"""Test-wide setup: Qt renders offscreen, so the suite runs on a machine with no screen; and the
user's own folders are never touched: the default kitchen database, settings and logs live in a
throwaway home for the session (platformdirs follows the XDG variables; subprocesses inherit them)."""

import atexit
import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_HOME = tempfile.mkdtemp(prefix="hearth-tests-")
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
for _var, _sub in (("XDG_DATA_HOME", "data"), ("XDG_STATE_HOME", "state"), ("XDG_CONFIG_HOME", "config")):
    os.environ[_var] = os.path.join(_HOME, _sub)
for _var in ("HEARTH_DB", "HEARTH_SETTINGS", "HEARTH_LOG_DIR", "HEARTH_LANG"):
    os.environ.pop(_var, None)


import pytest  # noqa: E402


@pytest.fixture
def mosquitto(tmp_path):
    """A running Mosquitto on a free loopback port (anonymous, no persistence); stopped after."""
    from broker_process import Mosquitto

    broker = Mosquitto(tmp_path / "mosquitto").start()
    yield broker
    broker.stop()


@pytest.fixture
def mosquitto_factory(tmp_path):
    """Make brokers with options: ``mosquitto_factory(users={...}, tls=(cert, key), acl=...)``."""
    from broker_process import Mosquitto

    made: list = []

    def make(**options):
        broker = Mosquitto(tmp_path / f"mosquitto-{len(made)}", **options)
        made.append(broker)
        return broker.start()

    yield make
    for broker in made:
        broker.stop()
