"""Exports write the file the user named without harming it: links are followed, pipes and
devices written directly, folders refused, the umask and an existing mode honoured, and every
error names the user's path (never a temporary file)."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys

import pytest

from kitchen_ui.cli import main


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "kitchen.sqlite3")
    assert main(["recipes", "list", "--db", path]) == 0
    return path


def export(capsys, db, dest, *more):
    code = main(["recipes", "export", "1", "-o", str(dest), "--db", db, *more])
    out, err = capsys.readouterr()
    return code, err


def is_recipe(text):
    return json.loads(text)["format"].startswith("hearth-recipe")


def leftovers(folder):
    return [p.name for p in folder.iterdir() if p.name.startswith(".")]


def test_a_symlink_is_written_through_and_stays_a_link(capsys, db, tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    assert export(capsys, db, link)[0] == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert is_recipe(target.read_text())
    dangling = tmp_path / "new-link.json"
    dangling.symlink_to(tmp_path / "made.json")
    assert export(capsys, db, dangling)[0] == 0
    assert dangling.is_symlink() and is_recipe((tmp_path / "made.json").read_text())


def test_a_fifo_is_written_into_not_replaced(capsys, db, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)    # a reader is there; the recipe fits the pipe
    try:
        code, err = export(capsys, db, fifo)
        try:
            got = os.read(reader, 1 << 20)
        except BlockingIOError:
            got = b""
    finally:
        os.close(reader)
    assert code == 0, err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert is_recipe(got.decode())


@pytest.mark.parametrize("minor, code, message", [(7, 1, "No space left on device"), (3, 0, "")],
                         ids=["dev-full", "dev-null"])
def test_a_device_is_written_into_and_never_becomes_a_file(capsys, db, tmp_path, minor, code, message):
    dev = tmp_path / "device"
    try:
        os.mknod(dev, stat.S_IFCHR | 0o666, os.makedev(1, minor))     # twins of /dev/full and /dev/null
    except PermissionError:
        pytest.skip("making device nodes needs root")
    got, err = export(capsys, db, dev)
    assert got == code
    assert (f"{dev}: {message}" in err) if message else err.startswith("exported")
    assert stat.S_ISCHR(os.stat(dev).st_mode)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_follows_the_umask(capsys, db, tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        assert export(capsys, db, tmp_path / "out.json")[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "out.json").st_mode) == mode


def test_a_replaced_file_keeps_its_mode(capsys, db, tmp_path):
    dest = tmp_path / "out.json"
    dest.write_text("old")
    dest.chmod(0o640)
    assert export(capsys, db, dest)[0] == 0
    assert stat.S_IMODE(dest.stat().st_mode) == 0o640 and is_recipe(dest.read_text())


def test_a_folder_or_a_missing_folder_is_named_as_given(capsys, db, tmp_path):
    code, err = export(capsys, db, tmp_path)
    assert code == 1 and f"kitchen-ui: error: {tmp_path}: is a folder" in err
    missing = tmp_path / "nowhere" / "out.json"
    code, err = export(capsys, db, missing)
    assert code == 1 and f"{missing}: the folder {tmp_path / 'nowhere'} does not exist" in err
    code = main(["sessions", "export", "1", "--csv", "-o", str(tmp_path), "--db", db])
    assert code == 1
    assert leftovers(tmp_path) == []


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("unshare"), reason="needs root to mount a read-only tmpfs")
@pytest.mark.parametrize("existing", [False, True], ids=["new-file", "existing-file"])
def test_a_read_only_folder_is_named_as_given_and_left_alone(db, tmp_path, existing):
    ro = tmp_path / "ro"
    ro.mkdir()
    dest = ro / "out.json"
    script = (f"mount -t tmpfs tmpfs {ro} && {'echo old > ' + str(dest) + ' && ' if existing else ''}"
              f"mount -o remount,ro {ro} && "
              f"{sys.executable} -m kitchen_ui recipes export 1 -o {dest} --db {db}; echo rc=$?; ls -a {ro}; "
              f"cat {dest} 2>/dev/null")
    proc = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=120)
    if "mount:" in proc.stderr:
        pytest.skip(f"cannot mount here: {proc.stderr.strip()}")
    assert "rc=1" in proc.stdout
    assert f"kitchen-ui: error: {dest}: Read-only file system" in proc.stderr
    assert ".part" not in proc.stderr and ".hearth-" not in proc.stderr
    listing = proc.stdout.split("rc=1", 1)[1].split()
    assert [n for n in listing if n not in (".", "..")] == (["out.json", "old"] if existing else [])
