"""Schema versioning: migrations are an ordered list, applied once, each atomic with its version."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from waishi.store import MIGRATIONS, SCHEMA_VERSION, Migration, SchemaError, Store, StoreError, Writer
from waishi.store import schema as schema_mod


def test_store_schema_migrations_are_ordered_and_contiguous() -> None:
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert SCHEMA_VERSION == MIGRATIONS[-1].version


def test_store_schema_new_file_is_wal_and_current(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store.open(db) as st:
        assert st.version == SCHEMA_VERSION
        assert st.con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in st.con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"sources", "documents", "documents_fts", "people", "roles", "role_evidence", "events",
                "event_reports", "event_actors", "facts", "mentions", "errors", "runs"} <= tables
    with Store.open(db) as st:  # reopening migrates nothing
        assert st.version == SCHEMA_VERSION


def test_store_schema_a_later_migration_runs_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.db"
    Store.open(db).close()
    calls = []

    def backfill(con: sqlite3.Connection) -> None:
        calls.append(1)
        con.execute("INSERT INTO offices(name) VALUES ('外交部长')")

    extra = Migration(SCHEMA_VERSION + 1, "offices", "CREATE TABLE offices (id INTEGER PRIMARY KEY, name TEXT);",
                      backfill)
    monkeypatch.setattr(schema_mod, "MIGRATIONS", [*MIGRATIONS, extra])
    monkeypatch.setattr(schema_mod, "SCHEMA_VERSION", extra.version)
    for _ in range(2):
        con = sqlite3.connect(db, isolation_level=None)
        assert schema_mod.migrate(con) in (SCHEMA_VERSION, extra.version)
        assert schema_mod.schema_version(con) == extra.version
        con.close()
    assert calls == [1]


def test_store_schema_failed_migration_leaves_the_old_version(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "s.db"
    Store.open(db).close()
    bad = Migration(SCHEMA_VERSION + 1, "broken", "CREATE TABLE half (id INTEGER);\nCREATE TABLE broken (;")
    monkeypatch.setattr(schema_mod, "MIGRATIONS", [*MIGRATIONS, bad])
    con = sqlite3.connect(db, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError):
        schema_mod.migrate(con)
    assert schema_mod.schema_version(con) == SCHEMA_VERSION
    assert con.execute("SELECT count(*) FROM sqlite_master WHERE name='half'").fetchone()[0] == 0
    con.close()


def test_store_schema_newer_file_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    Store.open(db).close()
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    con.close()
    with pytest.raises(SchemaError, match="newer than this waishi"):
        Store.open(db)
    with pytest.raises(SchemaError, match="newer"):
        Store.open(db, readonly=True)


@pytest.mark.parametrize("content,error,match", [
    (b"just some text, not a database at all" * 10, StoreError, "not a usable SQLite database"),
    (None, SchemaError, "not a waishi database"),
])
def test_store_schema_foreign_files_are_refused(tmp_path: Path, content: bytes | None, error: type,
                                                match: str) -> None:
    db = tmp_path / "other.db"
    if content is None:
        con = sqlite3.connect(db)
        con.execute("CREATE TABLE t (x)")
        con.close()
    else:
        db.write_bytes(content)
    with pytest.raises(error, match=match):
        Store.open(db)


def test_store_schema_read_only_mode(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store.open(tmp_path / "missing.db", readonly=True)
    Store.open(tmp_path / "s.db").close()
    with Store.open(tmp_path / "s.db", readonly=True) as st:
        with pytest.raises(sqlite3.OperationalError):
            st.con.execute("INSERT INTO runs(started_at) VALUES ('x')")
        with pytest.raises(StoreError, match="read-only"):
            Writer(st)


# Every version's tables and added columns: a new store and one migrated from any version have them all.
_TABLES = {"sources", "documents", "documents_fts", "people", "roles", "role_evidence", "events", "event_reports",
           "event_actors", "facts", "mentions", "errors", "runs",  # 1
           "relations", "office_claims",  # 2
           "page_records", "decisions", "decision_hits",  # 3 (curation, issue 13)
           "figures"}  # 4 (figures, issue 12)
_COLUMNS = {"sources": {"extractor"}, "facts": {"kind", "subject_iso3", "figure_id", "period_assumed"},
            "documents": {"year_lo", "year_hi", "year_constraints"},  # 5 (year by constraints, issue 11)
            "events": {"factuality"}, "event_reports": {"factuality"}}


def _shape(con: sqlite3.Connection) -> tuple[set[str], dict[str, set[str]]]:
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    cols = {t: {r[1] for r in con.execute(f"PRAGMA table_info({t})")} for t in _COLUMNS}
    return tables, cols


@pytest.mark.parametrize("start", [0, 1, 2, 3, 4])
def test_store_schema_every_version_migrates_to_all_tables(tmp_path: Path, start: int) -> None:
    db = tmp_path / "s.db"
    if start:
        con = sqlite3.connect(db, isolation_level=None)
        for m in MIGRATIONS[:start]:
            for stmt in schema_mod.statements(m.sql):
                con.execute(stmt)
        con.execute(f"PRAGMA user_version = {start}")
        con.close()
    with Store.open(db) as st:
        assert st.version == SCHEMA_VERSION == 5
        tables, cols = _shape(st.con)
        assert _TABLES <= tables
        assert all(_COLUMNS[t] <= cols[t] for t in _COLUMNS), cols
    fresh = tmp_path / "fresh.db"
    with Store.open(fresh) as st:
        assert _shape(st.con) == (tables, cols)


def test_store_schema_imports_nothing_of_waishi() -> None:
    """schema.py is a leaf: the standard library only (data steps are registered from above)."""
    import ast

    tree = ast.parse(Path(schema_mod.__file__).read_text(encoding="utf-8"))
    imported = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)] + \
        [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    assert not [m for m in imported if m.startswith("waishi") or m.startswith(".") or m == ""], imported
    assert all(n.level == 0 for n in ast.walk(tree) if isinstance(n, ast.ImportFrom))


def _version_1_store(db: Path) -> None:
    """A version-1 store holding a titled person and a two-country figure (tables of v1 only)."""
    con = sqlite3.connect(db, isolation_level=None)
    for stmt in schema_mod.statements(MIGRATIONS[0].sql):
        con.execute(stmt)
    con.execute("PRAGMA user_version = 1")
    con.execute("INSERT INTO sources(id, locator, content_hash, length, ingested_at) VALUES (1, 'x', 'h', 10, 'now')")
    con.execute("INSERT INTO documents(id, source_id, ord, kind, title, title_key, year, date, start, end, text) "
                "VALUES (1, 1, 0, 'article', 't', 't', 2024, '2024-05-20', 0, 40, "
                "'越南外交部长范平明会见老挝大使。2024年越老贸易额达19亿美元。')")
    con.execute("INSERT INTO people(id, name, country) VALUES (1, '范平明', 'VNM')")
    con.execute("INSERT INTO roles(id, person_id, title) VALUES (1, 1, '越南外交部长')")
    con.execute("INSERT INTO role_evidence(role_id, document_id, date, start, end) VALUES (1, 1, '2024-05-20', 0, 16)")
    con.execute("INSERT INTO facts(document_id, metric, value, unit, period, period_lo, period_hi, subject, "
                "number_start, number_end, start, end) VALUES (1, 'trade', 1.9e9, 'USD', '2024', 2024, 2024, "
                "'[\"越\", \"老\"]', 27, 32, 16, 36)")
    con.close()


def test_store_schema_migrations_never_read_the_lexicon(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a migration writes must not depend on the lexicon of the day: its data steps run on
    the data frozen beside them (store/frozen/), so they work with no lexicon at all."""
    import waishi.lexicon as lexicon_mod

    def no_lexicon(*args: object, **kwargs: object) -> None:
        raise AssertionError("a migration read the lexicon")

    monkeypatch.setattr(lexicon_mod.Lexicon, "default", classmethod(no_lexicon))
    monkeypatch.setattr(lexicon_mod, "read_tsv", no_lexicon)
    db = tmp_path / "v1.db"
    _version_1_store(db)
    with Store.open(db) as st:
        assert st.version == SCHEMA_VERSION
        claims = st.con.execute("SELECT office, name, agrees, lexicon FROM office_claims").fetchall()
        assert claims == [("VNM.foreign_minister", "范平明", 0, '["裴青山"]')]
        fact = st.con.execute("SELECT subject_iso3, figure_id IS NOT NULL FROM facts").fetchone()
        assert fact == ('["VNM", "LAO"]', 1)
        assert st.con.execute("SELECT subject_key, n_values FROM figures").fetchall() == [("LAO|VNM", 1)]


def test_store_schema_store_modules_import_in_one_direction() -> None:
    """No circle among store/'s modules at import time (schema <- relations <- query <- db <- schema was one)."""
    import ast

    base = Path(schema_mod.__file__).parent
    deps: dict[str, set[str]] = {}
    for f in base.glob("*.py"):
        found: set[str] = set()
        for node in ast.parse(f.read_text(encoding="utf-8")).body:  # module level: lazy and TYPE_CHECKING aside
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                found |= {node.module.split(".")[0]} if node.module else {a.name for a in node.names}
        deps[f.stem] = found & {p.stem for p in base.glob("*.py")}

    def reaches(a: str, b: str, seen: set[str]) -> bool:
        return any(d == b or (d not in seen and reaches(d, b, seen | {d})) for d in deps[a])

    assert not [m for m in deps if reaches(m, m, {m})]
    assert deps["schema"] == set()
