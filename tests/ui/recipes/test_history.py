"""Cooking is recorded; the history page lists it, replots it and exports it as CSV."""

from __future__ import annotations

import csv

from kitchen_ui.storage.sessions import CSV_HEADER

from .conftest import FRY, PAN, recipe, run_for, tap


def cook_a_while(kitchen, sim_stove, seconds=60):
    engine = kitchen.start_recipe(recipe(FRY, [PAN], title="Onions"))
    run_for(sim_stove, seconds, step=0.5)
    kitchen.sessions.flush()
    return engine


def test_the_history_lists_a_recorded_session_and_plots_it(qtbot, kitchen, sim_stove):
    engine = cook_a_while(kitchen, sim_stove)
    zone = engine.zone_plan["pan"]
    tap(qtbot, kitchen.history_tab)
    page = kitchen.history_page
    assert kitchen.window.pages.currentWidget() is page and kitchen.window.all_off_button.isVisible()
    assert page.list.count() == 1 and page.list.item(0).text().startswith("Onions\n")
    assert page.title.text() == "Onions"
    assert page.curve_points(zone) >= 100                     # 60 s at two samples a second
    assert set(page.curves) >= {0, 1, 2, 3}                    # every zone, in its own colour
    pen = page.curves[zone].opts["pen"]
    assert pen.color().name() == kitchen.window.theme.zone_color(zone)
    step_lines = [m for m in page.markers if m.label.format == "1"]
    assert len(step_lines) == 1                                # the step is marked where it started
    # cooking goes on: showing the page again shows the session grown
    run_for(sim_stove, 30, step=0.5)
    before = page.curve_points(zone)
    tap(qtbot, kitchen.window.nav_buttons[0])
    tap(qtbot, kitchen.history_tab)
    assert page.curve_points(zone) >= before + 50


def test_stove_events_are_marked_on_the_history_plot(qtbot, kitchen, sim_stove):
    cook_a_while(kitchen, sim_stove, 5)
    sim_stove.sim_inject_fault(3, "sensor_open")
    run_for(sim_stove, 2, step=0.5)
    kitchen.window.show_page(kitchen.history_page)
    labels = [m.label.format for m in kitchen.history_page.markers]
    assert "fault" in labels


def test_export_csv_writes_samples_events_and_steps(qtbot, kitchen, sim_stove, tmp_path):
    cook_a_while(kitchen, sim_stove, 20)
    page = kitchen.history_page
    kitchen.window.show_page(page)
    out = tmp_path / "onions.csv"
    rows = page.export_to(out)
    with out.open(newline="", encoding="utf-8") as fh:
        table = list(csv.reader(fh))
    assert table[0] == CSV_HEADER and len(table) == rows + 1
    kinds = {r[1] for r in table[1:]}
    assert kinds == {"sample", "step"}
    assert any(r[1] == "step" and r[-1] == "Fry the onions" for r in table)
    assert str(out) in page.export_note.text()
    # a folder that cannot be written: said plainly, nothing lost
    bad = page.export_to(tmp_path / "missing" / "x.csv")
    assert bad is None and "Could not export" in page.export_note.text()


def test_export_csv_writes_through_a_link_and_refuses_a_folder_by_its_name(qtbot, kitchen, sim_stove, tmp_path):
    cook_a_while(kitchen, sim_stove, 20)
    page = kitchen.history_page
    kitchen.window.show_page(page)
    target = tmp_path / "kept" / "session.csv"
    target.parent.mkdir()
    target.write_text("old")
    target.chmod(0o640)
    link = tmp_path / "latest.csv"
    link.symlink_to(target)
    rows = page.export_to(link)
    assert link.is_symlink() and link.resolve() == target                  # the link is still a link
    assert target.read_text(encoding="utf-8").startswith(",".join(CSV_HEADER)) and rows > 0
    assert oct(target.stat().st_mode & 0o777) == oct(0o640)                  # and the file keeps its mode
    folder = tmp_path / "kept"
    assert page.export_to(folder) is None
    note = page.export_note.text()
    assert f"Could not export to {folder}" in note and ".hearth-" not in note and folder.is_dir()


def test_cooking_by_hand_is_recorded_and_the_session_ends_when_the_stove_is_idle(qtbot, kitchen, sim_stove):
    keeper = kitchen.sessions
    sim_stove.advance(1.0)
    assert keeper.recorder is None                             # an idle stove records nothing
    sim_stove.set_level(2, 6)
    sim_stove.advance(1.0)
    assert keeper.recorder is not None and keeper.titles == ["Cooking by hand"]
    sid = keeper.session_id
    run_for(sim_stove, 60)
    sim_stove.zone_off(2)
    run_for(sim_stove, 200, step=5.0)
    assert keeper.recorder is not None                         # a pause is not the end
    run_for(sim_stove, 120, step=5.0)
    assert keeper.recorder is None
    (info,) = kitchen.library.sessions()
    assert info.id == sid and info.ended_at is not None and info.title == "Cooking by hand"
    assert info.duration_s >= 60


def test_a_recipe_started_while_cooking_by_hand_names_the_session(qtbot, kitchen, sim_stove):
    sim_stove.set_level(3, 4)
    sim_stove.advance(1.0)
    kitchen.start_recipe(recipe(FRY, [PAN], title="Onions"))
    sim_stove.advance(1.0)
    kitchen.sessions.flush()
    (info,) = kitchen.library.sessions()
    assert info.title == "Onions"
