"""Build the self-contained app folder (PyInstaller) and, on Linux, the .deb that installs it.

    python packaging/build.py                 # dist/kitchen-ui/ and dist/kitchen-ui_<ver>_<arch>.deb
    python packaging/build.py --dist D --work W --no-deb --force

A rebuild is skipped when nothing that goes into the bundle changed: the fingerprint covers the
sources, resources, migrations, packaging files and the installed distributions' versions, and
is kept beside the bundle (``<dist>/.kitchen-ui.fingerprint``), so CI and tests pay for
PyInstaller once. A lock file serialises builds into the same folders.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import os
import platform
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "kitchen-ui.spec"
APP = "kitchen-ui"
INPUTS = ("kitchen_ui", "resources", "db/migrations", "pyproject.toml", "packaging/kitchen-ui.spec",
          "packaging/bundle_filter.py", "packaging/launcher.py", "packaging/hooks", "packaging/icons")
SKIPPED_PARTS = {"__pycache__", ".pytest_cache"}


def executable(dist: Path) -> Path:
    return dist / APP / (f"{APP}.exe" if sys.platform == "win32" else APP)


def fingerprint(root: Path = ROOT) -> str:
    """A hash of everything that decides the bundle's contents."""
    h = hashlib.sha256()
    for name in INPUTS:
        base = root / name
        files = [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file())
        for p in files:
            if SKIPPED_PARTS.intersection(p.parts) or p.suffix == ".pyc":
                continue
            h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    dists = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    h.update("\n".join([sys.version, platform.platform(), *dists]).encode())
    return h.hexdigest()


@contextmanager
def build_lock(work: Path) -> Iterator[None]:
    work.mkdir(parents=True, exist_ok=True)
    with open(work / ".build.lock", "w") as fh:
        if sys.platform != "win32":
            import fcntl
            fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def build_bundle(dist: Path, work: Path, *, force: bool = False) -> tuple[Path, bool]:
    """Build dist/kitchen-ui/ unless it is up to date; returns (folder, whether it was built)."""
    stamp = dist / f".{APP}.fingerprint"
    want = fingerprint()
    if not force and executable(dist).is_file() and stamp.is_file() and stamp.read_text() == want:
        return dist / APP, False
    stamp.unlink(missing_ok=True)
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    subprocess.run(cmd, cwd=ROOT, check=True)
    if not executable(dist).is_file():
        raise SystemExit(f"PyInstaller finished but {executable(dist)} is missing")
    stamp.write_text(want)
    return dist / APP, True


def build_deb_if_needed(folder: Path, dist: Path, level: int, *, force: bool = False) -> tuple[Path, bool]:
    """The .deb of ``folder``, rebuilt only when the bundle or the .deb's own files changed."""
    sys.path.insert(0, str(ROOT / "packaging"))
    from deb import build_deb, deb_path

    h = hashlib.sha256((dist / f".{APP}.fingerprint").read_bytes() + str(level).encode())
    for p in [ROOT / "packaging" / n for n in ("deb.py", "README.md")] + sorted((ROOT / "packaging" / "linux").iterdir()):
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    out = deb_path(dist)
    stamp = out.with_name(out.name + ".fingerprint")
    if not force and out.is_file() and stamp.is_file() and stamp.read_text() == h.hexdigest():
        return out, False
    stamp.unlink(missing_ok=True)
    build_deb(folder, dist, level=level)
    stamp.write_text(h.hexdigest())
    return out, True


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default dist/)")
    p.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller",
                   help="PyInstaller's work folder (default build/pyinstaller/)")
    p.add_argument("--no-deb", action="store_true", help="only the app folder, no .deb")
    p.add_argument("--force", action="store_true", help="rebuild even if nothing changed")
    p.add_argument("--deb-level", type=int, choices=range(0, 10), default=6, metavar="0-9",
                   help="xz level of the .deb: 6 (default) is ~60 MB in ~2 min on 2 cores, "
                        "1 is ~10%% bigger in ~15 s (tests)")
    args = p.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    with build_lock(work):
        t0 = time.perf_counter()
        folder, built = build_bundle(dist, work, force=args.force)
        took = time.perf_counter() - t0
        print(f"{'built' if built else 'up to date:'} {folder} ({folder_size(folder) / 2**20:.0f} MB)"
              + (f" in {took:.0f} s" if built else ""))
        if args.no_deb or not sys.platform.startswith("linux"):
            return 0
        t0 = time.perf_counter()
        deb, built = build_deb_if_needed(folder, dist, args.deb_level, force=args.force)
        print(f"{'built' if built else 'up to date:'} {deb} ({deb.stat().st_size / 2**20:.0f} MB)"
              + (f" in {time.perf_counter() - t0:.0f} s" if built else ""))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
