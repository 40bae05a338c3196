"""The Dask and Spark helpers: same scores as score_frame, a schema an engine can plan with."""

from __future__ import annotations

import pandas as pd
import pytest

import alignscore
from alignscore.datasets import load_corpus
from alignscore.distributed import score_dask, spark_schema

dd = pytest.importorskip("dask.dataframe")


def _frame() -> pd.DataFrame:
    dev = load_corpus("dev").head(9).set_index("answer_id")[["answer", "job_description"]]
    dev.loc[dev.index[3], "answer"] = None
    return dev


@pytest.mark.parametrize("scheduler", ["sync", "threads"])
def test_score_dask_equals_score_frame(scheduler):
    frame = _frame()
    lazy = score_dask(dd.from_pandas(frame, npartitions=3))
    assert list(lazy.columns) == list(alignscore.frame_schema().columns)
    out = lazy.compute(scheduler=scheduler)
    ref = alignscore.score_frame(frame)
    # Dask may hand the partitions Arrow strings (a missing answer as pd.NA, an index of
    # Arrow strings): the scores, bands and flags are the same, and the same row has an error
    assert list(out.index) == list(ref.index)
    pd.testing.assert_frame_equal(
        out.drop(columns="error"), ref.drop(columns="error"), check_index_type=False
    )
    assert out["error"].notna().tolist() == ref["error"].notna().tolist() == [
        False, False, False, True, False, False, False, False, False
    ]  # fmt: skip


def test_score_dask_checks_its_input():
    with pytest.raises(alignscore.InvalidInputError, match="Dask DataFrame"):
        score_dask(_frame())
    with pytest.raises(alignscore.InvalidInputError, match="Missing columns"):
        score_dask(dd.from_pandas(_frame(), npartitions=1), answer_col="text")


def test_spark_schema_follows_the_frame_schema():
    ddl = spark_schema({"answer_id": "string"})
    fields = [f.split(" ") for f in ddl.split(", ")]
    assert fields[0] == ["answer_id", "string"]
    assert [name for name, _ in fields[1:]] == list(alignscore.frame_schema().columns)
    kinds = dict(fields)
    assert kinds["overall"] == "double" and kinds["overall_band"] == "int"
    assert kinds["flag_vague"] == "boolean" and kinds["error"] == "string"


def test_score_frames_is_what_map_in_pandas_calls():
    # Spark's mapInPandas passes an iterator of frames with a plain RangeIndex per batch
    frame = _frame().reset_index()
    batches = iter([frame.iloc[:5].reset_index(drop=True), frame.iloc[5:].reset_index(drop=True)])
    out = pd.concat(alignscore.score_frames(batches, keep=["answer_id"]), ignore_index=True)
    assert list(out["answer_id"]) == list(frame["answer_id"])
    ref = alignscore.score_frame(frame)
    pd.testing.assert_series_equal(out["overall"], ref["overall"], check_names=True)
