"""The dashboard's language: English as written, or a translation from ``resources/i18n``.

The catalogues are Qt Linguist files: ``hearth_<lang>.ts`` made by ``pyside6-lupdate`` from the
sources (``python -m kitchen_ui.ui.i18n update``) and compiled to ``.qm`` by
``pyside6-lrelease`` (``... i18n release``). The language is ``--lang``, else ``$HEARTH_LANG``,
else the first of the system's UI languages that has a catalogue, else English. Qt's own
strings (standard buttons) come from Qt's catalogue for the same language when it has one.
Recipes, stove messages and other data are shown as they are written.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Iterable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..resources import resource_path

LANG_ENV = "HEARTH_LANG"
SOURCE_LANGUAGE = "en"
CATALOGUE = "hearth"


class LanguageError(ValueError):
    """A language was asked for that Hearth has no translation for."""


def i18n_dir() -> Path:
    return resource_path("i18n")


def available_languages() -> list[str]:
    """English and every language with a compiled catalogue."""
    folder = i18n_dir()
    found = sorted(p.stem.split("_", 1)[1] for p in folder.glob(f"{CATALOGUE}_*.qm")) if folder.is_dir() else []
    return [SOURCE_LANGUAGE] + [lang for lang in found if lang != SOURCE_LANGUAGE]


def _normalise(code: str) -> str:
    return code.strip().replace("-", "_").split(".")[0].split("@")[0].lower()


def _match(code: str, available: Iterable[str]) -> str | None:
    """'de_AT' finds 'de'; 'de' finds 'de'."""
    code = _normalise(code)
    langs = list(available)
    if code in langs:
        return code
    base = code.split("_")[0]
    return base if base in langs else None


def choose_language(flag: str | None = None, *, environ: dict[str, str] | None = None,
                    system: Iterable[str] | None = None) -> str:
    """The language to show. A wrong ``--lang`` raises LanguageError; a wrong env var only warns."""
    langs = available_languages()
    if flag:
        found = _match(flag, langs)
        if found is None:
            raise LanguageError(f"--lang: no translation for {flag!r} (available: {', '.join(langs)})")
        return found
    env = (environ if environ is not None else os.environ).get(LANG_ENV, "")
    if env:
        found = _match(env, langs)
        if found is not None:
            return found
        print(f"kitchen-ui: warning: ${LANG_ENV}={env!r} has no translation (available: {', '.join(langs)}); "
              "using the system's language", file=sys.stderr)
    for code in (system if system is not None else QLocale.system().uiLanguages()):
        found = _match(code, langs)
        if found is not None:
            return found
    return SOURCE_LANGUAGE


def install_translators(lang: str) -> list[QTranslator]:
    """Load Hearth's and Qt's catalogues for ``lang`` into the running application."""
    app = QCoreApplication.instance()
    if app is None or lang == SOURCE_LANGUAGE:
        return []
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    if not ours.load(str(i18n_dir() / f"{CATALOGUE}_{lang}.qm")):
        print(f"kitchen-ui: warning: cannot load the {lang} translation from {i18n_dir()}", file=sys.stderr)
        return []
    app.installTranslator(ours)
    installed.append(ours)
    QLocale.setDefault(QLocale(lang))          # dates and day names in the same language
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        installed.append(qt)
    return installed


def remove_translators(translators: Iterable[QTranslator]) -> None:
    app = QCoreApplication.instance()
    if app is None:
        return
    removed = False
    for t in translators:
        removed = app.removeTranslator(t) or removed
    if removed:
        QLocale.setDefault(QLocale.system())


# -- maintaining the catalogues: python -m kitchen_ui.ui.i18n update|release ----------------------------
def _tool(name: str) -> str:
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else name


def ui_sources() -> list[str]:
    root = Path(__file__).resolve().parent
    return sorted(str(p) for p in root.rglob("*.py"))


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    what = args[0] if args else "release"
    langs = args[1:] or [p.stem.split("_", 1)[1] for p in sorted(i18n_dir().glob(f"{CATALOGUE}_*.ts"))]
    if what == "update":
        for lang in langs:
            ts = i18n_dir() / f"{CATALOGUE}_{lang}.ts"
            subprocess.run([_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *ui_sources(),
                            "-ts", str(ts)], check=True)
        return 0
    if what == "release":
        for lang in langs:
            ts = i18n_dir() / f"{CATALOGUE}_{lang}.ts"
            subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
        return 0
    print("usage: python -m kitchen_ui.ui.i18n update|release [LANG ...]", file=sys.stderr)
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
