from __future__ import annotations

import pytest
import spacy


def pytest_addoption(parser):
    parser.addoption("--slow", action="store_true", default=False, help="run slow tests")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def nlp():
    """The saved default pipeline, loaded once per test run."""
    from alignscore.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture
def clean_nlp(nlp):
    """The shared pipeline; removes any pipe a test adds."""
    names = list(nlp.pipe_names)
    yield nlp
    for name in list(nlp.pipe_names):
        if name not in names:
            nlp.remove_pipe(name)


@pytest.fixture
def blank_nlp():
    return spacy.blank("en")
