"""Demo data of the remaining registers and cases of issue #16, written through the services so
every rule applies: advertising violations (domestic and cross-border, some forwarded to the
Ministry, some confirmed removed), the external-information plans of the last years with their
activities, two appraisals of other agencies' plans and a false-information case, the district
radio stations, a month of source information sent to the commune stations, and the notice
boards, propagandists and bulletins of the wards and communes."""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from sotttt_desktop.core import clock
from sotttt_desktop.services.demo import GIVEN_F, GIVEN_M, MIDDLE_F, MIDDLE_M, SURNAMES
from sotttt_desktop.services.demo_grassroots import _lower_kind

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

# medium, where, product, advertiser, origin, provision
AD_CASES = [
    ("social_network", "https://www.facebook.com/thucphamchucnang.bd/posts/5521",
     "Thực phẩm bảo vệ sức khỏe “Xương khớp Vạn An”", "Hộ kinh doanh Vạn An", "domestic",
     "Khoản 1 Điều 20 Luật Quảng cáo 2012"),
    ("website", "https://nhadatthuanan24h.vn/du-an-moi", "Dự án đất nền chưa đủ điều kiện bán",
     "Công ty TNHH Địa ốc Thuận Phát", "domestic", "Khoản 11 Điều 8 Luật Quảng cáo 2012"),
    ("social_network", "https://www.youtube.com/watch?v=Qc7xk2Lm0s", "Ứng dụng cá cược bóng đá",
     "Không xác định (tài khoản nước ngoài)", "cross_border",
     "Khoản 1 Điều 8 Luật Quảng cáo 2012; Điều 14 NĐ 181/2013/NĐ-CP"),
    ("app", "Ứng dụng “Vay Nhanh 247” trên Google Play", "Dịch vụ cho vay tiêu dùng",
     "Không xác định", "cross_border", "Khoản 2 Điều 8 Luật Quảng cáo 2012"),
    ("sms_email", "Thuê bao 0889 123 456 (tin nhắn lúc 23:15)", "Khuyến mại sim số đẹp",
     "Cửa hàng sim số Tân Uyên", "domestic", "Khoản 2 Điều 24 Luật Quảng cáo 2012 (07:00–22:00)"),
    ("online_press", "https://baomoi-binhduong.example.vn/suc-khoe/thuoc-bo-than",
     "Thuốc bổ thận chưa được cấp phép quảng cáo", "Công ty Cổ phần Dược Minh Khang",
     "domestic", "Khoản 2 Điều 20 Luật Quảng cáo 2012"),
    ("social_network", "https://www.tiktok.com/@giamcan.cap.toc/video/72011", "Trà giảm cân",
     "Tài khoản “Giảm cân cấp tốc”", "cross_border", "Khoản 11 Điều 8 Luật Quảng cáo 2012"),
    ("print_press", "Bản tin Doanh nghiệp Bình Dương số 46, trang 7", "Mỹ phẩm làm trắng da",
     "Công ty TNHH Mỹ phẩm Hòa Bình", "domestic", "Khoản 3 Điều 20 Luật Quảng cáo 2012"),
    ("website", "https://choithuebinhduong.example.com", "Trò chơi điện tử chưa được phép phát hành",
     "Không xác định", "cross_border", "Điều 13 NĐ 181/2013/NĐ-CP (sửa đổi bởi NĐ 70/2021)"),
    ("publication", "Lịch treo tường 2025 của Nhà in Đức Hưng", "Rượu trên 15 độ",
     "Công ty TNHH Đồ uống An Phát", "domestic", "Khoản 3 Điều 7 Luật Quảng cáo 2012"),
    ("telecom_it", "Ứng dụng Wi-Fi miễn phí tại bến xe Bình Dương", "Dịch vụ đổi ngoại tệ",
     "Không xác định", "domestic", "Khoản 1 Điều 8 Luật Quảng cáo 2012"),
    ("social_network", "https://www.facebook.com/groups/muabanxe.bd/posts/99812",
     "Thiết bị định vị không rõ nguồn gốc", "Tài khoản “Định vị giá rẻ”", "cross_border",
     "Khoản 11 Điều 8 Luật Quảng cáo 2012"),
]


def _person(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_M)} {rng.choice(GIVEN_M)}"
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_F)} {rng.choice(GIVEN_F)}"


def _when(moment: dt.datetime) -> str:
    return f"{moment:%d/%m/%Y %H:%M}"


def fill_demo_ad_violations(services: Services, seed: int = 2023) -> int:
    rng = random.Random(seed)
    now = clock.local_now().replace(second=0, microsecond=0)
    sources = ("monitoring", "feedback", "ministry", "agency")
    found_at = sorted(now - dt.timedelta(days=rng.randint(3, 300), hours=rng.randint(0, 9))
                      for _case in AD_CASES)  # numbered in the order they were found
    for number, (found, (medium, where, product, advertiser, origin, provision)) in enumerate(
            zip(found_at, AD_CASES, strict=True), start=1):
        raw = {"entry_no": f"{number:03d}/{found.year}", "detected_at": _when(found),
               "source": rng.choice(sources), "medium": medium, "location": where,
               "product": product, "advertiser": advertiser, "origin": origin,
               "provision": provision}
        if origin == "cross_border":
            sent = found + dt.timedelta(days=rng.randint(1, 4))
            raw.update({"action": "forwarded", "forwarded_on": f"{sent:%d/%m/%Y}",
                        "forwarded_no": f"{rng.randint(1200, 3900)}/STTTT-TTBCXB",
                        "ad_business": "Nền tảng xuyên biên giới"})
            if sent + dt.timedelta(days=3) < now and rng.random() < 0.7:
                raw["removed_at"] = _when(sent + dt.timedelta(days=rng.randint(1, 3)))
        else:
            raw["action"] = rng.choice(("reminder", "removal_request", "removal_request",
                                        "inspection"))
            if raw["action"] == "removal_request" and rng.random() < 0.6:
                raw["removed_at"] = _when(found + dt.timedelta(hours=rng.randint(6, 72)))
        services.registers.create("ad_violations", raw)
    return len(AD_CASES)


def fill_demo_external(services: Services) -> int:
    """Plans of three years, and the cases of external information."""
    year = clock.local_today().year
    plans = [
        {"plan_no": f"{1890 + year % 100}/KH-UBND", "plan_date": f"15/01/{year}",
         "year": str(year), "plan_kind": "annual", "state": "under_way",
         "title": f"Kế hoạch thông tin đối ngoại tỉnh Bình Dương năm {year}",
         "owner_unit": "Sở Thông tin và Truyền thông", "budget": "1850000000",
         "settled": "640000000",
         "activities": "\n".join((
             f"Tọa đàm giới thiệu môi trường đầu tư | Quý II/{year} | Trung tâm Hội nghị và "
             "Triển lãm Bình Dương | Nhà đầu tư nước ngoài | event | 450000000",
             f"Ấn phẩm “Bình Dương – Điểm đến đầu tư” (tiếng Anh, Hàn, Nhật) | Quý III/{year} | "
             "Toàn tỉnh | Đoàn khách quốc tế | publication | 380000000",
             f"Đoàn phóng viên nước ngoài tác nghiệp tại KCN VSIP | 10/{year} | Thuận An, Thủ "
             "Dầu Một | Báo chí nước ngoài | delegation | 520000000",
             "Chuyên mục thông tin đối ngoại trên Cổng TTĐT tỉnh | Cả năm | Trực tuyến | "
             "Người đọc quốc tế | online | 500000000"))},
        {"plan_no": f"{1702 + (year - 1) % 100}/KH-UBND", "plan_date": f"20/01/{year - 1}",
         "year": str(year - 1), "plan_kind": "annual", "state": "done",
         "title": f"Kế hoạch thông tin đối ngoại tỉnh Bình Dương năm {year - 1}",
         "owner_unit": "Sở Thông tin và Truyền thông", "budget": "1600000000",
         "settled": "1540000000", "report_ref": "412/BC-STTTT",
         "evaluation": "Hoàn thành 9/10 hoạt động; hội chợ xúc tiến tại Hàn Quốc lùi sang năm "
                       "sau. Tăng 35% lượt truy cập chuyên mục tiếng Anh.",
         "activities": f"Hội nghị xúc tiến đầu tư | 06/{year - 1} | TP. Hồ Chí Minh | Nhà đầu "
                       "tư | event | 900000000"},
        {"plan_no": "2450/QĐ-UBND", "plan_date": "12/09/2021", "year": "2021",
         "plan_kind": "medium_term", "state": "under_way",
         "title": "Chương trình thông tin đối ngoại tỉnh Bình Dương giai đoạn 2021–2025",
         "owner_unit": "Sở Thông tin và Truyền thông"},
    ]
    for raw in plans:
        services.registers.create("external_plans", raw)
    now = clock.local_now().replace(second=0, microsecond=0)
    services.cases.open("external_appraisal",
                        f"Thẩm định Kế hoạch TTĐN năm {year} của Sở Công Thương",
                        at=now - dt.timedelta(days=16),
                        data={"submitter": "Sở Công Thương",
                              "plan_title": f"Kế hoạch thông tin đối ngoại năm {year}",
                              "plan_ref": f"215/KH-SCT ngày {now - dt.timedelta(days=18):%d/%m/%Y}",
                              "budget": "320000000"})
    services.cases.open("external_appraisal",
                        f"Thẩm định Kế hoạch TTĐN năm {year} của UBND thành phố Dĩ An",
                        at=now - dt.timedelta(days=4),
                        data={"submitter": "UBND thành phố Dĩ An",
                              "plan_title": f"Kế hoạch thông tin đối ngoại năm {year}",
                              "budget": "150000000"})
    services.cases.open("false_information",
                        "Bài viết sai sự thật về việc doanh nghiệp FDI rút khỏi Bình Dương",
                        at=now - dt.timedelta(days=1),
                        data={"item": "https://www.facebook.com/tintuc.kinhte.vn/posts/40213",
                              "source": "Mạng xã hội Facebook",
                              "detected_at": _when(now - dt.timedelta(days=1, hours=2)),
                              "informed": "Ban Tuyên giáo Tỉnh ủy\nSở Ngoại vụ"})
    return len(plans) + 3


def fill_demo_grassroots_lists(services: Services, seed: int = 2023,
                               limit: int | None = None) -> int:
    """A station in every district, a month of source information, and a notice board and a
    propagandist in every ward and commune (if `limit` is given: the stations of that many
    districts, the means of that many communes)."""
    rng = random.Random(seed)
    today = clock.local_today()
    written = 0
    districts = list(services.reference.districts().values())
    for district in districts[:limit]:
        place = _lower_kind(district.name)
        fm = rng.random() < 0.7
        raw = {"district_code": str(district.code),
               "station_name": f"Trung tâm Văn hóa, Thể thao và Truyền thanh {place}",
               "technology": "fm" if fm else "ict", "state": "active",
               "relay_schedule": "Các đài xã tiếp sóng 05:30–06:00 và 17:00–17:30 hằng ngày",
               "equipment": "01 máy phát FM 500 W, 01 phòng thu, 01 bàn trộn âm thanh",
               "staff": f"{rng.randint(4, 9)} viên chức"}
        if fm:
            raw.update({"frequency": f"{rng.choice(range(176, 214)) / 2:.1f}".replace(".", ","),
                        "rf_licence_no": f"{rng.randint(100, 9999)}/GP-CTS",
                        "rf_licence_until":
                            f"{today + dt.timedelta(days=rng.randint(30, 1500)):%d/%m/%Y}"})
        services.registers.create("district_stations", raw)
        written += 1
    now = clock.local_now().replace(second=0, microsecond=0)
    stations = [f"Đài truyền thanh {_lower_kind(name)}"
                for district in districts for _code, name in district.communes]
    topics = ("Phòng, chống sốt xuất huyết mùa mưa", "Lịch cắt điện khu vực tuần tới",
              "Tuyên truyền chuyển đổi số: cài đặt VNeID mức 2", "Phòng chống lừa đảo qua mạng",
              "Thông báo tuyển sinh lớp 10", "Tiêm chủng mở rộng đợt tháng này",
              "An toàn giao thông dịp lễ", "Phòng cháy chữa cháy nhà trọ công nhân")
    schedule = sorted((now - dt.timedelta(days=rng.randint(0, 30))).replace(
        hour=rng.choice((5, 17)), minute=30) for _item in range(18))
    for number, scheduled in enumerate(schedule, start=1):
        aired = scheduled if scheduled < now else None
        targets = []
        for station in rng.sample(stations, 3):
            received = scheduled - dt.timedelta(hours=rng.randint(2, 20))
            targets.append(f"{station} | {_when(received)}"
                           + (f" | {_when(aired)}" if aired else ""))
        level = rng.choice(("provincial", "provincial", "central", "district"))
        raw = {"bulletin_no": f"TTN-{scheduled:%Y}-{number:04d}", "provider_level": level,
               "provider": {"provincial": "Sở Thông tin và Truyền thông",
                            "central": "Cục Thông tin cơ sở",
                            "district": "Trung tâm VH-TT-TT thành phố Thủ Dầu Một"}[level],
               "title": rng.choice(topics), "approved_by": _person(rng),
               "scheduled_at": _when(scheduled), "targets": "\n".join(targets)}
        if aired:
            raw["broadcast_at"] = _when(aired)
        services.registers.create("source_bulletins", raw)
        written += 1
    communes = 0
    for district in districts:
        services.registers.create("grassroots_means", {
            "code": f"BT-{district.code}", "means": "bulletin",
            "name": f"Bản tin thông tin cơ sở {_lower_kind(district.name)}",
            "district_code": str(district.code), "commune_code": str(district.communes[0][0]),
            "periodicity": "Hằng tháng", "copies": str(rng.choice((500, 800, 1000))),
            "since": f"{min(dt.date(2024, 7, 1), today):%d/%m/%Y}", "state": "active"})
        written += 1
        for code, name in district.communes:
            if limit is not None and communes >= limit:
                break
            communes += 1
            services.registers.create("grassroots_means", {
                "code": f"BTC-{code}-01", "means": "board",
                "name": f"Bảng tin công cộng trụ sở UBND {_lower_kind(name)}",
                "district_code": str(district.code), "commune_code": str(code),
                "address": f"Trụ sở UBND {_lower_kind(name)}", "state": "active"})
            services.registers.create("grassroots_means", {
                "code": f"TTV-{code}-01", "means": "propagandist", "name": _person(rng),
                "district_code": str(district.code), "commune_code": str(code),
                "role": "Tuyên truyền viên cơ sở", "state": "active",
                "phone": f"09{rng.randint(10000000, 99999999)}",
                "since": f"{today - dt.timedelta(days=rng.randint(60, 900)):%d/%m/%Y}"})
            written += 2
    return written
