"""Voice in the dashboard (issue 12): steps read aloud and push-to-talk commands, offline.

:mod:`.speaker` (synthesis on a worker, playback through QtMultimedia), :mod:`.microphone`
(recording through QtMultimedia), :mod:`.talk` (the push-to-talk button and the one path from
sound to action) and :mod:`.dashboard_voice` (all of it joined to the window and its kitchen).
The words and the rules are Qt-free: :mod:`kitchen_ui.voice` and :mod:`kitchen_ui.app.voice`.
"""

from .dashboard_voice import DashboardVoice

__all__ = ["DashboardVoice"]
