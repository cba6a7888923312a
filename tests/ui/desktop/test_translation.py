"""German: the catalogue is complete and up to date with the code, and loading it changes what
the cook reads."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kitchen_ui.ui.i18n import (
    LanguageError, choose_language, i18n_dir, ui_sources,
)

LUPDATE = str(Path(sys.executable).with_name("pyside6-lupdate"))
LRELEASE = str(Path(sys.executable).with_name("pyside6-lrelease"))


def test_german_changes_what_the_cook_reads(qtbot, german, make_desktop, sim_stove):
    window = make_desktop()
    sim_stove.advance(1.0)
    assert window.all_off_button.text() == "ALLES AUS"
    assert window.manual.off_button.text() == "Aus"
    assert window.manual.hold_button.text() == "100 °C halten"
    assert [b.text() for b in window.nav_buttons] == ["Übersicht", "Rezepte", "Verlauf"]
    assert window.plot.window_buttons["All"].text() == "Alles"
    assert window.cards.cards[0].kind.text() == "Induktion"
    assert [a.text() for a in window.menuBar().actions()] == ["&Datei", "&Herd", "&Ansicht", "&Hilfe"]
    assert window.status.stove_time.text().startswith("Herdzeit ")
    window.kitchen.library_page.select("risotto-ai-funghi")
    assert window.kitchen.library_page.view.start_button.text() == "Kochen beginnen"


def test_servings_are_counted_in_german_through_qt_plurals(qapp, german):
    from kitchen_ui.ui.recipes.recipe_view import servings_text
    assert [servings_text(n) for n in (1, 2, 5)] == ["1 Portion", "2 Portionen", "5 Portionen"]


def _messages(ts: Path):
    for ctx in ET.parse(ts).getroot().iter("context"):
        for m in ctx.iter("message"):
            yield ctx.findtext("name"), m


def test_the_catalogue_has_every_string_of_the_code_and_none_unfinished(tmp_path):
    """lupdate over today's sources, into a copy: nothing new, nothing unfinished, same placeholders."""
    shipped = i18n_dir() / "hearth_de.ts"
    copy = tmp_path / "hearth_de.ts"
    shutil.copy(shipped, copy)
    r = subprocess.run([LUPDATE, "-no-obsolete", "-locations", "none", *ui_sources(), "-ts", str(copy)],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    problems = []
    for context, m in _messages(copy):
        source, tr = m.findtext("source"), m.find("translation")
        # a %n plural has one form per number the language tells apart; each must be there
        forms = [f.text or "" for f in tr.iter("numerusform")] if m.get("numerus") == "yes" else [tr.text or ""]
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not all(f.strip() for f in forms):
            problems.append(f"{context}: {source!r} is not translated")
        for form in forms:
            if sorted(re.findall(r"\{[^}]*\}|%n", source)) != sorted(re.findall(r"\{[^}]*\}|%n", form)):
                problems.append(f"{context}: {source!r} and {form!r} have different placeholders")
    assert problems == []
    assert len(list(_messages(copy))) == len(list(_messages(shipped))), "run: python -m kitchen_ui.ui.i18n update"


def test_the_compiled_catalogue_is_the_catalogue(tmp_path):
    qm = tmp_path / "hearth_de.qm"
    r = subprocess.run([LRELEASE, str(i18n_dir() / "hearth_de.ts"), "-qm", str(qm)], capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert qm.read_bytes() == (i18n_dir() / "hearth_de.qm").read_bytes(), "run: python -m kitchen_ui.ui.i18n release"


def test_which_language():
    assert choose_language("de_AT") == "de" and choose_language("de") == "de" and choose_language("en") == "en"
    with pytest.raises(LanguageError, match="no translation for 'xx'.*available: en, de"):
        choose_language("xx")
    assert choose_language(environ={"HEARTH_LANG": "de"}, system=[]) == "de"
    assert choose_language(environ={}, system=["fr-FR", "de-DE", "en-US"]) == "de"
    assert choose_language(environ={}, system=["fr-FR"]) == "en"
    assert choose_language("en", environ={"HEARTH_LANG": "de"}) == "en"            # the flag wins
