"""`make audit` and `make bench`: the message a contributor gets without Chromium, which pages fail the audit, and
the loopback server that they and the tests serve a built site with."""

from __future__ import annotations

import gzip
import http.client
import os
import sys
from urllib.parse import urlsplit

import pytest
from conftest import run

from tools import audit
from tools.serve import serve


@pytest.mark.parametrize("module", ["tools.audit", "tools.bench"])
def test_a_missing_chromium_is_named_before_any_work_starts(module, tmp_path, monkeypatch):
    missing = tmp_path / "chromium"
    monkeypatch.setenv("CHROMIUM", str(missing))
    result = run(sys.executable, "-m", module)
    assert result.returncode != 0
    assert result.stderr.strip() == f"{missing} not found: install Debian's chromium (`apt-get install chromium`) or set CHROMIUM"
    assert result.stdout == ""


def _lighthouse_run(performance=100, accessibility=100, kb=75.0, failed=()):
    return {"scores": {"performance": performance, "accessibility": accessibility, "best-practices": 100, "seo": 100},
            "lcp_ms": 1400, "tbt_ms": 0, "cls": 0, "transfer_kb": kb, "failed_audits": list(failed)}


def test_the_audit_fails_each_missed_target_and_passes_a_slow_run_the_median_absorbs():
    default = _lighthouse_run(performance=95, accessibility=88, kb=126.0)
    results = {
        "/": {"runs": [_lighthouse_run(), _lighthouse_run(performance=91), _lighthouse_run()], "default_theme": default},
        "/faq/": {"runs": [_lighthouse_run(performance=99), _lighthouse_run(), _lighthouse_run(performance=98)],
                  "default_theme": default},
        "/comparison/": {"runs": [_lighthouse_run(), _lighthouse_run(accessibility=92, failed=["color-contrast"]),
                                  _lighthouse_run()], "default_theme": default},
        "/verdict/": {"runs": [_lighthouse_run(kb=130.5)] * 3, "default_theme": default},
    }
    summary, misses = audit.summarize(results, 3)
    assert misses == ["/faq/: median performance 99",
                      "/comparison/: accessibility below 100 (color-contrast)",
                      "/verdict/: 130.5 KB transferred, default theme 126.0 KB"]
    assert "| /faq/ | 99; 99, 100, 98 | 100 | 100 | 100 | 1400 | 0 | 0 | 75.0 | 126.0 |" in summary
    assert "Single runs below 100 in performance: 3 of 12 (lowest 91)." in summary
    assert "Targets missed:\n- /faq/: median performance 99\n" in summary

    summary, misses = audit.summarize({"/": results["/"]}, 3)
    assert misses == []
    assert "All targets met." in summary


def get(base: str, path: str, accept_gzip: bool = True) -> tuple[http.client.HTTPResponse, bytes]:
    connection = http.client.HTTPConnection(urlsplit(base).netloc, timeout=10)
    connection.request("GET", path, headers={"Accept-Encoding": "gzip, deflate"} if accept_gzip else {})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def test_the_loopback_server_answers_like_a_real_host(tmp_path):
    page, stylesheet = tmp_path / "faq" / "index.html", tmp_path / "style.css"
    page.parent.mkdir()
    page.write_text("<!doctype html><title>FAQ</title>")
    stylesheet.write_text("body { color: black }")
    with serve(tmp_path) as base:
        response, body = get(base, "/faq/?h=GIL")
        assert (response.status, response.getheader("Content-Type"), response.getheader("Content-Encoding")) == (
            200, "text/html", "gzip")
        assert gzip.decompress(body) == page.read_bytes()

        response, body = get(base, "/style.css", accept_gzip=False)
        assert (response.status, response.getheader("Content-Type"), response.getheader("Content-Encoding")) == (
            200, "text/css", None)
        assert body == stylesheet.read_bytes()

        response, _ = get(base, "/faq")
        assert (response.status, response.getheader("Location")) == (301, "/faq/")
        assert get(base, "/no-such-page/")[0].status == 404

        page.write_text("<!doctype html><title>FAQ, rebuilt</title>")
        os.utime(page, ns=(1, 1))  # another modification time, however coarse the file system's clock
        assert gzip.decompress(get(base, "/faq/")[1]) == page.read_bytes()
