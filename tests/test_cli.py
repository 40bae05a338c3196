from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from alignscore.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _write(frame: pd.DataFrame, path: Path) -> Path:
    """Write ``frame`` in the format of ``path``'s extension; return the path."""
    if path.suffix == ".csv":
        frame.to_csv(path, index=False)
    elif path.suffix in (".jsonl", ".json"):
        frame.to_json(path, orient="records", lines=path.suffix == ".jsonl")
    else:
        frame.to_parquet(path, index=False)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_score_command_round_trips_every_format(tmp_path, suffix, capsys):
    src = pd.read_csv(EXAMPLES / "answers.csv", dtype=str, keep_default_na=False)
    inp = _write(src, tmp_path / f"in{suffix}")
    out = tmp_path / f"out{suffix}"
    code = main(
        [
            "score",
            str(inp),
            str(out),
            "--job-description-file",
            str(EXAMPLES / "job_description.txt"),
            "--keep-columns",
            "--quiet",
        ]
    )
    assert code == 0
    scored = (
        pd.read_csv(out)
        if suffix == ".csv"
        else pd.read_json(out, lines=True)
        if suffix == ".jsonl"
        else pd.read_parquet(out)
    )
    assert len(scored) == len(src)
    assert {"candidate", "overall", "overall_band", "flag_flight_risk", "error"} <= set(
        scored.columns
    )
    assert "scored 7 of 7 rows" in capsys.readouterr().err


def test_score_keeps_ids_and_drops_texts_by_default(tmp_path):
    src = pd.read_csv(EXAMPLES / "answers.csv", dtype=str, keep_default_na=False)
    src["overall"] = "x"  # an input column named like an output column gives way
    inp = _write(src, tmp_path / "in.csv")
    out = tmp_path / "out.csv"
    args = ["score", str(inp), str(out), "--quiet"]
    assert main([*args, "--job-description-file", str(EXAMPLES / "job_description.txt")]) == 0
    scored = pd.read_csv(out, dtype={"candidate": str})
    assert list(scored["candidate"]) == list(src["candidate"])
    assert "answer" not in scored.columns and "job_description" not in scored.columns
    assert scored["overall"].between(0, 1).all()


def test_explain_json(capsys):
    assert (
        main(
            ["explain", "In two years I want to lead the SQL team.", "Data Analyst, SQL.", "--json"]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out)
    assert set(out["bands"]) == {"alignment", "specificity", "employer_focus", "overall"}


def test_explain_text_marks_spans(capsys):
    assert main(["explain", "In two years I want to lead the SQL team.", "Data Analyst, SQL."]) == 0
    text = capsys.readouterr().out
    assert "[SQL]{SKILL}" in text and "why:" in text


def test_errors_exit_1_with_one_line(tmp_path, capsys):
    assert main(["score", str(tmp_path / "missing.csv"), str(tmp_path / "out.csv")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("Error:") and "\n" not in err


def test_unsupported_format(tmp_path, capsys):
    (tmp_path / "in.txt").write_text("x")
    assert main(["score", str(tmp_path / "in.txt"), str(tmp_path / "out.csv")]) == 1
    assert "unsupported file type" in capsys.readouterr().err


def test_corpus_json(capsys):
    assert main(["corpus", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["answers"] >= 600


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "usage" in capsys.readouterr().out


EXTERNAL = Path(__file__).resolve().parents[1] / "benchmarks" / "external"


def test_evaluate_on_another_labelled_set(capsys):
    """`evaluate --data` scores a labelled set in the corpus schema; its own split names apply."""
    assert main(["evaluate", "--data", str(EXTERNAL), "--split", "all", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["n"] == 60
    assert set(report["scores"]) == {"alignment", "specificity", "employer_focus", "overall"}
    assert all(-1 <= m["qwk"] <= 1 for m in report["scores"].values())


def test_evaluate_extraction_on_another_labelled_set(capsys):
    assert main(["evaluate-extraction", "--data", str(EXTERNAL), "--splits", "all"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("all: 60 answers, 6 job descriptions")
    assert "HORIZON bucket accuracy" in out


def test_evaluate_empty_split_is_a_clear_error(capsys):
    assert main(["evaluate", "--data", str(EXTERNAL), "--split", "dev"]) == 1
    assert "no answers in split 'dev'" in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".json", ".parquet"])
def test_score_command_in_chunks_writes_what_one_pass_writes(tmp_path, suffix, capsys):
    src = pd.read_csv(EXAMPLES / "answers.csv", dtype=str, keep_default_na=False)
    src["job_description"] = (EXAMPLES / "job_description.txt").read_text(encoding="utf-8")
    src = src.astype(object)
    src.loc[2, "answer"] = None  # a missing answer: written with its error, in its place
    inp = _write(src, tmp_path / f"in{suffix}")
    outputs = []
    for chunk_size in ("2", "10000"):
        out = tmp_path / f"out{chunk_size}{suffix}"
        args = ["score", str(inp), str(out), "--chunk-size", chunk_size, "--keep-columns"]
        assert main([*args, "--quiet"]) == 0
        outputs.append(out)
    read = {
        ".csv": lambda p: pd.read_csv(p),
        ".jsonl": lambda p: pd.read_json(p, lines=True),
        ".json": lambda p: pd.read_json(p),
        ".parquet": pd.read_parquet,
    }[suffix]
    chunked, whole = (read(p) for p in outputs)
    pd.testing.assert_frame_equal(chunked, whole)
    assert len(chunked) == len(src) and list(chunked["candidate"]) == list(src["candidate"])
    expected_errors = [suffix != ".csv" and i == 2 for i in range(len(src))]  # CSV: "" not None
    assert chunked["error"].notna().tolist() == expected_errors
    assert "of 7 rows" in capsys.readouterr().err


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".json", ".parquet"])
def test_read_chunks_reads_the_table_in_parts(tmp_path, suffix):
    from alignscore.io import read_chunks

    src = pd.DataFrame(
        {"answer": [f"answer {i}" for i in range(7)], "id": [str(i) for i in range(7)]}
    )
    path = _write(src, tmp_path / f"t{suffix}")
    chunks = list(read_chunks(path, 3))
    assert [len(c) for c in chunks] == [3, 3, 1]
    assert list(pd.concat(chunks).index) == list(range(7))
    assert list(pd.concat(chunks)["id"].astype(str)) == list(src["id"])
