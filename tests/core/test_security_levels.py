"""The guided level check of ND 85/2016 Art. 7–11 (resources/reference/security_levels.toml):
held-in systems of the province, one for each criterion, each proposed its level with the
criterion that decided it; every criterion of the file decides at least one of them."""

from __future__ import annotations

import datetime as dt

import pytest

from sotttt_desktop.registers import security_levels

# (system, its answers, the level, the article and the start of the deciding criterion)
SYSTEMS = (
    ("Trang thông tin nội bộ Sở Tư pháp", {"system_class": "internal",
                                           "info_kind": "public_only"},
     1, "Điều 7", "phục vụ hoạt động nội bộ, chỉ xử lý thông tin công cộng"),
    ("Hệ thống quản lý văn bản và điều hành tỉnh", {"system_class": "internal",
                                                    "info_kind": "private"},
     2, "Điều 8", "phục vụ hoạt động nội bộ, có xử lý thông tin riêng"),
    ("Trang thông tin điện tử huyện Dầu Tiếng", {"system_class": "public_service",
                                                 "online_service_level": 2,
                                                 "data_subjects": 3_000},
     2, "Điều 8", "phục vụ người dân, doanh nghiệp"),
    ("Mạng nội bộ Sở Y tế", {"system_class": "infrastructure",
                             "infrastructure_scope": "one_agency"},
     2, "Điều 8", "hạ tầng thông tin phục vụ hoạt động của một cơ quan"),
    ("Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Bình Dương",
     {"system_class": "public_service", "online_service_level": 4, "data_subjects": 900_000},
     3, "Điều 9", "cung cấp dịch vụ công trực tuyến từ mức độ 3"),
    ("Hệ thống cấp phép kinh doanh dịch vụ karaoke trực tuyến",
     {"system_class": "public_service", "online_service_level": 2,
      "conditional_business": True}, 3, "Điều 9", "cung cấp dịch vụ trực tuyến thuộc danh mục"),
    ("Hệ thống hồ sơ sức khỏe điện tử", {"system_class": "public_service",
                                         "online_service_level": 0, "data_subjects": 250_000},
     3, "Điều 9", "cung cấp dịch vụ trực tuyến có xử lý thông tin cá nhân của từ 10.000"),
    ("Nền tảng tích hợp, chia sẻ dữ liệu tỉnh (LGSP)",
     {"system_class": "infrastructure", "infrastructure_scope": "province"},
     3, "Điều 9", "hạ tầng thông tin dùng chung phục vụ hoạt động của một ngành, một tỉnh"),
    ("Hệ thống SCADA Nhà máy nước Tân Hiệp", {"system_class": "control",
                                              "works_grade": "II_IV"},
     3, "Điều 9", "điều khiển công nghiệp của công trình cấp II"),
    ("Mạng máy tính soạn thảo văn bản mật", {"system_class": "internal",
                                              "info_kind": "state_secret"},
     3, "Điều 9", "xử lý thông tin bí mật nhà nước"),
    ("Hệ thống chỉ huy phòng thủ dân sự tỉnh", {"system_class": "internal",
                                                "info_kind": "private",
                                                "defence_harm": "harm"},
     3, "Điều 9", "xử lý thông tin bí mật nhà nước hoặc phục vụ quốc phòng"),
    ("Hệ thống chỉ huy quân sự khu vực", {"system_class": "internal", "defence_harm": "serious"},
     4, "Điều 10", "bị phá hoại sẽ gây tổn hại nghiêm trọng"),
    ("Cổng Dịch vụ công quốc gia", {"system_class": "public_service",
                                    "online_service_level": 4, "national_24x7": True},
     4, "Điều 10", "hệ thống thông tin quốc gia phục vụ Chính phủ điện tử"),
    ("Mạng truyền số liệu chuyên dùng quốc gia", {"system_class": "infrastructure",
                                                  "infrastructure_scope": "national"},
     4, "Điều 10", "hạ tầng thông tin dùng chung phục vụ toàn quốc"),
    ("Hệ thống điều khiển thủy điện Trị An", {"system_class": "control",
                                              "works_grade": "I"},
     4, "Điều 10", "điều khiển công nghiệp của công trình cấp I"),
    ("Hệ thống tác chiến không gian mạng", {"system_class": "other",
                                            "defence_harm": "especially"},
     5, "Điều 11", "bị phá hoại sẽ gây tổn hại đặc biệt nghiêm trọng"),
    ("Cơ sở dữ liệu quốc gia về dân cư", {"system_class": "infrastructure",
                                          "infrastructure_scope": "national",
                                          "national_data": True},
     5, "Điều 11", "lưu trữ tập trung dữ liệu đặc biệt quan trọng"),
    ("Trạm cập bờ cáp quang biển quốc tế", {"system_class": "infrastructure",
                                            "infrastructure_scope": "international"},
     5, "Điều 11", "hạ tầng thông tin quốc gia kết nối Việt Nam với quốc tế"),
    ("Hệ thống điều khiển nhà máy điện hạt nhân", {"system_class": "control",
                                                   "works_grade": "special"},
     5, "Điều 11", "điều khiển công nghiệp của công trình cấp đặc biệt"),
    ("Hệ thống trong danh mục của Thủ tướng", {"system_class": "other", "pm_listed": True},
     5, "Điều 11", "thuộc danh mục do Thủ tướng Chính phủ quyết định"),
)


@pytest.mark.parametrize(("name", "answers", "level", "article", "criterion"), SYSTEMS,
                         ids=[s[0] for s in SYSTEMS])
def test_the_level_and_the_criterion_that_decided_it(name: str, answers: dict, level: int,
                                                     article: str, criterion: str) -> None:
    proposal = security_levels.propose({"defence_harm": "none", **answers})
    assert proposal is not None, name
    assert (proposal.level, proposal.decided_by.article) == (level, article), name
    assert proposal.decided_by.text.startswith(criterion), (name, proposal.decided_by.text)
    assert proposal.decided_by.cited == f"{article}: {proposal.decided_by.text}"


def test_every_criterion_decides_a_held_in_system() -> None:
    deciding = {security_levels.propose({"defence_harm": "none", **answers}).decided_by
                for _name, answers, *_rest in SYSTEMS}
    assert set(security_levels.criteria()) == deciding


def test_the_highest_level_wins_and_the_others_of_its_level_are_named() -> None:
    """The one-stop system with 900,000 people's data and level-4 services: level 3 by the
    services (first in the decree's order), the personal data also named; no answers, no
    level."""
    proposal = security_levels.propose(
        {"system_class": "public_service", "online_service_level": 4, "data_subjects": 900_000,
         "conditional_business": False, "defence_harm": "none"})
    assert proposal.level == 3
    assert [c.text[:42] for c in proposal.also_met if c.level == 3] == [
        "cung cấp dịch vụ trực tuyến có xử lý thông"]
    assert security_levels.propose({"system_class": "other", "defence_harm": "none"}) is None
    assert security_levels.propose({"system_class": "internal"}) is None  # not answered


def test_who_appraises_and_approves_and_how_often_it_is_checked() -> None:
    rules = security_levels.level_rules()
    assert [rules[n].department_approves for n in range(1, 6)] == [True, True, False, False,
                                                                     False]
    assert [rules[n].appraisal_days for n in (3, 4, 5)] == [15, 30, 30]
    last = dt.date(2024, 8, 31)
    assert [security_levels.next_review(n, last) for n in (1, 2, 3, 4, 5)] == [
        dt.date(2026, 8, 31), dt.date(2026, 8, 31), dt.date(2025, 8, 31), dt.date(2025, 8, 31),
        dt.date(2025, 2, 28)]
    assert security_levels.next_review(3, dt.date(2024, 2, 29)) == dt.date(2025, 2, 28)
    assert security_levels.next_review(None, last) is None
