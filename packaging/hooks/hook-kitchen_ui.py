"""PyInstaller hook for Hearth: every submodule of kitchen_ui, since cli.py imports commands by name,
and the voice recognizer's word list (kitchen_ui/voice/data), read with importlib.resources."""

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

hiddenimports = collect_submodules("kitchen_ui")
datas = collect_data_files("kitchen_ui", includes=["voice/data/*.txt"])
