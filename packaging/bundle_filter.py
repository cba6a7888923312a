"""What the PyInstaller bundle leaves out, so it stays lean (used by kitchen-ui.spec and the tests).

The app draws with QtWidgets + pyqtgraph (which itself imports QtOpenGL, QtOpenGLWidgets, QtSvg
and QtTest) and plays its WAV chime with QtMultimedia's QSoundEffect; everything else PySide6 ships — QML/Quick,
PDF, printing, the virtual keyboard — would only add size (the QtDBus library stays: libQt6Gui
links to it). matplotlib is a benchmark-only dependency. tests/packaging/test_bundle_filter.py
fails if the app starts importing something excluded here.
"""

from __future__ import annotations

import posixpath
import re
import shutil
import subprocess
from pathlib import Path, PurePath
from typing import Callable, Iterable

EXCLUDED_MODULES = [
    # development and benchmark tools
    "matplotlib", "PIL", "tkinter", "_tkinter", "IPython", "pytest", "_pytest", "hypothesis",
    "pydoc_data", "lib2to3", "setuptools", "pkg_resources", "distutils", "pip",
    "cryptography", "OpenSSL",       # tests make certificates with it; the app uses the ssl module
    # optional pyqtgraph back ends the dashboard does not use
    "pyqtgraph.opengl", "pyqtgraph.examples", "pyqtgraph.jupyter", "pyqtgraph.canvas",
    "pyqtgraph.flowchart", "pyqtgraph.console", "OpenGL", "scipy", "h5py", "numba", "cupy",
    "colorcet", "cv2", "pandas",
    # Qt modules the app never imports
    *(f"PySide6.{m}" for m in (
        "QtNetwork", "QtQml", "QtQuick", "QtQuickWidgets", "QtQuickControls2", "QtPdf", "QtPdfWidgets",
        "QtSql", "QtXml", "QtPrintSupport", "QtConcurrent", "QtDesigner", "QtUiTools",
        "QtHelp", "QtSvgWidgets", "QtDBus", "QtStateMachine", "QtMultimediaWidgets", "QtWebEngineCore",
        "QtWebEngineWidgets", "QtNetworkAuth", "QtSerialPort", "QtBluetooth", "QtPositioning")),
]

# Qt plugins and translations dropped from the collected files (patterns on the bundle path);
# the libraries only they needed go by themselves (select_binaries).
_DROPPED = [re.compile(p) for p in (
    # (lib)?: Linux/macOS plugin files start with "lib", Windows ones do not
    r"plugins/platforms/(lib)?(qvnc|qvkkhrdisplay|qminimalegl)\.",
    r"plugins/imageformats/(lib)?(qpdf|qtiff|qwebp|qtga|qwbmp|qicns|qjpeg|qgif)\.",
    r"plugins/platforminputcontexts/(lib)?qtvirtualkeyboardplugin\.",   # needs QtQuick
    r"plugins/platformthemes/",             # GTK / portal themes: Hearth brings its own theme
    r"plugins/(printsupport|sqldrivers|qmltooling|qmllint|designer|networkinformation|tls)/",
    r"plugins/wayland-graphics-integration-server/",   # compositor side only
    # the FFmpeg media back end (with FFmpeg, QtQml and QtQuick: ~45 MB) serves QMediaPlayer and
    # video; QSoundEffect plays WAV (the alert chime) through QtMultimedia's own audio output
    r"plugins/multimedia/",
    # Hearth loads Qt's own strings from qtbase_<lang>.qm only (kitchen_ui/ui/i18n.py)
    r"(^|/)PySide6/(Qt/)?translations/(?!qtbase_)",
)]


def keep_binary(dest: str) -> bool:
    """False for a Qt plugin or translation the dashboard does not need."""
    path = PurePath(dest).as_posix()
    return not any(p.search(path) for p in _DROPPED)


_PLAIN_LIBRARY = re.compile(r"^(lib[^/]*\.so(\.[0-9.]+)?|[^/]*\.dylib|[^/]*\.dll)$", re.I)
_ALWAYS_ROOT = re.compile(r"(^|/)plugins/|\.cpython-|\.abi3\.so$|\.pyd$|(^|/)lib-dynload/|python3\d*\.dll$"
                          r"|libpython", re.I)


def _is_plain_library(dest: str) -> bool:
    path = PurePath(dest).as_posix()
    return bool(_PLAIN_LIBRARY.match(PurePath(path).name)) and not _ALWAYS_ROOT.search(path)


class BundleError(Exception):
    """The filter would leave out a library that a kept file links to."""


def select_binaries(binaries: list, needed_names: Callable[[str], Iterable[str]]) -> tuple[list, list]:
    """The collected binaries worth shipping: (kept, left out).

    ``binaries`` are PyInstaller TOC entries (dest, src, kind); ``needed_names(src)`` lists the
    library names a file links to. The patterns above drop unused plugins; then the shared
    libraries that only those plugins linked to (GTK, CUPS, FFmpeg, ...) go too. A library that
    nothing links to stays (Qt and PyInstaller's hooks collect some that are opened at run time,
    such as opengl32sw.dll). A dropped file that a kept one links to raises
    :class:`BundleError` naming both, rather than a bundle that fails at run time.
    """
    links = [e for e in binaries if e[2] == "SYMLINK"]      # PyInstaller's lib aliases: dest -> target
    binaries = [e for e in binaries if e[2] != "SYMLINK"]
    by_name = {PurePath(e[0]).name.lower(): e for e in binaries}

    def closure(start: list) -> set[str]:
        seen = {e[0] for e in start}
        todo = list(start)
        while todo:
            for name in needed_names(todo.pop()[1]):
                dep = by_name.get(PurePath(name).name.lower())
                if dep is not None and dep[0] not in seen:
                    seen.add(dep[0])
                    todo.append(dep)
        return seen

    unwanted = [e for e in binaries if not keep_binary(e[0])]
    roots = [e for e in binaries if keep_binary(e[0]) and not _is_plain_library(e[0])]
    in_use = closure(roots)
    broken = sorted(e[0] for e in unwanted if e[0] in in_use)
    if broken:
        raise BundleError("bundle_filter.py leaves out files that kept ones link to: " + ", ".join(broken))
    only_for_unwanted = closure(unwanted) - in_use
    kept = [e for e in binaries if e[0] not in only_for_unwanted]
    return without_dangling_links(kept + links, {e[0] for e in kept}), \
        [e for e in binaries if e[0] in only_for_unwanted]


def without_dangling_links(toc: list, present: set[str]) -> list:
    """``toc`` less the SYMLINK entries whose target is not among the ``present`` destinations."""
    def target(dest: str, link: str) -> str:
        return posixpath.normpath(posixpath.join(posixpath.dirname(PurePath(dest).as_posix()), link))

    present = {PurePath(p).as_posix() for p in present}
    return [e for e in toc if e[2] != "SYMLINK" or target(e[0], e[1]) in present]


def strip_interpreter_debug_info(binaries: list, interpreter_prefix: str, workdir: Path) -> list:
    """Copies of the Python interpreter's own libraries without debug sections (Linux only).

    A pyenv-style CPython carries DWARF data (libpython 23 MB, 5.5 MB without). Only the
    interpreter's files are touched: stripping wheel libraries that auditwheel patched (numpy's
    OpenBLAS) breaks their loading ("ELF load command address/offset not page-aligned").
    """
    tool = shutil.which("strip")
    if tool is None:
        return binaries
    prefix = str(Path(interpreter_prefix).resolve())
    out = []
    for dest, src, kind in binaries:
        real = Path(src).resolve()
        if str(real).startswith(prefix + "/") and "site-packages" not in real.parts:
            copy = workdir / "stripped" / dest
            if not copy.exists() or copy.stat().st_mtime < real.stat().st_mtime:
                copy.parent.mkdir(parents=True, exist_ok=True)
                subprocess.run([tool, "--strip-debug", "-o", str(copy), str(real)], check=True)
            src = str(copy)
        out.append((dest, src, kind))
    return out


def app_version(root: Path) -> str:
    """kitchen_ui.__version__, read from the source (the spec must not import the package)."""
    text = (root / "kitchen_ui" / "__init__.py").read_text(encoding="utf-8")
    m = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.M)
    if not m:
        raise ValueError("kitchen_ui/__init__.py has no __version__")
    return m.group(1)
