"""PostgreSQL connections are kept between requests (and checked before reuse); SQLite's not."""

from __future__ import annotations

from samordna import settings


def test_postgresql_connections_are_kept_between_requests_and_checked(monkeypatch):
    monkeypatch.setenv("DATABASE_URL", "postgres://samordna@db.example:5432/samordna")
    database = settings._database()
    assert database["CONN_MAX_AGE"] == settings.POSTGRES_CONN_MAX_AGE > 0
    assert database["CONN_HEALTH_CHECKS"] is True


def test_sqlite_opens_its_file_for_each_request(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'samordna.sqlite3'}")
    database = settings._database()
    assert database["CONN_MAX_AGE"] == 0
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
