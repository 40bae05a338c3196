"""Read and write tables of answers (CSV, JSONL, Parquet) by file extension, whole or in chunks.

:func:`read_chunks` and :class:`ChunkWriter` stream a table of any length through bounded
memory: ``alignscore score`` reads a chunk, scores it and appends it to the output before it
reads the next.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import pandas as pd

from .errors import InvalidInputError

__all__ = ["ChunkWriter", "read_chunks", "read_table", "write_table"]

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


def read_chunks(path: str | Path, chunk_size: int) -> Iterator[pd.DataFrame]:
    """Read a CSV, JSONL or Parquet file ``chunk_size`` rows at a time (text kept as text).

    A ``.json`` file (one JSON array) cannot be read in parts: it is read whole, then split.
    The chunks' index runs on across chunks (0, 1, 2, ... over the whole file).
    """
    suffix = _suffix(path)
    if chunk_size < 1:
        raise InvalidInputError(f"chunk_size must be at least 1, got {chunk_size}.")
    if not Path(path).is_file():
        raise InvalidInputError(f"{path}: no such file.")
    if suffix == ".csv":
        yield from pd.read_csv(
            path, dtype=str, keep_default_na=False, na_values=[], chunksize=chunk_size
        )
    elif suffix == ".jsonl":
        yield from pd.read_json(path, lines=True, dtype=False, chunksize=chunk_size)
    elif suffix == ".json":
        frame = read_table(path)
        for start in range(0, max(len(frame), 1), chunk_size):
            yield frame.iloc[start : start + chunk_size]
    else:
        import pyarrow.parquet as pq

        start = 0
        for batch in pq.ParquetFile(path).iter_batches(batch_size=chunk_size):
            frame = batch.to_pandas()
            frame.index = pd.RangeIndex(start, start + len(frame))
            start += len(frame)
            yield frame


class ChunkWriter:
    """Append frames with the same columns to one CSV, JSONL or Parquet file.

    Use as a context manager; the file holds every frame written once it closes. The first
    frame fixes the columns; for Parquet also the column types (a column the first frame holds
    only missing values in is written as strings). A ``.json`` file is one JSON array, which
    cannot be appended to: its frames are kept and written by :func:`write_table` on closing
    (so memory grows with the output; use ``.jsonl`` for large tables).
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.suffix = _suffix(path)
        self._held: list[pd.DataFrame] = []  # .json only
        self._first = True
        self._parquet: Any = None
        self._schema: Any = None

    def write(self, frame: pd.DataFrame) -> None:
        """Append ``frame`` (its index is not written)."""
        if self.suffix == ".csv":
            mode = "w" if self._first else "a"
            frame.to_csv(self.path, index=False, mode=mode, header=self._first)
        elif self.suffix == ".json":
            self._held.append(frame)
        elif self.suffix == ".jsonl":
            with self.path.open("w" if self._first else "a", encoding="utf-8") as fh:
                if len(frame):  # pandas ends each record, the last one too, with a newline
                    frame.to_json(fh, orient="records", lines=True, force_ascii=False)
        else:
            self._write_parquet(frame)
        self._first = False

    def _write_parquet(self, frame: pd.DataFrame) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self._schema is None:
            table = pa.Table.from_pandas(frame, preserve_index=False)
            fields = [
                pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f
                for f in table.schema
            ]
            self._schema = pa.schema(fields)
            self._parquet = pq.ParquetWriter(self.path, self._schema)
        self._parquet.write_table(
            pa.Table.from_pandas(frame, schema=self._schema, preserve_index=False)
        )

    def close(self) -> None:
        """Finish the file (Parquet: write its footer; JSON: write the array)."""
        if self._held:
            write_table(pd.concat(self._held), self.path)
            self._held = []
        if self._parquet is not None:
            self._parquet.close()
            self._parquet = None

    def __enter__(self) -> ChunkWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
