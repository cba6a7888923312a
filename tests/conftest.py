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
