"""Entry script of the PyInstaller bundle: the same ``kitchen-ui`` command line as the source install."""

import sys

from kitchen_ui.cli import main

if __name__ == "__main__":
    sys.exit(main())
