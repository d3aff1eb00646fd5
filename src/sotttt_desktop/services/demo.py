"""Realistic demo data: Vietnamese organisations and people in the 9 district-level units of
Bình Dương (2023), spread over several years. Scale 1 ≈ one year of a Department (2,000 parties);
scale 500 ≈ one million rows, written in bulk for benchmarks.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import uuid
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select

from sotttt_desktop.core import audit, clock
from sotttt_desktop.core.db import APP_CACHE_SIZE
from sotttt_desktop.core.models import Party, SearchEntry
from sotttt_desktop.core.text import fold
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.i18n import _

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

PARTIES_PER_SCALE = 2000
ORG_SHARE = 0.85
BATCH = 5000

ORG_FORMS = ["Công ty TNHH", "Công ty TNHH MTV", "Công ty Cổ phần", "Doanh nghiệp tư nhân",
             "Hợp tác xã", "Công ty TNHH", "Công ty Cổ phần"]
ORG_TRADES = ["In ấn", "In", "Quảng cáo", "Truyền thông", "Bưu chính", "Viễn thông",
              "Công nghệ thông tin", "Phần mềm", "Giải pháp số", "Xuất bản", "Phát hành sách",
              "Thương mại Dịch vụ", "Điện tử", "Dịch vụ Internet", "Trò chơi điện tử",
              "Sản xuất Bao bì", "Văn hóa phẩm", "Thiết bị Viễn thông", "An ninh mạng"]
ORG_NAMES = ["Đức Hưng", "Phú Cường", "Thành Đạt", "Hòa Bình", "An Phát", "Minh Khang",
             "Việt Tiến", "Sao Việt", "Bình An", "Tân Phước", "Hưng Thịnh", "Đại Nam",
             "Phương Nam", "Gia Huy", "Trường Sơn", "Kim Ngân", "Thiên Long", "Hoàng Gia",
             "Nam Á", "Đông Dương", "Lạc Hồng", "Tiến Phát", "Quang Minh", "Ánh Dương",
             "Thủy Tiên", "Hải Âu", "Phúc Lộc", "Vĩnh Thịnh", "Đồng Tâm", "Bảo Ngọc",
             "Sông Bé", "Lái Thiêu", "Mỹ Phước", "Chánh Nghĩa", "Nhật Quang", "Thuận Thành",
             "Hùng Vương", "Ngọc Trai", "Trí Việt", "Tâm Đức", "Khánh Linh", "Ưu Việt"]
ORG_SUFFIXES = ["Phát", "Thịnh", "Lợi", "Tín", "Vượng", "Xanh", "Mới", "Toàn Cầu", "Số"]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
            "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lâm", "Mai"]
MIDDLE_M = ["Văn", "Minh", "Hữu", "Đức", "Quốc", "Thanh", "Công", "Tuấn", "Hoàng", "Gia"]
MIDDLE_F = ["Thị", "Ngọc", "Thu", "Kim", "Thanh", "Mỹ", "Hồng", "Phương", "Bích", "Diệu"]
GIVEN_M = ["An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hùng", "Khánh", "Long",
           "Minh", "Nam", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Thắng", "Trung", "Tuấn",
           "Vinh", "Huy", "Lộc", "Tài", "Đông"]
GIVEN_F = ["Anh", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngân",
           "Nhung", "Phương", "Tâm", "Thảo", "Trang", "Vy", "Yến", "Uyên", "Ly", "Nga",
           "Trâm", "Hằng", "Diễm", "Thủy", "Loan"]
STREETS = ["Đại lộ Bình Dương", "Yersin", "Cách Mạng Tháng Tám", "Phú Lợi", "Huỳnh Văn Lũy",
           "Nguyễn Văn Tiết", "Mỹ Phước - Tân Vạn", "ĐT743", "Lê Hồng Phong", "Trần Hưng Đạo",
           "Nguyễn An Ninh", "Thích Quảng Đức", "ĐT741", "Hùng Vương", "Nguyễn Trãi",
           "Bác sĩ Yersin", "Ngô Quyền", "Nguyễn Du", "Lý Thường Kiệt", "Võ Văn Kiệt",
           "Nguyễn Chí Thanh", "Hồ Văn Cống", "Lê Thị Trung", "ĐT746", "Quốc lộ 13"]
MOBILE_PREFIXES = ["090", "091", "093", "094", "096", "097", "098", "086", "088", "089",
                   "032", "033", "034", "035", "036", "037", "038", "039", "070", "077", "079"]
EMAIL_DOMAINS = ["gmail.com", "yahoo.com.vn", "outlook.com", "vnpt.vn"]
HISTORY_START = dt.datetime(2019, 1, 2, 1, 0, tzinfo=dt.UTC)


def _slug(text: str) -> str:
    return "".join(ch for ch in fold(text) if ch.isalnum())


class DemoGenerator:
    def __init__(self, seed: int = 2023):
        self.rng = random.Random(seed)
        self._addresses: set[str] = set()

    def _person_name(self) -> tuple[str, bool]:
        rng = self.rng
        male = rng.random() < 0.5
        middle = rng.choice(MIDDLE_M if male else MIDDLE_F)
        given = rng.choice(GIVEN_M if male else GIVEN_F)
        return f"{rng.choice(SURNAMES)} {middle} {given}", male

    def _address(self, districts: list[tuple[int, str, list[tuple[int, str]]]]
                 ) -> tuple[str, int, int]:
        """A new address each time: two holders at one address would be refused a game point or
        a receiver there (registered to the other), which the scale-10 demo ran into. A number
        drawn twice takes a letter (12A), so the draws — and the demo — stay as they were."""
        rng = self.rng
        code, district_name, communes = rng.choice(districts)
        commune_code, commune_name = rng.choice(communes)
        number = f"{rng.randint(1, 999)}" + (f"/{rng.randint(1, 60)}" if rng.random() < 0.3 else "")
        street = rng.choice(STREETS)
        for suffix in ("", *"ABCDEFGHKLMN", *(f"B{n}" for n in range(1, 1000))):
            address = (f"Số {number}{suffix} đường {street}, {commune_name}, {district_name}, "
                       "tỉnh Bình Dương")
            if address not in self._addresses:
                break
        self._addresses.add(address)
        return address, code, commune_code

    def _phone(self) -> str:
        rng = self.rng
        if rng.random() < 0.2:
            return f"0274{rng.randint(3000000, 3999999)}"
        return f"{rng.choice(MOBILE_PREFIXES)}{rng.randint(0, 9999999):07d}"

    def _created_at(self, position: float) -> dt.datetime:
        # spread evenly over the years of history, with some noise
        now = clock.utc_now()  # a demo's history ends on its working date
        span = (now - HISTORY_START).total_seconds()
        jitter = self.rng.uniform(-0.002, 0.002)
        fraction = min(max(position + jitter, 0.0), 0.999)
        return HISTORY_START + dt.timedelta(seconds=span * fraction)

    def party_rows(self, count: int, districts: list, start: int = 0
                   ) -> Iterator[tuple[dict, dict]]:
        """(party row, search-entry row) pairs; tax codes and IDs unique by construction."""
        rng = self.rng
        person_seq = start
        for n in range(start, start + count):
            party_id = uuid.UUID(int=rng.getrandbits(128), version=4)
            address, district_code, commune_code = self._address(districts)
            created = self._created_at((n - start) / max(count, 1))
            phone = self._phone()
            if rng.random() < ORG_SHARE:
                trade = rng.choice(ORG_TRADES)
                proper = rng.choice(ORG_NAMES)
                suffix = "" if rng.random() < 0.5 else f" {rng.choice(ORG_SUFFIXES)}"
                name = f"{rng.choice(ORG_FORMS)} {trade} {proper}{suffix}"
                if rng.random() < 0.4:
                    name += f" {rng.choice(['Bình Dương', 'Việt Nam', 'Sài Gòn', 'Miền Nam'])}"
                tax_code = f"37{(n * 7919 + 1234567) % 10**8:08d}"
                if rng.random() < 0.08:  # a branch has its parent's code and a suffix
                    tax_code += f"-{rng.randint(1, 30):03d}"
                    name = f"Chi nhánh {name}"
                representative, _male = self._person_name()
                row = {
                    "kind": "org", "name": name, "tax_code": tax_code,
                    "registration_no": tax_code.split("-")[0],
                    "citizen_id": None, "date_of_birth": None,
                    "legal_representative": representative,
                    "email": f"lienhe.{_slug(proper)}{n}@{rng.choice(EMAIL_DOMAINS)}",
                }
                subtitle_id = tax_code
                parts = [tax_code, row["registration_no"], address, representative]
            else:
                name, male = self._person_name()
                born = dt.date(rng.randint(1955, 2004), rng.randint(1, 12), rng.randint(1, 28))
                century_digit = (0 if born.year < 2000 else 2) + (0 if male else 1)
                person_seq += 1
                citizen_id = f"074{century_digit}{born.year % 100:02d}{person_seq % 1_000_000:06d}"
                row = {
                    "kind": "person", "name": name, "tax_code": None, "registration_no": None,
                    "citizen_id": citizen_id, "date_of_birth": born,
                    "legal_representative": None,
                    "email": f"{_slug(name)}{n}@{rng.choice(EMAIL_DOMAINS)}",
                }
                subtitle_id = citizen_id
                parts = [citizen_id, address]
            row.update(
                id=party_id, sort_name=fold(name)[:300], address=address,
                district_code=district_code, commune_code=commune_code, phone=phone,
                archived=False, created_at=created, updated_at=created,
                created_by="demo", updated_by="demo", version=1,
            )
            entry = {"kind": "party", "entity_id": party_id, "title": name,
                     "subtitle": f"{subtitle_id} · {district_code}",  # district name set by caller
                     "folded_title": fold(name), "folded": fold(" ".join(parts)),
                     "district_code": district_code}
            yield row, entry


BULK_CACHE_KIB = 262_144  # the page cache of a bulk build's connection (256 MB)
SEARCH_INSERT_TRIGGER = "search_entry_ai"


@contextlib.contextmanager
def _bulk_writer(db: Any) -> Iterator[Callable[[list[dict], list[dict]], None]]:  # noqa: ANN401
    """A function writing one batch of parties and their search entries in one transaction.

    SQLite: the search index's insert trigger is set aside while the rows are written and the
    index is rebuilt from them afterwards (the per-row trigger made the build superlinear:
    200,000 parties 76 s → 23 s); the trigger is back afterwards, also after an error. The batches
    go through one connection with a large page cache, in one transaction: a build killed in
    between leaves the file as it was, and no other process sees it without its trigger."""
    if not db.location.is_sqlite:
        def write_batch(parties: list[dict], entries: list[dict]) -> None:
            with db.engine.begin() as conn:
                conn.execute(insert(Party), parties)
                conn.execute(insert(SearchEntry), entries)
        yield write_batch
        return
    with db.engine.connect() as conn:
        conn.execution_options(sqlite_begin="IMMEDIATE")
        # one transaction from the trigger set aside to its return: another process never sees
        # the schema without it (a command's check then called the file damaged) — it waits
        # for the lock, or reads the file as it was before the build
        with conn.begin():
            trigger_sql = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                (SEARCH_INSERT_TRIGGER,)).scalar_one()
            conn.exec_driver_sql(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
            conn.exec_driver_sql(f"DROP TRIGGER {SEARCH_INSERT_TRIGGER}")

            def write_batch(parties: list[dict], entries: list[dict]) -> None:
                conn.execute(insert(Party), parties)
                conn.execute(insert(SearchEntry), entries)
            try:
                yield write_batch
            finally:
                conn.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
                conn.exec_driver_sql(trigger_sql)
                conn.exec_driver_sql(f"PRAGMA cache_size={APP_CACHE_SIZE}")


def fill_demo(services: Services, scale: float = 1.0, seed: int = 2023,
              progress: Callable[[int, int], None] | None = None) -> int:
    """Add demo parties to an empty register. Returns the number of rows written."""
    if scale <= 0 or scale > 5000:
        raise ValidationError(_("The scale must be between 0.01 and 5000."))
    total = max(1, round(PARTIES_PER_SCALE * scale))
    db = services.db
    with db.session() as session:
        if session.execute(select(func.count()).select_from(Party)).scalar_one():
            raise ValidationError(_("Demo data can only be added to a database without parties."))
    districts = [(info.code, info.name, list(info.communes))
                 for info in services.reference.districts().values()]
    names = {code: name for code, name, _c in districts}
    from sotttt_desktop.services.demo_postal import POSTAL_OPERATORS, add_postal_operators
    from sotttt_desktop.services.demo_telecom import OPERATORS, add_operators
    from sotttt_desktop.services.demo_volume import PUBLIC_APPLICANTS, add_public_applicants

    # among them the communes' People's Committees and foreign organisations' offices, who
    # apply for procedures no company does (a commune's radio, a display by a foreign office),
    # and the mobile and postal operators whose masts and service points the registers keep
    public = PUBLIC_APPLICANTS + len(OPERATORS) + len(POSTAL_OPERATORS) if total >= 10 * PUBLIC_APPLICANTS else 0
    generator = DemoGenerator(seed)
    rows = generator.party_rows(total - public, districts)
    with db.session(write=True) as session:
        audit.append(session, username=services.actor.username, action="demo_data",
                     entity_kind="party", summary=f"{total} tổ chức, cá nhân mẫu")
        session.commit()
    written = 0
    # One transaction per batch keeps memory flat; a failure leaves only whole batches.
    with _bulk_writer(db) as write_batch:
        while written < total - public:
            size = min(BATCH, total - public - written)
            batch = [next(rows) for _ in range(size)]
            entries = []
            for _p, entry in batch:
                ident, code = entry["subtitle"].split(" · ")
                entry["subtitle"] = f"{ident} · {names[int(code)]}"
                entries.append(entry)
            write_batch([p for p, _e in batch], entries)
            written += size
            if progress:
                progress(written, total)
    if public:
        add_public_applicants(services)
        add_operators(services)
        add_postal_operators(services)
    return written + public


# One account per role, documented in the README (demo databases only).
DEMO_PASSWORD = "demo-2023"
DEMO_USERS = [
    # username, full name, roles, areas, unit, district
    ("admin", "Quản trị Hệ thống", ["administrator"], [], "VP", None),
    ("lanhdao", "Nguyễn Văn Hòa", ["leader"], [], None, None),
    ("truongphong", "Phạm Minh Tuấn", ["head_of_unit"], [], "TTBCXB", None),
    ("chuyenvien", "Lê Thị Thanh Hương", ["specialist"], ["press", "publishing"], "TTBCXB", None),
    ("chuyenvien2", "Trương Văn Minh", ["specialist"], ["e_information", "grassroots"], "TTBCXB",
     None),
    # the unit of post, telecom, frequency, IT, digital transformation and cybersecurity
    # (issues #17, #18, #19)
    ("truongphong2", "Lâm Quốc Khánh", ["head_of_unit"], [], "CDSBCVT", None),
    ("chuyenvien3", "Trần Quốc Việt", ["specialist"],
     ["postal", "telecom", "frequency", "it_industry", "digital", "cybersecurity"], "CDSBCVT",
     None),
    ("motcua", "Trần Thị Mỹ Duyên", ["one_stop_clerk"], [], "VP", None),
    ("vanthu", "Ngô Thị Thu Hà", ["records_clerk"], [], "VP", None),
    ("thanhtra", "Võ Văn Thành", ["inspector"], [], "TTRA", None),
    ("dian", "Huỳnh Thị Kim Loan", ["district_officer"], [], None, 724),
    ("xem", "Đỗ Văn Xuân", ["viewer"], [], None, None),
]


def add_demo_users(services: Services) -> list[str]:
    """Create the demo accounts (skipping those that exist). Returns the user names added."""
    existing = {u["username"] for u in services.security.list_users()}
    added = []
    for username, full_name, roles, areas, unit, district in DEMO_USERS:
        if username in existing:
            continue
        services.security.add_user(username, full_name, DEMO_PASSWORD, roles, areas=areas,
                                   unit=unit, district=district, must_change=False)
        added.append(username)
    return added
