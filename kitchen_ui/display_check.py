"""Before Qt opens a window on X11: are the system libraries its xcb plugin needs there?

Without them Qt prints a cryptic plugin message and aborts the process. This check names the
missing libraries and the Debian/Ubuntu packages that provide them instead. No Qt imported.
"""

from __future__ import annotations

import ctypes.util
import os
from typing import Callable, Mapping

# library (as ctypes.util.find_library names it) -> Debian/Ubuntu package
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xkbcommon-x11": "libxkbcommon-x11-0",
    "EGL": "libegl1",
    "fontconfig": "libfontconfig1",
}


def uses_xcb(env: Mapping[str, str]) -> bool:
    """Qt picks xcb when asked to, or by default on an X11 session without Wayland."""
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(";")[0].split(":")[0] == "xcb"
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


def missing_xcb_packages(env: Mapping[str, str] | None = None,
                         find: Callable[[str], str | None] = ctypes.util.find_library) -> list[str]:
    """Packages to install before the dashboard can open on X11 (empty: nothing missing)."""
    if not uses_xcb(os.environ if env is None else env):
        return []
    return [pkg for lib, pkg in XCB_LIBRARIES.items() if find(lib) is None]


def display_problem(env: Mapping[str, str] | None = None,
                    find: Callable[[str], str | None] = ctypes.util.find_library) -> str | None:
    missing = missing_xcb_packages(env, find)
    if not missing:
        return None
    return ("the X11 display needs system libraries that are not installed; on Debian or Ubuntu: "
            f"sudo apt install {' '.join(missing)}  (or run headless with QT_QPA_PLATFORM=offscreen)")
