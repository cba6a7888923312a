"""The Qt layer: the only part of Hearth that imports PySide6 or pyqtgraph."""
