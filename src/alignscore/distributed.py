"""Scoring a table too large for one machine: Dask and Spark.

Both engines split a table into pandas partitions and run a function on each, in worker
processes that load alignscore's model once and keep it (:func:`alignscore.load` is cached per
process). alignscore gives each engine what it asks for:

- Dask: :func:`score_dask` maps :func:`alignscore.score_frame` over the partitions, with
  :func:`alignscore.frame_schema` as ``meta`` so Dask knows the output's columns and dtypes
  before it scores anything. Run it with processes (``dask.config.set(scheduler="processes")``
  or a ``dask.distributed`` cluster): the pipeline holds the GIL, so threads do not add speed.
- Spark: :func:`spark_schema` is the DDL schema of the output, and
  :func:`alignscore.score_frames` is the function ``mapInPandas`` calls (an iterator of pandas
  frames in, one out). Carry an id column with ``keep`` to join the scores back:

  .. code-block:: python

      from functools import partial
      import alignscore
      from alignscore.distributed import spark_schema

      scored = answers_df.mapInPandas(
          partial(alignscore.score_frames, keep=["answer_id"]),
          schema=spark_schema({"answer_id": "string"}),
      )

Neither engine is a dependency of alignscore: ``pip install "alignscore[dask]"`` adds Dask, and a
Spark cluster brings its own pyspark. Every worker needs alignscore installed, with its model.

Example (Dask, on a small frame, in this process):
    >>> import pandas as pd, dask.dataframe as dd
    >>> df = pd.DataFrame({"answer": ["I want to learn SQL here.", None],
    ...                    "job_description": ["Data Analyst. SQL required."] * 2})
    >>> scored = score_dask(dd.from_pandas(df, npartitions=2)).compute(scheduler="sync")
    >>> scored["overall_band"].tolist()[1:], scored["error"].notna().tolist()
    ([<NA>], [False, True])
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .api import frame_schema, require_columns, score_frame
from .errors import InvalidInputError

__all__ = ["score_dask", "spark_schema"]

# pandas dtype of a scored column -> Spark SQL type
_SPARK_TYPES = {"float64": "double", "Int64": "int", "boolean": "boolean", "object": "string"}


def spark_schema(keep: Mapping[str, str] | None = None) -> str:
    """The Spark DDL schema of :func:`alignscore.score_frames`'s output.

    Args:
        keep: The columns passed as ``keep`` to ``score_frames``, with their Spark SQL types
            (``{"answer_id": "string"}``), in the same order.

    Returns:
        A DDL string for ``mapInPandas(..., schema=...)``: the kept columns, then each score
        (``double``), band (``int``), flag (``boolean``) and ``error`` (``string``).

    >>> spark_schema({"answer_id": "string"})[:48]
    'answer_id string, alignment double, specificity '
    """
    fields = [f"{name} {kind}" for name, kind in (keep or {}).items()]
    for name, dtype in frame_schema().dtypes.items():
        fields.append(f"{name} {_SPARK_TYPES[str(dtype)]}")
    return ", ".join(fields)


def score_dask(
    ddf: Any, answer_col: str = "answer", jd_col: str = "job_description", **kw: Any
) -> Any:
    """Score a Dask DataFrame partition by partition; returns a lazy Dask DataFrame.

    The result has the input's index and divisions and :func:`alignscore.frame_schema`'s
    columns and dtypes; nothing is scored until ``.compute()``, ``.to_parquet()`` or the like.

    Args:
        ddf: A ``dask.dataframe.DataFrame`` with ``answer_col`` and ``jd_col``.
        answer_col: The answers' column.
        jd_col: The postings' column.
        **kw: Passed to :func:`alignscore.score_frame` on each partition (``batch_size``,
            ``model``); leave ``n_process`` at 1, the engine parallelises.

    Raises:
        InvalidInputError: ``ddf`` is not a Dask DataFrame, or lacks one of the two columns.
    """
    columns = getattr(ddf, "columns", None)
    if columns is None or not hasattr(ddf, "map_partitions"):
        raise InvalidInputError(f"Expected a Dask DataFrame, got {type(ddf).__name__}.")
    require_columns(columns, answer_col, jd_col)
    return ddf.map_partitions(
        score_frame, answer_col=answer_col, jd_col=jd_col, meta=frame_schema(), **kw
    )
