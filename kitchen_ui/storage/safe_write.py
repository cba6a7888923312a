"""Write a file the user named without harming what is there.

Writing a temporary file and renaming it over the target means a reader never sees half a
file and a failed write leaves the old one whole — but it is right for a regular file only:

* a **symlink** is followed, and its target is replaced (the link stays a link);
* a **FIFO or device** (``/dev/stdout``, a named pipe, ``/dev/null``) is written directly,
  never replaced by a regular file;
* a **folder** is refused;
* a new file gets the usual ``0666`` less the umask; a replaced file keeps its mode (and, for
  root, its owner).

Every error names the path the user gave, never the temporary file.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


def write_text(given: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8, newlines as given) to ``given`` as described above."""
    write_bytes(given, text.encode("utf-8"))


def write_bytes(given: str | os.PathLike[str], data: bytes) -> None:
    shown = os.fspath(given)
    target = Path(os.path.realpath(shown))          # through any symlinks, even to a file not there yet
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, shown) from None
    if st is not None and stat.S_ISDIR(st.st_mode):
        raise OSError(errno.EISDIR, "is a folder; name a file to write", shown)
    if st is not None and not stat.S_ISREG(st.st_mode):
        _write_in_place(target, data, shown)
    else:
        _replace(target, data, st, shown)


def _write_in_place(target: Path, data: bytes, shown: str) -> None:
    try:
        fd = os.open(target, os.O_WRONLY)
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        finally:
            os.close(fd)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, shown) from None


def _replace(target: Path, data: bytes, st: os.stat_result | None, shown: str) -> None:
    folder = target.parent
    if not folder.is_dir():
        raise OSError(errno.ENOENT, f"the folder {folder} does not exist", shown)
    tmp = folder / f".{target.name}.{os.getpid()}.{os.urandom(4).hex()}.part"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)    # the umask applies
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, shown) from None
    try:
        try:
            if st is not None:
                os.fchmod(fd, stat.S_IMODE(st.st_mode))
                if os.geteuid() == 0 and (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
                    os.fchown(fd, st.st_uid, st.st_gid)
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, shown) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
