"""The test run itself: `make test` relies on pytest-xdist keeping each build's tests on one worker, which builds
and crawls that build once. If an upgrade stops that, the run still passes but takes twice as long; this says why."""

from __future__ import annotations

import re
import sys

from conftest import run

GROUPED = """
import pytest

@pytest.mark.parametrize("n", range(6))
@pytest.mark.xdist_group("{group}")
def test_{group}(n):
    pass
"""


def test_each_group_of_tests_runs_on_one_worker(tmp_path):
    for group in ("shipped", "compat_off"):
        (tmp_path / f"test_{group}.py").write_text(GROUPED.format(group=group))
    result = run(sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-n", "2", "--dist", "loadgroup", "-v",
                 str(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    workers = {}
    for worker, group in re.findall(r"\[(gw\d+)\].*? PASSED \S*::test_(\w+?)\[", result.stdout):
        workers.setdefault(group, set()).add(worker)
    assert set(workers) == {"shipped", "compat_off"}, result.stdout
    assert all(len(found) == 1 for found in workers.values()), (
        f"pytest-xdist spread a group over several workers: {workers}. pytest 9.2 with pytest-xdist 3.8 does "
        "(https://github.com/pytest-dev/pytest-xdist/issues/1386): keep pytest below 9.2 in requirements-test.in")
