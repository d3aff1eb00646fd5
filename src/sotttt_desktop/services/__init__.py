"""Use cases. The GUI and the CLI both go through these; no Qt here.

`Services` and `Actor` are imported on first use, so that importing a light submodule (the actor,
say) does not load the database layer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sotttt_desktop.services.actor import Actor
    from sotttt_desktop.services.facade import Services

__all__ = ["Actor", "Services"]


def __getattr__(name: str) -> Any:  # noqa: ANN401
    if name == "Actor":
        from sotttt_desktop.services.actor import Actor

        return Actor
    if name == "Services":
        from sotttt_desktop.services.facade import Services

        return Services
    raise AttributeError(name)
