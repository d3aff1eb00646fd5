"""Demo dossiers and permits, walked through the real workflow (so every rule applies): some
received, one waiting for a supplement, one late with an apology, several approved with their
permit issued, one permit extended, one suspended and one revoked."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import func, literal, or_, select

from sotttt_desktop.core import clock
from sotttt_desktop.core.models import Dossier, Party
from sotttt_desktop.i18n import LOCAL_TZ
from sotttt_desktop.services.actor import Actor

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

# the demo's own cases are received and number their documents (permits, decisions) within
# this many working days before the working date; the one-stop volume (demo_volume.py) numbers
# nothing in them, so every series stays in date order and the volume runs up to them
RECENT_WORKING_DAYS = 6

# procedure, subject, contents (declared field → value, permits/) of the issued document
ISSUED = [
    ("press.bulletin.issue", "Bản tin “Doanh nghiệp Bình Dương”",
     {"title": "Bản tin “Doanh nghiệp Bình Dương”",
      "purpose": "Thông tin hoạt động sản xuất, kinh doanh của hội viên",
      "periodicity": "01 kỳ/tháng", "format": "19 × 27 cm, 24 trang",
      "print_run": "1.000 bản/kỳ", "language": "Tiếng Việt",
      "distribution": "Phát hành nội bộ cho hội viên"}),
    ("publishing.printing.issue", "Cơ sở in tại số 12 đường D1, phường Hòa Phú",
     {"address": "Số 12 đường D1, phường Hòa Phú, thành phố Thủ Dầu Một, tỉnh Bình Dương",
      "products": "Báo, tạp chí, tem chống giả",
      "equipment": "02 máy in offset 4 màu Heidelberg"}),
    ("publishing.fair.issue", "Hội sách Bình Dương {year}",
     {"fair_name": "Hội sách Bình Dương {year}", "venue": "Nhà Văn hóa Thanh niên tỉnh Bình Dương, phường Phú Cường, thành phố Thủ Dầu Một, tỉnh Bình Dương",
      "starts_on": "{starts}", "ends_on": "{ends}"}),
    ("e_information.website.issue", "https://tintucbinhduong.vn",
     {"domain": "tintucbinhduong.vn", "content_scope": "Tổng hợp tin tức kinh tế, xã hội",
      "server_location": "Trung tâm dữ liệu Viettel, Thành phố Hồ Chí Minh",
      "responsible": "Nguyễn Văn Tâm"}),
    ("postal.licence.issue", "Dịch vụ bưu chính trong phạm vi nội tỉnh",
     {"service_scope": "Nội tỉnh Bình Dương", "postal_services": "Thư, gói, kiện hàng hóa",
      "service_standards": "Thư nội tỉnh phát trong 48 giờ kể từ khi chấp nhận"}),
    ("publishing.photocopier.register", "Máy photocopy màu Canon iR-ADV C5535i",
     {"make_model": "Canon iR-ADV C5535i", "serial_no": "2NX01234", "machine_kind": "copier",
      "location": "Số 5 đường 30/4, phường Phú Hòa, thành phố Thủ Dầu Một, tỉnh Bình Dương"}),
    ("press.tvro.register", "Thiết bị thu tín hiệu truyền hình nước ngoài (TVRO)",
     {"site": "Khách sạn Becamex, phường Hòa Phú, thành phố Thủ Dầu Một, tỉnh Bình Dương",
      "channels": "06 kênh: CNN International, BBC World News, NHK World, "
      "Channel NewsAsia, DW, TV5Monde"}),
]


def _issued_near(today: dt.date) -> list[tuple[str, str, dict[str, str]]]:
    """ISSUED with the book fair's year and days set a fortnight after `today`."""
    starts = today + dt.timedelta(days=11)
    fill = {"year": str(starts.year), "starts": starts.strftime("%d/%m/%Y"),
            "ends": (starts + dt.timedelta(days=6)).strftime("%d/%m/%Y")}
    return [(procedure, subject.format(**fill),
             {key: value.format(**fill) for key, value in details.items()})
            for procedure, subject, details in ISSUED]


# what a company applying for each procedure does (words of its folded name), in the order
# the demo's dossiers take their applicants: ISSUED, then the pending, late, refused and new ones
APPLICANT_TRADES = (
    ("truyen thong", "xuat ban"), (" in ",), ("phat hanh sach",),
    ("truyen thong", "dich vu internet", "giai phap so"), ("buu chinh",),
    ("in an", "thuong mai dich vu"), ("thuong mai dich vu",),
    ("truyen thong", "van hoa pham"), ("xuat ban",), (" in ",), ("phat hanh sach",),
    ("buu chinh",), ("van hoa pham", "phat hanh sach"))


def _applicants(services: Services) -> list[Party]:
    """One organisation per demo dossier, each in a trade that fits what it applies for."""
    chosen: list[Party] = []
    with services.db.session() as session:
        # companies (the provincial agencies the demo adds as investors and system owners have
        # no legal representative: they do not apply for licences)
        # (a branch, its tax code with a suffix, is no legal person: it does not apply)
        organisations = select(Party).where(Party.kind == "org", Party.tax_code.is_not(None),
                                            Party.tax_code.not_like("%-%"),
                                            Party.legal_representative.is_not(None))
        for words in APPLICANT_TRADES:
            taken = [party.id for party in chosen]
            for query in ([organisations.where(or_(*(
                    (literal(" ") + Party.sort_name + " ").like(f"%{word}%") for word in words)))]
                          + [organisations]):
                spare = session.execute(query.where(Party.id.not_in(taken))
                                        .order_by(Party.sort_name).limit(9)).scalars().all()
                if spare:
                    chosen.append(spare[len(spare) // 2])
                    break
            else:
                break
        session.expunge_all()
    return chosen


def _first_signer(services: Services, day: dt.date) -> str:
    """The name the register writes in "Người ký" of a paper decision of the demo."""
    signers = services.reference.signers(day)
    return signers[0]["full_name"] if signers else ""


def fill_demo_cases(services: Services, today: dt.date | None = None) -> int:
    """Add the demo dossiers; returns how many. Needs demo parties (fill_demo) first."""
    today = today or clock.local_today()
    # acted by the demo clerk, so the forms print a person's name
    services = services.as_actor(Actor(username="motcua", display_name="Trần Thị Mỹ Duyên",
                                       authenticated=True, grants=frozenset({("*", "*")})))
    parties = _applicants(services)
    if len(parties) < len(APPLICANT_TRADES):
        return 0
    calendar = services.calendar.calendar()

    def working_day_before(days: int) -> dt.date:
        day = today
        while days > 0:
            day -= dt.timedelta(days=1)
            if calendar.is_working_day(day):
                days -= 1
        return day

    # never later than now: a database made before 8:15 in the morning still gets today's
    # dossiers (a receipt in the future is refused)
    now = clock.local_now().replace(second=0, microsecond=0)

    def at(day: dt.date, hour: int = 9) -> dt.datetime:
        return min(dt.datetime.combine(day, dt.time(hour, 15)), now)

    def desk_at(day: dt.date, hour: int = 9) -> dt.datetime:
        """A receipt at `hour`, or after the last the desk took that day (the volume's), so
        the day's dossier codes follow their receipt times, as the book of form 06 lists them."""
        start = dt.datetime.combine(day, dt.time()).replace(tzinfo=LOCAL_TZ)
        with services.db.session() as session:
            last = session.execute(select(func.max(Dossier.received_at)).where(
                Dossier.received_at >= start, Dossier.received_at < start + dt.timedelta(days=1))
            ).scalar_one_or_none()
        moment = at(day, hour)
        if last is not None:
            moment = max(moment, last.astimezone(LOCAL_TZ).replace(tzinfo=None, second=0,
                                                                   microsecond=0)
                         + dt.timedelta(minutes=4))
        return min(moment, now)

    def working_day_after(day: dt.date, days: int = 1) -> dt.date:
        while days > 0:
            day += dt.timedelta(days=1)
            if calendar.is_working_day(day):
                days -= 1
        return day

    approved = []
    for index, (procedure, subject, details) in enumerate(_issued_near(today)):
        received = working_day_before(RECENT_WORKING_DAYS - index % 4)
        dossier = services.dossiers.receive(procedure, parties[index].id,
                                            received_at=desk_at(received, 8 + index % 7))
        code = dossier["code"]
        # on time: the result is ready a working day before it is due (and before today),
        # after a working day of appraisal
        ready = min(working_day_before(2), dossier["due"] - dt.timedelta(days=1))
        while not calendar.is_working_day(ready):
            ready -= dt.timedelta(days=1)
        ready = max(ready, working_day_after(received))
        services.dossiers.act(code, "hand_over", to_unit="TTBCXB", at=min(
            dossier["received_at"].astimezone(LOCAL_TZ).replace(tzinfo=None)
            + dt.timedelta(minutes=30), now))
        services.dossiers.act(code, "start_appraisal", at=at(working_day_after(received)))
        services.dossiers.act(code, "approve", at=at(ready, 9))
        approved.append((ready, index, code, subject, details))
    # signed in the order of their dates, so the register's numbers follow the dates
    issued = []
    for ready, index, code, subject, details in sorted(approved, key=lambda a: a[:2]):
        issued.append(services.permits.issue(code, subject=subject, details=details, on=ready))
        if index < 4:
            services.dossiers.act(code, "return_result", at=at(working_day_after(ready), 10))
    count = len(issued)
    website = next(p for p in issued if p["family"] == "e_information.website")
    # a document signed on paper and numbered by the Văn thư in the register: the decisions
    # below take the numbers after it
    paper = len(services.numbering.register(today.year, "HC")) + 1
    services.numbering.record_outside(
        "QĐ", paper, on=today, summary="Quyết định ban hành Kế hoạch kiểm tra hoạt động "
        "thông tin điện tử năm " + str(today.year), signer=_first_signer(services, today),
        recipients="Các phòng, đơn vị thuộc Sở", file_copy="VT, TTBCXB", copies=6)
    # a postal licence of half a year ago is revoked (Luật Bưu chính, Điều 24): the holder was
    # dissolved; a website licence licensed months ago is suspended (up to 03 months) — never a
    # licence issued days before (the demo's own are; the volume's years hold older ones)
    postal = _older(services, "postal.licence", days=180, today=today) or next(
        p for p in issued if p["family"] == "postal.licence")
    services.permits.decide(postal["reference"], "revoke",
                            reason="Doanh nghiệp đã giải thể theo Thông báo số 2315/TB-SKHĐT "
                                   f"ngày {working_day_before(15):%d/%m/%Y} của Sở Kế hoạch và "
                                   "Đầu tư, không còn đáp ứng đủ điều kiện cấp giấy phép")
    suspended = _older(services, "e_information.website", days=90, today=today) or website
    services.permits.decide(suspended["reference"], "suspend",
                            reason="Không khắc phục việc đăng tin không ghi rõ nguồn sau khi "
                                   "Thanh tra Sở kiểm tra và yêu cầu khắc phục",
                            until=today + dt.timedelta(days=60))
    n = len(ISSUED)
    pending = services.dossiers.receive("press.bulletin.issue", parties[n].id,
                                        received_at=desk_at(working_day_before(2), 10))["code"]
    services.dossiers.act(pending, "request_supplement", at=at(working_day_before(1)),
                          reason="Sơ yếu lý lịch của người chịu trách nhiệm chưa có xác nhận "
                                 "của cơ quan quản lý")
    late = services.dossiers.receive("publishing.non_business.issue", parties[n + 1].id,
                                     received_at=desk_at(working_day_before(12)))["code"]
    services.dossiers.act(late, "start_appraisal", at=at(working_day_before(11)))
    due = services.dossiers.show(late)["due"]
    new_due = due + dt.timedelta(days=7)
    while not calendar.is_working_day(new_due):
        new_due += dt.timedelta(days=1)
    apology_day = due - dt.timedelta(days=1)  # at the latest a working day before it is due
    while not calendar.is_working_day(apology_day):
        apology_day -= dt.timedelta(days=1)
    services.dossiers.act(late, "apologise", reason="Cần xin ý kiến Cục Xuất bản, In và Phát "
                          "hành về nội dung xuất bản phẩm", new_due=new_due,
                          at=at(min(apology_day, today), 14))
    refused = services.dossiers.receive("publishing.printing_facility.register",
                                        parties[n + 2].id,
                                        received_at=desk_at(working_day_before(7)))["code"]
    services.dossiers.act(refused, "start_appraisal", at=at(working_day_before(6)))
    services.dossiers.act(refused, "refuse", at=at(working_day_before(4)),
                          reason="Cơ sở in chưa có giấy chứng nhận đăng ký doanh nghiệp ngành in")
    for offset, procedure in enumerate(("publishing.distribution.register",
                                        "postal.notification.confirm",
                                        "publishing.import.issue")):
        services.dossiers.receive(procedure, parties[n + 3 + offset].id,
                                  received_at=desk_at(working_day_before(offset), 8 + offset))
    return count + 6


EQUIPMENT = ("01 máy in offset 4 màu Heidelberg SM 74", "02 máy in offset 2 màu Komori",
             "01 máy in kỹ thuật số HP Indigo 7900", "01 máy in flexo 6 màu; 01 máy cắt",
             "03 máy in lụa bán tự động", "01 máy in ống đồng 8 màu")
PRODUCTS = ("Sách, tài liệu, tạp chí", "Bao bì, nhãn hàng hóa", "Tem chống giả, hóa đơn",
            "Tờ rơi, áp phích, lịch", "Báo, bản tin", "Vé, thẻ, biểu mẫu")


class _EarlierLicenceNumbers:
    """Numbers of licences issued before the application (a Department's spreadsheets): one
    series per kind of document (GP, GCN, XN) and year, as the register of outgoing documents
    keeps them, so none repeats within a year; all in years before the demo's, whose numbers the
    register gives to the permits the app issues."""

    def __init__(self, services: Services, registers: tuple[str, ...] = ()):
        self.last: dict[tuple[str, int], int] = {}
        for key in registers:  # continue after the numbers an earlier register took
            for record in services.registers.iter_records(key):
                number, on = str(record.get("licence_no") or ""), record.get("licence_date")
                if "/" in number and on and number.split("/")[0].isdigit():
                    series = (number.split("/")[1].split("-")[0], _year_of(on))
                    self.last[series] = max(self.last.get(series, 0), int(number.split("/")[0]))

    def number(self, rows: list[dict[str, str]], prefix_of: Callable[[dict], str]) -> None:
        """Give `rows` their numbers in the order of their dates."""
        for row in sorted(rows, key=lambda r: r["licence_date"]):
            series = (prefix_of(row), _year_of(row["licence_date"]))
            self.last[series] = self.last.get(series, 0) + 1
            row["licence_no"] = f"{self.last[series]:02d}/{series[0]}-STTTT"


def _older(services: Services, family: str, *, days: int, today: dt.date) -> dict | None:
    """The latest valid permit of `family` issued at least `days` before `today`."""
    cutoff = today - dt.timedelta(days=days)
    found = [p for p in services.permits.list(state="valid", family=family, limit=100_000)
             if p["issued_on"] <= cutoff]
    return max(found, key=lambda p: (p["issued_on"], p["number"])) if found else None


def _years_after(day: str, years: int) -> dt.date:
    start = dt.date.fromisoformat(day)
    if (start.month, start.day) == (2, 29):
        start -= dt.timedelta(days=1)
    return start.replace(year=start.year + years)


def _year_of(value: object) -> int:
    return value.year if isinstance(value, dt.date) else int(str(value)[:4])


def _earlier_day(rng: random.Random, since: dt.date, today: dt.date) -> dt.date:
    """A day from `since` to the end of the year before the one-stop volume's first (whose
    permits the app numbers from 01 each year, services/demo_volume.py)."""
    from sotttt_desktop.services.demo_volume import history_start

    span = (history_start(today) - since).days - 1
    return since + dt.timedelta(days=rng.randint(0, max(span, 0)))


def fill_demo_facilities(services: Services, count: int = 60, seed: int = 2023) -> int:
    """Printing facilities as a Department's spreadsheet would list them (most active)."""
    from sotttt_desktop.registers.publishing import PRINTING_FACILITIES
    from sotttt_desktop.services.demo import ORG_FORMS, ORG_NAMES, DemoGenerator
    from sotttt_desktop.services.records import parse_record

    generator = DemoGenerator(seed + 5)
    rng = generator.rng
    districts = [(info.code, info.name, list(info.communes))
                 for info in services.reference.districts().values()]
    raws: list[dict[str, str]] = []
    for n in range(count):
        address, district, commune = generator._address(districts)  # noqa: SLF001
        owner, _male = generator._person_name()  # noqa: SLF001
        licensed = rng.random() < 0.45
        issued = _earlier_day(rng, dt.date(2015, 1, 1), clock.local_today())
        raw = {"tax_code": f"38{(n * 104729 + 7654321) % 10**8:08d}",
               "name": f"{rng.choice(ORG_FORMS)} In {rng.choice(ORG_NAMES)}",
               "owner": owner, "address": address, "district_code": str(district),
               "commune_code": str(commune), "phone": generator._phone(),  # noqa: SLF001
               "licence_kind": "permit" if licensed else "registration",
               "licence_no": "",  # numbered below, in date order
               "licence_date": issued.isoformat(), "equipment": rng.choice(EQUIPMENT),
               "products": rng.choice(PRODUCTS),
               "state": rng.choices(("active", "suspended", "ceased"), (90, 3, 7))[0]}
        raws.append(raw)
    _EarlierLicenceNumbers(services).number(
        raws, lambda raw: "GP" if raw["licence_kind"] == "permit" else "XN")
    entries = [(None, parse_record(PRINTING_FACILITIES, raw, services.reference)) for raw in raws]
    services.registers.write_many(PRINTING_FACILITIES, entries, summary="demo")
    return count


BULLETIN_TOPICS = ("Doanh nghiệp", "Khoa học và Đời sống", "Nông nghiệp", "Y tế cộng đồng",
                   "Giáo dục", "Pháp luật", "Công nghiệp", "Văn hóa - Du lịch", "Thanh niên",
                   "Cựu chiến binh", "Phụ nữ", "Hội viên")
WEBSITE_NAMES = ("tintucbinhduong24h", "baomoi-binhduong", "binhduongnews", "thudaumotonline",
                 "diancity", "thuananplus", "bencat24h", "kinhtebinhduong")
TVRO_SITES = ("Khách sạn", "Trung tâm Hội nghị", "Khu nghỉ dưỡng", "Văn phòng đại diện",
              "Trường Quốc tế", "Bệnh viện Quốc tế")
COPIERS = ("Canon iR-ADV C5535i", "Ricoh IM C3000", "Fujifilm Apeos C3570", "Konica Minolta "
           "bizhub C300i", "Xerox AltaLink C8130", "Sharp MX-3071")


def fill_demo_licensed(services: Services, seed: int = 2023) -> int:
    """A few dozen bulletins, TVRO receivers, colour copiers and distributors."""
    from sotttt_desktop.registers import get_register
    from sotttt_desktop.services.demo import ORG_FORMS, ORG_NAMES, DemoGenerator
    from sotttt_desktop.services.records import parse_record

    generator = DemoGenerator(seed + 11)
    rng = generator.rng
    districts = [(info.code, info.name, list(info.communes))
                 for info in services.reference.districts().values()]

    def common(n: int, prefix: str) -> dict[str, str]:
        address, district, commune = generator._address(districts)  # noqa: SLF001
        issued = _earlier_day(rng, dt.date(2016, 1, 1), clock.local_today())
        return {"holder_name": f"{rng.choice(ORG_FORMS)} {rng.choice(ORG_NAMES)}",
                "holder_tax_code": f"36{(n * 7727 + 99991) % 10**8:08d}", "address": address,
                "district_code": str(district), "commune_code": str(commune),
                "licence_no": prefix,  # numbered below, in date order
                "licence_date": issued.isoformat(),
                "state": rng.choices(("active", "suspended", "ceased"), (88, 4, 8))[0]}

    plan = {
        "news_bulletins": [{**common(n, "GP"), "title": f"Bản tin {topic} Bình Dương",
                            "periodicity": rng.choice(("01 kỳ/tháng", "01 kỳ/quý")),
                            "language": "Tiếng Việt", "print_run": f"{rng.randint(3, 20)}00 bản"}
                           for n, topic in enumerate(BULLETIN_TOPICS)],
        "tvro_receivers": [{**common(100 + n, "GCN"),
                            "site": f"{rng.choice(TVRO_SITES)} {name}",
                            "channels": f"{rng.randint(6, 30)} kênh"}
                           for n, name in enumerate(ORG_NAMES[:10])],
        "colour_copiers": [{**common(200 + n, "XN"), "serial_no": f"SN{rng.randint(10**6, 10**7)}",
                            "machine_kind": rng.choice(("copier", "printer")),
                            "make_model": rng.choice(COPIERS)} for n in range(30)],
        "distributors": [{**common(300 + n, "XN"),
                          "tax_code": f"35{(n * 6113 + 4441) % 10**8:08d}",
                          "holder_name": f"{rng.choice(ORG_FORMS)} Sách {rng.choice(ORG_NAMES)}",
                          "outlets": "Nhà sách tại " + generator._address(districts)[0]}  # noqa: SLF001
                         for n in range(15)],
    }
    today = clock.local_today()
    papers = ("Báo Bình Dương", "Bản tin Doanh nghiệp Bình Dương", "Tạp chí Văn nghệ Bình Dương",
              "Bản tin Khoa học và Đời sống", "Báo Bình Dương điện tử")
    agencies = ("Báo Người Lao Động", "Báo Thanh Niên", "Báo Tuổi Trẻ", "Báo Pháp Luật TP.HCM",
                "Đài Tiếng nói Việt Nam")
    plan["press_conferences"] = [
        {"notice_no": f"{n + 3:02d}/TB-{rng.choice(('CTY', 'UBND', 'HH'))}",
         "organiser": f"{rng.choice(ORG_FORMS)} {rng.choice(ORG_NAMES)}",
         "organiser_kind": "domestic" if n % 4 else "foreign",
         "notified_on": (today - dt.timedelta(days=40 - 5 * n)).isoformat(),
         "notified_time": "08:30",
         "held_on": (today - dt.timedelta(days=37 - 5 * n)).isoformat(), "held_time": "09:00",
         "place": f"Khách sạn {rng.choice(ORG_NAMES)}, Thủ Dầu Một", "district_code": "718",
         "content": "Giới thiệu sản phẩm, dự án mới", "chairperson": generator._person_name()[0],  # noqa: SLF001
         "answer": rng.choice(("none", "none", "agreed"))} for n in range(8)]
    plan["press_offices"] = [
        {"agency": agency, "head": generator._person_name()[0],  # noqa: SLF001
         "address": generator._address(districts)[0], "district_code": "718",  # noqa: SLF001
         "checked_on": (today - dt.timedelta(days=30 * (n + 1))).isoformat(),
         "check_result": "meets" if n != 3 else "fails", "state": "active"}
        for n, agency in enumerate(agencies)]
    plan["press_deposits"] = [
        {"deposit_no": f"LC-{today.year}-{n + 1:03d}", "publication": papers[n % len(papers)],
         "issue": f"Số {100 + n}", "received_on": (today - dt.timedelta(days=3 * n)).isoformat(),
         "reviewer": "Lê Thị Thanh Hương",
         "result": "pending" if n < 3 else ("violation" if n == 7 else "no_violation"),
         "findings": "Sai thông tin trên măng-sét" if n == 7 else ""} for n in range(20)]
    plan["nonbusiness_publications"] = [
        {**common(400 + n, "GP"), "title": f"Kỷ yếu {topic} năm {today.year - n % 3}",
         "pages": f"{rng.randint(40, 300)} trang", "print_run": f"{rng.randint(2, 20)}00 bản",
         "printer": "Công ty TNHH In Bình Dương"} for n, topic in enumerate(BULLETIN_TOPICS[:8])]
    plan["publication_deposits"] = [
        {"deposit_no": f"XB-{today.year}-{n + 1:03d}",
         "title": f"Kỷ yếu {BULLETIN_TOPICS[n % len(BULLETIN_TOPICS)]}",
         "publisher": f"{rng.choice(ORG_FORMS)} {rng.choice(ORG_NAMES)}",
         "licence_no": f"{n + 1:02d}/GP-STTTT",
         "received_on": (today - dt.timedelta(days=4 * n)).isoformat(), "copies": "03",
         "reviewer": "Lê Thị Thanh Hương", "result": "no_violation" if n > 2 else "pending"}
        for n in range(12)]
    plan["publication_imports"] = [
        {**common(500 + n, "GP"), "reference": f"NK-{today.year}-{n + 1:03d}",
         "titles": "1. Kinh Thánh (tiếng Anh), 200 bản\n2. Tài liệu hội thảo khoa học, 50 bản",
         "copies": "250 bản", "origin": ("Hoa Kỳ", "Hàn Quốc", "Nhật Bản")[n],
         "purpose": "Sử dụng nội bộ, không kinh doanh"} for n in range(3)]
    plan["book_fairs"] = [
        {**common(600 + n, "GP"), "fair_name": f"Hội sách {place} {today.year - n}",
         "venue": f"Nhà Văn hóa {place}",
         "starts_on": dt.date(today.year - n, 4, 18).isoformat(),
         "ends_on": dt.date(today.year - n, 4, 23).isoformat()}
        for n, place in enumerate(("Thủ Dầu Một", "Dĩ An", "Thuận An"))]
    plan["websites"] = [
        {**(row := common(700 + n, "GP")), "domain": f"{site}.vn",
         "other_domains": f"{site}.com.vn" if n % 3 == 0 else "",
         "content_scope": "Tổng hợp tin tức kinh tế, xã hội của tỉnh Bình Dương",
         "sources": "Báo Bình Dương điện tử; Cổng thông tin điện tử tỉnh Bình Dương",
         "server_location": rng.choice(("Trung tâm dữ liệu Viettel, Bình Dương",
                                        "Trung tâm dữ liệu VNPT, Thành phố Hồ Chí Minh")),
         "responsible": generator._person_name()[0],  # noqa: SLF001
         "valid_until": _years_after(row["licence_date"], 10).isoformat(),
         "extensions": "0"}
        for n, site in enumerate(WEBSITE_NAMES)]
    plan["game_points"] = [
        {**(row := {**common(800 + n, "GCN"), "licence_date": _earlier_day(
            rng, dt.date(today.year - 4, 1, 1), today).isoformat(), "extensions": "0"}),
         "holder_name": f"Hộ kinh doanh {generator._person_name()[0]}",  # noqa: SLF001
         "point_name": f"Điểm trò chơi điện tử {rng.choice(ORG_NAMES)}",
         "point_address": row["address"], "owner_name": generator._person_name()[0],  # noqa: SLF001
         "owner_id": f"0740{(n * 7919 + 12345) % 10**8:08d}",
         "floor_area": f"{rng.randint(50, 200)}", "machines": str(rng.randint(20, 60)),
         "school_check": "far_enough",
         "valid_until": _years_after(row["licence_date"], 3).isoformat()}
        for n in range(12)]
    for row in plan["game_points"]:  # a certificate past its 3 years has lapsed; a game
        # point's certificate is revoked, never suspended (ND 72/2013 Art. 35b)
        if row["valid_until"] < today.isoformat() or row["state"] == "suspended":
            row["state"] = "ceased"
    facilities = [r["tax_code"] for r, _n in zip(
        services.registers.iter_records("printing_facilities"), range(2), strict=False)]
    measures = []  # decisions on paper, numbered by the Văn thư in the register, oldest first
    for n in (1, 0):  # in the last days (RECENT_WORKING_DAYS): the volume's numbers come first,
        # the takedown letters of these days after (services/demo_declared_cases.py)
        day = today - dt.timedelta(days=7 + n)
        number = len(services.numbering.register(day.year, "HC")) + 1
        measures.append((n, day, services.numbering.record_outside(
            "QĐ", number, on=day, signer=_first_signer(services, day), file_copy="VT, TTBCXB",
            copies=4,
            recipients="Cơ sở in vi phạm; Thanh tra Sở",
            summary="Quyết định " + ("đình chỉ hoạt động in", "thu hồi xuất bản phẩm")[n])))
    measures.sort()
    plan["publishing_measures"] = [
        {"decision_no": measures[n][2]["text"], "decided_on": measures[n][1].isoformat(),
         "measure": ("suspend_printing", "recall")[n],
         "target_register": "printing_facilities", "target_key": tax,
         "authority": "Sở Thông tin và Truyền thông",
         "reason": "In xuất bản phẩm không có giấy phép xuất bản"}
        for n, tax in enumerate(facilities)]
    numbers = _EarlierLicenceNumbers(services, ("printing_facilities",))
    numbers.number([row for rows in plan.values() for row in rows if "licence_date" in row],
                   lambda row: row["licence_no"])
    written = 0
    for key, rows in plan.items():
        spec = get_register(key)
        seen: set[str] = set()
        entries = []
        for raw in rows:
            values = parse_record(spec, raw, services.reference)
            identity = str(values[spec.unique_field.name])
            if identity in seen:
                continue
            seen.add(identity)
            entries.append((None, values))
        services.registers.write_many(spec, entries, summary="demo")
        written += len(entries)
    return written
