"""The PyInstaller bundle works on its own: dashboard, simulator server, recipes and its data files."""

from __future__ import annotations

import json
import queue
import signal
import subprocess
import threading
from pathlib import Path

import pytest

from bundle_run import BUILD_TIMEOUT_S, ROOT, assert_ok, bare_env, bundle_exe, run_app

pytestmark = [pytest.mark.slow, pytest.mark.timeout(BUILD_TIMEOUT_S)]


def png_image(path: Path):
    from PySide6.QtGui import QImage

    assert path.is_file() and path.stat().st_size > 0, f"{path} was not written"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    image = QImage(str(path))
    assert not image.isNull(), f"{path} does not decode as an image"
    return image


def distinct_colours(image, step: int = 7) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)})


def test_bundle_takes_a_screenshot_headless(bundle, home):
    shot = home / "out.png"
    res = run_app(bundle_exe(bundle), "--screenshot", str(shot), "--run-for", "0.5", "--size", "1024x600", home=home)
    assert_ok(res, "kitchen-ui --screenshot")
    image = png_image(shot)
    assert (image.width(), image.height()) == (1024, 600)
    # a drawn dashboard (cards, text, plot), not an empty or single-colour window
    assert distinct_colours(image) > 20


def read_line(stream, timeout: float) -> str:
    q: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: q.put(stream.readline()), daemon=True).start()
    try:
        return q.get(timeout=timeout)
    except queue.Empty:
        raise AssertionError(f"no line within {timeout} s") from None


def test_bundle_serves_the_simulator_and_the_bundled_dashboard_connects(bundle, home):
    exe = bundle_exe(bundle)
    server = subprocess.Popen([str(exe), "serve-sim", "--port", "0"], env=bare_env(home), cwd=home,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = read_line(server.stdout, timeout=30)
        assert line.startswith("listening on ksp://127.0.0.1:"), line
        url = line.split()[-1]
        shot = home / "remote.png"
        res = run_app(exe, "--stove", url, "--screenshot", str(shot), "--run-for", "0.5", home=home)
        assert_ok(res, f"kitchen-ui --stove {url}")
        png_image(shot)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            _, err = server.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            _, err = server.communicate()
    assert server.returncode == 0, err
    assert "hello as controller from 'kitchen-ui/" in err, err
    assert "stopped" in err.splitlines()[-1]


def test_bundle_seeds_a_new_database_with_the_starter_recipes(bundle, home):
    db = home / "kitchen.sqlite3"
    res = run_app(bundle_exe(bundle), "recipes", "list", "--json", "--db", str(db), home=home)
    assert_ok(res, "kitchen-ui recipes list")
    listed = sorted(r["title"] for r in json.loads(res.stdout))
    starters = sorted(json.loads(p.read_text(encoding="utf-8"))["title"]
                      for p in (ROOT / "resources" / "recipes").glob("*.json"))
    assert listed == starters
    # the migrations shipped too: a second run opens the same file without re-seeding it
    again = run_app(bundle_exe(bundle), "recipes", "list", "--json", "--db", str(db), home=home)
    assert_ok(again, "kitchen-ui recipes list (second run)")
    assert len(json.loads(again.stdout)) == len(starters)


def test_bundle_refuses_a_wrong_flag_with_exit_code_2(bundle, home):
    res = run_app(bundle_exe(bundle), "--zones", "9", home=home)
    assert res.returncode == 2
    assert "--zones" in res.stderr and "1 to 6" in res.stderr


def test_bundle_leaves_out_what_the_app_does_not_use(bundle):
    internal = bundle / "_internal"
    names = {p.name for p in internal.rglob("*")}
    for unwanted in ("matplotlib", "PIL", "pytest", "hypothesis", "cryptography", "tkinter"):
        assert unwanted not in names, f"{unwanted} is in the bundle"
    for lib in ("libQt6Pdf.so.6", "libQt6Quick.so.6", "libqgtk3.so", "libqtvirtualkeyboardplugin.so",
                "libavcodec.so.61"):
        assert lib not in names, f"{lib} is in the bundle"
    size_mb = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20
    print(f"bundle size: {size_mb:.0f} MB")
    assert size_mb < 300, f"the bundle grew to {size_mb:.0f} MB (it was 205 MB); see packaging/bundle_filter.py"


def test_bundle_recognizes_a_voice_command_with_its_own_model(bundle, home):
    """pocketsphinx's model travels in the bundle (packaging/hooks/hook-pocketsphinx.py), and so
    does the check pass's word list (hook-kitchen_ui.py): without it no command would stand."""
    import shutil

    if shutil.which("flite") is None:
        pytest.skip("flite is not installed")
    wav = home / "zone.wav"
    subprocess.run(["flite", "-voice", "slt", "-t", "zone two off", "-o", str(wav)], check=True)
    res = run_app(bundle_exe(bundle), "voice", "recognize", "--json", str(wav), home=home)
    assert_ok(res, "kitchen-ui voice recognize")
    heard = json.loads(res.stdout.strip().splitlines()[-1])
    assert heard["text"] == "zone two off", heard          # decoded by the bundled model and grammar
    assert (heard["command"], heard["zone"]) == ("zone_off", 2), heard      # and confirmed
    assert (bundle / "_internal" / "pocketsphinx" / "model" / "en-us" / "cmudict-en-us.dict").is_file()
    assert not list(bundle.rglob("en-us.lm.bin"))
