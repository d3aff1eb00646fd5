"""Generate the next Alembic revision from the register declarations and the core models.

    PYTHONPATH=src .venv/bin/python scripts/new_migration.py 0014 "my register"

Migrates an empty scratch SQLite database to today's head, compares it with the metadata and
writes src/sotttt_desktop/migrations/versions/<rev>_<message>.py for review (an empty upgrade()
means the declarations and the migrations agree).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from types import SimpleNamespace

from alembic import command

from sotttt_desktop.core.schema import alembic_config


def main(revision: str, message: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        config = alembic_config()
        config.cmd_opts = SimpleNamespace(x=[f"url=sqlite:///{Path(folder) / 'dev.sqlite3'}"])
        command.upgrade(config, "head")
        command.revision(config, autogenerate=True, rev_id=revision, message=message)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
