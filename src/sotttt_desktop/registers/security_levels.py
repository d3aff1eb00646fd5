"""The security level an information system should have, from its answers to the questions of
ND 85/2016 Art. 7–11 (resources/reference/security_levels.toml: the criteria, who appraises and
approves each level, how often the system is checked). No Qt, no database: the register of
information systems computes its proposal with it when a record is saved, and the tests hold
every criterion against a system that meets it."""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any

from sotttt_desktop.resources import resource_path


@dataclass(frozen=True, eq=False)  # one object per criterion of the file (criteria() is cached)
class Criterion:
    level: int
    article: str
    text: str
    when: dict[str, Any]

    def holds(self, answers: dict[str, Any]) -> bool:
        return all(_meets(answers.get(name), wanted) for name, wanted in self.when.items())

    @property
    def cited(self) -> str:
        """"Điều 9: cung cấp dịch vụ công trực tuyến từ mức độ 3 trở lên"."""
        return f"{self.article}: {self.text}"


@dataclass(frozen=True)
class LevelRules:
    level: int
    appraised_by: str
    approved_by: str
    department_approves: bool  # the Department's security unit approves (levels 1–2)
    appraisal_days: int  # 0: no separate appraisal limit
    review_months: int  # the owner checks and assesses the risks this often


@dataclass(frozen=True)
class Proposal:
    level: int
    decided_by: Criterion
    also_met: tuple[Criterion, ...]  # the other criteria that hold (lower or equal levels)


def _meets(value: Any, wanted: Any) -> bool:  # noqa: ANN401
    if isinstance(wanted, list):
        return value in wanted
    if isinstance(wanted, dict):
        if value is None:
            return False
        return (("at_least" not in wanted or value >= wanted["at_least"])
                and ("below" not in wanted or value < wanted["below"]))
    return value == wanted


@cache
def _data() -> dict[str, Any]:
    return tomllib.loads(resource_path("reference", "security_levels.toml")
                         .read_text(encoding="utf-8"))


@cache
def criteria() -> tuple[Criterion, ...]:
    return tuple(Criterion(**c) for c in _data()["criterion"])


@cache
def level_rules() -> dict[int, LevelRules]:
    return {row["level"]: LevelRules(**row) for row in _data()["level"]}


def basis() -> str:
    return _data()["basis"]


def short_basis() -> str:
    return _data()["short"]


def cited_basis() -> str:
    """The decree as a document names it ("Nghị định số 85/2016/NĐ-CP")."""
    return _data()["cited"]


def propose(answers: dict[str, Any]) -> Proposal | None:
    """The highest level with a criterion that holds, and the first such criterion; None when
    no criterion holds (the questions are not answered enough to say)."""
    met = [c for c in criteria() if c.holds(answers)]
    if not met:
        return None
    top = max(c.level for c in met)
    deciding = next(c for c in met if c.level == top)
    return Proposal(top, deciding, tuple(c for c in met if c is not deciding))


def next_review(level: int | None, last: dt.date | None) -> dt.date | None:
    """When the next check and risk assessment is due: every 2 years, yearly for levels 3–4,
    every 6 months for level 5 (ND 85/2016 Art. 20(2)(c)), from the last one."""
    if level is None or last is None:
        return None
    months = level_rules()[level].review_months
    month = last.month - 1 + months
    year, month = last.year + month // 12, month % 12 + 1
    day = min(last.day, (dt.date(year + month // 12, month % 12 + 1, 1)
                         - dt.timedelta(days=1)).day)
    return dt.date(year, month, day)
