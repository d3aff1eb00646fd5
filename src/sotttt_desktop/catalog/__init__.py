"""The procedure catalogue: administrative procedures as effective-dated data (resources/procedures)."""

from sotttt_desktop.catalog.loader import Catalogue, CatalogueError, Component, Procedure, load

__all__ = ["Catalogue", "CatalogueError", "Component", "Procedure", "load"]
