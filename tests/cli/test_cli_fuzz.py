"""#22 class 19: every command and every option with hostile values. None may print a traceback
or "Unexpected error": each answer is a result or one clear line with an exit status that says
what went wrong (argparse's refusals exit 2; `verify` exits 1 for a code that is not valid).

The commands and options are read from the parser itself, so a new option is fuzzed the day it is
added. Paths stay inside the test's folder (this runs as root on CI machines)."""

from __future__ import annotations

import argparse
import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from sotttt_desktop.cli.main import build_parser, main

# Hostile values of any text option.
TEXTS = ("", "9" * 40, "-1", "0001-01-01", "31/12/9999", "2024-03-01T09:00+07:00", "x" * 5000,
         "\u202e\u200b", "'; DROP TABLE party; --", "%s%n{0}{name}", '{"a":', "\n\r\t\x1b[2J",
         "bogus")
# Hostile values of a number option.
NUMBERS = ("9" * 40, "-1", "0", "nan", "inf", "")
UNEXPECTED = ("Traceback", "Unexpected error", "Lỗi không mong đợi")
# Required positionals and options: a plain value each, so that one value at a time is hostile.
PLAIN = {"text": "cong ty", "name": "nguoidung1", "role": "specialist", "area": "press",
         "action": "view", "received": "2024-03-01", "amount": "5", "day": "2024-12-30",
         "--reason": "Kiểm thử", "--procedure": "press.bulletin.issue", "--applicant": "3700111222",
         "code": "STTTT-240301-0001", "action_choice": "approve", "number": "01/GP-STTTT",
         "dossier": "STTTT-240301-0001", "payload": "SOTTTT1|x", "register": "parties",
         "file": "import.csv", "path": "backup.sqlite3", "url": "postgresql+psycopg://u@127.0.0.1:9/x",
         "--decision": "01/QĐ-STTTT", "--kind": "org", "--name": "Công ty Thử",
         "--subject": "Bản tin", "kind": "permit", "id": "01/GP-STTTT"}
PATH_OPTIONS = {"--out", "file", "path", "--attach", "payload", "id"}
SKIP = {("users", "passwd"), ("migrate-to",), ("init",)}  # passwd prompts; migrate-to connects out;
# init on an existing database is refused (tests/cli/test_cli.py covers init itself)


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
              ) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser]]:
    for action in parser._actions:  # noqa: SLF001 - argparse has no public walk
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for name, sub in action.choices.items():
                yield from _commands(sub, (*prefix, name))
            return
    yield prefix, parser


def _options(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions  # noqa: SLF001
            if a.dest not in ("help", "db", "database_url", "lang", "user", "json")
            and a.nargs != 0]


def _plain(action: argparse.Action) -> str:
    key = action.option_strings[0] if action.option_strings else action.dest
    if action.choices:
        return next(iter(action.choices))
    return PLAIN.get(key, "1")


def _cases() -> list[tuple[tuple[str, ...], str, list[str]]]:
    cases = []
    for command, parser in _commands(build_parser()):
        if command in SKIP or command[:1] in SKIP:
            continue
        options = _options(parser)
        for target in options:
            name = target.option_strings[0] if target.option_strings else target.dest
            numeric = getattr(target.type, "__name__", "") in ("whole number", "number")
            values = NUMBERS if numeric else ("bogus", "") if target.choices else TEXTS
            if name in PATH_OPTIONS:
                values = ("PATH:long", "PATH:missing-folder", "PATH:folder", "PATH:symlink",
                          "PATH:existing", "PATH:devnull", "PATH:garbage", "")
            for value in values:
                argv: list[str] = list(command)
                for action in options:
                    if action is target:
                        continue
                    if action.option_strings and not action.required:
                        continue
                    plain = _plain(action)
                    argv += [action.option_strings[0], plain] if action.option_strings else [plain]
                argv += [name, value] if target.option_strings else [value]
                cases.append((command, name, argv))
    return cases


CASES = _cases()


def _paths(folder: Path) -> dict[str, str]:
    (folder / "existing.pdf").write_bytes(b"%PDF-1.4 keep me")
    (folder / "garbage.bin").write_bytes(os.urandom(4096))
    (folder / "target.txt").write_text("do not overwrite")
    link = folder / "link.pdf"
    if not link.exists():
        link.symlink_to(folder / "target.txt")
    return {"PATH:long": str(folder / ("a" * 5000)),
            "PATH:missing-folder": str(folder / "no" / "such" / "folder" / "x.pdf"),
            "PATH:folder": str(folder), "PATH:symlink": str(link),
            "PATH:existing": str(folder / "existing.pdf"), "PATH:devnull": "/dev/null",
            "PATH:garbage": str(folder / "garbage.bin")}


@pytest.fixture(scope="module")
def fuzz_db(demo_template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    folder = tmp_path_factory.mktemp("fuzz")
    target = folder / "fuzz.sqlite3"
    shutil.copyfile(demo_template_db, target)
    return target


@pytest.mark.parametrize("command", sorted({" ".join(c) for c, _n, _a in CASES}))
def test_no_command_crashes_on_hostile_values(command: str, fuzz_db: Path,
                                              tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsysbinary: pytest.CaptureFixture[bytes]
                                              ) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOTTTT_USER", "admin")
    monkeypatch.setenv("SOTTTT_PASSWORD", "demo-2023")
    monkeypatch.setenv("SOTTTT_NEW_PASSWORD", "Mật-khẩu-mới-2024")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    paths = _paths(tmp_path)
    failures = []
    for words, _name, argv in CASES:
        if " ".join(words) != command:
            continue
        argv = [paths.get(word, word) for word in argv]
        try:
            status = main(["--db", str(fuzz_db), *argv])
        except SystemExit as exit_:  # argparse refusing a value
            status = exit_.code
        raw_out, raw_err = capsysbinary.readouterr()  # a PDF may go to standard output
        out, err = (raw.decode("utf-8", "replace") for raw in (raw_out, raw_err))
        shown = [a if len(a) < 60 else a[:20] + "…" for a in argv]
        if any(word in err or word in out for word in UNEXPECTED):
            failures.append(f"{shown} → {status}: {err.strip()[:300]}")
        elif status != 0 and len(err.strip().splitlines()) > 1 and "usage:" not in err:
            failures.append(f"{shown} → {status}: more than one line: {err.strip()[:300]}")
    assert (tmp_path / "target.txt").read_bytes() == b"do not overwrite"  # no symlink followed
    assert (tmp_path / "existing.pdf").read_bytes() == b"%PDF-1.4 keep me"
    assert not failures, "\n".join(failures)
