"""Global search: a folded index over every register ("đ" = "d", no diacritics), and the dossiers
and permits found by their code or number and through their applicant or holder.

SQLite answers with FTS5 (prefix match on every token, best match first); PostgreSQL with LIKE
on the folded text. The GUI's search box and `sotttt-desktop search` both call `query()`; what
is searched and where a hit opens is declared in `search_targets`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, and_, case, column, func, select, table, text

from sotttt_desktop.core.db import upsert_insert
from sotttt_desktop.core.models import Dossier, Party, Permit, SearchEntry
from sotttt_desktop.core.text import clean, fold, tokens
from sotttt_desktop.i18n import _
from sotttt_desktop.services.search_targets import (
    DOSSIERS,
    PERMITS,
    SearchTarget,
    party_kind,
    search_targets,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sotttt_desktop.services.facade import Services

_FTS = table("search_fts", column("rowid"), column("rank"))


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: uuid.UUID
    title: str
    subtitle: str
    target: str = ""  # where it opens: a register key, "dossiers" or "permits" (search_targets)
    target_title: str = ""  # the register's (or list's) title, translated
    ref: str = ""  # what the target opens it by: the record id, a dossier code, a permit reference

    def as_json(self) -> dict:
        return {"kind": self.kind, "id": str(self.id), "title": self.title,
                "subtitle": self.subtitle, "register": self.target,
                "register_title": self.target_title, "ref": self.ref}


@dataclass(frozen=True)
class SearchResults:
    hits: list[SearchHit]
    more: bool  # more hits than shown: ask again with a higher limit


def _hit(target: SearchTarget, entity_id: uuid.UUID, title: str, subtitle: str,
         ref: str | None = None) -> SearchHit:
    return SearchHit(target.kind, entity_id, title, subtitle, target.key, _(target.title),
                     ref or str(entity_id))


QUERY_MAX_CHARS = 500  # more than any name or address a clerk types
QUERY_MAX_WORDS = 12  # each word is one more index look-up: 2,500 words took 35 s
WORD_MAX_CHARS = 64
RANKED_MATCHES_MAX = 50_000  # more matches than this are not ranked (1 µs each)
BROAD_WORDS = 2  # queries of more words match few enough to rank (5 words on 1M parties: 0.14 s)


def search_words(query_text: str) -> list[str]:
    """The distinct folded words of a query, capped: the first QUERY_MAX_WORDS words of the
    first QUERY_MAX_CHARS characters (a longer query narrows nothing a clerk can see)."""
    words = dict.fromkeys(word[:WORD_MAX_CHARS] for word in tokens(query_text[:QUERY_MAX_CHARS]))
    return list(words)[:QUERY_MAX_WORDS]


def fts_query(query_text: str) -> str | None:
    """`cong ty duc` → `"cong"* "ty"* "duc"*` (all tokens, each as a prefix)."""
    words = search_words(query_text)
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


def _like_all(query_text: str) -> list[ColumnElement[bool]]:
    """Every token somewhere in the title or the text (the server-database path)."""
    return [(SearchEntry.folded_title + " " + SearchEntry.folded).like(f"%{word}%")
            for word in search_words(query_text)]


class SearchService:
    def __init__(self, services: Services):
        self._services = services

    @property
    def _is_sqlite(self) -> bool:
        return self._services.db.dialect == "sqlite"

    def index(self, session: Session, kind: str, entity_id: uuid.UUID, title: str,
              subtitle: str, parts: list[str | None], district_code: int | None = None) -> None:
        """Add or refresh the index entry of one record, inside the caller's transaction."""
        folded_title = fold(title)
        folded = fold(" ".join(p for p in parts if p))
        values = {"kind": kind, "entity_id": entity_id, "title": title, "subtitle": subtitle,
                  "folded_title": folded_title, "folded": folded, "district_code": district_code}
        dialect_insert = upsert_insert(self._services.db.dialect)
        statement = dialect_insert(SearchEntry).values(**values)
        statement = statement.on_conflict_do_update(
            index_elements=["kind", "entity_id"],
            set_={"title": title, "subtitle": subtitle, "folded_title": folded_title,
                  "folded": folded, "district_code": district_code},
        )
        session.execute(statement)

    def matching(self, kind: str, query_text: str) -> ColumnElement[bool] | None:
        """A condition on SearchEntry rows of `kind` that match the query (None: match nothing)."""
        match = fts_query(query_text)
        if match is None:
            return None
        if self._is_sqlite:
            fts_rows = select(_FTS.c.rowid).where(text("search_fts MATCH :fts_q").bindparams(fts_q=match))
            return and_(SearchEntry.kind == kind, SearchEntry.id.in_(fts_rows))
        return and_(SearchEntry.kind == kind, *_like_all(query_text))

    @staticmethod
    def _matches_many(session: Session, match: str) -> bool:
        """More than RANKED_MATCHES_MAX index entries match (counted up to that, ~1 ms per
        thousand)."""
        capped = select(_FTS.c.rowid).where(text("search_fts MATCH :fts_q").bindparams(
            fts_q=match)).limit(RANKED_MATCHES_MAX + 1).subquery()
        return session.execute(select(func.count()).select_from(capped)).scalar_one() \
            > RANKED_MATCHES_MAX

    def query(self, query_text: str, limit: int = 20, kind: str | None = None) -> list[SearchHit]:
        """The best `limit` hits: of one index kind, or (kind None) of everything."""
        if kind is not None:
            targets = search_targets()
            target = targets.get(kind)
            if target is None or limit <= 0 or not self._services.actor.can(target.area, "view"):
                return []
            with self._services.db.session() as session:
                return [_hit(targets[k], i, t, s or "")
                        for k, i, t, s in self._entries(session, query_text, limit, [kind])]
        return self.search(query_text, limit).hits

    def search(self, query_text: str, limit: int = 20) -> SearchResults:
        """Everything the actor may see that matches, best first, at most `limit` hits: dossiers
        and permits whose code or number begins with the query; then index entries of every
        register, by rank, each party followed by its dossiers and permits (newest first)."""
        if limit <= 0:
            return SearchResults([], False)
        actor = self._services.actor
        targets = search_targets()
        parties = party_kind()
        visible = [k for k, t in targets.items() if actor.can(t.area, "view")]
        indexed = [k for k in visible if k not in (DOSSIERS.kind, PERMITS.kind)]
        desk = DOSSIERS.kind in visible
        if desk and parties not in indexed:
            indexed.append(parties)  # a party found leads to its dossiers, shown or not
        with self._services.db.session() as session:
            hits = self._by_number(session, query_text, limit + 1) if desk else []
            entries = self._entries(session, query_text, limit + 1, indexed) if indexed else []
            party_ids = [entity_id for k, entity_id, *_rest in entries if k == parties]
            owned = self._of_parties(session, party_ids, limit + 1) if desk and party_ids else {}
        seen = {(hit.kind, hit.id) for hit in hits}
        for k, entity_id, title, subtitle in entries:
            if k in visible:
                hits.append(_hit(targets[k], entity_id, title, subtitle or ""))
            hits.extend(hit for hit in owned.get(entity_id, ()) if (hit.kind, hit.id) not in seen)
        return SearchResults(hits[:limit], len(hits) > limit or len(entries) > limit)

    def _entries(self, session: Session, query_text: str, limit: int,
                 kinds: list[str]) -> list[Any]:
        """(kind, id, title, subtitle) of the best index entries of `kinds` in the actor's
        scope."""
        match = fts_query(query_text)
        if match is None:
            return []
        columns = (SearchEntry.kind, SearchEntry.entity_id, SearchEntry.title, SearchEntry.subtitle)
        if self._is_sqlite:
            statement = (
                select(*columns)
                .select_from(_FTS)
                .join(SearchEntry, SearchEntry.id == _FTS.c.rowid)
                .limit(limit)
            )
            if match.count(" ") < BROAD_WORDS and self._matches_many(session, match):
                # ranking every match of one common word ("cong": 650,000 on a million
                # parties) took 0.6 s; any title that has the words serves as well
                title_match = " ".join(f"folded_title : {word}" for word in match.split(" "))
                statement = statement.where(text("search_fts MATCH :fts_q").bindparams(
                    fts_q=title_match))
            else:
                statement = statement.where(text("search_fts MATCH :fts_q").bindparams(
                    fts_q=match)).order_by(_FTS.c.rank)
        else:
            in_title = and_(*[SearchEntry.folded_title.like(f"%{word}%")
                              for word in search_words(query_text)])
            statement = (
                select(*columns)
                .where(*_like_all(query_text))
                .order_by(case((in_title, 0), else_=1), SearchEntry.folded_title)
                .limit(limit)
            )
        if set(kinds) != _register_kinds():  # every register: no condition to check
            statement = statement.where(SearchEntry.kind.in_(kinds))
        actor = self._services.actor
        if actor.district_scoped:
            statement = statement.where(SearchEntry.district_code == actor.district_code)
        return list(session.execute(statement))

    # --- dossiers and permits --------------------------------------------------------------------

    def _desk_scope(self, statement: Any, model: type[Dossier] | type[Permit]) -> Any:  # noqa: ANN401
        """Only the areas the actor may view, only the district of a district officer."""
        from sotttt_desktop.areas import AREAS

        actor = self._services.actor
        areas = [area.key for area in AREAS if actor.can(area.key, "view")]
        if len(areas) < len(AREAS):
            statement = statement.where(model.area.in_(areas))
        if actor.district_scoped:
            statement = statement.where(model.district_code == actor.district_code)
        return statement

    def _by_number(self, session: Session, query_text: str, limit: int) -> list[SearchHit]:
        """Dossiers whose code and permits whose number begin with the query, when it is one
        word with a digit (`STTTT-240205`, `05/GP`): an index range, the newest first."""
        typed = (clean(query_text) or "")[:QUERY_MAX_CHARS]
        if " " in typed or not any(ch.isdigit() for ch in typed):
            return []
        prefix = typed.upper()
        hits = [self._dossier_hit(*row) for row in session.execute(self._desk_scope(
            _dossier_columns().where(self._starts_with(Dossier.code, prefix))
            .order_by(Dossier.code.desc()).limit(limit), Dossier))]
        hits += [self._permit_hit(*row) for row in session.execute(self._desk_scope(
            _permit_columns().where(self._starts_with(Permit.number, prefix))
            .order_by(Permit.number_year.desc(), Permit.number).limit(limit), Permit))]
        return hits

    def _starts_with(self, column_: Any, prefix: str) -> ColumnElement[bool]:  # noqa: ANN401
        if self._is_sqlite:  # a range on the column's index (LIKE ignores case: no index)
            return and_(column_ >= prefix, column_ < prefix + "\U0010ffff")
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        return column_.like(escaped + "%", escape="\\")

    def _of_parties(self, session: Session, party_ids: list[uuid.UUID],
                    limit: int) -> dict[uuid.UUID, list[SearchHit]]:
        """The dossiers (applicant) and permits (holder) of the parties found, newest first."""
        owned: dict[uuid.UUID, list[SearchHit]] = {}
        dossiers = self._desk_scope(_dossier_columns().where(Dossier.applicant_id.in_(party_ids))
                                    .order_by(Dossier.received_at.desc()).limit(limit), Dossier)
        for row in session.execute(dossiers):
            owned.setdefault(row.applicant_id, []).append(self._dossier_hit(*row))
        permits = self._desk_scope(_permit_columns().where(Permit.holder_id.in_(party_ids))
                                   .order_by(Permit.issued_on.desc()).limit(limit), Permit)
        for row in session.execute(permits):
            owned.setdefault(row.holder_id, []).append(self._permit_hit(*row))
        return owned

    @staticmethod
    def _dossier_hit(entity_id: uuid.UUID, code: str, procedure: str, _applicant: uuid.UUID,
                     name: str) -> SearchHit:
        return _hit(DOSSIERS, entity_id, code, f"{name} · {procedure}", code)

    @staticmethod
    def _permit_hit(entity_id: uuid.UUID, number: str, year: int, title: str,
                    _holder: uuid.UUID, name: str) -> SearchHit:
        return _hit(PERMITS, entity_id, number, f"{name} · {title} ({year})", f"{number}@{year}")


def _register_kinds() -> set[str]:
    return set(search_targets()) - {DOSSIERS.kind, PERMITS.kind}


def _dossier_columns() -> Any:  # noqa: ANN401
    return (select(Dossier.id, Dossier.code, Dossier.procedure_name, Dossier.applicant_id,
                   Party.name).join(Party, Party.id == Dossier.applicant_id))


def _permit_columns() -> Any:  # noqa: ANN401
    return (select(Permit.id, Permit.number, Permit.number_year, Permit.title, Permit.holder_id,
                   Party.name).join(Party, Party.id == Permit.holder_id))
