"""Small readers of the real database for assertions (plain sqlite3, like an auditor)."""

from __future__ import annotations

import sqlite3
from pathlib import Path


def count(path: Path, table: str, where: str = "1=1", *params: object) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute(f"SELECT count(*) FROM {table} WHERE {where}", params).fetchone()[0])
    finally:
        con.close()


def rows(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    con = sqlite3.connect(path)
    try:
        return list(con.execute(sql, params).fetchall())
    finally:
        con.close()


def execute(path: Path, sql: str, *params: object) -> None:
    con = sqlite3.connect(path)
    try:
        con.execute(sql, params)
        con.commit()
    finally:
        con.close()
