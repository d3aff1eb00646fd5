"""An import writes exactly the file the clerk previewed: the previewed rows themselves (the
file is not read again, so a file overwritten after its preview changes nothing), or, for a
path committed with the hash its preview showed, a refusal when the file changed; nothing is
written by a refused commit. On SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from sotttt_desktop.core.models.audit import AuditEntry
from sotttt_desktop.errors import ConflictError, ValidationError
from sotttt_desktop.services import Services
from sotttt_desktop.services.actor import Actor

REGISTER = "printing_facilities"
HEADINGS = "Mã số thuế,Tên,Huyện,Giấy phép hay đăng ký,Trạng thái\n"


def _csv(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text(HEADINGS + "".join(f"{tax},{name},Dĩ An,Giấy phép hoạt động in,"
                                       "Đang hoạt động\n" for tax, name in rows),
                    encoding="utf-8")
    return path


def _names(services: Services) -> dict[str, str]:
    return {r["tax_code"]: r["name"] for r in services.registers.iter_records(REGISTER)}


def _imports(services: Services) -> int:
    with services.db.session() as session:
        return session.execute(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "import")).scalar_one()


def _existing(services: Services, tmp_path: Path) -> dict[str, str]:
    """Five facilities already in the register (the tester's colour copiers)."""
    services.register_files.commit(REGISTER, _csv(tmp_path / "old.csv", [
        (f"37000001{n:02d}", f"Cơ sở in cũ {n}") for n in range(1, 6)]))
    return _names(services)


def _overwrite(path: Path) -> None:
    """Another file saved under the previewed name: the five existing records, changed."""
    _csv(path, [(f"37000001{n:02d}", "CHANGED AFTER PREVIEW") for n in range(1, 6)])


def test_the_previewed_rows_are_written_even_if_the_file_changed_since(
        services: Services, tmp_path: Path) -> None:
    before = _existing(services, tmp_path)
    path = _csv(tmp_path / "small.csv", [(f"37000002{n:02d}", f"Cơ sở in mới {n}")
                                         for n in range(1, 4)])
    preview = services.register_files.preview(REGISTER, path)
    assert preview.counts() == {"create": 3, "update": 0, "unchanged": 0, "reject": 0}
    _overwrite(path)
    done = services.register_files.commit_preview(preview)
    assert done.committed and done.counts()["create"] == 3
    after = _names(services)
    assert {k: v for k, v in after.items() if k in before} == before  # nobody "CHANGED"
    assert sorted(set(after) - set(before)) == [f"37000002{n:02d}" for n in range(1, 4)]
    assert _imports(services) == 2
    # the same preview cannot be written twice
    with pytest.raises(ConflictError):
        services.register_files.commit_preview(preview)
    assert len(_names(services)) == 8 and _imports(services) == 2


def test_a_path_committed_with_its_preview_hash_is_refused_when_the_file_changed(
        services: Services, tmp_path: Path) -> None:
    before = _existing(services, tmp_path)
    path = _csv(tmp_path / "small.csv", [(f"37000002{n:02d}", f"Cơ sở in mới {n}")
                                         for n in range(1, 4)])
    sha256 = services.register_files.preview(REGISTER, path).sha256
    _overwrite(path)
    with pytest.raises(ValidationError, match="small.csv.*xem trước"):
        services.register_files.commit(REGISTER, path, expected_sha256=sha256)
    assert _names(services) == before and _imports(services) == 1  # nothing written
    # the file as it was previewed (the same bytes again) is written
    _csv(path, [(f"37000002{n:02d}", f"Cơ sở in mới {n}") for n in range(1, 4)])
    done = services.register_files.commit(REGISTER, path, expected_sha256=sha256.upper())
    assert done.committed and done.counts()["create"] == 3
    assert len(_names(services)) == 8 and _imports(services) == 2


def test_a_record_changed_since_the_preview_refuses_the_whole_import(
        services: Services, tmp_path: Path) -> None:
    _existing(services, tmp_path)
    path = _csv(tmp_path / "mixed.csv", [("3700000101", "Cơ sở in đổi tên"),
                                         ("3700000299", "Cơ sở in mới")])
    preview = services.register_files.preview(REGISTER, path)
    assert preview.counts()["update"] == 1 and preview.counts()["create"] == 1
    record = next(r for r in services.registers.iter_records(REGISTER)
                  if r["tax_code"] == "3700000101")
    services.registers.update(REGISTER, record["id"], {
        "name": "Đổi ở bàn khác", "tax_code": "3700000101", "district_code": "724",
        "licence_kind": "permit", "state": "active"}, expected_version=record["version"])
    with pytest.raises(ConflictError):
        services.register_files.commit_preview(preview)
    names = _names(services)
    assert names["3700000101"] == "Đổi ở bàn khác" and "3700000299" not in names


def test_a_preview_is_written_only_by_who_made_it(services: Services, tmp_path: Path) -> None:
    path = _csv(tmp_path / "small.csv", [("3700000301", "Cơ sở in A")])
    preview = services.register_files.preview(REGISTER, path)
    other = services.as_actor(Actor(username="khac", display_name="Khác", authenticated=True,
                                    grants=frozenset({("*", "view"), ("*", "create")})))
    with pytest.raises(ConflictError):
        other.register_files.commit_preview(preview)
    assert services.registers.count(REGISTER) == 0
