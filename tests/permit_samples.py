"""The full contents of one permit of every declared family, as a clerk types them (tests), and
the walk of a dossier from the desk to its issued result."""

import datetime as dt

SAMPLES: dict[str, dict[str, str]] = {
    "press.bulletin": {
        "title": "Bản tin Sông Bé", "responsible": "Nguyễn Văn An",
        "purpose": "Thông tin hoạt động của hội viên", "periodicity": "01 kỳ/tháng",
        "format": "19 × 27 cm, 24 trang", "print_run": "1.000 bản/kỳ", "language": "Tiếng Việt",
        "distribution": "Nội bộ hội viên"},
    "press.conference": {
        "content": "Công bố kết quả kinh doanh năm 2024", "place": "Khách sạn Sông Bé",
        "held_on": "20/04/2024", "chairperson": "Trần Văn Bình"},
    "press.tvro": {"site": "Khách sạn Sông Bé, phường Phú Cường", "channels": "12 kênh"},
    "publishing.non_business": {
        "title": "Kỷ yếu 20 năm thành lập", "author": "Ban biên tập", "pages": "120",
        "size": "19 × 27 cm", "print_run": "500", "printer": "Công ty TNHH In Bình Dương",
        "manuscript_copies": "02"},
    "publishing.import": {
        "titles": "Sách chuyên ngành kế toán (tiếng Anh), 20 đầu sách", "copies": "200",
        "origin": "Singapore", "purpose": "Tham khảo nội bộ"},
    "publishing.printing": {"address": "Lô C-12 Khu công nghiệp Sóng Thần 1",
                            "products": "Bao bì, nhãn hàng hóa",
                            "equipment": "02 máy in offset", "owner": "Trần Văn Bình"},
    "publishing.printing_products": {"address": "Số 12 đường D1, phường Hòa Phú",
                                     "products": "Tem chống giả",
                                     "equipment": "01 máy in flexo", "owner": "Trần Văn Bình"},
    "publishing.printing_facility": {"address": "Số 3 đường Yersin, phường Phú Cường",
                                     "products": "Tờ rơi, lịch", "equipment": "01 máy in lụa",
                                     "owner": "Trần Văn Bình"},
    "publishing.photocopier": {"make_model": "Canon iR-ADV C5535i", "serial_no": "XN-2024-0001",
                               "machine_kind": "copier", "location": "Số 5 đường 30/4"},
    "publishing.fair": {"fair_name": "Hội sách Sông Bé 2024", "venue": "Nhà Văn hóa Thanh niên",
                        "starts_on": "10/05/2024", "ends_on": "16/05/2024"},
    "publishing.distribution": {"outlets": "Nhà sách Sông Bé, số 1 Yersin"},
    "publishing.foreign_printing": {
        "publication": "Sách tranh thiếu nhi 'Ocean Friends' (tiếng Anh), 32 trang, 21 × 28 cm",
        "foreign_client": "Blue Harbour Books Pty Ltd (Úc)", "print_run": "5.000 bản",
        "destination": "Úc", "contract": "Hợp đồng số 12/2024/BHB-SB ngày 01/3/2024"},
    "e_information.website": {
        "domain": "tintucbinhduong.vn", "content_scope": "Tổng hợp tin tức kinh tế, xã hội",
        "sources": "Báo Bình Dương", "server_location": "Trung tâm dữ liệu Viettel, TP. HCM",
        "responsible": "Nguyễn Văn An"},
    "e_information.website_notice": {
        "licence": "Giấy phép số 05/GP-STTTT ngày 10/01/2022",
        "change": "Địa chỉ trụ sở chính mới: số 9 Đại lộ Bình Dương, phường Phú Hòa",
        "changed_on": "01/03/2024"},
    "grassroots.foreign_display": {
        "content": "Ảnh về quan hệ hữu nghị Việt Nam – Hàn Quốc", "place": "Hàng rào trụ sở, "
        "số 2 đường Hùng Vương", "size": "10 tấm, 0,8 × 1,2 m",
        "shown_from": "10/04/2024", "shown_until": "30/04/2024"},
    "grassroots.commune_radio": {
        "station_name": "Đài truyền thanh không dây xã Thanh Tuyền", "frequency": "54,5",
        "transmitter_power": "50",
        "transmitter_site": "Trụ sở Ủy ban nhân dân xã Thanh Tuyền, huyện Dầu Tiếng",
        "loudspeakers": "12 cụm loa tại các ấp Bến Súc, Bà Phái, Đường Long"},
    "press.local_broadcast": {
        "programmes": "Phát lại chương trình thời sự của Đài Phát thanh và Truyền hình Bình "
                      "Dương (BTV1) hằng ngày",
        "channel": "BTV1", "coverage": "Khu công nghiệp Mỹ Phước 3, thị xã Bến Cát"},
    "e_information.game_point": {
        "point_name": "Điểm trò chơi Yersin", "point_address": "Số 12 đường Yersin",
        "business_registration": "46A8012345", "owner_name": "Lê Văn Cường",
        "owner_id": "074090001234", "owner_phone": "0274 3822 123",
        "owner_email": "cuong@example.vn", "floor_area": "60"},
    "postal.licence": {"postal_services": "Thư, gói, kiện hàng hóa",
                       "service_scope": "Nội tỉnh Bình Dương",
                       "service_standards": "Thư nội tỉnh phát trong 48 giờ",
                       "branches": "Chi nhánh tại thị xã Bến Cát"},
    "postal.notification": {"postal_services": "Gói, kiện hàng hóa trên 2 kg",
                            "service_scope": "Nội tỉnh Bình Dương",
                            "branches": "Văn phòng đại diện tại thành phố Dĩ An"},
    "cybersecurity.level": {"system_name": "Cổng dịch vụ công tỉnh",
                            "system_owner": "Văn phòng UBND tỉnh", "proposed_level": "3"},
}


def sample(family: str, *, but: str | None = None) -> dict[str, str]:
    """The sample of `family`, without the field `but` (the one `--subject` fills)."""
    return {k: v for k, v in SAMPLES[family].items() if k != but}


def issue_at_the_desk(services, holder: dict, procedure: str, *,  # noqa: ANN001
                      on: dt.date = dt.date(2024, 3, 15), **kw: object) -> dict:
    """A dossier of `procedure` received for `holder`, appraised, approved and its result
    issued on `on` (kw: the permit's details, replaces, valid_until…)."""
    code = services.dossiers.receive(procedure, holder["id"],
                                     received_at=dt.datetime(on.year, on.month, 1, 9))["code"]
    services.dossiers.act(code, "start_appraisal")
    services.dossiers.act(code, "approve")
    return services.permits.issue(code, subject=str(kw.pop("subject", "")), on=on, **kw)
