"""Migration 0016: an existing single-row organisation profile becomes the first period, with the
founding decision its documents cited (15/2023/QĐ-UBND) and the Department's units."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from sotttt_desktop.core.schema import alembic_config


def test_an_existing_profile_becomes_the_first_period(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0014")
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO organisation_profile (id, effective_from, parent_body, parent_body_short,"
            " agency_name, abbreviation, place_name, created_at, updated_at, version) VALUES "
            "('00000000000000000000000000000001', '2023-01-01', 'ỦY BAN NHÂN DÂN TỈNH BÌNH "
            "DƯƠNG', 'UBND TỈNH BÌNH DƯƠNG', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'STTTT', "
            "'Bình Dương', '2023-01-01', '2023-01-01', 1)")
        for order, (code, name, kind, areas) in enumerate((
                ("VP", "Văn phòng", "administrative", "one_stop,reports"),
                ("TTBCXB", "Phòng Thông tin - Báo chí - Xuất bản", "administrative",
                 "press,publishing"),
                ("TTCNTT", "Trung tâm Công nghệ Thông tin và Truyền thông", "public_service",
                 "digital"))):
            conn.execute(
                "INSERT INTO unit (id, code, name, kind, areas, sort_order, active, created_at, "
                "updated_at, version) VALUES (?, ?, ?, ?, ?, ?, 1, '2023-01-01', '2023-01-01', 1)",
                (f"{order + 2:032d}", code, name, kind, areas, order))
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0016")
    engine.dispose()
    with sqlite3.connect(path) as conn:
        row = conn.execute(
            "SELECT effective_from, founding_kind, founding_number, founding_date, "
            "founding_issuer, founding_summary, units FROM organisation_profile").fetchone()
    assert row[:5] == ("2023-01-01", "Quyết định", "15/2023/QĐ-UBND", "2023-05-19",
                       "Ủy ban nhân dân tỉnh Bình Dương")
    assert row[5].startswith("ban hành Quy định chức năng")
    assert json.loads(row[6]) == [
        {"code": "VP", "name": "Văn phòng", "kind": "administrative",
         "areas": ["one_stop", "reports"]},
        {"code": "TTBCXB", "name": "Phòng Thông tin - Báo chí - Xuất bản",
         "kind": "administrative", "areas": ["press", "publishing"]},
        {"code": "TTCNTT", "name": "Trung tâm Công nghệ Thông tin và Truyền thông",
         "kind": "public_service", "areas": ["digital"]}]
