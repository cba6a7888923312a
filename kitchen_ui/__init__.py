"""Hearth: a local-first kitchen stove dashboard (package ``kitchen_ui``)."""

__version__ = "0.1.0"
