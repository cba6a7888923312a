"""The Linux .deb: the PyInstaller app folder under /opt/kitchen-ui, plus menu entry, icons and units.

Layout (see packaging/README.md):
    /opt/kitchen-ui/                         the self-contained app (no Python needed)
    /usr/bin/kitchen-ui -> /opt/kitchen-ui/kitchen-ui
    /usr/share/applications/kitchen-ui.desktop, /usr/share/icons/hicolor/*/apps/kitchen-ui.*
    /usr/lib/systemd/user/kitchen-ui-kiosk.service       (not enabled by installing)
    /usr/lib/systemd/system/kitchen-ui-cage@.service     (not enabled by installing)
    /usr/libexec/kitchen-ui/cage-session                 (what the cage unit and session run)
    /usr/share/doc/kitchen-ui/                           README, copyright, examples/

``Depends`` lists the system libraries the bundle links to but does not carry (libc, OpenGL,
and the X11 helpers of Qt's xcb plugin), found with ldd and ``dpkg -S`` on the build machine:
build the .deb on the oldest distribution release it should install on; plus the programs it
runs (espeak-ng, for speech: docs/voice.md).
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from bundle_filter import app_version

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PACKAGE = "kitchen-ui"
# Debian's own variables name the packager; .invalid marks the fallback as a placeholder
MAINTAINER = (f"{os.environ.get('DEBFULLNAME', 'The Hearth developers')} "
              f"<{os.environ.get('DEBEMAIL', 'maintainers@hearth.invalid')}>")
# libraries Qt's plugins link to that a build machine may not have installed: their packages
NOT_INSTALLED_HERE = {
    "libxcb-icccm.so.4": "libxcb-icccm4", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libOpenGL.so.0": "libopengl0",
    "libwayland-client.so.0": "libwayland-client0", "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1", "libgbm.so.1": "libgbm1", "libdrm.so.2": "libdrm2",
    "libpulse.so.0": "libpulse0", "libasound.so.2": "libasound2",
}
# fonts and the fontconfig configuration the bundled libfontconfig reads
# espeak-ng: the voice's speech (run as a separate program, never linked: Hearth stays MIT)
EXTRA_DEPENDS = ["espeak-ng", "fontconfig-config"]
RECOMMENDS = ["fonts-dejavu-core"]
SUGGESTS = ["cage"]
DESCRIPTION = """\
Hearth: a kitchen stove dashboard for touchscreens
 Burner zones, live temperature plots, recipe steps and a manual
 "traditional mode" panel for a kitchen touchscreen. Drives the built-in
 physics-based simulated stove or a network stove over KSP/1.
 .
 This package carries its own Python and Qt under /opt/kitchen-ui.
 A kiosk unit (systemd user unit) and a cage session are included."""


class DebError(Exception):
    """The .deb cannot be built; the message says why."""


def _elf_files(folder: Path) -> list[Path]:
    out = []
    for p in folder.rglob("*"):
        if p.is_file() and not p.is_symlink():
            with p.open("rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    out.append(p)
    return out


def system_libraries(bundle: Path) -> tuple[dict[str, str], set[str]]:
    """({soname: path outside the bundle}, {sonames found nowhere}) of everything the bundle links."""
    internal = bundle / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    found: dict[str, str] = {}
    missing: set[str] = set()
    line = re.compile(r"^\s*(\S+)\s+=>\s+(not found|(\S+))")
    for f in _elf_files(bundle):
        res = subprocess.run(["ldd", str(f)], capture_output=True, text=True, env=env)
        for m in filter(None, map(line.match, res.stdout.splitlines())):
            name, path = m.group(1), m.group(3)
            if path is None:
                missing.add(name)
            elif not Path(path).resolve().is_relative_to(bundle.resolve()):
                found[name] = path
    return found, missing - set(found)


def owning_packages(paths: list[str]) -> dict[str, str]:
    """{path: Debian package} via ``dpkg -S`` (tries the /usr-merged twin of each path too)."""
    def candidates(p: str) -> list[str]:
        real = os.path.realpath(p)
        out = [p, real]
        for q in (p, real):
            out.append(q[4:] if q.startswith("/usr/") else "/usr" + q)
        return list(dict.fromkeys(out))

    owners: dict[str, str] = {}
    for p in paths:
        for cand in candidates(p):
            res = subprocess.run(["dpkg", "-S", cand], capture_output=True, text=True)
            if res.returncode == 0 and res.stdout:
                owners[p] = res.stdout.split(":", 1)[0].split(",")[0].strip()
                break
    return owners


def _upstream_version(package: str) -> str | None:
    res = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", package], capture_output=True, text=True)
    m = re.match(r"(?:\d+:)?(\d+(?:\.\d+)+)", res.stdout) if res.returncode == 0 else None
    return m.group(1) if m else None


def depends(bundle: Path) -> tuple[list[str], list[str]]:
    """(Depends entries, sonames nobody could name a package for)."""
    found, missing = system_libraries(bundle)
    owners = owning_packages(sorted(set(found.values())))
    pkgs = {owners[p] for p in found.values() if p in owners}
    unknown = sorted(n for n, p in found.items() if p not in owners and n not in NOT_INSTALLED_HERE)
    for name in found.keys() | missing:
        if name in NOT_INSTALLED_HERE and (name in missing or found.get(name) not in owners):
            pkgs.add(NOT_INSTALLED_HERE[name])
    unknown += sorted(n for n in missing if n not in NOT_INSTALLED_HERE)
    entries = []
    for pkg in sorted(pkgs | set(EXTRA_DEPENDS)):
        version = _upstream_version(pkg) if pkg == "libc6" else None
        entries.append(f"{pkg} (>= {version})" if version else pkg)
    return entries, unknown


def _install(src: Path, dest: Path, mode: int = 0o644) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    dest.chmod(mode)


def stage_tree(bundle: Path, root: Path) -> None:
    """Lay the package's files out under ``root`` as they will be installed."""
    linux = HERE / "linux"
    shutil.copytree(bundle, root / "opt" / PACKAGE, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / PACKAGE).symlink_to(f"/opt/{PACKAGE}/{PACKAGE}")
    share = root / "usr" / "share"
    _install(linux / "kitchen-ui.desktop", share / "applications" / "kitchen-ui.desktop")
    _install(HERE / "icons" / "kitchen-ui.svg", share / "icons/hicolor/scalable/apps/kitchen-ui.svg")
    for size in (48, 128, 256, 512):
        _install(HERE / "icons" / f"kitchen-ui-{size}.png", share / f"icons/hicolor/{size}x{size}/apps/kitchen-ui.png")
    _install(linux / "kitchen-ui-kiosk.service", root / "usr/lib/systemd/user/kitchen-ui-kiosk.service")
    _install(linux / "kitchen-ui-cage@.service", root / "usr/lib/systemd/system/kitchen-ui-cage@.service")
    _install(linux / "cage-session", root / "usr/libexec" / PACKAGE / "cage-session", 0o755)
    doc = share / "doc" / PACKAGE
    _install(HERE / "README.md", doc / "README.md")
    _install(linux / "copyright", doc / "copyright")
    _install(linux / "kitchen-ui-kiosk-session.desktop", doc / "examples" / "kitchen-ui-kiosk-session.desktop")
    for p in root.rglob("*"):            # predictable modes whatever the umask of the build
        if p.is_dir() and not p.is_symlink():
            p.chmod(0o755)
        elif p.is_file() and not p.is_symlink() and p.stat().st_mode & 0o111:
            p.chmod(0o755)
        elif p.is_file() and not p.is_symlink():
            p.chmod(0o644)


def control_text(version: str, arch: str, installed_kib: int, deps: list[str]) -> str:
    fields = {
        "Package": PACKAGE, "Version": version, "Architecture": arch, "Maintainer": MAINTAINER,
        "Installed-Size": str(installed_kib), "Depends": ", ".join(deps),
        "Recommends": ", ".join(RECOMMENDS), "Suggests": ", ".join(SUGGESTS),
        "Section": "misc", "Priority": "optional", "Description": DESCRIPTION,
    }
    return "".join(f"{k}: {v}\n" for k, v in fields.items())


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()


def deb_path(out_dir: Path) -> Path:
    return out_dir / f"{PACKAGE}_{app_version(ROOT)}_{architecture()}.deb"


def build_deb(bundle: Path, out_dir: Path, *, level: int = 6) -> Path:
    """Stage, describe and pack the .deb (xz at ``level``) into ``out_dir``; returns its path."""
    for tool in ("dpkg-deb", "dpkg", "ldd"):
        if shutil.which(tool) is None:
            raise DebError(f"building the .deb needs {tool}, which is not installed")
    version, arch = app_version(ROOT), architecture()
    deps, unknown = depends(bundle)
    if unknown:
        print(f"deb: no package known for {', '.join(unknown)}; left out of Depends")
    out = deb_path(out_dir)
    with tempfile.TemporaryDirectory(prefix="kitchen-ui-deb-") as tmp:
        root = Path(tmp) / "root"
        stage_tree(bundle, root)
        files = sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())
        kib = sum(p.stat().st_size for p in files) // 1024 + 1
        debian = root / "DEBIAN"
        debian.mkdir()
        (debian / "control").write_text(control_text(version, arch, kib, deps))
        (debian / "md5sums").write_text("".join(
            f"{hashlib.md5(p.read_bytes()).hexdigest()}  {p.relative_to(root).as_posix()}\n" for p in files))
        for name in ("control", "md5sums"):
            (debian / name).chmod(0o644)
        debian.chmod(0o755)
        out.unlink(missing_ok=True)
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", f"-z{level}",
                        "--build", str(root), str(out)], check=True, stdout=subprocess.DEVNULL)
    return out
