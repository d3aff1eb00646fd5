"""Demo radio-frequency records (issue #17): this year's check plan (a case on its fixed date,
15/12), the checks done under last year's plan and their results, the licence dossiers received
for the national frequency authority — handed over, licensed (one expiring within 90 days),
one just received. Written through the services, so every rule applies."""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

from sotttt_desktop.core import clock
from sotttt_desktop.i18n import format_date

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

# (station or equipment, frequency, district, result)
CHECKS = (("Đài truyền thanh không dây phường Phú Lợi", "tần số 56,5 MHz", 718, "compliant"),
          ("Đài truyền thanh không dây xã An Điền", "tần số 58,0 MHz", 721, "violation"),
          ("Hệ thống vô tuyến điện nội bộ nhà máy", "băng tần 400 MHz", 724, "compliant"),
          ("Đài phát thanh FM thị xã Tân Uyên", "tần số 98,1 MHz", 723, "remedied"),
          ("Thiết bị vô tuyến điện của tàu cuốc", "tần số 156,8 MHz", 725, "compliant"))
DOSSIER_KINDS = ("equipment", "commune_radio", "broadcasting", "equipment", "commune_radio",
                 "equipment")


def fill_demo_frequency(services: Services, seed: int = 2015) -> dict[str, int]:
    from sotttt_desktop.services.demo_telecom import DISTRICT_CENTRES, add_operators

    rng = random.Random(seed)
    now = clock.local_now().replace(second=0, microsecond=0)
    today = now.date()
    parties = add_operators(services)
    services.cases.open(
        "frequency_check_plan", f"Kế hoạch kiểm tra tần số vô tuyến điện năm {today.year + 1}",
        at=now - dt.timedelta(days=25),
        data={"plan_year": str(today.year + 1),
              "targets": "Các đài truyền thanh không dây cấp xã; đài phát thanh, truyền hình cấp "
                         "huyện; hệ thống vô tuyến điện nội bộ tại các khu công nghiệp",
              "agreed_with": "Văn bản thống nhất của Trung tâm Tần số vô tuyến điện khu vực II"})
    for n, (station, frequency, district, result) in enumerate(CHECKS):
        lat, lon = DISTRICT_CENTRES[district]
        services.registers.create("frequency_checks", {
            "record_no": f"{n + 1:02d}/BB-KTTS", "plan_year": str(today.year),
            "checked_party_id": str(parties[n % len(parties)]), "station": station,
            "frequency": frequency, "district_code": str(district),
            "coordinates": f"{lat + rng.uniform(-0.01, 0.01):.6f}, "
                           f"{lon + rng.uniform(-0.01, 0.01):.6f}",
            "decision_no": f"{10 + n}/QĐ-STTTT",
            "checked_on": format_date(today - dt.timedelta(days=200 - 30 * n)), "result": result,
            "follow_up": {"violation": "Yêu cầu ngừng phát, làm thủ tục cấp phép tần số",
                          "remedied": "Đã điều chỉnh công suất phát đúng giấy phép"}.get(
                result, "")})
    for n, kind in enumerate(DOSSIER_KINDS):
        received = today - dt.timedelta(days=400 - 70 * n)
        handed = received + dt.timedelta(days=rng.randint(1, 3)) if n < 5 else None
        licensed = n < 4
        until = (today + dt.timedelta(days=45) if n == 0
                 else received + dt.timedelta(days=5 * 365))
        services.registers.create("frequency_dossiers", {
            "dossier_no": f"TS-{received.year}-{n + 1:03d}",
            "applicant_id": str(parties[n % len(parties)]), "licence_kind": kind,
            "received_on": format_date(received), "handed_over_on": format_date(handed) if handed else "",
            "handed_to": "Cục Tần số vô tuyến điện" if handed else "",
            "licence_no": f"{rng.randint(1000, 9999)}/GP-CTS" if licensed else "",
            "licence_until": format_date(until) if licensed else ""})
    licensed = _license_consents(services, today, rng)
    return {"plans": 1, "checks": len(CHECKS), "dossiers": len(DOSSIER_KINDS),
            "licensed_consents": licensed}


def _license_consents(services: Services, today: dt.date, rng: random.Random) -> int:
    """The consents to broadcast of over three months ago led to their frequency licences; the
    oldest one's ends within the quarter (the tab's warning)."""
    from sotttt_desktop.registers import get_register
    from sotttt_desktop.services.records import edit_text

    spec = get_register("broadcast_consents")
    consents = sorted((c for c in services.registers.iter_records("broadcast_consents")
                       if c["consent_date"] and c["consent_date"] < today - dt.timedelta(days=90)
                       and c["state"] == "active"), key=lambda c: c["consent_date"])
    for n, consent in enumerate(consents):
        until = (today + dt.timedelta(days=40) if n == 0
                 else consent["consent_date"] + dt.timedelta(days=5 * 365))
        raw = {f.name: edit_text(f, consent.get(f.name)) for f in spec.fields
               if consent.get(f.name) is not None}
        raw.update({"rf_licence_no": f"{rng.randint(1000, 9999)}/GP-CTS",
                    "rf_licence_until": format_date(until)})
        services.registers.update("broadcast_consents", consent["id"], raw, consent["version"])
    return len(consents)
