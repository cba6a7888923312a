"""Entry script of the PyInstaller bundle: the same ``kitchen-ui`` command line as the source install."""

from kitchen_ui.cli import entry

if __name__ == "__main__":
    entry()
