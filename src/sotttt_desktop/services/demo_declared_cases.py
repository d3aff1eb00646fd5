"""Demo cases of the declared kinds (core/cases) the tabs list: takedown requests on their 24-hour
clock — one past it, one at risk, one on time, one the platform acted on — and this year's annual
report on cross-border advertising. Opened through the service, so every rule applies."""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from sotttt_desktop.core import clock
from sotttt_desktop.i18n import LOCAL_TZ

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

# hours before now the request was sent, title, fields, the step taken after (hours later)
TAKEDOWNS = [
    (30, "Trang Facebook quảng cáo thuốc chữa bệnh chưa được cấp phép",
     {"item": "https://www.facebook.com/thuocnamgiatruyen.bd/posts/8812", "platform": "Facebook",
      "provision": "Khoản 2 Điều 8 Luật Quảng cáo 2012"}, None),
    (21, "Video TikTok đăng tin sai sự thật về dịch bệnh tại Thuận An",
     {"item": "https://www.tiktok.com/@tinnong.thuanan/video/7301", "platform": "TikTok",
      "provision": "Điểm d khoản 1 Điều 5 Nghị định số 72/2013/NĐ-CP"}, None),
    (3, "Kênh YouTube quảng cáo sản phẩm giả mạo thương hiệu",
     {"item": "https://www.youtube.com/@khuyenmai-binhduong", "platform": "YouTube",
      "provision": "Khoản 11 Điều 8 Luật Quảng cáo 2012"}, None),
    (52, "Tài khoản Zalo OA quảng cáo dịch vụ vay tiền trái phép",
     {"item": "https://zalo.me/vaytiennhanh.bd", "platform": "Zalo",
      "provision": "Khoản 2 Điều 8 Luật Quảng cáo 2012"}, ("removed", 9)),
]

# what the specialist wrote in this year's report on cross-border advertising
ADS_REPORT = {
    "assessment": (
        "Trong năm, Sở đã thường xuyên theo dõi, rà soát hoạt động quảng cáo trên báo chí, "
        "trang thông tin điện tử, mạng xã hội và ứng dụng trên địa bàn tỉnh; phối hợp với Công an "
        "tỉnh và các sở, ngành phát hiện các trường hợp quảng cáo có dấu hiệu vi phạm.\n"
        "Các nền tảng xuyên biên giới đã phối hợp gỡ bỏ phần lớn nội dung được yêu cầu; một số "
        "trường hợp quảng cáo cá cược, cho vay trái phép tái xuất hiện dưới tài khoản mới."),
    "proposals": (
        "Đề nghị Bộ tiếp tục công bố danh sách các trang, tài khoản vi phạm để doanh nghiệp quảng "
        "cáo trong nước không hợp tác đặt quảng cáo.\n"
        "Đề nghị Bộ hướng dẫn việc tiếp nhận, xử lý kiến nghị gỡ bỏ của địa phương qua hệ thống "
        "điện tử để rút ngắn thời gian xử lý."),
}


def fill_demo_declared_cases(services: Services) -> int:
    """The cases above, with an evidence file each; returns how many were opened."""
    now = clock.local_now().replace(second=0, microsecond=0)
    opened = 0
    with tempfile.TemporaryDirectory() as folder:
        # opened in the order they were sent: the register numbers the letters in date order
        in_order = sorted(TAKEDOWNS, key=lambda takedown: -takedown[0])
        for number, (hours_ago, title, fields, step) in enumerate(in_order, start=1):
            sent = now - dt.timedelta(hours=hours_ago)
            captured = sent - dt.timedelta(hours=2)
            record = Path(folder) / f"bien-ban-ghi-nhan-{number:02d}.txt"
            record.write_text(f"Biên bản ghi nhận nội dung vi phạm\nĐường dẫn: {fields['item']}\n"
                              f"Thời điểm ghi nhận: {captured:%d/%m/%Y %H:%M}\n",
                              encoding="utf-8")
            moment = captured.replace(tzinfo=LOCAL_TZ).timestamp()
            os.utime(record, (moment, moment))  # the record's capture time
            evidence = services.links.store_files([record])
            case = services.cases.open(
                "takedown_request", title, at=sent,
                data={**fields, "captured_at": f"{captured:%d/%m/%Y %H:%M}",
                      "evidence": json.dumps(evidence, ensure_ascii=False)})
            if step is not None:
                action, after = step
                services.cases.step(case["code"], action, at=min(sent + dt.timedelta(hours=after), now),
                                    reason="Nền tảng đã gỡ bỏ, đã kiểm tra lại đường dẫn")
            opened += 1
    services.cases.open("ads_annual_report",
                        f"Báo cáo tình hình quảng cáo xuyên biên giới năm {now.year}",
                        at=now - dt.timedelta(days=20), data=ADS_REPORT)
    return opened + 1


# days before now opened, kind, title, fields, the steps taken (action, days before now), the
# district where it happens
TELECOM_CASES = [
    (11, "sharing_dispute", "Tranh chấp thuê cột ăng ten BDG-VTL-724-0007 tại thành phố Dĩ An",
     {"requester": "Công ty Cổ phần Viễn thông Di động Vietnamobile",
      "respondent": "Viettel Bình Dương - Chi nhánh Tập đoàn Công nghiệp - Viễn thông Quân đội",
      "infrastructure": "Cột ăng ten BDG-VTL-724-0007, phường Dĩ An, thành phố Dĩ An",
      "issue": "Hai bên không thống nhất giá thuê vị trí lắp đặt thiết bị trên cột ăng ten và "
               "chi phí gia cố cột.", "requested_on": "{opened}"},
     [("convene", 4)], 724),
    (7, "interference_complaint", "Can nhiễu kênh FM 92,5 MHz tại phường Tân Đông Hiệp",
     {"complainant": "Đài Phát thanh và Truyền hình Bình Dương", "service": "broadcasting",
      "frequency": "tần số 92,5 MHz", "place": "Khu phố Tân Long, phường Tân Đông Hiệp, "
      "thành phố Dĩ An", "coordinates": "10.9265, 106.7481",
      "time_pattern": "Hằng ngày, từ 18 giờ đến 22 giờ",
      "centre": "Trung tâm Tần số vô tuyến điện khu vực II"},
     [("forward", 3)], 724),
    (1, "interference_complaint", "Can nhiễu băng tần 900 MHz tại Khu công nghiệp Mỹ Phước",
     {"complainant": "Viễn thông Bình Dương (VNPT Bình Dương)", "service": "mobile",
      "frequency": "băng tần 900 MHz (đường lên)", "place": "Khu công nghiệp Mỹ Phước 3, "
      "thị xã Bến Cát", "coordinates": "11°08'50\"N, 106°35'10\"E",
      "time_pattern": "Liên tục từ ngày phản ánh",
      "centre": "Trung tâm Tần số vô tuyến điện khu vực II"}, [], 721),
]


def fill_demo_telecom_cases(services: Services) -> int:
    """A sharing dispute whose parties were convened, an interference complaint forwarded to
    the regional centre and one received yesterday: the tabs' cases and their clocks. The
    letters take the register's numbers at their steps (days ago: before the takedowns')."""
    now = clock.local_now().replace(second=0, microsecond=0)
    for days_ago, kind, title, fields, steps, district in TELECOM_CASES:
        opened_at = min((now - dt.timedelta(days=days_ago)).replace(hour=9, minute=30), now)
        data = {name: value.format(opened=f"{opened_at - dt.timedelta(days=3):%d/%m/%Y}")
                for name, value in fields.items()}
        case = services.cases.open(kind, title, at=opened_at, data=data, district_code=district)
        for action, step_days_ago in steps:
            services.cases.step(case["code"], action, at=max(opened_at, min((now - dt.timedelta(
                days=step_days_ago)).replace(hour=10, minute=0), now)))
    return len(TELECOM_CASES)
