"""Child process of the kill test: random business writes, each acknowledged after its commit.

Prints `ACK create <id> 1` / `ACK update <id> <version>` (flushed) only after the transaction
committed, so everything acknowledged must survive a SIGKILL at any moment.
Usage: writer.py DATABASE SEED
"""

from __future__ import annotations

import random
import sys
import uuid
from pathlib import Path

from sotttt_desktop.errors import ConflictError
from sotttt_desktop.services.actor import Actor
from sotttt_desktop.services.setup import open_services
from sotttt_desktop.settings import sqlite_location

WORDS = ["In", "Đức", "Hưng", "Phú", "Cường", "Truyền", "Thông", "Bình", "Dương", "Số", "Việt"]


def main() -> None:
    database, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    actor = Actor(username="writer", display_name="writer", authenticated=True,
                  grants=frozenset({("*", "*")}))
    services = open_services(sqlite_location(database), actor=actor)
    known: list[tuple[str, int]] = []
    out = sys.stdout
    out.write("READY\n")
    out.flush()
    n = 0
    while True:
        n += 1
        name = "Công ty " + " ".join(rng.choice(WORDS) for _ in range(3)) + f" {seed}-{n}"
        if known and rng.random() < 0.4:
            party_id, version = rng.choice(known)
            try:
                record = services.parties.update(uuid.UUID(party_id), version, kind="org",
                                                 name=name,
                                                 district_code=str(rng.choice([718, 724, 725])))
            except ConflictError:
                continue
            known = [(p, v) for p, v in known if p != party_id] + [(party_id, record["version"])]
            out.write(f"ACK update {party_id} {record['version']}\n")
        else:
            record = services.parties.add(kind="org", name=name, address=f"Số {n} đường Yersin",
                                          district_code=str(rng.choice([718, 724, 725])))
            known.append((str(record["id"]), 1))
            out.write(f"ACK create {record['id']} 1\n")
        out.flush()


if __name__ == "__main__":
    main()
