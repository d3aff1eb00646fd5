"""sotttt-desktop: the desktop system of a provincial Department of Information and Communications."""

__version__ = "0.1.0"
APP_NAME = "sotttt-desktop"
