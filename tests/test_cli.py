from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from alignscore.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_score_command_round_trips_every_format(tmp_path, suffix, capsys):
    src = pd.read_csv(EXAMPLES / "answers.csv", dtype=str, keep_default_na=False)
    inp = tmp_path / f"in{suffix}"
    if suffix == ".csv":
        src.to_csv(inp, index=False)
    elif suffix == ".jsonl":
        src.to_json(inp, orient="records", lines=True)
    else:
        src.to_parquet(inp, index=False)
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
