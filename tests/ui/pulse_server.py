"""A real PulseAudio server for the microphone tests: a null sink whose sound becomes the default
input ("Kitchen mic"), so what ``paplay`` plays is what QtMultimedia's ``QAudioSource`` records,
as from a microphone in the room. Run as the test's own daemon on a private socket."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

MISSING = "pulseaudio and paplay are needed (Debian: pulseaudio, pulseaudio-utils; .ci/run installs them)"


def available() -> bool:
    return all(shutil.which(tool) for tool in ("pulseaudio", "pactl", "paplay"))


@contextmanager
def pulse_server(folder: Path):
    """-> the environment (PULSE_SERVER and friends) a client needs to reach the server."""
    folder.mkdir(parents=True, exist_ok=True)
    socket = folder / "pulse.sock"
    env = {**os.environ, "HOME": str(folder), "XDG_RUNTIME_DIR": str(folder), "XDG_CONFIG_HOME": str(folder),
           "PULSE_SERVER": f"unix:{socket}"}
    daemon = subprocess.Popen(
        ["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit", "--log-target=stderr",
         "-L", f"module-native-protocol-unix socket={socket} auth-anonymous=1",
         "-L", "module-null-sink sink_name=kitchen",
         "-L", "module-remap-source master=kitchen.monitor source_name=mic "
               "source_properties=device.description=Kitchen_mic"],
        env=env, stdout=subprocess.DEVNULL, stderr=open(folder / "pulseaudio.log", "w"), start_new_session=True)
    try:
        deadline = time.monotonic() + 10
        while subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode != 0:
            if daemon.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"pulseaudio did not start: {(folder / 'pulseaudio.log').read_text()[-2000:]}")
            time.sleep(0.1)
        subprocess.run(["pactl", "set-default-source", "mic"], env=env, check=True, capture_output=True)
        yield env
    finally:
        os.killpg(daemon.pid, signal.SIGTERM)
        daemon.wait(timeout=10)
