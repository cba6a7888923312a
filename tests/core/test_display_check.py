"""A desktop missing Qt's X11 libraries gets the packages named, not a crash."""

from kitchen_ui.display_check import display_problem, missing_xcb_packages, uses_xcb


def none_found(lib):
    return None


def all_found(lib):
    return f"lib{lib}.so"


def test_x11_session_without_the_libraries_names_the_packages():
    env = {"DISPLAY": ":0"}
    assert "libxcb-cursor0" in missing_xcb_packages(env, none_found)
    msg = display_problem(env, lambda lib: None if lib in ("xcb-cursor", "xcb-icccm") else "x")
    assert msg is not None and "sudo apt install libxcb-cursor0 libxcb-icccm4" in msg


def test_nothing_to_say_when_all_is_there_or_x11_is_not_used():
    assert display_problem({"DISPLAY": ":0"}, all_found) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, none_found) is None
    assert display_problem({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, none_found) is None
    assert display_problem({}, none_found) is None
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"}) and not uses_xcb({"QT_QPA_PLATFORM": "wayland;xcb"})
