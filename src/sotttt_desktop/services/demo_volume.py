"""A Department's volume of one-stop work for the demo: about 1,300 dossiers a year (volume 1)
over the three calendar years that end on the demo's working date, across every procedure of the
catalogue in force on each day, with the permits that follow from them.

Each dossier's life is planned (receipt, hand-over, supplement request within 03 working days of
receipt, appraisal, apology at least 01 working day before the due date and once, approval or
refusal, the result, its return — on time mostly, some early, a few late — or a withdrawal) and
then run through the same pure rules the desk runs (`core.cases.engine.apply_step`, the
working-day calendar), so the due dates, states and timeline are what `services.dossiers` would
write; the rows (dossier, timeline events, the day's dossier-code numbers, the audit entries) are
written in batches, not one transaction per step. The permits are issued in date order through
the permit service's own pieces inside batched transactions: numbers from the register of
outgoing documents (one series per kind and year), the register entry each permit describes, the
audit entry.

Everything the volume numbers is dated before the hand-written demo cases (`demo_cases.py`),
which come after it, so every series stays in date order.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, literal, or_, select

from sotttt_desktop.catalog import load as load_catalogue
from sotttt_desktop.core import audit, clock
from sotttt_desktop.core.calendar import TimeUnit, WorkingCalendar, add_months, compute_due
from sotttt_desktop.core.cases.engine import ClockState, StepInput, apply_step
from sotttt_desktop.core.cases.one_stop import PROCESSING
from sotttt_desktop.core.cases.one_stop import SPEC as DOSSIER
from sotttt_desktop.core.cases.spec import ClockUnit, Limit
from sotttt_desktop.core.models import Dossier, DossierEvent, NumberRecord, NumberSeries, Party
from sotttt_desktop.core.numbering import dossier_code_text
from sotttt_desktop.i18n import LOCAL_TZ, _
from sotttt_desktop.services.actor import Actor
from sotttt_desktop.services.demo_cases import RECENT_WORKING_DAYS
from sotttt_desktop.services.demo_permits import PermitPlan, issue_planned
from sotttt_desktop.services.reference import unit_in_charge

if TYPE_CHECKING:
    from sotttt_desktop.services.facade import Services

DOSSIERS_PER_YEAR = 1300  # per unit of volume (a Department of a province like Bình Dương)
HISTORY_YEARS = 3  # calendar years ending on the working date
BATCH = 2000  # dossiers per transaction
# the volume numbers nothing in the last working days, where the hand-written demo cases
# (demo_cases.py) are numbered after it
CUTOFF_WORKING_DAYS = RECENT_WORKING_DAYS + 1
# a holder asks to extend a licence in its last months (UNCONFIRMED: the Department's practice)
EXTEND_AHEAD_DAYS = 90
OVERDUE_KEPT = 6  # open dossiers past their due date, per unit of volume (a real office has some)

# who takes each step (the demo accounts, services/demo.py)
CLERK, SPECIALIST, LEADER = "motcua", "chuyenvien", "lanhdao"
STEP_ACTOR = {"receive": CLERK, "hand_over": CLERK, "request_supplement": CLERK,
              "supplement_received": CLERK, "start_appraisal": SPECIALIST, "apologise": SPECIALIST,
              "approve": LEADER, "refuse": LEADER, "result_ready": LEADER,
              "return_result": CLERK, "withdraw": CLERK}
def specialist_for(area: str) -> str:
    """The demo specialist whose areas include `area` (demo.DEMO_USERS), else the first one."""
    from sotttt_desktop.services.demo import DEMO_USERS

    return next((username for username, _name, roles, areas, _unit, _district in DEMO_USERS
                 if "specialist" in roles and area in areas), SPECIALIST)


# how often each procedure is asked for (relative; unnamed: 1)
WEIGHTS = {"publishing.printing_facility.register": 9, "publishing.photocopier.register": 6,
           "e_information.game_point.issue": 8, "e_information.game_point.extend": 3,
           "publishing.distribution.register": 5, "publishing.non_business.issue": 7,
           "publishing.import.issue": 4, "press.bulletin.issue": 2, "postal.notification.confirm":
           4, "e_information.website.issue": 4, "press.conference.foreign": 2,
           "publishing.fair.issue": 2, "publishing.printing.issue": 3}
# what a company applying in each area does (words of its folded name)
AREA_TRADES = {"press": ("truyen thong", "xuat ban"), "publishing": ("in", "xuat ban",
               "phat hanh sach", "van hoa pham"), "e_information": (
               "cong nghe thong tin", "dich vu internet", "tro choi dien tu", "giai phap so"),
               "postal": ("buu chinh",), "cybersecurity": ("an ninh mang", "phan mem")}
FAMILY_TRADES = {"postal.licence": ("buu chinh",), "postal.notification": ("buu chinh",),
                 "publishing.printing": ("in",), "publishing.fair": ("phat hanh sach",),
                 # a commune's radio station is its People's Committee's; a display outside a
                 # foreign mission is asked for by the foreign organisation's office
                 "grassroots.commune_radio": ("uy ban nhan dan",),
                 "grassroots.foreign_display": ("van phong dai dien",),
                 # a level-3 proposal the Department appraises is a public body's
                 "cybersecurity.level": ("uy ban nhan dan",)}
# a procedure whose applicants differ from its family's: a foreign organisation's press
# conference is asked for by its office
PROCEDURE_TRADES = {"press.conference.foreign": ("van phong dai dien",)}
FOREIGN_OFFICES = ("Văn phòng đại diện Tổ chức Hợp tác Quốc tế Nhật Bản (JICA) tại Bình Dương",
                   "Văn phòng đại diện Phòng Thương mại Hàn Quốc (KOCHAM) tại Bình Dương",
                   "Văn phòng đại diện Hiệp hội Doanh nghiệp Đài Loan tại Bình Dương")
SUPPLEMENT_REASONS = ("Bản sao giấy chứng nhận đăng ký doanh nghiệp chưa được chứng thực",
                      "Thiếu sơ yếu lý lịch của người chịu trách nhiệm",
                      "Tờ khai chưa ghi đủ thông tin theo mẫu",
                      "Thiếu bản sao văn bằng, chứng chỉ chuyên môn của người đứng đầu")
REFUSAL_REASONS = ("Hồ sơ không đáp ứng điều kiện theo quy định",
                   "Địa điểm hoạt động không phù hợp với quy hoạch",
                   "Nội dung đề nghị không thuộc thẩm quyền giải quyết của Sở")
WITHDRAWAL_REASONS = ("Tổ chức, cá nhân có văn bản xin rút hồ sơ",
                      "Quá thời hạn bổ sung hồ sơ, tổ chức có văn bản xin rút")
APOLOGY_REASONS = ("Cần xin ý kiến cơ quan có liên quan về nội dung hồ sơ",
                   "Cần kiểm tra thực tế tại cơ sở trước khi cấp")


def _supplement_reason(procedure: Any, rng: random.Random) -> str:  # noqa: ANN401
    """A paper of the procedure's own dossier to be completed (never one it does not ask)."""
    if not procedure.components:
        return rng.choice(SUPPLEMENT_REASONS)
    name = rng.choice(procedure.components).name
    return f"Bổ sung {name[0].lower()}{name[1:]}"


def _refusal_reason(procedure: Any, rng: random.Random) -> str:  # noqa: ANN401
    """Why the dossier is refused, naming the provision whose conditions it does not meet."""
    from sotttt_desktop.catalog.instruments import load as load_instruments

    if not procedure.articles or rng.random() < 0.3:
        return rng.choice(REFUSAL_REASONS[1:])
    key, article = rng.choice(procedure.articles)
    instrument = load_instruments().get(key)
    return (f"Hồ sơ không đáp ứng điều kiện quy định tại {article} "
            f"{instrument.reference()}")


@dataclass
class Step:
    action: str
    at: dt.datetime  # local
    reason: str = ""
    to_unit: str = ""
    new_due: dt.date | None = None  # an apology's new return date
    due: dt.date | None = None  # the due date this step sets (planning only)


@dataclass
class DossierPlan:
    id: uuid.UUID
    procedure: Any  # catalog Procedure
    applicant: uuid.UUID
    district: int | None
    channel: str
    received: dt.datetime  # local
    steps: list[Step] = field(default_factory=list)
    permit: PermitPlan | None = None
    code: str = ""


class _Days:
    """Working-day arithmetic on the Department's calendar."""

    def __init__(self, calendar: WorkingCalendar):
        self.calendar = calendar

    def after(self, day: dt.date, count: int = 1) -> dt.date:
        while count > 0:
            day += dt.timedelta(days=1)
            count -= self.calendar.is_working_day(day)
        return day

    def before(self, day: dt.date, count: int = 1) -> dt.date:
        while count > 0:
            day -= dt.timedelta(days=1)
            count -= self.calendar.is_working_day(day)
        return day

    def on_or_after(self, day: dt.date) -> dt.date:
        while not self.calendar.is_working_day(day):
            day += dt.timedelta(days=1)
        return day


# a family that confirms a notice of change → the family of the licence the notice is about
NOTICE_OF = {"e_information.website_notice": "e_information.website"}


def history_start(today: dt.date) -> dt.date:
    """The first day of the volume (1 January, three calendar years back)."""
    return dt.date(today.year - HISTORY_YEARS + 1, 1, 1)


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour, minute))


class VolumePlanner:
    """Plans every dossier's life; pure (reads the catalogue, the calendar and the parties)."""

    def __init__(self, services: Services, volume: float, seed: int, today: dt.date):
        self.services = services
        self.rng = random.Random(seed)
        self.today = today
        self.days = _Days(services.calendar.calendar())
        self.cutoff = self.days.before(today, CUTOFF_WORKING_DAYS)
        self.volume = volume
        self.catalogue = load_catalogue()
        self.applicants = self._applicants()
        # valid permits planned so far, by family: [(plan, issued on)] (replacements pick one)
        self.issued: dict[str, list[DossierPlan]] = {}
        self.serial = 0
        self.periods = services.reference.profile_versions()

    def _applicants(self) -> dict[str, list[tuple[uuid.UUID, int | None]]]:
        """Organisations by the trade words they fit ("" → any organisation)."""
        words = {w for trades in (*AREA_TRADES.values(), *FAMILY_TRADES.values(),
                                  *PROCEDURE_TRADES.values()) for w in trades}
        found: dict[str, list[tuple[uuid.UUID, int | None]]] = {}
        with self.services.db.session() as session:
            organisations = select(Party.id, Party.district_code).where(
                Party.kind == "org", Party.tax_code.is_not(None),
                Party.tax_code.not_like("%-%")).order_by(Party.sort_name)  # no branches
            found[""] = [tuple(row) for row in session.execute(organisations)]  # type: ignore[misc]
            for word in words:
                found[word] = [tuple(row) for row in session.execute(organisations.where(or_(
                    (literal(" ") + Party.sort_name + " ").like(f"% {word} %"))))]  # type: ignore[misc]
        return found

    def _applicant(self, procedure: Any) -> tuple[uuid.UUID, int | None]:  # noqa: ANN401
        trades = (PROCEDURE_TRADES.get(procedure.key) or FAMILY_TRADES.get(procedure.family)
                  or AREA_TRADES.get(procedure.area, ()))
        pool = [p for word in trades for p in self.applicants.get(word, ())] or self.applicants[""]
        return self.rng.choice(pool)

    def plan(self) -> list[DossierPlan]:
        plans: list[DossierPlan] = []
        day = history_start(self.today)
        per_day = DOSSIERS_PER_YEAR * self.volume / 250  # about 250 working days a year
        overdue_left = max(3, round(OVERDUE_KEPT * self.volume))
        while day < self.today:
            if self.days.calendar.is_working_day(day):
                procedures = [p for p in self.catalogue.list(on=day)
                              if p.unit is not TimeUnit.HOURS_BEFORE]
                weights = [WEIGHTS.get(p.key, 1) for p in procedures]
                count = self._poisson(per_day)
                for procedure in self.rng.choices(procedures, weights, k=count):
                    plan = self._one(procedure, day)
                    if plan is None:
                        continue
                    state, due = self._outcome(plan)
                    if state not in DOSSIER.final_states and state != "refused" \
                            and due < self.today:
                        if overdue_left <= 0:
                            continue
                        overdue_left -= 1
                    plans.append(plan)
                    if plan.permit is not None:
                        self.issued.setdefault(procedure.family, []).append(plan)
            day += dt.timedelta(days=1)
        plans.sort(key=lambda p: p.received)
        return plans

    def _unit(self, area: str, day: dt.date) -> str:
        """The code of the unit in charge of the area that day (`reference.unit_for_area`,
        on the profile periods read once)."""
        period = next(p for p in reversed(self.periods)
                      if dt.date.fromisoformat(str(p["effective_from"])) <= day)
        return unit_in_charge(period, area)[1] or "VP"

    def _poisson(self, mean: float) -> int:
        # a sum of Bernoulli trials is close enough and needs no numpy
        whole = int(mean * 2) + 1
        return sum(self.rng.random() < mean / whole for _n in range(whole))

    def _outcome(self, plan: DossierPlan) -> tuple[str, dt.date]:
        """The plan's state and due date as of the working date (the engine, dry run)."""
        state, due = "received", self.today
        for step in plan.steps:
            if step.action != "receive":
                state = DOSSIER.steps[step.action].target or state
            due = step.due or due
        return state, due

    def _one(self, procedure: Any, day: dt.date) -> DossierPlan | None:  # noqa: ANN401, C901, PLR0912, PLR0915
        rng, days = self.rng, self.days
        hour = rng.choice((7, 8, 8, 9, 9, 10, 10, 13, 14, 14, 15, 16))
        received = _at(day, hour, rng.randint(0, 59) if hour < 16 else rng.randint(0, 29))
        applicant, district = self._applicant(procedure)
        plan = DossierPlan(uuid.uuid4(), procedure, applicant, district,
                           rng.choices(("counter", "online", "post"), (70, 25, 5))[0], received)
        if procedure.action == "extend" and self._replaceable(procedure, plan, day, day,
                                                              take=False) is None:
            return None  # no licence near its end: nobody asks to extend one
        due = compute_due(received, procedure.time_limit, procedure.unit, days.calendar).due
        plan.steps.append(Step("receive", received, due=due))
        unit = self._unit(procedure.area, day)
        plan.steps.append(Step("hand_over", received + dt.timedelta(minutes=20), to_unit=unit))
        start_day = days.after(day)
        roll = rng.random()
        if roll < 0.12:  # a supplement is asked for within 03 working days of receipt
            asked = days.after(day, rng.randint(1, 3))
            plan.steps.append(Step("request_supplement", _at(asked, 9, 30),
                                   reason=_supplement_reason(procedure, rng)))
            if rng.random() < 0.1:  # never completed: the applicant withdraws
                gone = days.after(asked, rng.randint(10, 25))
                plan.steps.append(Step("withdraw", _at(gone, 10),
                                       reason=WITHDRAWAL_REASONS[1]))
                return self._cut(plan)
            back = days.after(asked, rng.randint(2, 8))
            due = compute_due(_at(back, 10, 15), procedure.time_limit, procedure.unit,
                              days.calendar).due
            plan.steps.append(Step("supplement_received", _at(back, 10, 15), due=due))
            start_day = days.after(back)
        plan.steps.append(Step("start_appraisal", _at(start_day, 8, 30)))
        if rng.random() < 0.025:  # withdrawn during appraisal
            gone = days.after(start_day, rng.randint(1, 4))
            plan.steps.append(Step("withdraw", _at(gone, 14), reason=WITHDRAWAL_REASONS[0]))
            return self._cut(plan)
        if rng.random() < 0.04 and days.before(due, 1) > start_day:  # an apology, in time
            written = max(start_day, days.before(due, rng.randint(1, 3)))
            due = days.after(due, rng.randint(3, 10))
            # an inspection on site delays a new licence, not a reissue or an amendment
            reasons = APOLOGY_REASONS if procedure.action == "issue" else APOLOGY_REASONS[:1]
            plan.steps.append(Step("apologise", _at(written, 15), reason=rng.choice(reasons),
                                   new_due=due, due=due))
        timing = rng.random()
        if timing < 0.30:  # early
            back_day = days.before(due, rng.randint(1, 4))
        elif timing < 0.96:  # on the due date
            back_day = due if days.calendar.is_working_day(due) else days.before(due)
        else:  # late
            back_day = days.after(due, rng.randint(1, 5))
        decided = max(days.after(start_day), days.before(back_day))
        if decided >= back_day:
            back_day = days.after(decided)
        refused = rng.random() < 0.06
        replaced = None
        if not refused and procedure.action in ("amend", "extend", "reissue", "transfer"):
            replaced = self._replaceable(procedure, plan, received.date(), decided)
            refused = replaced is None
        notified = None  # a notice of change names a licence the holder was issued
        if not refused and procedure.family in NOTICE_OF:
            notified = self._licence_of(NOTICE_OF[procedure.family], plan, received.date())
            refused = notified is None
        if refused:
            plan.steps.append(Step("refuse", _at(decided, 15),
                                   reason=_refusal_reason(procedure, rng)))
            plan.steps.append(Step("return_result", _at(back_day, 9, 30)))
            return self._cut(plan)
        plan.steps.append(Step("approve", _at(decided, 10)))
        self.serial += 1
        plan.permit = PermitPlan(on=decided, serial=self.serial,
                                 replaces=replaced.id if replaced else None,
                                 refers_to=notified.id if notified else None)
        # the end of validity `PermitService._validity` gives it
        if replaced is not None and replaced.permit is not None:
            plan.permit.until = replaced.permit.until
            plan.permit.extensions = replaced.permit.extensions
            if procedure.action == "extend" and replaced.permit.until is not None:
                plan.permit.until = add_months(replaced.permit.until,
                                               procedure.extension_max_months)
                plan.permit.extensions += 1
        elif procedure.validity_max_years:
            plan.permit.until = add_months(decided, 12 * procedure.validity_max_years)
        plan.steps.append(Step("result_ready", _at(decided, 16)))
        if rng.random() < 0.01:  # the holder collects the result weeks later
            back_day = days.after(back_day, rng.randint(8, 30))
        plan.steps.append(Step("return_result", _at(back_day, rng.choice((8, 9, 10, 14, 15)))))
        return self._cut(plan)

    def _replaceable(self, procedure: Any, plan: DossierPlan,  # noqa: ANN401
                     before: dt.date, decided: dt.date, take: bool = True) -> DossierPlan | None:
        """An earlier planned permit of the family this dossier may replace (taken: it is
        superseded by this one); an extension, one in its last months that is still valid when
        the extension is decided."""
        candidates = self.issued.get(procedure.family, [])
        for index, old in enumerate(candidates):
            assert old.permit is not None
            if old.permit.on >= before:
                break
            until = old.permit.until
            if procedure.action == "extend" and (
                    until is None or not procedure.extension_max_months
                    or not until - dt.timedelta(days=EXTEND_AHEAD_DAYS) <= before
                    or decided >= until
                    or (procedure.max_extensions is not None
                        and old.permit.extensions >= procedure.max_extensions)):
                continue
            if procedure.action == "transfer" and old.applicant == plan.applicant:
                continue
            if not take:
                return old
            del candidates[index]
            if procedure.action != "transfer":
                plan.applicant, plan.district = old.applicant, old.district
            return old
        return None

    def _licence_of(self, family: str, plan: DossierPlan, before: dt.date
                    ) -> DossierPlan | None:
        """A licence of `family` issued before `before` (not taken: it stays valid); the
        dossier becomes its holder's."""
        candidates = [old for old in self.issued.get(family, [])
                      if old.permit is not None and old.permit.on < before]
        if not candidates:
            return None
        old = self.rng.choice(candidates)
        plan.applicant, plan.district = old.applicant, old.district
        return old

    def _cut(self, plan: DossierPlan) -> DossierPlan:
        """What has happened by the working date: steps before it; nothing numbered after the
        cutoff (the result of such a dossier is still to be signed)."""
        kept = [s for s in plan.steps if s.at.date() < self.today]
        if plan.permit is not None and plan.permit.on > self.cutoff:
            plan.permit = None
            kept = [s for s in kept if s.action not in ("result_ready", "return_result")]
        plan.steps = kept
        return plan


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=LOCAL_TZ).astimezone(dt.UTC)


class VolumeWriter:
    """Runs each plan through the desk's rules and writes the rows `services.dossiers` writes."""

    def __init__(self, services: Services):
        self.services = services
        self.calendar = services.calendar.calendar()
        self.units = services.dossiers.units()
        self.day_numbers: dict[tuple[str, str], int] = {}

    def rows(self, plan: DossierPlan, agency: str) -> tuple[dict, list[dict], list[dict], dict]:
        """(dossier row, event rows, audit entries, number record) of one plan."""
        procedure = plan.procedure
        received = plan.steps[0].at
        period = f"{received:%y%m%d}"
        number = self.day_numbers.get((agency, period), 0) + 1
        self.day_numbers[(agency, period)] = number
        plan.code = code = dossier_code_text(number, agency, received.date())
        # what `services.calendar.due` gives (the receipt was checked against the clock there)
        due = compute_due(received, procedure.time_limit, procedure.unit, self.calendar)
        at = _utc(received)
        checklist = [{"name": c.name, "required": c.required, "form": c.form, "count": c.count,
                      "provided": True} for c in procedure.components]
        row = {"id": plan.id, "code": code, "procedure_key": procedure.key,
               "procedure_version": procedure.effective_from, "procedure_name": procedure.name,
               "area": procedure.area, "applicant_id": plan.applicant,
               "district_code": plan.district, "channel": plan.channel, "received_at": at,
               "received_by": CLERK, "clock_started_at": at, "state": "received",
               "due_date": due.due, "apology_used": False,
               "checklist": json.dumps(checklist, ensure_ascii=False), "current_unit": "one_stop",
               "finished_at": None, "decided_at": None, "note": "", "created_at": at,
               "updated_at": at, "created_by": CLERK, "updated_by": CLERK, "version": 1}
        events = [self._event(plan.id, received, CLERK, "received", None, "received", None,
                              due.due, _("Received: {procedure}.").format(
                                  procedure=procedure.name), due.explanation)]
        entries = [{"username": CLERK, "action": "receive", "entity_kind": "dossier",
                    "entity_id": plan.id, "summary": code,
                    "after": {"code": code, "procedure": procedure.key,
                              "applicant": str(plan.applicant), "due": due.due}}]
        limits = {PROCESSING: Limit(procedure.time_limit, ClockUnit(procedure.unit.value))}
        for step in plan.steps[1:]:
            self._take(row, events, entries, step, limits)
        record = {"kind": "dossier", "agency": agency, "period": period, "number": number,
                  "text": code, "state": "issued", "reference": str(plan.id), "at": at,
                  "by": CLERK, "origin": "app"}
        return row, events, entries, record

    def _take(self, row: dict, events: list[dict], entries: list[dict], step: Step,
              limits: dict[str, Limit]) -> None:
        """`DossierService.take_step` on a row."""
        actor = STEP_ACTOR[step.action]
        if actor == SPECIALIST:  # the specialist of the unit in charge of the area
            actor = specialist_for(row["area"])
        before_state, before_due = row["state"], row["due_date"]
        started = row["clock_started_at"].astimezone(LOCAL_TZ).replace(tzinfo=None)
        current = ClockState(PROCESSING, "stopped" if before_state in DOSSIER.final_states
                             else "running", started=started, due=before_due,
                             extensions=({"apology": True},) if row["apology_used"] else ())
        outcome = apply_step(DOSSIER, before_state, "", {PROCESSING: current}, step.action,
                             StepInput(step.at, reason=step.reason, new_due=step.new_due),
                             self.calendar, limits=limits)
        after = outcome.clocks[PROCESSING]
        explanation = None
        if PROCESSING in outcome.changed and after.status == "stopped":  # as take_step keeps it
            row["decided_at"] = _utc(step.at)
        if PROCESSING in outcome.changed and after.status == "running":
            explanation = list(after.explanation)
            row["due_date"] = after.due
            if after.extensions:
                row["apology_used"] = True
            else:
                row["clock_started_at"] = _utc(step.at)
        detail = step.reason
        if step.action == "hand_over":
            detail = _("Handed over from {from_unit} to {to_unit}.").format(
                from_unit=self.units.get(row["current_unit"], row["current_unit"]),
                to_unit=self.units.get(step.to_unit, step.to_unit))
            row["current_unit"] = step.to_unit
        row["state"] = outcome.state
        if outcome.state in DOSSIER.final_states:
            row["finished_at"] = _utc(step.at)
        row["updated_by"], row["updated_at"] = actor, _utc(step.at)
        row["version"] += 1
        events.append(self._event(row["id"], step.at, actor, step.action, before_state,
                                  outcome.state, before_due, row["due_date"], detail,
                                  explanation))
        entries.append({"username": actor, "action": step.action, "entity_kind": "dossier",
                        "entity_id": row["id"], "summary": row["code"],
                        "before": {"state": before_state, "due": before_due},
                        "after": {"state": row["state"], "due": row["due_date"],
                                  "reason": step.reason}})

    @staticmethod
    def _event(dossier_id: uuid.UUID, at: dt.datetime, by: str, kind: str,
               from_state: str | None, to_state: str | None, due_before: dt.date | None,
               due_after: dt.date | None, detail: str, explanation: Any) -> dict:  # noqa: ANN401
        return {"dossier_id": dossier_id, "at": _utc(at), "by": by, "kind": kind,
                "from_state": from_state, "to_state": to_state, "due_before": due_before,
                "due_after": due_after, "detail": detail,
                "explanation": json.dumps(list(explanation), ensure_ascii=False)
                if explanation else None}


PUBLIC_COMMUNES = 10
PUBLIC_APPLICANTS = PUBLIC_COMMUNES + len(FOREIGN_OFFICES)  # among the demo's parties


def add_public_applicants(services: Services) -> None:
    """The applicants the companies cannot be: the People's Committees of a few communes (their
    radio stations) and foreign organisations' offices (displays outside their premises)."""
    rows = [(info, code, name) for _district, info in sorted(services.reference.districts()
                                                              .items())
            for code, name in info.communes[:2]][:PUBLIC_COMMUNES]
    for n, (info, code, name) in enumerate(rows):
        commune = f"{name[:1].lower()}{name[1:]}"
        services.parties.add(kind="org", name=f"Ủy ban nhân dân {commune}",
                             tax_code=f"3799{n + 1:06d}", district_code=str(info.code),
                             commune_code=str(code), phone=f"0274 38{n:02d} 100",
                             email=f"ubnd{n + 1}@binhduong.gov.vn",
                             address=f"Trụ sở Ủy ban nhân dân {commune}, {info.name}, "
                                     "tỉnh Bình Dương")
    for n, office in enumerate(FOREIGN_OFFICES):
        services.parties.add(kind="org", name=office, tax_code=f"3798{n + 1:06d}",
                             district_code="718", phone=f"0274 39{n:02d} 200",
                             email=f"office{n + 1}@example.org",
                             address="Đại lộ Bình Dương, phường Phú Hòa, thành phố Thủ Dầu Một, "
                                     "tỉnh Bình Dương")


def fill_demo_volume(services: Services, volume: float = 1.0, seed: int = 2024,
                     progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Add the volume of dossiers and permits; returns how many of each."""
    if volume <= 0:
        return {"dossiers": 0, "permits": 0}
    today = clock.local_today()
    plans = VolumePlanner(services, volume, seed, today).plan()
    writer = VolumeWriter(services)
    agencies: dict[int, str] = {}
    total = len(plans)
    for start in range(0, total, BATCH):
        batch = plans[start:start + BATCH]
        dossiers, events, entries, records = [], [], [], []
        for plan in batch:
            year = plan.received.year
            if year not in agencies:
                agencies[year] = services.numbering.agency(plan.received.date())
            row, timeline, audited, record = writer.rows(plan, agencies[year])
            dossiers.append(row)
            events += timeline
            entries += audited
            records.append(record)
        with services.db.session(write=True) as session:
            session.execute(insert(Dossier), dossiers)
            session.execute(insert(DossierEvent), events)
            session.execute(insert(NumberRecord), records)
            audit.append_many(session, entries)
            session.commit()
        if progress:
            progress(start + len(batch), total)
    with services.db.session(write=True) as session:
        session.execute(insert(NumberSeries), [
            {"kind": "dossier", "agency": agency, "period": period, "last_number": last}
            for (agency, period), last in writer.day_numbers.items()])
        session.commit()
    signer = services.as_actor(Actor(username=LEADER, display_name="Nguyễn Văn Hòa",
                                     authenticated=True, grants=frozenset({("*", "*")})))
    permits = issue_planned(signer, [p for p in plans if p.permit is not None])
    return {"dossiers": total, "permits": permits}
