"""A case declaration: states, steps with their permissions, and legal clocks (issue #12 item 8).

A case is any piece of work that runs on a legal clock: a one-stop dossier, a denunciation, an
appraisal, an inspection, a takedown request. Its kind declares everything the generic engine
(`core.cases.engine`) and store (`services.cases`) need; adding a kind adds no service code.

Clocks count in working days, days, hours or up to a fixed calendar date ("by 20/12"). A clock
starts on a step (`OPEN` is the opening of the case), stops on a step or on entering a state,
starts again from zero on a restart step (a supplement), may pause and resume (time that does not
count), and may be extended at most `times` times by at most `amount` each, every extension with
the decision that granted it. Variants (complex case, remote area) change limits and extensions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sotttt_desktop.i18n import N_
from sotttt_desktop.registers.spec import FieldSpec

OPEN = "open"  # the pseudo-step that opens a case: clocks may start on it


class ClockUnit(StrEnum):
    WORKING_DAYS = "working_days"
    DAYS = "days"
    HOURS = "hours"
    MONTHS = "months"  # to the same day N months later (its last day if the month lacks it)
    FIXED_DATE = "fixed_date"  # by a day and month of the year ("by 20/12")


@dataclass(frozen=True)
class Limit:
    """How long a clock runs: `amount` units, or (FIXED_DATE) up to `day`/`month`."""

    amount: int = 0
    unit: ClockUnit = ClockUnit.WORKING_DAYS
    day: int = 0
    month: int = 0

    def __post_init__(self) -> None:
        if self.unit is ClockUnit.FIXED_DATE:
            dt.date(2024, self.month, self.day)  # raises on 31/02
        elif self.amount < 1:
            raise ValueError("a time limit is at least 1")


@dataclass(frozen=True)
class Extension:
    """At most `times` extensions, each by at most `amount` `unit` (decided, with a number).

    `chosen_date`: the extension names the new due date itself (an apology re-appointment), at
    most `amount` days after the current one and on a working day."""

    times: int
    amount: int
    unit: ClockUnit = ClockUnit.DAYS
    chosen_date: bool = False
    exhausted_text: str | None = None  # N_(): the law's own words when none is left


@dataclass(frozen=True)
class Clock:
    key: str
    label: str  # N_()
    limit: Limit
    start_on: tuple[str, ...] = (OPEN,)
    stop_on: tuple[str, ...] = ()  # steps
    stop_states: tuple[str, ...] = ()  # entering one of these stops the clock
    restart_on: tuple[str, ...] = ()  # the clock starts again from zero
    pause_on: tuple[str, ...] = ()
    resume_on: tuple[str, ...] = ()
    extension: Extension | None = None
    extend_on: tuple[str, ...] = ()  # the steps that extend this clock
    cutoff: dt.time | None = None  # started after this hour: counts from the next working day
    start_text: str | None = None  # N_() with {when}: the first explanation line
    restart_text: str | None = None  # N_(): why the clock starts again
    due_label: str | None = N_("Deadline")  # N_(); None: the dossier's "due for the result"
    basis: str = ""  # the legal basis, printed with the explanation
    # N_(): the area's overview counts the cases whose clock is past due under this label
    # ("Fines unpaid past their due date")
    overdue_label: str | None = None


@dataclass(frozen=True)
class Variant:
    """Other limits or extensions for some clocks (complex case, remote area)."""

    label: str  # N_()
    limits: dict[str, Limit] = field(default_factory=dict)
    extensions: dict[str, Extension | None] = field(default_factory=dict)


@dataclass(frozen=True)
class StepWindow:
    """When a step may be taken, counted on one of the case's clocks in working days: `within`
    of the clock's start (0: no bound), and at the latest `before_due` working days before its
    due date (0: no bound). `text` (N_(), with {day}, {basis} and {within}) is the refusal."""

    clock: str
    text: str
    within: int = 0
    before_due: int = 0
    basis: str = ""


LETTER = "CV"  # an issued document that is a letter (công văn) of the unit in charge


@dataclass(frozen=True)
class IssuedDocument:
    """A document the Department sends when a step is taken (or the case is opened): its
    number comes from the register of outgoing documents in the step's transaction, never
    typed. `symbol`: its kind ("BC", "QĐ"), or LETTER for a letter of the unit in charge of
    the case's area ("12/STTTT-TTBCXB"). `summary` (its trích yếu) and `recipients`
    (Vietnamese) may name {title}, {code}, {year}, the case's fields and, with `texts`, the
    keys of that effective-dated section of resources/documents/texts.toml (the document's own
    wording, so the register and the printed document say the same). The register writes
    "`kind_name` trích yếu" ("Báo cáo tình hình …"). `field`: the case field that shows the
    number (read-only in forms)."""

    symbol: str
    summary: str
    recipients: str = ""
    field: str | None = None
    kind_name: str = ""
    texts: str | None = None

    def register_summary(self, names: dict[str, str]) -> str:
        text = self.summary.format_map(names)
        if not self.kind_name or not text:
            return text
        return f"{self.kind_name} {text[0].lower()}{text[1:]}"


@dataclass(frozen=True)
class CaseStep:
    """An action: the states it may start from, the state it leads to (None: unchanged), the
    permission needed in `area` (None: the case kind's own area)."""

    label: str  # N_()
    sources: tuple[str, ...]
    target: str | None
    permission: str = "edit"
    area: str | None = None
    needs_reason: bool = False
    needs_decision: bool = False  # a decision number (extensions, acceptance decisions)
    # N_(): what the number is called for this step (a report's own number), and an example
    decision_label: str = N_("Decision no.")
    decision_example: str = "05/QĐ-STTTT"
    issues: IssuedDocument | None = None  # the step sends a document numbered by the register
    chooses_variant: bool = False  # the step classifies the case (complex, remote area)
    window: StepWindow | None = None  # when the law allows the step, on a clock
    # the step classifies the case itself (an explanation asked for: the longer limit)
    sets_variant: str | None = None
    # the moment of the step is asked (a notification sent at 14:30, recorded at 16:00): its
    # clocks are counted to that moment, not to when the clerk records it
    asks_when: bool = False
    # the case fields the step's document says (an appraisal's opinion): filled before the
    # step is taken, and kept as sent after it
    requires: tuple[str, ...] = ()
    # the step writes its outcome into a register's record the case names (an approved level
    # into the system's entry), in the step's transaction
    writes: RecordUpdate | None = None
    # the step's decision suspends a permit of the permit register, in the same transaction
    suspends: PermitWithdrawal | None = None
    # the fields the step's document says, kept as they were when it was taken (a decision's
    # penalties): an edit changing one is refused; the party of `party_field` is copied too
    keeps: tuple[str, ...] = ()
    # (values, services, moment) → computed fields the step writes into the case, as of the
    # step (the violator's particulars as the decision prints them; the day of a notice)
    records: Callable[[dict[str, Any], Any, dt.datetime], dict[str, Any]] | None = None
    # (values, moment) → why the step may not be taken then (a limitation that has ended)
    guard: Callable[[dict[str, Any], dt.datetime], str | None] | None = None


@dataclass(frozen=True)
class PermitWithdrawal:
    """The step's decision withdraws a licence for some months (an additional penalty): the
    permit whose number is the case field `permit_field` is suspended from the step's day for
    `months_field` months, by the step's number, when `when_field` is `when_value`."""

    permit_field: str
    months_field: str
    when_field: str
    when_value: str


@dataclass(frozen=True)
class CaseWatch:
    """A date the case keeps in its data (a sanction's limitation), watched in the area's
    overview: the cases in `states` whose date falls within `days`. `label`: N_() with {days}."""

    field: str
    days: int
    label: str
    states: tuple[str, ...]


@dataclass(frozen=True)
class RecordUpdate:
    """`register`'s record whose id is the case field `record_field` gets `values`: register
    field → "decision" (the step's number), "date" (the step's day) or a case field's name."""

    register: str
    record_field: str
    values: dict[str, str]


@dataclass(frozen=True)
class CaseSpec:
    kind: str
    version: int
    label: str  # N_()
    area: str
    code_prefix: str
    states: dict[str, str]  # key → label (N_())
    initial: str
    final_states: tuple[str, ...]
    steps: dict[str, CaseStep]
    clocks: tuple[Clock, ...] = ()
    variants: dict[str, Variant] = field(default_factory=dict)  # "" (the plain case) is implied
    basis: str = ""
    # what the case records besides its title (the item reported, the evidence, …): register
    # field declarations, so the form, the validation, the CLI and the display are the registers'
    fields: tuple[FieldSpec, ...] = ()
    # the document the case prints (a kind of documents/templates whose subject is "case"), if
    # any: the annual report drafted from the case and the registers
    document: str | None = None
    # the step after which that document exists (a result letter, once sent): before it, the
    # case does not print
    document_after: str | None = None
    # the Department's own work across the province (an annual report): not opened by a
    # district officer, and one a year when `one_per_year`
    department_wide: bool = False
    one_per_year: bool = False
    # fields whose values one case of the kind holds alone (a half-year's report: its year and
    # half): a second case with the same values is refused when opened or edited
    one_per: tuple[str, ...] = ()
    # the document sent when the case is opened (a takedown request), numbered by the register
    opens_with: IssuedDocument | None = None
    # the instruments (resources/reference/instruments.toml keys) the case's document cites,
    # each as in force on the document's date
    legal_bases: tuple[str, ...] = ()
    # the days a case of this kind may be opened (the rules it declares are in force): a kind
    # replaced by a later law names the same `family`, so the refusal can name the successor
    in_force_from: dt.date | None = None
    in_force_until: dt.date | None = None
    family: str = ""
    # rules across the fields, checked when the case is opened or edited: (values, services)
    # → {field: message} (an outline's value must fall in its band; a level proposal is the
    # level its system's register proposes)
    checks: Callable[[dict[str, Any], Any], dict[str, str]] | None = None
    # the DATETIME field whose moment the case starts at (an incident's discovery): its clocks
    # run from it, not from when the case is recorded
    starts_at: str | None = None
    # the case's details are read only by those who may edit or approve in its area (the
    # security unit and the leaders read an incident; a viewer does not)
    confidential: bool = False
    # the PARTY field whose party the case is about (a violator): the case is the party's, and
    # shows in its history and its records'
    party_field: str | None = None
    # (the case as shown) → lines worked out from it for today (a late-payment addition)
    remarks: Callable[[dict[str, Any]], list[str]] | None = None
    watch: CaseWatch | None = None  # counted in the area's overview
    # N_() with {state}, {step} (or the key {action}), {states}: a step from a wrong state (the kind's own noun)
    wrong_state_text: str = N_("A case that is {state} cannot be given this step ({step}). "
                               "Possible from: {states}.")

    def __post_init__(self) -> None:
        """A declaration that names an unknown state, step or clock fails on import."""
        states = set(self.states)
        if self.initial not in states or not set(self.final_states) <= states:
            raise ValueError(f"{self.kind}: unknown initial or final state")
        for key, step in self.steps.items():
            if key == OPEN or not set(step.sources) <= states or (
                    step.target is not None and step.target not in states):
                raise ValueError(f"{self.kind}.{key}: unknown state")
        for key, step in self.steps.items():
            if step.issues is not None and (step.needs_decision or step.issues.field):
                raise ValueError(f"{self.kind}.{key}: an issued number is not also typed")
        if self.opens_with is not None and self.opens_with.field is not None and \
                self.opens_with.field not in {f.name for f in self.fields}:
            raise ValueError(f"{self.kind}: opens_with names an undeclared field")
        if not set(self.one_per) <= {f.name for f in self.fields}:
            raise ValueError(f"{self.kind}: one_per names an undeclared field")
        parties = {f.name for f in self.fields if f.kind.value == "party"}
        if self.party_field is not None and self.party_field not in parties:
            raise ValueError(f"{self.kind}: party_field is not a party field")
        steps = set(self.steps) | {OPEN}
        clocks = {c.key for c in self.clocks}
        for key, step in self.steps.items():
            if step.window is not None and step.window.clock not in clocks:
                raise ValueError(f"{self.kind}.{key}: window on an unknown clock")
        for clock in self.clocks:
            named = (clock.start_on + clock.stop_on + clock.restart_on + clock.pause_on
                     + clock.resume_on + clock.extend_on)
            if not set(named) <= steps or not set(clock.stop_states) <= states:
                raise ValueError(f"{self.kind}.{clock.key}: unknown step or state")
            if clock.pause_on and clock.limit.unit in (ClockUnit.FIXED_DATE, ClockUnit.MONTHS):
                raise ValueError(f"{self.kind}.{clock.key}: a fixed date or months do not "
                                 "pause")
            if clock.extend_on and clock.extension is None and not any(
                    v.extensions.get(clock.key) for v in self.variants.values()):
                raise ValueError(f"{self.kind}.{clock.key}: extend_on without an extension")
        for name, variant in self.variants.items():
            if not name or not (set(variant.limits) | set(variant.extensions)) <= clocks:
                raise ValueError(f"{self.kind}.{name}: unknown clock")

    def in_force(self, day: dt.date) -> bool:
        return ((self.in_force_from is None or self.in_force_from <= day)
                and (self.in_force_until is None or day <= self.in_force_until))

    @property
    def form_fields(self) -> tuple[FieldSpec, ...]:
        """The fields a person fills in: all but the number the register gives."""
        issued = self.opens_with.field if self.opens_with else None
        return tuple(f for f in self.fields if f.name != issued and not f.computed)

    def declared_field(self, name: str) -> FieldSpec:
        return next(f for f in self.fields if f.name == name)

    def clock(self, key: str) -> Clock:
        return next(c for c in self.clocks if c.key == key)

    def limit(self, clock: Clock, variant: str) -> Limit:
        chosen = self.variants.get(variant)
        return chosen.limits.get(clock.key, clock.limit) if chosen else clock.limit

    def extension(self, clock: Clock, variant: str) -> Extension | None:
        chosen = self.variants.get(variant)
        if chosen and clock.key in chosen.extensions:
            return chosen.extensions[clock.key]
        return clock.extension
