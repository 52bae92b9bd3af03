"""Full-text search over article text: SQLite FTS5 or a PostgreSQL ``tsvector``.

Both index :func:`khabar.store.textnorm.fold`-ed text and fold the query the
same way, so ``المفاوضات`` finds ``المُفاوَضات`` and ``إيران`` finds ``ايران``.
Queries are plain words, all of which must occur (no operators), which keeps
user input from being parsed as FTS syntax.
"""

from __future__ import annotations

from sqlalchemy import Connection, Integer, TextualSelect, column, text

from khabar.store.textnorm import fold, words


def index_article(conn: Connection, article_pk: int, title: str | None, folded_body: str) -> None:
    """Add (or replace) an article in the search index; the body comes already folded."""
    if conn.dialect.name == "sqlite":
        conn.execute(text("DELETE FROM article_search WHERE rowid = :pk"), {"pk": article_pk})
        conn.execute(
            text("INSERT INTO article_search (rowid, title, body) VALUES (:pk, :title, :body)"),
            {"pk": article_pk, "title": fold(title or ""), "body": folded_body},
        )
        return
    conn.execute(
        text(
            "INSERT INTO article_search (article_pk, tsv) "
            "VALUES (:pk, to_tsvector('simple', :doc)) "
            "ON CONFLICT (article_pk) DO UPDATE SET tsv = EXCLUDED.tsv"
        ),
        {"pk": article_pk, "doc": fold(title or "") + "\n" + folded_body},
    )


def unindex_article(conn: Connection, article_pk: int) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(text("DELETE FROM article_search WHERE rowid = :pk"), {"pk": article_pk})
    # On PostgreSQL the row goes with its article (ON DELETE CASCADE).


def match_clause(dialect: str, query: str) -> TextualSelect:
    """A subquery selecting the ``pk`` of articles that contain every word of ``query``."""
    terms = words(query)
    if dialect == "sqlite":
        # Each term quoted, so FTS5 reads it as a word, not as an operator.
        fts = " ".join('"' + t.replace('"', "") + '"' for t in terms) or '""'
        clause = text("SELECT rowid AS pk FROM article_search WHERE article_search MATCH :q")
        return clause.bindparams(q=fts).columns(column("pk", Integer))
    clause = text(
        "SELECT article_pk AS pk FROM article_search WHERE tsv @@ plainto_tsquery('simple', :q)"
    )
    return clause.bindparams(q=" ".join(terms)).columns(column("pk", Integer))
