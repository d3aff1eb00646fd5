"""Render every document template as the demo prints it into docs/document-<kind>.png (80 dpi,
the first two pages side by side), to look at them and to show them in the README.

    .venv/bin/python scripts/document_pngs.py [SCALE]      # default scale 1 (a few minutes)

Each kind is printed for the newest subject the demo has for it (the newest printing licence,
a suspended and a revoked permit, a dossier refused after an apology for forms 01–05, the
month of the working date for form 06, the level proposals and a complaint taken to their
decision here, …); a kind the demo cannot print is reported.
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


# a demo complaint settled as a legal officer would write it (to print its decision)
SETTLEMENT = {
    "findings": "Qua xác minh, việc thu hồi giấy phép được thực hiện đúng trình tự; thời điểm thu "
                "hồi ghi trong quyết định chưa phù hợp với ngày phát hiện vi phạm.",
    "settlement_bases": "Nghị định số 72/2013/NĐ-CP ngày 15 tháng 7 năm 2013 của Chính phủ "
                        "về quản lý, cung cấp, sử dụng dịch vụ Internet và thông tin trên mạng",
    "outcome": "partly_right",
    "conclusion": "Việc thu hồi giấy phép là đúng; thời điểm thu hồi ghi trong quyết định chưa "
                  "đúng quy định.",
    "measures": "Sửa đổi Điều 1 của quyết định bị khiếu nại về thời điểm thu hồi.",
    "compensation": "Không phát sinh"}


def _as_typed(data: dict[str, Any]) -> dict[str, Any]:
    """A case's values as its form gives them (dates as a clerk types them)."""
    import datetime as dt

    typed = {}
    for name, value in data.items():
        if isinstance(value, dt.datetime):
            value = f"{value:%d/%m/%Y %H:%M}"
        elif isinstance(value, dt.date):
            value = f"{value:%d/%m/%Y}"
        elif isinstance(value, str) and len(value) >= 10 and value[4:5] == "-" \
                and value[:4].isdigit():  # ISO text
            value = dt.datetime.fromisoformat(value)
            value = f"{value:%d/%m/%Y %H:%M}" if len(data[name]) > 10 else f"{value:%d/%m/%Y}"
        typed[name] = value
    return typed


def _decide_demo_cases(services: Any) -> None:  # noqa: ANN401
    """Take the demo's level proposals and a complaint to the step that issues their
    document (this database is thrown away): what cannot be taken is left as it is."""
    import contextlib

    from sotttt_desktop.errors import AppError

    steps = {"security_level_3": ("send_opinion",),
             "security_level_12": ("documents_received", "approve"),
             "complaint_first": ("decide",)}
    for case in services.cases.list(limit=1000):
        for action in steps.get(case["kind"], ()):
            with contextlib.suppress(AppError):
                if action == "decide":
                    data = services.cases.show(case["code"])["data"]
                    services.cases.edit(case["code"], {**_as_typed(data), **SETTLEMENT})
                services.cases.step(case["code"], action)


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
    _decide_demo_cases(admin)
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
