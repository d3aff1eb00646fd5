"""Golden clocks of a security-level proposal (issue #19; ND 85/2016 Art. 16(2)), by hand:
the dossier checked within 05 working days of receipt (Tết 2025 not counted), the appraisal
within 15 days of the complete dossier — for level 3 the law's limit, for levels 1–2 the
Department's own (resources/cases/unconfirmed.toml); asking for documents stops the check and
the appraisal counts from the complete dossier."""

from __future__ import annotations

import datetime as dt

from sotttt_desktop.core.cases import kinds
from sotttt_desktop.core.cases.engine import OPEN, StepInput
from tests.core.test_case_clocks import at, walk

LEVEL_3, LEVEL_12 = kinds()["security_level_3"], kinds()["security_level_12"]
RECEIVED = (OPEN, at(2025, 1, 24, 9))  # the Friday before Tết


def test_the_dossier_is_checked_in_five_working_days_after_tet() -> None:
    outcome = walk(LEVEL_3, [RECEIVED])
    check = outcome.clocks["validity"]
    assert (outcome.state, check.due) == ("checking", dt.date(2025, 2, 7))  # 03/02 … 07/02
    assert "appraisal" not in outcome.clocks  # no appraisal before the dossier is complete


def test_level_3_is_appraised_in_fifteen_days_of_the_complete_dossier() -> None:
    outcome = walk(LEVEL_3, [RECEIVED, ("accept", at(2025, 2, 5, 10))])
    appraisal = outcome.clocks["appraisal"]
    assert (outcome.state, appraisal.due) == ("appraising", dt.date(2025, 2, 20))
    assert outcome.clocks["validity"].status == "stopped"
    assert appraisal.explanation[1] == ("Thời hạn 15 ngày; ngày thứ nhất là 06/02/2025, ngày "
                                        "thứ 15 là thứ Năm 20/02/2025.")
    sent = walk(LEVEL_3, [RECEIVED, ("accept", at(2025, 2, 5, 10)),
                          ("send_opinion", StepInput(dt.datetime(2025, 2, 19, 15),
                                                     decision="15/STTTT-CDSBCVT")),
                          ("record_approval", StepInput(dt.datetime(2025, 3, 3, 9),
                                                        decision="412/QĐ-UBND"))])
    assert sent.state == "approved" and sent.clocks["appraisal"].status == "stopped"


def test_documents_asked_for_start_the_appraisal_at_the_complete_dossier() -> None:
    outcome = walk(LEVEL_12, [
        RECEIVED, ("request_documents", StepInput(dt.datetime(2025, 2, 3, 9),
                                                  reason="Thiếu phương án bảo đảm ATTT")),
        ("documents_received", at(2025, 2, 14, 16))])
    assert outcome.clocks["validity"].status == "stopped"
    assert outcome.clocks["appraisal"].due == dt.date(2025, 3, 3)  # day 15 is Saturday 01/03
    approved = walk(LEVEL_12, [
        RECEIVED, ("accept", at(2025, 2, 5, 10)),
        ("approve", StepInput(dt.datetime(2025, 2, 12, 15), decision="20/QĐ-STTTT"))])
    assert approved.state == "approved"
