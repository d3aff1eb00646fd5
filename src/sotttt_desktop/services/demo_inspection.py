"""Demo complaints and denunciations on their clocks (issue #20): a first-instance complaint
accepted today, one received eleven days ago and not yet accepted (past its 10 days), a
second-instance complaint at risk, a denunciation in its intake and one being settled.

Steps that take a number from the register of outgoing documents are dated today: the demo
is filled last of the numbered work, and the register numbers in date order."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sotttt_desktop.core import clock

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

REVOKED = ("Quyết định số 16/QĐ-STTTT của Giám đốc Sở Thông tin và Truyền thông về việc thu hồi "
           "giấy phép")
# days before today received, kind, title, complainant, address, what, fields, accepted today
COMPLAINTS = [
    (9, "complaint_first", "Khiếu nại quyết định thu hồi giấy phép thiết lập trang thông tin "
     "điện tử tổng hợp", "Công ty TNHH Truyền thông Sao Mai",
     "Số 25 đường Yersin, phường Phú Cường, thành phố Thủ Dầu Một",
     {"complained_of": f"{REVOKED} thiết lập trang thông tin điện tử tổng hợp",
      "complained_by": "Giám đốc Sở Thông tin và Truyền thông",
      "content": "Công ty cho rằng việc thu hồi giấy phép là không đúng vì công ty đã khắc phục "
                 "vi phạm trong thời hạn được yêu cầu.",
      "requests": "Hủy quyết định thu hồi giấy phép."}, True),
    (11, "complaint_first", "Khiếu nại việc không cấp giấy phép hoạt động in",
     "Hộ kinh doanh In Thành Công", "Khu phố 3, phường Tân Định, thị xã Bến Cát",
     {"complained_of": "Văn bản từ chối cấp giấy phép hoạt động in của Sở Thông tin và Truyền "
                       "thông", "complained_by": "Giám đốc Sở Thông tin và Truyền thông",
      "content": "Cơ sở đã có đủ điều kiện về mặt bằng, thiết bị theo quy định nhưng bị từ chối.",
      "requests": "Xem xét cấp giấy phép hoạt động in."}, False),
    (8, "complaint_second", "Khiếu nại lần hai về việc xử lý đơn của Trung tâm Công nghệ thông "
     "tin và Truyền thông", "Nguyễn Văn Hùng", "Tổ 4, khu phố Bình Đức, phường Bình Hòa, "
     "thành phố Thuận An",
     {"complained_of": "Quyết định giải quyết khiếu nại lần đầu số 05/QĐ-TTCNTT của Giám đốc "
                       "Trung tâm Công nghệ thông tin và Truyền thông",
      "complained_by": "Giám đốc Trung tâm Công nghệ thông tin và Truyền thông",
      "first_decision": "05/QĐ-TTCNTT", "content": "Không đồng ý với kết quả giải quyết lần "
      "đầu về việc chấm dứt hợp đồng dịch vụ.", "requests": "Giải quyết lại khiếu nại."}, False),
]
DENUNCIATIONS = [  # days before today received, title, accepted (days ago, decision) or None
    (4, "Tố cáo cán bộ tiếp nhận hồ sơ yêu cầu chi phí ngoài quy định", None),
    (24, "Tố cáo việc thẩm định hồ sơ cấp phép không đúng quy định", (20, "03/QĐ-STTTT-TTr")),
]


def fill_demo_complaints(services: Services) -> int:
    now = clock.local_now().replace(second=0, microsecond=0)
    today_at = now.replace(hour=min(now.hour, 9), minute=0)
    for days, kind, title, name, address, fields, accept in COMPLAINTS:
        received = (now - dt.timedelta(days=days)).replace(hour=8, minute=30)
        kind_of = "person" if not name.startswith(("Công ty", "Hộ")) else "org"
        party = services.parties.add(kind=kind_of, name=name, address=address)
        known = (received - dt.timedelta(days=20)).date()
        data = {"complainant": str(party["id"]), "received_at": f"{received:%d/%m/%Y %H:%M}",
                "known_on": f"{known:%d/%m/%Y}", **fields}
        if kind == "complaint_second":
            data["first_decision_on"] = f"{known:%d/%m/%Y}"
        case = services.cases.open(kind, title, data=data)
        if accept:
            services.cases.step(case["code"], "accept", at=max(today_at, received))
    for days, title, accepted in DENUNCIATIONS:
        received = (now - dt.timedelta(days=days)).replace(hour=14, minute=0)
        case = services.cases.open("denunciation", title, at=received)
        if accepted is not None:
            ago, decision = accepted
            moment = (now - dt.timedelta(days=ago)).replace(hour=10, minute=0)
            services.cases.step(case["code"], "accept", decision=decision, at=moment)
            services.cases.step(case["code"], "notify", at=moment + dt.timedelta(days=2))
    return len(COMPLAINTS) + len(DENUNCIATIONS)
