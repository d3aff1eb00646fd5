"""Map layers made from registers' child rows or entries (registers/point_layer.py): the
loudspeaker clusters of the commune radio stations, the antenna masts, as a GeoJSON layer (RFC 7946: WGS 84, [longitude, latitude]; one
Point feature per cluster with its station's attributes — it opens in QGIS as it is) or as a
spreadsheet (one line per cluster, latitude and longitude in their own columns). A cluster
without coordinates is a line of the spreadsheet but no feature of the layer (it has no place)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sotttt_desktop.core import audit
from sotttt_desktop.core.safe_write import os_reason
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _, in_language
from sotttt_desktop.registers import get_register, point_layers
from sotttt_desktop.registers.kinds import handler
from sotttt_desktop.services import spreadsheet_files as files

if TYPE_CHECKING:
    from sotttt_desktop.registers.point_layer import PointLayer
    from sotttt_desktop.services.facade import Services

SUFFIXES = (".geojson", ".xlsx", ".csv")
LATITUDE, LONGITUDE = "latitude", "longitude"


class PointLayerService:
    def __init__(self, services: Services):
        self._services = services

    def get(self, key: str) -> PointLayer:
        declared = point_layers()
        if key not in declared:
            raise ValidationError(_("There is no map layer {key}. Layers: {keys}.").format(
                key=key, keys=", ".join(declared)))
        return declared[key]

    def for_register(self, register: str) -> PointLayer | None:
        return next((p for p in point_layers().values() if p.register == register), None)

    def columns(self, key: str) -> list[tuple[str, str]]:
        """(name, Vietnamese heading) of each attribute of a point, in order."""
        layer = self.get(key)
        spec = get_register(layer.register)
        children = spec.field(layer.rows).columns if layer.rows else ()
        return ([(name, in_language("vi", spec.field(name).label)) for name in layer.entry_fields]
                + [(c.name, in_language("vi", c.label)) for c in children
                   if c.name != layer.coordinates]
                + [(LATITUDE, "Vĩ độ"), (LONGITUDE, "Kinh độ")])

    def points(self, key: str) -> list[dict[str, Any]]:
        """Every row of every entry: the entry's fields as exported (Vietnamese), the row's own
        values (a number stays a number), latitude and longitude (None: not located)."""
        layer = self.get(key)
        spec = get_register(layer.register)
        reference = self._services.reference
        entry_fields = [spec.field(name) for name in layer.entry_fields]
        children = spec.field(layer.rows).columns if layer.rows else ()
        points = []
        for record in self._services.registers.iter_records(layer.register):
            entry = {f.name: handler(f).export_text(f, record.get(f.name), reference)
                     for f in entry_fields}
            if layer.rows is None:  # the entry is the point (kept as "lat, lon")
                stored = record.get(layer.coordinates)
                latitude, longitude = ((float(v) for v in stored.split(",")) if stored
                                       else (None, None))
                points.append({**entry, LATITUDE: latitude, LONGITUDE: longitude})
                continue
            for row in record.get(layer.rows) or ():
                point = dict(entry)
                latitude = longitude = None
                for child in children:
                    text = (row.get(child.name) or "").strip()
                    value, error = handler(child).parse(child, text, reference) if text \
                        else (None, None)
                    if child.name == layer.coordinates:
                        if value is not None and not error:
                            latitude, longitude = (float(v) for v in value.split(","))
                        continue
                    point[child.name] = text if error or value is None else value
                point[LATITUDE], point[LONGITUDE] = latitude, longitude
                points.append(point)
        return points

    def geojson(self, key: str) -> dict[str, Any]:
        layer = self.get(key)
        features = [{"type": "Feature",
                     "geometry": {"type": "Point",
                                  "coordinates": [p[LONGITUDE], p[LATITUDE]]},
                     "properties": {k: v for k, v in p.items()
                                    if k not in (LATITUDE, LONGITUDE)}}
                    for p in self.points(key) if p[LATITUDE] is not None]
        return {"type": "FeatureCollection", "name": layer.key, "features": features}

    def export(self, key: str, path: Path) -> int:
        """Write the layer to .geojson, .xlsx or .csv (whole or not at all); returns the
        points written."""
        layer = self.get(key)
        spec = get_register(layer.register)
        services = self._services
        services.require(spec.area, "export")
        suffix = path.suffix.lower()
        if suffix not in SUFFIXES:
            raise ValidationError(_("Save the layer as a .geojson, .xlsx or .csv file."))
        columns = self.columns(key)
        if suffix == ".geojson":
            collection = self.geojson(key)
            count = len(collection["features"])
            payload = json.dumps(collection, ensure_ascii=False, indent=1).encode("utf-8")
        else:
            rows = [["" if p.get(name) is None else p.get(name) for name, _h in columns]
                    for p in self.points(key)]
            count = len(rows)
        part: Path | None = None
        try:  # beside the target under a temporary name, renamed when whole
            handle, name = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=suffix,
                                            dir=path.parent)
            os.close(handle)
            part = Path(name)
            if suffix == ".geojson":
                part.write_bytes(payload)
            elif suffix == ".xlsx":
                files.write_xlsx(part, [h for _n, h in columns], rows,
                                 in_language("vi", layer.title), [24] * len(columns))
            else:
                files.write_csv(part, [h for _n, h in columns],
                                ([str(cell) for cell in row] for row in rows))
            os.replace(part, path)
        except OSError as error:
            if part is not None:
                part.unlink(missing_ok=True)
            raise ValidationError(_("Cannot write {path}: {error}").format(
                path=path, error=os_reason(error))) from error
        with services.db.session(write=True) as session:
            audit.append(session, username=services.actor.username, action="export",
                         entity_kind=spec.search_kind,
                         summary=f"{key}: {count} → {path.name}")
            session.commit()
        return count
