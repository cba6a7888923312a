"""What the bundle leaves out, and when it is rebuilt (fast: no PyInstaller run)."""

from __future__ import annotations

import ast
import importlib.util
import shutil
from pathlib import Path

import pytest

from bundle_run import PACKAGING, ROOT  # noqa: I001  (puts packaging/ on sys.path first)
from bundle_filter import (EXCLUDED_MODULES, BundleError, keep_binary, select_binaries,
                           without_dangling_links)


def test_unused_qt_plugins_and_translations_are_dropped_and_needed_ones_kept():
    plugins = "PySide6/Qt/plugins"
    for kept in ("platforms/libqxcb.so", "platforms/libqwayland.so", "platforms/libqoffscreen.so",
                 "platforms/libqeglfs.so", "imageformats/libqsvg.so", "iconengines/libqsvgicon.so",
                 "wayland-shell-integration/libxdg-shell.so", "platforminputcontexts/libcomposeplatforminputcontextplugin.so"):
        assert keep_binary(f"{plugins}/{kept}"), kept
    for dropped in ("platformthemes/libqgtk3.so", "imageformats/libqpdf.so", "printsupport/libcupsprintersupport.so",
                    "platforminputcontexts/libqtvirtualkeyboardplugin.so", "multimedia/libffmpegmediaplugin.so",
                    "platforms/libqvnc.so"):
        assert not keep_binary(f"{plugins}/{dropped}"), dropped
    assert keep_binary("PySide6/Qt/translations/qtbase_de.qm")       # kitchen_ui/ui/i18n.py loads these
    assert not keep_binary("PySide6/Qt/translations/qtmultimedia_de.qm")
    assert not keep_binary("PySide6/translations/qt_help_de.qm")     # Windows layout
    assert not keep_binary("PySide6/plugins/imageformats/qpdf.dll")
    assert keep_binary("PySide6/plugins/platforms/qwindows.dll")
    assert keep_binary("PySide6/Qt/lib/libQt6Core.so.6")


def graph(links: dict[str, list[str]]):
    """TOC entries whose src is their dest, and a needed_names() over ``links``."""
    toc = [(dest, dest, "BINARY") for dest in links]
    return toc, lambda src: links[src]


def test_libraries_only_dropped_plugins_needed_are_left_out_and_shared_ones_kept():
    toc, needed = graph({
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so": ["libgtk-3.so.0", "libglib-2.0.so.0"],
        "PySide6/Qt/plugins/platforms/libqxcb.so": ["libglib-2.0.so.0"],
        "libgtk-3.so.0": ["libcairo.so.2"],
        "libcairo.so.2": [],
        "libglib-2.0.so.0": [],
        "opengl32sw.dll": [],                         # linked by nobody: opened at run time, stays
        "numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so": ["libscipy_openblas.so"],
        "numpy.libs/libscipy_openblas.so": [],
    })
    kept, left_out = select_binaries(toc, needed)
    assert sorted(e[0] for e in left_out) == ["PySide6/Qt/plugins/platformthemes/libqgtk3.so",
                                              "libcairo.so.2", "libgtk-3.so.0"]
    assert {e[0] for e in kept} == {"PySide6/Qt/plugins/platforms/libqxcb.so", "libglib-2.0.so.0",
                                    "opengl32sw.dll", "numpy.libs/libscipy_openblas.so",
                                    "numpy/_core/_multiarray_umath.cpython-311-x86_64-linux-gnu.so"}


def test_dropping_a_file_that_a_kept_one_links_to_stops_the_build_with_its_name():
    toc, needed = graph({
        "PySide6/QtWidgets.abi3.so": ["libqgtk3.so"],
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so": [],
    })
    with pytest.raises(BundleError, match="libqgtk3.so"):
        select_binaries(toc, needed)


def test_aliases_of_left_out_libraries_go_with_them():
    toc, needed = graph({
        "PySide6/Qt/plugins/imageformats/libqpdf.so": ["libQt6Pdf.so.6"],
        "PySide6/Qt/lib/libQt6Pdf.so.6": [],
        "PySide6/Qt/lib/libQt6Core.so.6": [],
    })
    toc += [("libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6", "SYMLINK"),
            ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK")]
    kept, _ = select_binaries(toc, needed)
    links = [e[0] for e in kept if e[2] == "SYMLINK"]
    assert links == ["libQt6Core.so.6"]
    assert without_dangling_links([("a/b", "../c", "SYMLINK"), ("x", "y", "DATA")], {"c"}) == \
        [("a/b", "../c", "SYMLINK"), ("x", "y", "DATA")]
    assert without_dangling_links([("a/b", "../c", "SYMLINK")], {"a/c"}) == []


def imported_modules(package: Path) -> dict[str, str]:
    """{module imported anywhere in the package (also inside functions): first file importing it}."""
    found: dict[str, str] = {}
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for name in names:
                found.setdefault(name, str(path.relative_to(package.parent)))
    return found


def test_the_app_imports_nothing_the_bundle_leaves_out():
    used = imported_modules(ROOT / "kitchen_ui")
    clashes = sorted(f"{name} (in {where})" for name, where in used.items()
                     for excluded in EXCLUDED_MODULES if name == excluded or name.startswith(excluded + "."))
    assert clashes == [], ("kitchen_ui imports modules packaging/bundle_filter.py excludes from the bundle: "
                           + ", ".join(clashes))


def load_build_script():
    spec = importlib.util.spec_from_file_location("hearth_packaging_build", PACKAGING / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_bundle_is_rebuilt_when_what_goes_into_it_changes_and_only_then(tmp_path):
    build = load_build_script()
    root = tmp_path / "src"
    for name in ("kitchen_ui", "resources", "db", "packaging"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", root)
    first = build.fingerprint(root)
    assert build.fingerprint(root) == first
    (root / "packaging" / "README.md").write_text("docs only")        # not in the bundle
    assert build.fingerprint(root) == first
    profile = root / "resources" / "profiles" / "hybrid-4.json"
    profile.write_text(profile.read_text() + " ")
    second = build.fingerprint(root)
    assert second != first
    (root / "packaging" / "bundle_filter.py").write_text("# changed\n", encoding="utf-8")
    assert build.fingerprint(root) != second
