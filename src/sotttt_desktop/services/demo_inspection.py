"""Demo complaints, denunciations, petitions and sanctions on their clocks (issue #20): a first-instance
complaint accepted today, one received eleven days ago and not yet accepted (past its 10 days),
a second-instance complaint at risk, a denunciation in its intake and one being settled (its
denouncer known only to the receiving inspector and the leaders); a game point's sanction
decided today withdrawing its certificate for 3 months, a printing facility's record awaiting
its decision, and one explained (30 days).

Steps that take a number from the register of outgoing documents are dated today: the demo
is filled last of the numbered work, and the register numbers in date order."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sotttt_desktop.core import clock
from sotttt_desktop.services.demo import DEMO_PASSWORD

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

REVOKED = ("Quyết định số 16/QĐ-STTTT của Giám đốc Sở Thông tin và Truyền thông về việc thu hồi "
           "giấy phép")
# days before today received, kind, title, complainant, address, district, fields, accepted
# today
COMPLAINTS = [
    (9, "complaint_first", "Khiếu nại quyết định thu hồi giấy phép thiết lập trang thông tin "
     "điện tử tổng hợp", "Công ty TNHH Truyền thông Sao Mai",
     "Số 25 đường Yersin, phường Phú Cường, thành phố Thủ Dầu Một", 718,
     {"complained_of": f"{REVOKED} thiết lập trang thông tin điện tử tổng hợp",
      "complained_by": "Giám đốc Sở Thông tin và Truyền thông",
      "content": "Công ty cho rằng việc thu hồi giấy phép là không đúng vì công ty đã khắc phục "
                 "vi phạm trong thời hạn được yêu cầu.",
      "requests": "Hủy quyết định thu hồi giấy phép."}, True),
    (11, "complaint_first", "Khiếu nại việc không cấp giấy phép hoạt động in",
     "Hộ kinh doanh In Thành Công", "Khu phố 3, phường Tân Định, thị xã Bến Cát", 721,
     {"complained_of": "Văn bản từ chối cấp giấy phép hoạt động in của Sở Thông tin và Truyền "
                       "thông", "complained_by": "Giám đốc Sở Thông tin và Truyền thông",
      "content": "Cơ sở đã có đủ điều kiện về mặt bằng, thiết bị theo quy định nhưng bị từ chối.",
      "requests": "Xem xét cấp giấy phép hoạt động in."}, False),
    (8, "complaint_second", "Khiếu nại lần hai về việc xử lý đơn của Trung tâm Công nghệ thông "
     "tin và Truyền thông", "Nguyễn Văn Hùng", "Tổ 4, khu phố Bình Đức, phường Bình Hòa, "
     "thành phố Thuận An", 725,
     {"complained_of": "Quyết định giải quyết khiếu nại lần đầu số 05/QĐ-TTCNTT của Giám đốc "
                       "Trung tâm Công nghệ thông tin và Truyền thông",
      "complained_by": "Giám đốc Trung tâm Công nghệ thông tin và Truyền thông",
      "first_decision": "05/QĐ-TTCNTT", "content": "Không đồng ý với kết quả giải quyết lần "
      "đầu về việc chấm dứt hợp đồng dịch vụ.", "requests": "Giải quyết lại khiếu nại."}, False),
]
# days before today received, title, accepted (days ago: by a decision the register numbers,
# so on the working date, after the register's other numbers of the demo) or None, the fields
DENUNCIATIONS = [
    (4, "Tố cáo cán bộ tiếp nhận hồ sơ yêu cầu chi phí ngoài quy định", None,
     {"denouncer": "Phạm Thị Hạnh", "denouncer_contact": "Khu phố 2, phường Hiệp Thành, "
      "thành phố Thủ Dầu Một; 0908 456 789", "denounced": "Một công chức tiếp nhận hồ sơ tại "
      "Bộ phận Một cửa", "content": "Công chức yêu cầu nộp thêm 500.000 đồng để được nhận hồ "
      "sơ sớm."}),
    (5, "Tố cáo việc thẩm định hồ sơ cấp phép không đúng quy định", 0,
     {"denouncer": "Đỗ Văn Minh", "denouncer_contact": "Thị trấn Dầu Tiếng, huyện Dầu Tiếng",
      "denounced": "Chuyên viên thẩm định hồ sơ cấp phép hoạt động in",
      "content": "Hồ sơ của cơ sở không đủ điều kiện nhưng vẫn được đề xuất cấp phép."}),
]
GAME_POINT_RECORD = {
    "record_no": "12/BB-VPHC", "place": "Tại điểm cung cấp dịch vụ trò chơi điện tử công cộng",
    "representative_title": "Giám đốc", "decree": "nd-15-2020",
    "provision": "điểm a khoản 3 Điều 103",
    "act": "Cung cấp dịch vụ trò chơi điện tử công cộng từ 22 giờ đến 08 giờ sáng hôm sau",
    "circumstances": "Không", "main_penalty": "fine", "fine": "15000000",
    "additional": "licence_withdrawal", "withdrawal_months": "3", "remedial": "Không"}
# days before today recorded, title, the organisation, the record's fields, explained
SANCTIONS = [
    (3, "Xử phạt cơ sở in nhận in xuất bản phẩm không có hợp đồng", "Công ty TNHH In ấn Phương "
     "Nam",
     {"address": "Lô B4, Khu công nghiệp Sóng Thần 2, thành phố Dĩ An", "district": 724,
      "record_no": "13/BB-VPHC", "place": "Trụ sở Công ty TNHH In ấn Phương Nam",
      "decree": "nd-119-2020", "provision": "điểm b khoản 2 Điều 28",
      "act": "In xuất bản phẩm không có hợp đồng in theo quy định",
      "act_ended_on": "", "ongoing": "có", "main_penalty": "fine", "fine": "20000000",
      "additional": "none"}, False),
    (12, "Xử phạt doanh nghiệp bưu chính không thông báo thay đổi", "Công ty Cổ phần Chuyển "
     "phát nhanh Bình An", {"address": "Số 88 Đại lộ Bình Dương, thành phố Thuận An",
                            "district": 725,
                            "record_no": "09/BB-VPHC", "place": "Sở Thông tin và Truyền thông",
                            "decree": "nd-15-2020", "provision": "điểm a khoản 1 Điều 7",
                            "act": "Không thông báo thay đổi địa chỉ trụ sở chính trong thời "
                                   "hạn quy định", "main_penalty": "fine", "fine": "5000000",
                            "additional": "none"}, True),
]


# days before today received, title, sender, address, district, content, forwarded to (today)
PETITIONS = [
    (3, "Phản ánh sóng di động yếu tại khu dân cư", "Ngô Văn Tâm",
     "Khu phố 5, phường Uyên Hưng, thành phố Tân Uyên", 723,
     "Sóng điện thoại di động và dịch vụ dữ liệu rất yếu từ nhiều tháng nay tại khu phố 5; đề "
     "nghị Sở yêu cầu doanh nghiệp viễn thông khắc phục.", None),
    (2, "Kiến nghị về quy định thời gian hoạt động của điểm trò chơi điện tử công cộng",
     "Hội Cha mẹ học sinh Trường THCS Phú Hòa", "Phường Phú Hòa, thành phố Thủ Dầu Một", 718,
     "Kiến nghị sửa đổi quy định về giờ mở cửa điểm cung cấp dịch vụ trò chơi điện tử công "
     "cộng gần trường học.", "Văn phòng Ủy ban nhân dân tỉnh Bình Dương"),
]


def party_names() -> list[str]:
    """The parties this demo adds (the complainants, the senders of petitions and the
    organisations sanctioned): names and addresses only, as their letters and records give
    them."""
    return ([entry[3] for entry in COMPLAINTS] + [entry[2] for entry in PETITIONS]
            + [entry[2] for entry in SANCTIONS])


def party_count() -> int:
    return len(party_names())


def fill_demo_complaints(services: Services) -> int:
    inspector = services.as_actor(services.security.login("thanhtra", DEMO_PASSWORD))
    leader = services.as_actor(services.security.login("lanhdao", DEMO_PASSWORD))
    made = (_complaints(inspector, leader) + _petitions(inspector, leader)
            + _sanctions(inspector, leader))
    return made + _inspections(inspector, leader) + fill_demo_inspection_registers(inspector)


def _targets(services: Services) -> list[tuple[str, str]]:
    """Whom the plan and the inspections look at: printing facilities and game points with a
    valid licence, else (a demo without the one-stop volume) the organisations it has."""
    valid = services.permits.list(state="valid", limit=5000)
    printing = "Việc chấp hành quy định về hoạt động in, lưu chiểu, hợp đồng in"
    gaming = ("Việc chấp hành điều kiện hoạt động điểm cung cấp dịch vụ trò chơi điện tử công "
              "cộng, giờ hoạt động")
    targets = [(p["holder_id"], printing) for p in valid
               if p["family"].startswith("publishing.printing")][:2]
    targets += [(p["holder_id"], gaming) for p in valid
                if p["family"] == "e_information.game_point"][1:3]
    if len(targets) < 3:
        targets += [(str(p["id"]), printing) for p in services.parties.list(limit=50)
                    if p["kind"] == "org"][:3 - len(targets)]
    return targets


def fill_demo_inspection_registers(services: Services) -> int:
    """Next year's plan items and the reception book's visits (the registers, whatever the
    day: the tests fill every register with them)."""
    today = clock.local_today()
    targets = _targets(services)
    for month, (target, content) in enumerate(targets, start=3):
        services.registers.create("inspection_plan", {
            "plan_year": str(today.year + 1), "target_id": str(target), "content": content,
            "period_inspected": f"{today.year - 1}–{today.year}", "planned_month": str(month),
            "lead": "Thanh tra Sở", "state": "planned", "plan_kind": "planned"})
    return len(targets) + _visits(services) + _letters(services)


def _inspections(services: Services, leader: Services) -> int:
    """Next year's plan being drafted, an inspection decided today and one being prepared
    (the Department's inspectorate exists until 30/06/2025)."""
    today = clock.local_today()
    if today > dt.date(2025, 6, 30):
        return 0
    targets = _targets(services)
    services.cases.open("inspection_plan", f"Kế hoạch thanh tra năm {today.year + 1}",
                        data={"plan_year": str(today.year + 1),
                              "orientation": "Định hướng chương trình thanh tra năm "
                                             f"{today.year + 1} của Thanh tra Chính phủ"})
    made = 1
    for number, (target, content) in enumerate(dict.fromkeys((targets[0], targets[-1]))
                                               if targets else ()):
        case = services.cases.open("inspection", f"Thanh tra {content[0].lower()}{content[1:]}",
                                   data={"inspection_type": "planned", "target": str(target),
                                         "subject": content,
                                         "period_inspected": f"{today.year - 1}–{today.year}",
                                         "team": "Trưởng đoàn: Võ Văn Thành, Chánh Thanh tra; "
                                                 "thành viên: 02 thanh tra viên"})
        if number == 0:
            leader.cases.step(case["code"], "decide")
        made += 1
    return made


def _visits(services: Services) -> int:
    """The reception book: a complaint answered, a petition awaiting its answer, a denunciation
    written by its case's code only, a visit refused."""
    today = clock.local_today()
    denunciation = next((c["code"] for c in services.cases.list(kind="denunciation")), None)
    visits = [
        (15, {"visitor_name": "Nguyễn Văn Hùng", "address": "Phường Bình Hòa, thành phố "
              "Thuận An", "kind": "complaint", "content": "Khiếu nại việc chấm dứt hợp "
              "đồng dịch vụ", "handling": "accepted", "state": "answered",
              "answered_on": f"{today - dt.timedelta(days=5):%d/%m/%Y}"}),
        (6, {"visitor_name": "Lê Thị Mai", "address": "Phường Chánh Nghĩa, thành phố Thủ "
             "Dầu Một", "kind": "petition", "content": "Kiến nghị xử lý trạm phát sóng "
             "gây ồn gần khu dân cư", "handling": "accepted", "state": "waiting"}),
        (4, {"kind": "denunciation", "case_code": denunciation or "",
             "handling": "accepted", "state": "waiting"}),
        (2, {"visitor_name": "Trần Văn Tư", "kind": "complaint", "content": "Khiếu nại "
             "lại việc đã được giải quyết đúng chính sách và đã được thông báo",
             "handling": "refused", "state": "closed"})]
    for days, values in visits:
        if values["kind"] == "denunciation" and denunciation is None:
            continue  # written by its case's code: none here
        services.registers.create("citizen_reception", {
            **values, "received_on": f"{today - dt.timedelta(days=days):%d/%m/%Y}",
            "people": "1", "officer": "Võ Văn Thành"})
    return len(visits) - (denunciation is None)


def _letters(services: Services) -> int:
    """The book of letters: a mixed letter split (its complaint accepted, its petition
    forwarded), a complaint accepted, a denunciation by its case's code, a feedback forwarded
    and its repeat filed (forwarded only once). Parts naming a case are left out when the case
    is not there (the tests fill the registers alone)."""
    today = clock.local_today()
    cases = {c["title"]: c["code"] for c in services.cases.list(limit=200)}
    denunciation = next((c["code"] for c in services.cases.list(kind="denunciation")), None)
    spam = ("Phản ánh việc liên tục nhận tin nhắn rác quảng cáo vay tiền từ nhiều số điện "
            "thoại lạ")
    forward_spam = {"competent": "no", "forwarded_to": "Cục An toàn thông tin, Bộ Thông tin và "
                    "Truyền thông"}
    # days ago, number, part, fields (a case title for `case_code`)
    letters = [
        (11, "1", 1, {"sender": COMPLAINTS[1][3], "kind": "complaint", "action": "accepted",
                      "case_code": COMPLAINTS[1][2], "content": COMPLAINTS[1][6]["content"]}),
        (11, "1", 2, {"sender": COMPLAINTS[1][3], "kind": "petition", "competent": "no",
                      "action": "forwarded", "forwarded_to": "Ủy ban nhân dân thị xã Bến Cát",
                      "forwarded_days": 9, "content": "Kiến nghị kiểm tra một cơ sở in hoạt "
                      "động không phép tại khu phố 3, phường Tân Định"}),
        (9, "2", 1, {"sender": COMPLAINTS[0][3], "kind": "complaint", "action": "accepted",
                     "case_code": COMPLAINTS[0][2], "handled_days": 0,
                     "content": COMPLAINTS[0][6]["content"]}),
        (6, "3", 1, {"sender": "Trần Thị Lan", "kind": "feedback", "action": "forwarded",
                     "forwarded_days": 4, **forward_spam, "content": spam}),
        (4, "4", 1, {"kind": "denunciation", "action": "accepted", "case_code": denunciation,
                     "channel": "in_person"}),
        (2, "5", 1, {"sender": "Trần Thị Lan", "kind": "feedback", "competent": "no",
                     "action": "filed", "handled_days": 1, "content": spam,
                     "note": "Trùng nội dung đơn số 3 đã chuyển Cục An toàn thông tin."}),
    ]
    made = 0
    for days, number, part, fields in letters:
        values = dict(fields)
        code = values.pop("case_code", None)
        if values["action"] == "accepted":
            code = cases.get(code, code) if values["kind"] != "denunciation" else code
            if code is None or code not in {*cases.values(), denunciation}:
                continue  # its case is not in this database
            values["case_code"] = code
        received = today - dt.timedelta(days=days)
        forwarded = values.pop("forwarded_days", None)
        handled = values.pop("handled_days", forwarded)
        if forwarded is not None:
            values["forwarded_on"] = f"{today - dt.timedelta(days=forwarded):%d/%m/%Y}"
        if handled is not None:
            values.update(state="handled",
                          handled_on=f"{today - dt.timedelta(days=handled):%d/%m/%Y}")
        services.registers.create("letters", {
            "channel": "post", "competent": "yes", "state": "waiting", **values,
            "letter_no": number, "part": str(part), "received_on": f"{received:%d/%m/%Y}"})
        made += 1
    return made


def _past(now: dt.datetime, days: int, hour: int, minute: int = 0) -> dt.datetime:
    """`days` before `now` at that time of day, never after `now`: the demo is built at any
    hour (just after midnight, "today at 09:00" is still to come, and a step is refused in the
    future)."""
    return min((now - dt.timedelta(days=days)).replace(hour=hour, minute=minute), now)


def _complaints(services: Services, leader: Services) -> int:
    now = clock.local_now().replace(second=0, microsecond=0)
    today_at = _past(now, 0, 9)
    for days, kind, title, name, address, district, fields, accept in COMPLAINTS:
        received = _past(now, days, 8, 30)
        kind_of = "person" if not name.startswith(("Công ty", "Hộ")) else "org"
        party = services.parties.add(kind=kind_of, name=name, address=address,
                                     district_code=str(district))
        known = (received - dt.timedelta(days=20)).date()
        data = {"complainant": str(party["id"]), "received_at": f"{received:%d/%m/%Y %H:%M}",
                "known_on": f"{known:%d/%m/%Y}", **fields}
        if kind == "complaint_second":
            data["first_decision_on"] = f"{known:%d/%m/%Y}"
        case = services.cases.open(kind, title, data=data)
        if accept:
            leader.cases.step(case["code"], "accept", at=max(today_at, received))
    for days, title, accepted, data in DENUNCIATIONS:
        received = _past(now, days, 14)
        case = services.cases.open("denunciation", title, at=received, data=data)
        if accepted is not None:  # accepted `accepted` days ago, by a numbered decision
            moment = _past(now, accepted, 10)
            leader.cases.step(case["code"], "accept", at=moment)
            services.cases.step(case["code"], "notify", at=min(moment + dt.timedelta(days=2), now))
    return len(COMPLAINTS) + len(DENUNCIATIONS)


def _petitions(services: Services, leader: Services) -> int:
    """A petition in its 05 working days, one forwarded today (its letter numbered)."""
    now = clock.local_now().replace(second=0, microsecond=0)
    for days, title, name, address, district, content, forward_to in PETITIONS:
        received = _past(now, days, 10, 15)
        kind = "org" if name.startswith("Hội") else "person"
        party = services.parties.add(kind=kind, name=name, address=address,
                                     district_code=str(district))
        case = services.cases.open("petition", title, data={
            "sender": str(party["id"]), "received_at": f"{received:%d/%m/%Y %H:%M}",
            "channel": "letter", "content": content})
        if forward_to:
            leader.cases.step(case["code"], "forward", reason=forward_to,
                                at=max(_past(now, 0, 9), received))
    return len(PETITIONS)


def _sanctions(services: Services, leader: Services) -> int:
    """A game point's certificate (the newest valid one) withdrawn for 3 months today, a
    printing facility's record awaiting its decision, one with an explanation."""
    now = clock.local_now().replace(second=0, microsecond=0)
    game = next((p for p in services.permits.list(state="valid", limit=5000)
                 if p["family"] == "e_information.game_point"), None)
    made = 0
    if game is not None:
        recorded = (now - dt.timedelta(days=6)).replace(hour=23, minute=30)  # after 22 giờ
        case = services.cases.open("sanction", f"Xử phạt điểm trò chơi của {game['holder']}",
                                   data={**GAME_POINT_RECORD, "violator": game["holder_id"],
                                         "recorded_at": f"{recorded:%d/%m/%Y %H:%M}",
                                         "act_ended_on": f"{recorded:%d/%m/%Y}",
                                         "permit": game["reference"]})
        services.cases.step(case["code"], "explain", at=recorded + dt.timedelta(days=2),
                            reason="Đề nghị giảm mức phạt do lần đầu vi phạm")
        leader.cases.step(case["code"], "decide", at=max(_past(now, 0, 9),
                                                         recorded + dt.timedelta(days=3)))
        made += 1
    for days, title, name, given, explained in SANCTIONS:
        fields = dict(given)
        party = services.parties.add(kind="org", name=name, address=fields.pop("address"),
                                     district_code=str(fields.pop("district")))
        recorded = _past(now, days, 10)
        if not fields.get("ongoing"):
            fields["act_ended_on"] = f"{recorded - dt.timedelta(days=20):%d/%m/%Y}"
        case = services.cases.open("sanction", title, data={
            **fields, "violator": str(party["id"]),
            "recorded_at": f"{recorded:%d/%m/%Y %H:%M}"})
        if explained:  # the explanation gives 01 month to decide
            services.cases.step(case["code"], "explain", at=recorded + dt.timedelta(days=2),
                                reason="Giải trình bằng văn bản: đã nộp hồ sơ thông báo thay "
                                       "đổi địa chỉ trụ sở chính")
        made += 1
    return made
