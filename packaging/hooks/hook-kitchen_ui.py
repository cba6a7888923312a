"""PyInstaller hook for Hearth: every submodule of kitchen_ui, since cli.py imports commands by name."""

from PyInstaller.utils.hooks import collect_submodules

hiddenimports = collect_submodules("kitchen_ui")
