"""Experiment: where does the full build's time over the floor go? Builds our pipeline's Markdown as plain docs
(no hooks, so no pipeline time) in variants: as generated, without link tooltips (`"title"`), without term links
(link text kept), and also without the glossary page's content. Run after `make bench` (it reuses bench/work/corpora/<n>/): 

    .venv/bin/python bench/experiments/markup_cost.py [n=1000] [runs=2]
"""

from __future__ import annotations

import re
import shutil
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import bench

sys.path.insert(0, str(bench.ROOT / "hooks"))
from seedsite import pipeline, sources

LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]+)((?: \"[^\"]*\")?)\)")


STUB = "---\ntitle: Glossary\n---\n\n# Glossary\n\n(left out)\n"
NAMES = ("as generated", "no tooltips", "no glossary links", "no glossary links, glossary page stubbed")


def variants(markdown: str, uri: str) -> dict[str, str]:
    unlinked = LINK.sub(lambda m: m.group(1) if "glossary" in m.group(2) else m.group(0), markdown)
    return {
        "as generated": markdown,
        "no tooltips": LINK.sub(lambda m: f"[{m.group(1)}]({m.group(2)})", markdown),
        "no glossary links": unlinked,
        "no glossary links, glossary page stubbed": STUB if uri == "glossary.md" else unlinked,
    }


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    base = bench.WORK / "corpora" / str(n)
    site = pipeline.build(sources.load(base / "ours" / "seeds"))
    config = bench.floor_config((base / "ours" / "mkdocs.yml").read_text(encoding="utf-8"))
    projects = {}
    for i, name in enumerate(NAMES):
        project = base / f"markup-{i}"
        shutil.rmtree(project, ignore_errors=True)
        project.mkdir()
        (project / "mkdocs.yml").write_text(config, encoding="utf-8")
        bench._copy_parts(project, skip_hooks=True)
        size = 0
        for page in site.pages:
            text = variants(page.markdown, page.uri)[name]
            size += len(text.encode())
            path = project / "docs" / page.uri
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        projects[name] = project
        print(f"{name}: {size / 1e6:.1f} MB of Markdown", flush=True)
    times: dict[str, list[float]] = {name: [] for name in projects}
    for run in range(runs):
        for name in (list(projects) if run % 2 == 0 else list(reversed(projects))):
            seconds, _ = bench.mkdocs_build(projects[name])
            times[name].append(seconds)
            print(f"  {name}: {seconds:.1f} s", flush=True)
    for name, project in projects.items():
        html = bench.html_sizes(project / "site")
        print(f"{name}: build {statistics.median(times[name]):.1f} s (median of {runs}), article page mean "
              f"{html['mean'] / 1024:.1f} KB, site {html['total'] / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
