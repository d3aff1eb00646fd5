"""A file the user names is written whole or not at all (core/safe_write.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

WRITE_OVER_THE_LIMIT = """
import resource, signal, sys
from pathlib import Path
from sotttt_desktop.errors import ValidationError
from sotttt_desktop.core.safe_write import write_file_atomically
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))  # the disk is full after 4 KiB
try:
    write_file_atomically(Path(sys.argv[1]), b"%PDF-" + b"x" * 100_000, force=False)
except ValidationError as error:
    print(error)
    sys.exit(2)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")
def test_a_write_that_runs_out_of_space_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "gp.pdf"
    done = subprocess.run([sys.executable, "-c", WRITE_OVER_THE_LIMIT, str(target)],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2, done.stderr
    assert str(target) in done.stdout and "Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []  # no 0-byte or partial file, no temporary file
