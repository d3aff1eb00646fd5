"""Points on a map from a register's child rows (the loudspeaker clusters of the commune radio
stations) or from its entries themselves (the antenna masts): which register, which rows field, which of its columns holds the coordinates and which
of the entry's fields go with each point. Declared once; the GeoJSON layer (one Point feature per
row, for QGIS) and the spreadsheet (one line per row, latitude and longitude apart) are made from
the declaration."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PointLayer:
    key: str
    register: str
    title: str  # N_()
    rows: str | None  # the ROWS field of the register; None: a point per entry
    coordinates: str  # its COORDINATES column (the entry's own field when `rows` is None)
    entry_fields: tuple[str, ...]  # the entry's fields each point carries, before the row's own
