"""Render every document template as the demo prints it into docs/document-<kind>.png (80 dpi,
the first two pages side by side), to look at them and to show them in the README.

    .venv/bin/python scripts/document_pngs.py [SCALE]      # default scale 1 (a few minutes)

Each kind is printed for the newest subject the demo has for it (the newest printing licence,
a suspended and a revoked permit, a dossier refused after an apology for forms 01–05, the
month of the working date for form 06, …); a kind the demo cannot print yet is reported.
Needs pdftoppm (poppler-utils).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

DOCS = Path(__file__).resolve().parents[1] / "docs"
PERIODS = ("2024-Q3~", "2024-H1", "2024-Q3", "2023", "2024")


def _png(pdf: bytes, name: str) -> None:
    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "80", "-l", "2", "-png", str(path),
                        str(Path(folder) / "page")], check=True)
        pages = [Image.open(p) for p in sorted(Path(folder).glob("page*.png"))]
        width = sum(p.width for p in pages) + 12 * (len(pages) - 1)
        sheet = Image.new("RGB", (width, max(p.height for p in pages)), "#9a9a9a")
        x = 0
        for page in pages:
            sheet.paste(page, (x, 0))
            x += page.width + 12
        sheet.save(DOCS / f"document-{name}.png", optimize=True)
    print(f"wrote docs/document-{name}.png")


def _candidates(services: Any) -> dict[str, Callable[[], Iterator[str]]]:  # noqa: ANN401
    from sotttt_desktop.core.clock import local_today

    permits = services.permits.list(limit=100_000)

    def newest(predicate: Callable[[dict], bool]) -> Iterator[str]:
        found = sorted((p for p in permits if predicate(p)), key=lambda p: p["issued_on"],
                       reverse=True)
        return (p["reference"] for p in found)

    def dossiers(*kinds: str) -> Iterator[str]:
        """Dossiers that took all these steps, the newest first."""
        from sqlalchemy import func, select

        from sotttt_desktop.core.models import Dossier, DossierEvent

        with services.db.session() as session:
            codes = session.execute(
                select(Dossier.code).join(DossierEvent, DossierEvent.dossier_id == Dossier.id)
                .where(DossierEvent.kind.in_(kinds)).group_by(Dossier.code, Dossier.received_at)
                .having(func.count(func.distinct(DossierEvent.kind)) == len(kinds))
                .order_by(Dossier.received_at.desc())).scalars().all()
        return iter(codes)

    def cases() -> Iterator[str]:
        return (c["code"] for c in services.cases.list(limit=100_000))

    today = local_today()
    return {
        "permit": lambda: newest(lambda p: p["family"] == "publishing.printing"
                                 and p["action"] == "issue"),
        "permit-suspension": lambda: newest(lambda p: p["state"] == "suspended"),
        "permit-revocation": lambda: newest(lambda p: p["state"] == "revoked"),
        **{f"form-0{n}": (lambda: dossiers("apologise", "refuse")) for n in range(1, 6)},
        "form-02": lambda: dossiers("request_supplement"),
        "form-06": lambda: iter([f"{today:%Y-%m}"]),
        "outgoing-register": lambda: iter([f"GP:{today.year}"]),
        "public-list": lambda: iter([f"game_points:{today:%Y-%m-%d}"]),
        "dashboard": lambda: iter(["today"]),
        "dti-summary": lambda: iter([str(today.year - 1), str(today.year)]),
        "it-statistics": lambda: iter([str(today.year - 1), str(today.year)]),
        **{kind: cases for kind in ("ads-report", "it-appraisal-result",
                                    "security-level-opinion", "security-level-approval",
                                    "security-half-year-report", "sanction-decision",
                                    "complaint-decision")},
        **{kind: (lambda: iter(PERIODS)) for kind in (
            "one-stop-statistics", "security-statistics", "inspection-report",
            "postal-statistics", "press-statistics", "publishing-statistics",
            "telecom-statistics")},
    }


def main() -> None:
    os.environ.setdefault("SOTTTT_CONFIG_DIR", tempfile.mkdtemp(prefix="pngs-cfg-"))
    os.environ.setdefault("SOTTTT_DOCUMENT_FONT", "bundled")
    from sotttt_desktop.errors import AppError
    from sotttt_desktop.i18n import set_language
    from sotttt_desktop.services.demo import DEMO_PASSWORD
    from sotttt_desktop.services.setup import initialise
    from sotttt_desktop.settings import sqlite_location

    set_language("vi")
    scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
    db = Path(tempfile.mkdtemp(prefix="pngs-")) / "demo.sqlite3"
    services = initialise(sqlite_location(db), demo=True, scale=scale)
    admin = services.as_actor(services.security.login("admin", DEMO_PASSWORD))
    candidates = _candidates(admin)
    missing = []
    for kind in (k["kind"] for k in admin.documents.kinds()):
        if kind in ("decision", "letter"):  # from a JSON file: no demo subject
            continue
        for ref in candidates.get(kind, lambda: iter(()))():
            try:
                pdf = admin.documents.render(kind, ref).pdf
            except AppError:
                continue
            _png(pdf, kind)
            break
        else:
            missing.append(kind)
    if missing:
        print("not printable from this demo:", ", ".join(missing))


if __name__ == "__main__":
    main()
