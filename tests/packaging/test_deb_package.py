"""The .deb: its control fields and files, and the app it installs running with no Python around."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bundle_run import BUILD_TIMEOUT_S, ROOT, assert_ok, bare_env, run_app  # noqa: I001  (packaging/ on sys.path)
from bundle_filter import app_version

pytestmark = [pytest.mark.slow, pytest.mark.timeout(BUILD_TIMEOUT_S)]


def deb_field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True).stdout.strip()


def deb_listing(deb: Path) -> dict[str, tuple[str, str]]:
    """{path: (mode string, link target or '')} from ``dpkg-deb -c``."""
    out = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True).stdout
    entries = {}
    for line in out.splitlines():
        mode, _owner, _size, _date, _time, rest = line.split(None, 5)
        path, _, target = rest.partition(" -> ")
        entries[path.removeprefix(".")] = (mode, target)
    return entries


def test_deb_control_fields_describe_the_package(deb, bundle):
    assert deb_field(deb, "Package") == "kitchen-ui"
    assert deb_field(deb, "Version") == app_version(ROOT)
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True).stdout.strip()
    assert deb_field(deb, "Architecture") == arch
    assert deb.name == f"kitchen-ui_{app_version(ROOT)}_{arch}.deb"
    assert re.fullmatch(r".+ <[^@\s]+@[^@\s]+>", deb_field(deb, "Maintainer"))
    assert deb_field(deb, "Description").startswith("Hearth: a kitchen stove dashboard")
    depends = [d.strip().split()[0] for d in deb_field(deb, "Depends").split(",")]
    # what the bundle does not carry: the C library and OpenGL/EGL that Qt links to
    assert {"libc6", "libgl1", "libegl1"} <= set(depends), depends
    assert not any("python" in d for d in depends), depends
    installed_kib = int(deb_field(deb, "Installed-Size"))
    bundle_kib = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()) / 1024
    assert bundle_kib <= installed_kib <= bundle_kib * 1.05


def test_deb_installs_the_app_its_menu_entry_icons_and_units(deb):
    files = deb_listing(deb)
    mode, _ = files["/opt/kitchen-ui/kitchen-ui"]
    assert mode == "-rwxr-xr-x"
    assert "/opt/kitchen-ui/_internal/kitchen_ui/_resources/profiles/hybrid-4.json" in files
    assert "/opt/kitchen-ui/_internal/kitchen_ui/_migrations/0001_initial.sql" in files
    mode, target = files["/usr/bin/kitchen-ui"]
    assert mode.startswith("l") and target == "/opt/kitchen-ui/kitchen-ui"
    for path in ("/usr/share/applications/kitchen-ui.desktop",
                 "/usr/share/icons/hicolor/scalable/apps/kitchen-ui.svg",
                 "/usr/share/icons/hicolor/256x256/apps/kitchen-ui.png",
                 "/usr/lib/systemd/user/kitchen-ui-kiosk.service",
                 "/usr/lib/systemd/system/kitchen-ui-cage@.service",
                 "/usr/share/doc/kitchen-ui/copyright"):
        assert files[path][0] == "-rw-r--r--", path
    assert files["/usr/libexec/kitchen-ui/cage-session"][0] == "-rwxr-xr-x"
    # nothing writable by others, nothing owned by the builder
    owners = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True).stdout
    assert {line.split()[1] for line in owners.splitlines()} == {"root/root"}
    assert not any(m[8] == "w" for m, _ in files.values() if not m.startswith("l"))


def test_installed_menu_entry_starts_the_app_with_its_icon(installed_root):
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(installed_root / "usr/share/applications/kitchen-ui.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Name"] == "Hearth"
    assert desktop["Exec"].split()[0] == "kitchen-ui"          # /usr/bin/kitchen-ui, on PATH
    assert (installed_root / "usr/bin/kitchen-ui").is_symlink()
    icon = desktop["Icon"]
    png = installed_root / f"usr/share/icons/hicolor/256x256/apps/{icon}.png"
    from PySide6.QtGui import QImage
    image = QImage(str(png))
    assert not image.isNull() and (image.width(), image.height()) == (256, 256)
    if shutil.which("desktop-file-validate"):
        res = subprocess.run(["desktop-file-validate", str(installed_root / "usr/share/applications/kitchen-ui.desktop")],
                             capture_output=True, text=True)
        assert res.returncode == 0, res.stdout + res.stderr


def python_files_mapped(pid: int, root: Path) -> list[str]:
    """Files from a Python installation (this venv, the interpreter behind it) mapped into ``pid``."""
    pythons = {str(Path(p).resolve()) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)}
    mapped = set()
    for line in Path(f"/proc/{pid}/maps").read_text().splitlines():
        parts = line.split(None, 5)
        if len(parts) == 6 and parts[5].startswith("/"):
            mapped.add(parts[5])
    return sorted(p for p in mapped
                  if any(p.startswith(py + "/") for py in pythons)
                  or ("site-packages" in p and not p.startswith(str(root))))


def test_installed_app_runs_from_the_extracted_package_without_python(installed_root, home):
    exe = installed_root / "opt/kitchen-ui/kitchen-ui"
    env = bare_env(home)
    assert not any(k.startswith("PYTHON") or k == "VIRTUAL_ENV" for k in env)
    assert_ok(run_app(exe, "--version", home=home), "kitchen-ui --version")
    res = run_app(exe, "recipes", "list", "--db", str(home / "k.sqlite3"), home=home)
    assert_ok(res, "kitchen-ui recipes list")
    assert "Shakshuka" in res.stdout
    shot = home / "installed.png"
    assert_ok(run_app(exe, "--screenshot", str(shot), "--run-for", "0.5", home=home), "kitchen-ui --screenshot")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # while it runs, nothing it has loaded comes from a Python installation
    server = subprocess.Popen([str(exe), "serve-sim", "--port", "0"], env=env, cwd=home,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = server.stdout.readline()
        assert line.startswith("listening on ksp://"), line
        maps = Path(f"/proc/{server.pid}/maps").read_text()
        assert str(installed_root / "opt/kitchen-ui/_internal/libpython3") in maps
        assert python_files_mapped(server.pid, installed_root) == []
    finally:
        server.send_signal(signal.SIGTERM)
        server.communicate(timeout=15)
    assert server.returncode == 0


def test_installed_kiosk_units_pass_systemd_verification(installed_root, tmp_path):
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed")

    def rooted(text: str) -> str:
        """Point the units' programs into the extracted package (absolute links resolved there)."""
        def fix(m: re.Match) -> str:
            p = installed_root / m.group(0).lstrip("/")
            while p.is_symlink() and os.readlink(p).startswith("/"):
                p = installed_root / os.readlink(p).lstrip("/")
            return str(p)
        return re.sub(r"(?<==)/usr/(bin|libexec)/\S+", fix, text)

    units = tmp_path / "units"
    units.mkdir()
    user_unit = installed_root / "usr/lib/systemd/user/kitchen-ui-kiosk.service"
    system_unit = installed_root / "usr/lib/systemd/system/kitchen-ui-cage@.service"
    (units / user_unit.name).write_text(rooted(user_unit.read_text()))
    (units / system_unit.name).write_text(rooted(system_unit.read_text()))
    for name in ("kitchen-ui-kiosk.service", "kitchen-ui-cage@tty1.service"):
        res = subprocess.run(["systemd-analyze", "verify", "--man=no", str(units / name)],
                             capture_output=True, text=True, timeout=60)
        assert res.returncode == 0 and not res.stderr.strip(), f"{name}:\n{res.stdout}{res.stderr}"
    kiosk = configparser.ConfigParser(interpolation=None, strict=False)
    kiosk.read_string(user_unit.read_text())
    assert kiosk["Service"]["ExecStart"].split()[:2] == ["/usr/bin/kitchen-ui", "--kiosk"]
    assert kiosk["Service"]["Restart"] == "on-failure"   # a crash restarts; a PIN quit stays quit
    assert int(kiosk["Unit"]["StartLimitBurst"]) >= 3
    assert stat.S_IMODE((installed_root / "usr/libexec/kitchen-ui/cage-session").stat().st_mode) == 0o755
