"""Read and write tables of answers (CSV, JSONL, Parquet) by file extension."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .errors import InvalidInputError

__all__ = ["read_table", "write_table"]

_FORMATS = (".csv", ".jsonl", ".json", ".parquet")


def _suffix(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in _FORMATS:
        raise InvalidInputError(
            f"{path}: unsupported file type {suffix!r}; use one of {list(_FORMATS)}."
        )
    return suffix


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a CSV, JSONL or Parquet file into a DataFrame (text columns kept as text)."""
    suffix = _suffix(path)
    if not Path(path).is_file():
        raise InvalidInputError(f"{path}: no such file.")
    if suffix == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[])
    if suffix in (".jsonl", ".json"):
        return pd.read_json(path, lines=suffix == ".jsonl", dtype=False)
    return pd.read_parquet(path)


def write_table(frame: pd.DataFrame, path: str | Path) -> None:
    """Write a DataFrame as CSV, JSONL or Parquet, by the file's extension."""
    suffix = _suffix(path)
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    elif suffix in (".jsonl", ".json"):
        frame.to_json(path, orient="records", lines=suffix == ".jsonl", force_ascii=False)
    else:
        frame.to_parquet(path, index=False)
