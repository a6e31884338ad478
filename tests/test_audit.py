"""Audit (`make verify`'s second half): junk terms, wrong-person links, definitions and tooltips, measured on a
real build of hand-written news, and shown to fail on a site doctored to hold each fault."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, make_project, mkdocs_build
from seedsite import audit

NEWS = ROOT / "tests" / "inputs" / "news"


@pytest.fixture(scope="module")
def news_site(tmp_path_factory) -> Path:
    project = make_project(tmp_path_factory.mktemp("news"), NEWS)
    done = mkdocs_build(project, "--strict")
    assert done.returncode == 0, done.stderr
    return project


def doctored(project: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy"
    shutil.copytree(project, copy)
    return copy


def test_the_news_site_passes_the_audit(news_site):
    report = audit.check(news_site / "site", news_site / "seeds")
    assert report.junk == 0 and report.wrong == 0, report.problems
    assert report.terms >= 20 and report.links >= 20
    assert report.repeats <= audit.MAX_REPEATS * report.links
    assert not report.failed()


def test_a_junk_term_fails_the_audit(news_site, tmp_path):
    copy = doctored(news_site, tmp_path)
    path = copy / "site" / "glossary.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["terms"] += [{"name": "I'm", "url": "x"}, {"name": "delighted", "url": "y"}, {"name": "Lleyton", "url": "z"}]
    path.write_text(json.dumps(data), encoding="utf-8")
    report = audit.check(copy / "site", copy / "seeds")
    assert report.junk == 3 and report.failed()
    assert any("\"I'm\" is a contraction" in line for line in report.problems)
    assert any("'Lleyton' is a first name alone" in line for line in report.problems)


def test_a_surname_linked_to_another_person_fails_the_audit(news_site, tmp_path):
    copy = doctored(news_site, tmp_path)
    data = json.loads((copy / "site" / "glossary.json").read_text(encoding="utf-8"))
    lleyton = next(t["url"] for t in data["terms"] if t["name"] == "Lleyton Hewitt")
    page = copy / "site" / "politics" / "hewitt-backs-new-export-rules" / "index.html"
    html = page.read_text(encoding="utf-8")
    target = "../../" + lleyton
    html, count = re.subn(r"(Hewitt added)", f'<a class="glossary-term" href="{target}">Hewitt</a> added', html, 1)
    assert count == 1
    page.write_text(html, encoding="utf-8")
    report = audit.check(copy / "site", copy / "seeds")
    assert report.wrong == 1 and report.failed()
    assert "'Hewitt' links to 'Lleyton Hewitt'" in report.problems[-1]
