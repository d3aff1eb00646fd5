"""Use cases. The GUI and the CLI both go through these; no Qt here."""

from sotttt_desktop.services.actor import Actor
from sotttt_desktop.services.facade import Services

__all__ = ["Actor", "Services"]
