"""Shared pieces of the community-archive tests: a recipe of kitchen A's own, and the CLI."""

from __future__ import annotations

import json

from kitchen_ui.cli import main

GRANDMAS_SOUP = {
    "format": "hearth-recipe/1", "slug": "grandmas-barley-soup", "title": "Grandma's barley soup", "servings": 4,
    "description": "Barley, carrots and leek, simmered slowly.",
    "ingredients": [{"quantity": 150, "unit": "g", "name": "pearl barley", "note": "rinsed"},
                    {"quantity": 2, "unit": "", "name": "carrots", "note": "diced"},
                    {"quantity": 1.5, "unit": "l", "name": "vegetable stock", "note": ""}],
    "tags": {"cuisine": ["polish"], "course": ["soup"]},
    "story": {"text": "My grandmother made this every Friday in Łódź; the barley had to soak overnight, "
                      "and nobody was allowed to lift the lid.", "origin": "Łódź", "cook": "Ana Kowalska"},
    "licence": "CC BY 4.0",
    "pots": [{"id": "pot", "label": "Soup pot", "zone": "large"}],
    "steps": [{"id": "boil", "text": "Bring the stock to the boil.", "pot": "pot",
               "setting": {"mode": "level", "level": 8}, "start": "now", "duration_s": 300},
              {"id": "simmer", "text": "Add barley and carrots; simmer.", "pot": "pot",
               "setting": {"mode": "level", "level": 3}, "duration_s": 2400, "on_end": "off"}],
}


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def kitchen_with_soup(tmp_path, capsys, name: str = "a") -> str:
    """Kitchen ``name``'s database on disk, with the starter archive and Grandma's soup."""
    db = str(tmp_path / f"kitchen-{name}.sqlite3")
    path = tmp_path / "soup.json"
    path.write_text(json.dumps(GRANDMAS_SOUP), encoding="utf-8")
    code, _out, err = run_cli(capsys, "recipes", "import", str(path), "--db", db)
    assert code == 0, err
    return db
