"""The permits of the demo's volume (services/demo_volume.py), issued in date order with the
permit service's own pieces inside batched transactions: the contents parsed as the issue form
parses them, the validity rules of the kind, the number from the register of outgoing documents
(one series per kind and year, never typed), the permit row, the replaced permit superseded, the
audit entry and the register entry the permit describes. The dossier's "result ready" step was
written with its timeline (the same moment `PermitService.issue` gives it: 16:00 of the day)."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sotttt_desktop.core import audit
from sotttt_desktop.core.models import Party, Permit
from sotttt_desktop.permits import contents as permit_contents
from sotttt_desktop.permits import contents_for
from sotttt_desktop.registers.spec import FieldKind
from sotttt_desktop.services.permit_register import permit_register_entry
from sotttt_desktop.services.permits import TO_NEW_HOLDER, PermitService, register_facts

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

BATCH = 500  # permits per transaction


@dataclass
class PermitPlan:
    on: dt.date
    serial: int  # unique in the volume: makes domains, serial numbers and titles unique
    replaces: uuid.UUID | None = None  # the dossier plan whose permit this one replaces
    until: dt.date | None = None  # the end of its validity (an extension needs one)
    extensions: int = 0
    refers_to: uuid.UUID | None = None  # the dossier plan of the licence a notice is about


# a TVRO site is a hotel or an office receiving foreign channels (the site is the address)
HOTELS = ("Khách sạn Becamex", "Khách sạn Mường Thanh Grand Bình Dương",
          "Khách sạn Hội Nghị Bình Dương", "Khách sạn Sông Bé Golf Resort",
          "Văn phòng đại diện Công ty VSIP")
FOREIGN_CHANNELS = (
    "06 kênh: CNN International, BBC World News, NHK World, Channel NewsAsia, DW, TV5Monde",
    "04 kênh: KBS World, Arirang TV, NHK World Premium, CNN International",
    "05 kênh: BBC World News, Bloomberg, CNBC Asia, Australia Plus, France 24")
IMPORTED_TITLES = (
    "Sách chuyên khảo \"Industrial Automation Handbook\" (tiếng Anh)",
    "Tạp chí khoa học \"Journal of Applied Electronics\" (tiếng Anh), số 1-12/2024",
    "Tài liệu đào tạo nội bộ về an toàn lao động (tiếng Hàn)",
    "Catalogue sản phẩm máy nông nghiệp (tiếng Nhật)")
# what a field says in one family and not in another: each printing licence prints what
# its kind covers (publications; newspapers, magazines and security printing; the rest);
# the appraisal at the desk is of a level-3 proposal
FAMILY_SAMPLES = {
    "publishing.printing": {"products": "Xuất bản phẩm: sách, tài liệu, tranh, ảnh"},
    "publishing.printing_products": {"products": "Báo in, tạp chí in; tem chống giả"},
    "publishing.printing_facility": {"products": "Bao bì, nhãn hàng hóa, tờ rơi, tờ gấp quảng cáo"},
    "cybersecurity.level": {"proposed_level": "3"},
    # a display outside a foreign office's premises: panels, not a book's size
    "grassroots.foreign_display": {"size": "02 pa-nô, mỗi pa-nô 1,2 m × 2,4 m"},
    # a non-business publication is a book, a yearbook, a guide — not a bulletin ({n}: unique)
    "publishing.non_business": {"title": "Tài liệu phổ biến kiến thức {topic} (tập {n})"},
}
# towns of the province whose status did not change during the demo's years (Bến Cát and Tân
# Uyên became cities in 2023–2024; the administrative units are the 2023 list)
TOWNS = ("thành phố Thủ Dầu Một", "thành phố Dĩ An", "thành phố Thuận An", "huyện Dầu Tiếng",
         "huyện Phú Giáo", "huyện Bàu Bàng")
TOPICS = ("Doanh nghiệp", "Nông nghiệp", "Y tế cộng đồng", "Giáo dục", "Pháp luật",
          "Công nghiệp", "Văn hóa - Du lịch", "Thanh niên", "Phụ nữ", "Khoa học")


def _samples(n: int, on: dt.date) -> dict[str, str]:
    """A plausible text for each declared field of the families (by field name)."""
    topic = TOPICS[n % len(TOPICS)]
    starts = on + dt.timedelta(days=20 + n % 30)
    return {
        "domain": f"tinnhanhbinhduong{n}.vn", "content_scope": "Thông tin tổng hợp về hoạt động "
        "kinh tế, xã hội trên địa bàn tỉnh", "sources": "Báo Bình Dương; Cổng thông tin điện tử "
        "tỉnh", "server_location": "Trung tâm dữ liệu Viettel, Thành phố Hồ Chí Minh",
        "responsible": "Nguyễn Văn Tâm", "point_name": f"Điểm trò chơi điện tử số {n}",
        "business_registration": f"46A8{n:06d}", "owner_id": f"0740{85 + n % 15:02d}{n % 10**6:06d}",
        "floor_area": f"{50 + n % 100} m²", "postal_services": "Thư, gói, kiện hàng hóa",
        "service_scope": "Nội tỉnh Bình Dương", "branches": f"Chi nhánh tại {TOWNS[n % len(TOWNS)]}; văn phòng đại diện tại "
        f"{TOWNS[(n + 2) % len(TOWNS)]}", "service_standards": "Thư nội tỉnh phát trong 48 "
        "giờ kể từ khi chấp nhận", "title": f"Bản tin {topic} số {n}",
        "purpose": "Thông tin hoạt động của cơ quan, tổ chức", "periodicity": "01 kỳ/tháng",
        "format": "19 × 27 cm", "print_run": f"{(n % 9 + 1) * 100} bản",
        "language": "Tiếng Việt", "distribution": "Phát hành nội bộ",
        "content": "Giới thiệu sản phẩm, dự án mới", "place": "Khách sạn Becamex, Thủ Dầu Một",
        "held_on": (on + dt.timedelta(days=5)).isoformat(), "site": f"{HOTELS[n % len(HOTELS)]}, số {n} Đại lộ Bình Dương, phường Phú Hòa, "
        "thành phố Thủ Dầu Một",
        "channels": FOREIGN_CHANNELS[n % len(FOREIGN_CHANNELS)], "author": "Nhiều tác giả", "pages": f"{40 + n % 200} trang",
        "size": "14,5 × 20,5 cm", "printer": "Công ty TNHH In Bình Dương",
        "titles": f"1. {IMPORTED_TITLES[n % len(IMPORTED_TITLES)]}, 50 bản", "copies": "50 bản",
        "origin": "Hàn Quốc", "products": "Sách, tài liệu, tạp chí",
        "equipment": "01 máy in offset 4 màu Heidelberg", "make_model": "Canon iR-ADV C5535i",
        "serial_no": f"SNV{n:07d}", "location": "Số 5 đường 30/4, phường Phú Hòa",
        "fair_name": f"Hội sách {topic} lần thứ {n}", "venue": "Nhà Văn hóa Thanh niên tỉnh",
        "starts_on": starts.isoformat(), "ends_on": (starts + dt.timedelta(days=5)).isoformat(),
        "outlets": "Nhà sách tại số 12 đường Yersin, phường Phú Cường",
        "system_name": f"Hệ thống thông tin quản lý số {n}", "owner_name": "Nguyễn Văn An",
        "system_owner": "Văn phòng UBND tỉnh Bình Dương", "proposed_level": "2",
        "chairperson": "Nguyễn Văn An", "shown_from": (on + dt.timedelta(days=3)).isoformat(),
        "shown_until": (on + dt.timedelta(days=33)).isoformat(),
        "station_name": f"Đài truyền thanh không dây số {n}",
        "frequency": f"{54 + (n % 28) / 2:.1f}".replace(".", ","), "transmitter_power": "50",
        "transmitter_site": "Trụ sở Ủy ban nhân dân cấp xã",
        "loudspeakers": "12 cụm loa", "programmes": "Chương trình thời sự, chuyên mục địa phương",
        "channel": f"Kênh truyền hình cáp số {n % 20 + 1}", "coverage": "Tỉnh Bình Dương",
        "foreign_client": "Công ty TNHH In ấn Sunrise (Singapore)",
        "destination": "Singapore", "contract": f"Hợp đồng số {n}/2024/HĐ-IN",
        "publication": f"Sách {topic}", "licence": f"Giấy phép số {n % 30 + 1:02d}/GP-STTTT",
        "change": "Thay đổi địa chỉ trụ sở chính",
        "changed_on": (on - dt.timedelta(days=5)).isoformat(),
    }


# what an amendment changes (the first of these fields its kind has): an amendment that
# changes nothing is no amendment
AMENDMENTS = {
    "equipment": "02 máy in offset 4 màu Heidelberg; 01 máy cắt giấy Polar",
    "server_location": "Trung tâm dữ liệu VNPT Bình Dương, thành phố Thủ Dầu Một",
    "postal_services": "Thư, gói, kiện hàng hóa; chuyển phát nhanh",
    "print_run": "600 bản/kỳ", "floor_area": "120 m²",
    "location": "Số 12 đường Yersin, phường Phú Cường, thành phố Thủ Dầu Một, tỉnh Bình Dương",
    "outlets": "Nhà sách tại số 45 đường Cách Mạng Tháng Tám, phường Phú Cường, thành phố "
               "Thủ Dầu Một",
    "channels": "08 kênh: CNN International, BBC World News, NHK World, Channel NewsAsia, DW, "
                "TV5Monde, KBS World, Arirang TV",
    "service_scope": "Nội tỉnh Bình Dương và liên tỉnh Bình Dương - Thành phố Hồ Chí Minh",
}


def details_for(contents: Any, starting: dict[str, str], plan: PermitPlan,  # noqa: ANN401
                replacing: bool, amending: bool = False) -> dict[str, str]:
    """What the signer types: the fields the form does not start with, and what makes this
    permit one of its own (a new domain, serial number or title; kept when it replaces one)."""
    topic = TOPICS[plan.serial % len(TOPICS)]
    samples = {**_samples(plan.serial, plan.on),
               **{name: text.format(n=plan.serial, topic=topic.lower()) for name, text
                  in FAMILY_SAMPLES.get(contents.family, {}).items()}}
    typed = {}
    for spec in contents.specs():
        if starting.get(spec.name) and (replacing or spec.name != contents.subject):
            continue
        if spec.name in samples:
            typed[spec.name] = samples[spec.name]
        elif spec.kind is FieldKind.CHOICE and spec.choices:
            typed[spec.name] = spec.choices[0][0]
    if amending:
        changed = next((spec.name for spec in contents.specs() if spec.name in AMENDMENTS
                        and starting.get(spec.name) != AMENDMENTS[spec.name]), None)
        if changed:
            typed[changed] = AMENDMENTS[changed]
    return typed


def issue_planned(services: Services, plans: list[Any]) -> int:
    """Issue the planned permits (plans of services/demo_volume.py), oldest first."""
    plans = sorted(plans, key=lambda p: (p.permit.on, p.permit.serial))
    permit_of: dict[uuid.UUID, uuid.UUID] = {}  # dossier plan → its permit
    agencies: dict[int, str] = {}
    signing = _Signing(services)
    for start in range(0, len(plans), BATCH):
        for plan in plans[start:start + BATCH]:  # read before the batch's write lock
            signing.unit(plan.procedure.area, plan.permit.on)
            signing.signer(plan.permit.on)
        with services.db.session(write=True) as session:
            entries: list[dict[str, Any]] = []  # chained in order at the batch's end
            for plan in plans[start:start + BATCH]:
                year = plan.permit.on.year
                if year not in agencies:
                    agencies[year] = services.numbering.agency(plan.permit.on)
                permit_of[plan.id] = _issue(services, session, plan, agencies[year],
                                            permit_of, entries, signing)
            audit.append_many(session, entries)
            session.commit()
    return len(plans)


class _Signing:
    """Who signs and which unit files a demo permit on its date (the organisation period of
    that day), read once per day before the write transactions."""

    def __init__(self, services: Services):
        self._services = services
        self._units: dict[tuple[str, dt.date], str] = {}
        self._signers: dict[dt.date, str] = {}

    def unit(self, area: str, on: dt.date) -> str:
        if (area, on) not in self._units:
            self._units[area, on] = self._services.reference.unit_for_area(area, on)[1]
        return self._units[area, on]

    def signer(self, on: dt.date) -> str:
        if on not in self._signers:
            signers = self._services.reference.signers(on)
            self._signers[on] = signers[0]["full_name"] if signers else ""
        return self._signers[on]


def _issue(services: Services, session: Any, plan: Any, agency: str,  # noqa: ANN401
           permit_of: dict[uuid.UUID, uuid.UUID], entries: list[dict[str, Any]],
           signing: _Signing) -> uuid.UUID:
    """`PermitService.issue` of one planned dossier, in the caller's transaction."""
    procedure, on = plan.procedure, plan.permit.on
    contents = contents_for(procedure.family)
    old = session.get(Permit, permit_of[plan.permit.replaces]) if plan.permit.replaces else None
    holder = session.get(Party, plan.applicant)
    replaced = (permit_contents.from_json(contents, json.loads(old.details or "{}"))
                if old is not None else {})
    starting = PermitService._starting_texts(  # noqa: SLF001 - the service's own rule
        contents, holder, old, new_holder=procedure.action in TO_NEW_HOLDER)
    raw = {**starting, **details_for(contents, starting, plan.permit, old is not None,
                                     amending=procedure.action == "amend")}
    if plan.permit.refers_to:  # the licence a notice of change is about, and the change
        licence = session.get(Permit, permit_of[plan.permit.refers_to])
        raw["licence"] = f"Giấy phép số {licence.number} ngày {licence.issued_on:%d/%m/%Y}"
        raw["change"] = f"Địa chỉ trụ sở chính mới: {holder.address}"
    values = permit_contents.parse(contents, raw, services.reference)
    subject = permit_contents.subject_text(contents, values, services.reference)
    if old is not None:
        subject = subject or old.subject
    valid_from, until, extensions = services.permits._validity(  # noqa: SLF001
        procedure, old, on, None, None)
    permit_id = uuid.uuid4()
    actor = services.actor.username
    _n, number = services.numbering.document_number(
        session, procedure.number_symbol, reference=str(permit_id), on=on, agency=agency,
        register=permit_register_entry(procedure, subject=subject, holder=holder.name,
                                       unit=signing.unit(procedure.area, on), on=on,
                                       replaced=old, signer=signing.signer(on)))
    permit = Permit(
        id=permit_id, number=number, number_year=on.year, family=procedure.family,
        action=procedure.action, result_kind=procedure.result_kind, title=procedure.result_name,
        area=procedure.area, holder_id=plan.applicant, district_code=holder.district_code,
        subject=subject, details=json.dumps(permit_contents.to_json(values), ensure_ascii=False),
        issued_on=on, valid_from=valid_from, valid_until=until, state="valid",
        dossier_id=plan.id, replaces_id=old.id if old else None,
        root_id=(old.root_id or old.id) if old else permit_id, extensions=extensions,
        created_by=actor, updated_by=actor)
    session.add(permit)
    if old is not None:
        old.state = "superseded"
        old.updated_by = actor
    session.flush()
    entries.append({"username": actor, "action": "issue", "entity_kind": "permit",
                    "entity_id": permit.id, "summary": number,
                    "after": services.permits._as_dict(session, permit)})  # noqa: SLF001
    services.registers.sync_from_permit(
        session, register_facts(permit, contents, values, holder, plan.code, replaced, old),
        actor=actor, audit_into=entries)
    return permit_id
