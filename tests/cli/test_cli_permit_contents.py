"""Every procedure issued from the command line with its declared contents (issue #12 item 3):
`--details FILE.toml` and `--set FIELD=VALUE`, `permit show` prints the contents with their
labels, and the register entry written with the permit carries them."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from sotttt_desktop.catalog import load as load_catalogue
from sotttt_desktop.core.calendar import TimeUnit
from sotttt_desktop.permits import contents_for
from sotttt_desktop.registers import get_register
from sotttt_desktop.services.permits import REPLACING_ACTIONS, TO_NEW_HOLDER
from sotttt_desktop.services.setup import open_services
from sotttt_desktop.settings import sqlite_location
from tests.cli.helpers import run, run_json
from tests.conftest import TEST_ACTOR
from tests.permit_samples import SAMPLES

ISSUABLE = sorted(p.key for p in load_catalogue().list() if p.unit is not TimeUnit.HOURS_BEFORE)


def _toml(values: dict[str, str]) -> str:
    return "".join(f"{name} = {json.dumps(value, ensure_ascii=False)}\n"
                   for name, value in values.items())


def _approved(capsys: pytest.CaptureFixture[str], db: list[str], procedure: str,
              applicant: str = "3700999111") -> str:
    code = run_json(capsys, *db, "dossier", "receive", "--procedure", procedure,
                    "--applicant", applicant, "--received", "2024-06-03T09:00")["code"]
    for step in ("start_appraisal", "approve"):
        run_json(capsys, *db, "dossier", "act", code, step)
    return code


@pytest.mark.parametrize("key", ISSUABLE)
def test_every_procedure_is_issued_with_its_contents(key: str, capsys: pytest.CaptureFixture[str],
                                                     db_path: Path, tmp_path: Path) -> None:
    procedure = load_catalogue().get(key)
    contents = contents_for(procedure.family)  # a procedure without contents fails here
    sample = SAMPLES[procedure.family]
    assert set(sample) == set(contents.field_names()), "the sample fills every declared field"
    db = ["--db", str(db_path)]
    run_json(capsys, *db, "party", "add", "--kind", "org", "--name",
             "Công ty Cổ phần Văn hóa Sông Bé", "--tax-code", "3700999111", "--district", "718",
             "--commune", "25747", "--address", "Số 1 đường Yersin")  # a commune: its station
    details = tmp_path / "contents.toml"
    details.write_text(_toml(sample), "utf-8")
    extra: list[str] = []
    expected = dict(sample)
    applicant = "3700999111"
    if procedure.action in REPLACING_ACTIONS:  # first the permit it replaces, then the change
        first_key = next(p.key for p in load_catalogue().list()
                         if p.family == procedure.family and p.action == "issue")
        first = run_json(capsys, *db, "permit", "issue", _approved(capsys, db, first_key),
                         "--details", str(details))
        # a one-line text if the family has one (a distributor's is its list of outlets)
        changed = next(s for s in sorted(contents.specs(), key=lambda s: s.kind != "text")
                       if s.kind in ("text", "multiline")
                       and s.name != (contents.subject if procedure.action == "extend" else ""))
        expected[changed.name] = sample[changed.name] + " (sửa đổi)"
        extra = ["--replaces", first["reference"], "--set",
                 f"{changed.name}={expected[changed.name]}"]
        if procedure.action == "extend":
            extra += ["--extend-months", str(procedure.extension_max_months or 6)]
        if procedure.action in TO_NEW_HOLDER:  # the new holder applies
            applicant = "3700999222"
            run_json(capsys, *db, "party", "add", "--kind", "org", "--name",
                     "Công ty TNHH Sông Bé Mới", "--tax-code", applicant, "--district", "718")
    else:
        extra = ["--details", str(details)]
    code = _approved(capsys, db, key, applicant)
    permit = run_json(capsys, *db, "permit", "issue", code, *extra)
    # stored by field name, exactly as declared (every field, the change included)
    shown = run_json(capsys, *db, "permit", "show", permit["reference"])
    labels = dict(shown["contents"])
    assert len(labels) == len(contents.specs()) - (1 if contents.period else 0)  # one line
    status, out, _err = run(capsys, *db, "permit", "show", permit["reference"])
    assert status == 0
    for label, text in labels.items():
        assert f"  {text}" in out or label in out
    if contents.register is None:
        return
    services = open_services(sqlite_location(db_path), actor=TEST_ACTOR)
    try:
        entries = list(services.registers.iter_records(contents.register))
        assert len(entries) == 1, key  # created by the first permit, updated by the next
        entry = entries[0]
        spec = get_register(contents.register)
        number_field = next(f for f, fact in spec.permit_feed.facts.items() if fact == "number")
        assert entry[number_field] == permit["number"]
        assert entry.get("holder_name", permit["holder"]) == permit["holder"]  # a transfer moves it
        parsed = services.permits.show(permit["reference"])["details"]
        for name in contents.field_names():
            if name not in entry:  # the permit's own line (a consent's loudspeakers)
                continue
            value = entry[name]
            if isinstance(value, Decimal):  # kept as exact text in the permit
                value = str(value.normalize())
                parsed[name] = str(Decimal(parsed[name]).normalize())
            assert (value.isoformat() if hasattr(value, "isoformat") else value) == \
                parsed[name], (key, name)
        for name, value in contents.constants.items():
            assert entry[name] == value
    finally:
        services.db.close()


def _vi(label: str) -> str:
    from sotttt_desktop.i18n import in_language

    return in_language("vi", label)


def test_set_overrides_the_file_and_bad_input_is_one_line(capsys: pytest.CaptureFixture[str],
                                                          db_path: Path, tmp_path: Path) -> None:
    db = ["--db", str(db_path)]
    run_json(capsys, *db, "party", "add", "--kind", "org", "--name", "Công ty In Phú Lợi",
             "--tax-code", "3700999111", "--district", "718")
    code = _approved(capsys, db, "publishing.photocopier.register")
    details = tmp_path / "copier.toml"
    details.write_text(_toml(SAMPLES["publishing.photocopier"]), "utf-8")
    fields = run_json(capsys, *db, "permit", "fields", code)
    assert [f["field"] for f in fields] == ["make_model", "serial_no", "machine_kind", "location"]
    for argv, words in (
            (["--set", "colour=red"], "colour"),
            (["--set", "serial_no"], "--set serial_no=XN-0001"),
            (["--set", "machine_kind=tractor"], "Chọn một trong"),
            (["--details", str(tmp_path / "none.toml")], "none.toml"),
            (["--set", "make_model=Ricoh"], "Số máy")):  # required fields missing
        bad = tmp_path / "bad.toml"
        status, out, err = run(capsys, *db, "permit", "issue", code, *argv)
        assert status == 2 and out == "", argv
        assert len(err.strip().splitlines()) == 1 and words in err, (argv, err)
        assert "Traceback" not in err
    bad.write_text("serial_no = [1, 2]\n", "utf-8")
    status, _out, err = run(capsys, *db, "permit", "issue", code, "--details", str(bad))
    assert status == 2 and "serial_no" in err
    assert run_json(capsys, *db, "permit", "list") == []  # nothing half-written
    permit = run_json(capsys, *db, "permit", "issue", code, "--details", str(details),
                      "--set", "serial_no=XN-9999", "--set", "machine_kind=máy in màu")
    assert permit["details"]["serial_no"] == "XN-9999"
    assert permit["details"]["machine_kind"] == "printer"
    assert permit["subject"] == "Canon iR-ADV C5535i"


def test_a_machine_of_another_holder_is_refused_then_transferred(
        capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    db = ["--db", str(db_path)]
    for name, tax_code in (("Công ty In Phú Lợi", "3700999111"),
                           ("Công ty Photo Thủ Dầu Một", "3700999222")):
        run_json(capsys, *db, "party", "add", "--kind", "org", "--name", name,
                 "--tax-code", tax_code, "--district", "718")
    serial = ["--set", "serial_no=SN9862907", "--set", "location=Số 1 Yersin",
              "--set", "machine_kind=copier"]
    first = run_json(capsys, *db, "permit", "issue",
                     _approved(capsys, db, "publishing.photocopier.register"),
                     "--set", "make_model=Canon", *serial)
    code = _approved(capsys, db, "publishing.photocopier.register", "3700999222")
    status, out, err = run(capsys, *db, "permit", "issue", code, "--set", "make_model=Ricoh",
                           *serial)
    assert status == 2 and out == "" and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert "SN9862907" in err and "Công ty In Phú Lợi" in err and "chuyển nhượng" in err
    assert [p["number"] for p in run_json(capsys, *db, "permit", "list")] == [first["number"]]
    moved = run_json(capsys, *db, "permit", "issue",
                     _approved(capsys, db, "publishing.photocopier.transfer", "3700999222"),
                     "--replaces", first["number"])
    assert moved["holder"] == "Công ty Photo Thủ Dầu Một"
    assert moved["details"]["make_model"] == "Canon"
    assert run_json(capsys, *db, "permit", "show", first["number"])["state"] == "superseded"
