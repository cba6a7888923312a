"""The core must run without Qt: a headless stove server or recipe tool never loads PySide6."""

import subprocess
import sys

CORE_MODULES = [
    "kitchen_ui.core.model", "kitchen_ui.core.stove", "kitchen_ui.sim.local", "kitchen_ui.sim.service",
    "kitchen_ui.protocol.codec", "kitchen_ui.connect", "kitchen_ui.cli",
]


def test_core_imports_no_qt():
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE_MODULES)
        + "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))\n"
        + "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"Qt loaded by the core: {out.stdout}"


def test_import_linter_contract_is_kept():
    from pathlib import Path
    exe = Path(sys.executable).parent / "lint-imports"
    out = subprocess.run([str(exe)], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
