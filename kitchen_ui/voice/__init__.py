"""Hands-free cooking, offline: speech out (steps, alerts, prompts) and a small command grammar in.

No Qt here: recognition and synthesis work on numpy samples and WAV files, so ``kitchen-ui voice``
and the dashboard share one code path. The microphone and playback live in ``kitchen_ui.ui``.
"""
