"""The one-stop dossier as a case declaration (DESIGN §5; ND 61/2018).

received → (supplement_requested ↔ received) → in_appraisal → approved | refused
→ result_ready → returned; withdrawn from any active state. The processing clock runs for the
procedure's time limit in its unit (set per dossier), counts from the next working day when a
dossier comes after 15:00, starts again from zero when the complete dossier arrives (Art. 19(4))
and may be re-appointed once by an apology letter (Art. 19(9)). The dossier keeps its own table;
`services.dossiers` runs this declaration through the generic engine.
"""

from __future__ import annotations

from sotttt_desktop.core.calendar import DEFAULT_CUTOFF
from sotttt_desktop.core.cases.spec import (
    OPEN,
    CaseSpec,
    CaseStep,
    Clock,
    Extension,
    Limit,
    StepWindow,
)
from sotttt_desktop.i18n import N_

ACTIVE_STATES = ("received", "supplement_requested", "in_appraisal", "approved", "refused",
                 "result_ready")
FINAL_STATES = ("returned", "withdrawn")

ONE_STOP = "one_stop"  # the desk's own area; None below: the procedure's area
# ND 61/2018 Art. 19(9) sets no bound on the new date; a wrong year (31/12/9999) must not pass.
# UNCONFIRMED: the bound is the Department's practice, editable here.
APOLOGY_MAX_DAYS = 180
PROCESSING = "processing"
# the processing clock runs in these states only: waiting for the applicant's supplement it is
# paused (it starts again from zero when the dossier is complete); once the result is ready or
# the dossier refused, the Department's work is done — such a dossier is never overdue
CLOCK_RUNNING_STATES = ("received", "in_appraisal", "approved")
CLOCK_STOP_STATES = ("refused", "result_ready", *FINAL_STATES)
CLOCK_IDLE_STATES = ("supplement_requested", *CLOCK_STOP_STATES)  # never overdue
SUPPLEMENT_WINDOW = StepWindow(
    PROCESSING, within=3, basis="Nghị định 61/2018/NĐ-CP, Điều 19 khoản 4",
    text=N_("A supplement can be requested within 03 working days of receipt, by {day} "
            "({basis}); after that the dossier is appraised as it is (approve or refuse)."))
APOLOGY_WINDOW = StepWindow(
    PROCESSING, before_due=1, basis="Nghị định 61/2018/NĐ-CP, Điều 19 khoản 9",
    text=N_("An apology and new return date must be sent at the latest 01 working day before "
            "the due date, by {day} ({basis})."))

SPEC = CaseSpec(
    kind="dossier", version=1, label=N_("One-stop dossier"), area=ONE_STOP, code_prefix="",
    basis="NĐ 61/2018/NĐ-CP",
    states={"received": N_("received"), "supplement_requested": N_("supplement requested"),
            "in_appraisal": N_("in appraisal"), "approved": N_("approved"),
            "refused": N_("refused"), "result_ready": N_("result ready"),
            "returned": N_("returned"), "withdrawn": N_("withdrawn")},
    initial="received", final_states=FINAL_STATES,
    steps={
        "request_supplement": CaseStep(N_("Request a supplement…"),
                                       ("received", "in_appraisal"), "supplement_requested",
                                       area=ONE_STOP, needs_reason=True,
                                       window=SUPPLEMENT_WINDOW),
        "supplement_received": CaseStep(N_("Supplement received"), ("supplement_requested",),
                                        "received", area=ONE_STOP),
        "start_appraisal": CaseStep(N_("Start appraisal"), ("received",), "in_appraisal"),
        "approve": CaseStep(N_("Approve"), ("in_appraisal",), "approved", permission="approve"),
        "refuse": CaseStep(N_("Refuse…"), ("in_appraisal",), "refused", permission="approve",
                           needs_reason=True),
        "result_ready": CaseStep(N_("Result ready"), ("approved",), "result_ready"),
        "return_result": CaseStep(N_("Return the result"), ("result_ready", "refused"),
                                  "returned", area=ONE_STOP),
        "withdraw": CaseStep(N_("Withdrawn by the applicant…"), ACTIVE_STATES, "withdrawn",
                             area=ONE_STOP, needs_reason=True),
        "apologise": CaseStep(N_("Apology and new date…"),
                              ("received", "in_appraisal", "approved"), None, needs_reason=True,
                              window=APOLOGY_WINDOW),
        "hand_over": CaseStep(N_("Hand over…"), ACTIVE_STATES, None, area=ONE_STOP),
    },
    clocks=(
        Clock(PROCESSING, N_("Processing time"), Limit(1), start_on=(OPEN,),
              stop_states=CLOCK_STOP_STATES, restart_on=("supplement_received",),
              extend_on=("apologise",), cutoff=DEFAULT_CUTOFF,
              extension=Extension(1, APOLOGY_MAX_DAYS, chosen_date=True, exhausted_text=N_(
                  "The return date can be re-appointed only once (ND 61/2018 Art. 19(9)).")),
              start_text=N_("Dossier received on {when}."), due_label=None,
              restart_text=N_("The complete dossier arrived: the time limit starts again from "
                              "zero (ND 61/2018 Art. 19(4))."),
              basis="NĐ 61/2018/NĐ-CP Điều 19"),
    ),
    wrong_state_text=N_("A dossier that is {state} cannot be given this step ({action}). "
                        "Possible from: {states}."),
)
