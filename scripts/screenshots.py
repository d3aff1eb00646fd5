"""Render the screens shown in docs/ as PNG, from a demo database, in real windows.

Run on a display (or under Xvfb):  xvfb-run -a .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1] / "docs"


def main() -> None:
    os.environ.setdefault("SOTTTT_CONFIG_DIR", tempfile.mkdtemp(prefix="shots-cfg-"))
    os.environ.setdefault("SOTTTT_DOCUMENT_FONT", "bundled")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QTabWidget

    from sotttt_desktop.i18n import set_language
    from sotttt_desktop.services.demo import DEMO_PASSWORD
    from sotttt_desktop.services.setup import initialise
    from sotttt_desktop.settings import sqlite_location
    from sotttt_desktop.ui.app import application, ui_settings
    from sotttt_desktop.ui.dialogs.audit_dialog import AuditDialog
    from sotttt_desktop.ui.dialogs.login_dialog import LoginDialog
    from sotttt_desktop.ui.dialogs.record_form import RecordFormDialog
    from sotttt_desktop.ui.dialogs.users_dialog import UsersDialog
    from sotttt_desktop.ui.main_window import MainWindow

    set_language(sys.argv[1] if len(sys.argv) > 1 else "vi")
    app = application()
    db = Path(tempfile.mkdtemp(prefix="shots-")) / "demo.sqlite3"
    services = initialise(sqlite_location(db), demo=True, scale=1)
    admin = services.as_actor(services.security.login("admin", DEMO_PASSWORD))
    for name in ("chuyenvien", "motcua", "dian"):
        admin.security.login(name, DEMO_PASSWORD)
    with contextlib.suppress(Exception):  # a refused log-in, for the audit screenshot
        admin.security.login("xem", "nham-mat-khau")
    admin.parties.add(kind="org", name="Công ty TNHH In Đức Hưng", tax_code="3700123456",
                      district_code="718", address="Số 12 đường Yersin, phường Phú Cường")

    def shoot(widget, name: str) -> None:  # noqa: ANN001
        widget.show()
        for _ in range(20):
            app.processEvents()
        widget.grab().save(str(DOCS / name))
        print("wrote", DOCS / name)

    def show_register(tab, key: str, name: str) -> None:  # noqa: ANN001
        """The sub-tab of register `key` in its area's tab, its first row selected."""
        window.tabs.setCurrentIndex(next(
            i for i in range(window.tabs.count())
            if window.tabs.widget(i) is tab or window.tabs.widget(i).isAncestorOf(tab)))
        view = tab.show_register(key)
        view.table.selectRow(0)
        shoot(window, name)

    login = LoginDialog(lambda: services, str(db))
    login.username.setText("motcua")
    login.password.setText("••••••")
    shoot(login, "screenshot-login.png")
    users = UsersDialog(admin)
    shoot(users, "screenshot-users.png")
    audit = AuditDialog(admin)
    audit.table.setCurrentCell(0, 0)
    shoot(audit, "screenshot-audit.png")
    window = MainWindow(admin, ui_settings())
    window.resize(1280, 800)
    shoot(window, "screenshot-main-window.png")

    import datetime as dt

    from sotttt_desktop.ui.one_stop import DossierDialog

    applicants = admin.parties.list(kind="org", limit=6)
    from sotttt_desktop.core import clock

    now = clock.local_now().replace(second=0, microsecond=0)  # the demo runs on its date
    plan = [("e_information.website.issue", now - dt.timedelta(days=30), ["start_appraisal"]),
            ("publishing.printing.issue", now - dt.timedelta(days=3), []),
            ("postal.notification.confirm", now - dt.timedelta(days=12), ["start_appraisal"]),
            ("e_information.game_point.issue", now - dt.timedelta(days=9),
             ["start_appraisal", "approve"]),
            ("publishing.photocopier.register", now - dt.timedelta(days=1), []),
            ("press.tvro.register", now - dt.timedelta(days=20),
             ["start_appraisal", "approve"])]
    codes = []
    for (key, when, steps), applicant in zip(plan, applicants, strict=False):
        code = admin.dossiers.receive(key, applicant["id"], received_at=when)["code"]
        for step in steps:
            admin.dossiers.act(code, step)
        codes.append(code)
    admin.permits.issue(codes[-1], subject="Chảo thu TVRO tại Khách sạn Sông Bé",
                        details={"channels": "NHK World, CNN, Arirang, TV5 Monde"})
    admin.dossiers.act(codes[-1], "return_result")
    tab = window.area_tab("one_stop")
    tab.custom.dossiers.reload()
    shoot(window, "screenshot-one-stop.png")
    detail = DossierDialog(admin, codes[0], window)
    shoot(detail, "screenshot-dossier.png")
    from sotttt_desktop.ui.document_preview import DocumentPreview, prepare_pages

    first = admin.permits.list(limit=100)[-1]["reference"]
    preview = DocumentPreview(first, window)
    preview.show_document(*prepare_pages(admin, "permit", first))
    shoot(preview, "screenshot-document-preview.png")
    window.tabs.setCurrentIndex(next(i for i in range(window.tabs.count())
                                     if window.tabs.tabText(i).startswith("Báo chí")))
    window.area_tab("press")
    shoot(window, "screenshot-press.png")
    window.tabs.setCurrentIndex(next(i for i in range(window.tabs.count())
                                     if window.tabs.tabText(i).startswith("Xuất bản")))
    publishing = window.area_tab("publishing")
    shoot(window, "screenshot-publishing.png")
    sheet = Path(tempfile.mkdtemp(prefix="shots-import-")) / "co-so-in-2023.csv"
    sheet.write_text(
        "STT,Tên cơ sở in,MST,Địa chỉ,Huyện,Giấy phép hay đăng ký,Số giấy phép,Ngày cấp,"
        "Trạng thái\n"
        "1,Công ty TNHH In Hòa Phú,3701112223,Số 8 đường Lê Lợi,thu dau mot,"
        "Giấy phép hoạt động in,12/GP-STTTT,05/03/2019,Đang hoạt động\n"
        "2,Cơ sở in Lái Thiêu,,Số 3 đường Gia Long,Thuận An,Đăng ký hoạt động cơ sở in,"
        "07/XN-STTTT,2020-11-02,Đang hoạt động\n"
        "3,Công ty CP In Sóng Thần,3701112224,KCN Sóng Thần,Di An,Giấy phép hoạt động in,"
        "03/GP-STTTT,31/02/2021,Đang hoạt động\n"
        "4,Công ty TNHH In Hòa Phú,3701112223,Số 8 đường Lê Lợi,Thủ Dầu Một,"
        "Giấy phép hoạt động in,12/GP-STTTT,05/03/2019,Đang hoạt động\n"
        "5,Cơ sở in Bàu Bàng,3701112225,Ấp 2 Lai Uyên,huyen bau bang,"
        "Đăng ký hoạt động cơ sở in,09/XN-STTTT,15/06/2022,Đang hoạt động\n",
        encoding="utf-8")
    importing = publishing.register_views[0].import_file(str(sheet))
    shoot(importing, "screenshot-import-preview.png")
    importing.close()
    from sotttt_desktop.ui.case_dialogs import NewCaseDialog

    window.tabs.setCurrentIndex(next(i for i in range(window.tabs.count())
                                     if window.tabs.tabText(i).startswith("Thông tin điện tử")))
    e_information = window.area_tab("e_information")
    cases = e_information.custom
    e_information.findChild(QTabWidget).setCurrentWidget(cases)
    cases.table.selectRow(0)
    shoot(window, "screenshot-e-information-cases.png")
    new_case = NewCaseDialog(admin, "e_information", window)
    new_case.kind.setCurrentIndex(new_case.kind.findData("takedown_request"))
    new_case.title.setText("Trang quảng cáo thuốc chưa được cấp phép")
    new_case.set_text("item", "https://www.facebook.com/thuoc.x/posts/1")
    new_case.set_text("platform", "Facebook")
    capture = Path(tempfile.mkdtemp(prefix="shots-evidence-")) / "anh-chup-trang.png"
    capture.write_bytes(b"\x89PNG capture" * 100)  # its capture time: the file's last change
    new_case.form.editors["evidence"].add_paths([capture])
    shoot(new_case, "screenshot-new-case.png")
    new_case.close()
    window.tabs.setCurrentIndex(next(i for i in range(window.tabs.count())
                                     if window.tabs.tabText(i).startswith("Thông tin đối ngoại")))
    grassroots = window.area_tab("grassroots")
    from sotttt_desktop.ui.widgets.register_view import RegisterView

    stations = grassroots.findChild(RegisterView)
    stations.table.selectRow(0)
    shoot(window, "screenshot-grassroots.png")
    from sotttt_desktop.ui.dialogs.record_detail import RecordDetailDialog

    first_station = next(admin.registers.iter_records("commune_radio_stations"))
    detail = RecordDetailDialog(admin, "commune_radio_stations", first_station, window)
    shoot(detail, "screenshot-commune-radio-station.png")
    detail.close()
    show_register(grassroots, "external_plans", "screenshot-external-plans.png")
    show_register(e_information, "ad_violations", "screenshot-ad-violations.png")
    for key in ("ad_violations", "external_plans", "district_stations", "source_bulletins",
                "grassroots_means"):
        record = next(admin.registers.iter_records(key))
        detail = RecordDetailDialog(admin, key, record, window)
        shoot(detail, f"screenshot-record-{key.replace('_', '-')}.png")
        detail.close()
    window.tabs.setCurrentIndex(next(i for i in range(window.tabs.count())
                                     if window.tabs.tabText(i).startswith("Viễn thông")))
    telecom = window.area_tab("telecom")
    show_register(telecom, "antenna_masts", "screenshot-telecom.png")
    masts = list(admin.registers.iter_records("antenna_masts"))
    shared = next((m for m in masts if m.get("state") == "built" and m.get("sharing")), masts[0])
    detail = RecordDetailDialog(admin, "antenna_masts", shared, window)
    detail.resize(760, detail.height())
    shoot(detail, "screenshot-record-antenna-masts.png")
    detail.close()
    postal = window.area_tab("postal")
    show_register(postal, "postal_licences", "screenshot-postal.png")
    licences = list(admin.registers.iter_records("postal_licences"))
    warned = next((e for e in licences if admin.registers.remarks("postal_licences", e)),
                  licences[0])  # the licence whose service has not started a year on
    for key, record in (("postal_licences", warned),
                        *((k, next(admin.registers.iter_records(k)))
                          for k in ("postal_notifications", "postal_points", "postal_reports"))):
        detail = RecordDetailDialog(admin, key, record, window)
        detail.resize(760, detail.height())
        shoot(detail, f"screenshot-record-{key.replace('_', '-')}.png")
        detail.close()
    for key in ("cable_routes", "subscriber_inspections", "telecom_plans", "frequency_checks",
                "frequency_dossiers", "broadcast_consents"):
        detail = RecordDetailDialog(admin, key, next(admin.registers.iter_records(key)), window)
        detail.resize(760, detail.height())
        shoot(detail, f"screenshot-record-{key.replace('_', '-')}.png")
        detail.close()
    frequency = window.area_tab("frequency")
    show_register(frequency, "frequency_dossiers", "screenshot-frequency.png")
    frequency._tabs.setCurrentWidget(frequency.custom)  # its cases on a clock
    frequency.custom.table.selectRow(0)
    shoot(window, "screenshot-frequency-cases.png")
    digital = window.area_tab("digital")
    show_register(digital, "data_access_log", "screenshot-data-access-log.png")
    show_register(digital, "dx_tasks", "screenshot-digital.png")
    digital._tabs.setCurrentWidget(digital.custom)  # the appraisals on their clocks
    digital.custom.table.selectRow(0)
    shoot(window, "screenshot-digital-cases.png")
    it_industry = window.area_tab("it_industry")
    show_register(it_industry, "it_enterprises", "screenshot-it-industry.png")

    def with_remarks(key: str) -> dict:
        records = list(admin.registers.iter_records(key))
        return next((r for r in records if admin.registers.remarks(key, r)), records[0])

    for key in ("dx_plans", "dx_tasks", "dti_scores", "signature_certificates",
                "shared_databases", "shared_platforms", "data_access_log", "it_enterprises",
                "it_products", "it_parks"):
        detail = RecordDetailDialog(admin, key, with_remarks(key), window)
        detail.resize(760, detail.height())
        shoot(detail, f"screenshot-record-{key.replace('_', '-')}.png")
        detail.close()
    security = window.area_tab("cybersecurity")
    show_register(security, "information_systems", "screenshot-cybersecurity.png")
    systems = list(admin.registers.iter_records("information_systems"))
    overruled = next(s for s in systems if s["proposed_level"] != s["suggested_level"])
    detail = RecordDetailDialog(admin, "information_systems", overruled, window)
    detail.resize(820, detail.height())
    shoot(detail, "screenshot-record-information-systems.png")
    detail.close()
    form = RecordFormDialog(admin, "information_systems", None, window)
    for name, text in (("name", "Hệ thống hồ sơ sức khỏe điện tử"),
                       ("system_class", "public_service"), ("online_service_level", "2"),
                       ("personal_data", "1"), ("data_subjects", "850000")):
        form.set_text(name, text)
    form.update_remarks()
    form.resize(820, 900)
    shoot(form, "screenshot-level-check.png")
    form.close()
    security._tabs.setCurrentWidget(security.custom)  # the incidents on their clocks
    security.custom.table.selectRow(0)
    shoot(window, "screenshot-security-incidents.png")
    inspection = window.area_tab("inspection")
    show_register(inspection, "citizen_reception", "screenshot-citizen-reception.png")
    show_register(inspection, "letters", "screenshot-letters.png")
    inspection._tabs.setCurrentWidget(inspection.custom)  # complaints, sanctions, inspections
    inspection.custom.select(next(c["code"] for c in admin.cases.list(kind="sanction")
                                  if c["state"] == "decided"))
    shoot(window, "screenshot-inspection.png")
    for kind, name in (("inspection", "screenshot-inspection-file.png"),
                       ("complaint_first", "screenshot-complaint.png")):
        inspection.custom.select(next(c["code"] for c in admin.cases.list(kind=kind)
                                      if c["state"] != "received"))
        shoot(window, name)
    telecom._tabs.setCurrentWidget(telecom.custom)
    window.tabs.setCurrentIndex(next(
        i for i in range(window.tabs.count())
        if window.tabs.widget(i) is telecom or window.tabs.widget(i).isAncestorOf(telecom)))
    telecom.custom.table.selectRow(0)
    shoot(window, "screenshot-telecom-cases.png")
    QTimer.singleShot(0, app.quit)
    services.db.close()


if __name__ == "__main__":
    main()
