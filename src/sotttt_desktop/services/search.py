"""Global search: a folded index over every searchable record ("đ" = "d", no diacritics).

SQLite answers with FTS5 (prefix match on every token, best match first); PostgreSQL with LIKE
on the folded text. The GUI's search box and `sotttt-desktop search` both call `query()`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import ColumnElement, and_, case, column, func, select, table, text

from sotttt_desktop.core.db import upsert_insert
from sotttt_desktop.core.models import SearchEntry
from sotttt_desktop.core.text import fold, tokens

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from sotttt_desktop.services.facade import Services

_FTS = table("search_fts", column("rowid"), column("rank"))
SEARCH_KIND_AREAS = {"party": "directory"}  # which area's view permission shows a kind


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: uuid.UUID
    title: str
    subtitle: str

    def as_json(self) -> dict:
        return {"kind": self.kind, "id": str(self.id), "title": self.title,
                "subtitle": self.subtitle}


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

    def _matches_many(self, match: str) -> bool:
        """More than RANKED_MATCHES_MAX index entries match (counted up to that, ~1 ms per
        thousand)."""
        capped = select(_FTS.c.rowid).where(text("search_fts MATCH :fts_q").bindparams(
            fts_q=match)).limit(RANKED_MATCHES_MAX + 1).subquery()
        with self._services.db.session() as session:
            return session.execute(select(func.count()).select_from(capped)).scalar_one() \
                > RANKED_MATCHES_MAX

    def query(self, query_text: str, limit: int = 20, kind: str | None = None) -> list[SearchHit]:
        match = fts_query(query_text)
        if match is None or limit <= 0:
            return []
        columns = (SearchEntry.kind, SearchEntry.entity_id, SearchEntry.title, SearchEntry.subtitle)
        if self._is_sqlite:
            statement = (
                select(*columns)
                .select_from(_FTS)
                .join(SearchEntry, SearchEntry.id == _FTS.c.rowid)
                .limit(limit)
            )
            if match.count(" ") < BROAD_WORDS and self._matches_many(match):
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
        actor = self._services.actor
        kinds = [k for k, area in SEARCH_KIND_AREAS.items()
                 if actor.can(area, "view") and (kind is None or k == kind)]
        if not kinds:
            return []
        statement = statement.where(SearchEntry.kind.in_(kinds))
        if actor.district_scoped:
            statement = statement.where(SearchEntry.district_code == actor.district_code)
        with self._services.db.session() as session:
            return [SearchHit(k, i, t, s or "") for k, i, t, s in session.execute(statement)]
