"""The machine line every dashboard benchmark prints, so its figures can be compared fairly."""

from __future__ import annotations

import os
import platform
from importlib import metadata


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "-"


def machine_line() -> str:
    """CPU, cores, load and the versions that decide the figures (Python, Qt, plotting)."""
    load = "n/a"
    if hasattr(os, "getloadavg"):
        load = "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
    qt = version("PySide6-Essentials")
    if qt == "-":
        qt = version("PySide6")
    return (f"machine: {cpu_model()}, nproc {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else os.cpu_count()}, "
            f"load {load}; Python {platform.python_version()}, PySide6 {qt}, pyqtgraph {version('pyqtgraph')}, "
            f"numpy {version('numpy')}, matplotlib {version('matplotlib')}; "
            f"Qt platform {os.environ.get('QT_QPA_PLATFORM', 'default')}")
