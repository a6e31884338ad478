"""Engines benchmark: how long each engine takes to build the export (`make export`) of a bench corpus.

    python bench/engines.py [--size 2000] [--runs 3]      (also run by `bench.py` on its largest corpus)

For one project of seeds (by default bench.py's corpus of `--size` articles): times `python -m seedsite.export`,
then builds the export from scratch with each engine (plain MkDocs without hooks, ProperDocs, Zensical), the
engines taken in turn and their order rotated from run to run, and the hook build (`mkdocs build` and
`properdocs build` of the project itself) for comparison. Medians of wall and CPU seconds go to
`bench/results/engines.md` (`--quick`: under `bench/work/`).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import bench

BIN = bench.PYTHON.parent
EXPORT_BUILDS = {
    "MkDocs 1.6 (no hooks)": [str(BIN / "mkdocs"), "build"],
    "ProperDocs": [str(BIN / "properdocs"), "build", "-f", "mkdocs.yml"],
    "Zensical": [str(BIN / "zensical"), "build"],
}
"""Each engine's build of the export folder, run inside it."""
HOOK_BUILDS = {
    "MkDocs 1.6 (hooks)": [str(BIN / "mkdocs"), "build"],
    "ProperDocs (hooks)": [str(BIN / "properdocs"), "build", "-f", "mkdocs.yml"],
}
"""The project's own build, with its hooks, for comparison."""
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "PYTHONDONTWRITEBYTECODE": "1"}


def timed(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one build from scratch (its site folder and Zensical's cache removed
    first). On a shared machine the CPU time is the steadier figure; Zensical's may exceed its wall time (it
    works on several threads)."""
    for made in ("site", ".cache"):
        shutil.rmtree(cwd / made, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed in {cwd}:\n{result.stdout[-2000:]}{result.stderr[-3000:]}")
    return elapsed, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def measure(project: Path, runs: int) -> dict:
    """Export `project` and time every build `runs` times: {"export": seconds, "builds": {name: [seconds]}}."""
    out = project.parent / f"{project.name}-export"
    shutil.rmtree(out, ignore_errors=True)
    started = time.perf_counter()
    command = [str(bench.PYTHON), "-m", "seedsite.export", str(project), "--out", str(out)]
    result = subprocess.run(command, env={**ENV, "PYTHONPATH": str(bench.ROOT / "hooks")}, capture_output=True,
                            text=True, check=False)
    export_seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"export failed:\n{result.stderr[-3000:]}")
    builds = [(name, command, out) for name, command in EXPORT_BUILDS.items()]
    builds += [(name, command, project) for name, command in HOOK_BUILDS.items()]
    times: dict[str, list[tuple[float, float]]] = {name: [] for name, _, _ in builds}
    for run in range(runs):
        turn = run % len(builds)
        for name, command, cwd in builds[turn:] + builds[:turn]:
            times[name].append(timed(command, cwd))
            bench.log(f"  {name}: {times[name][-1][0]:.1f} s (CPU {times[name][-1][1]:.1f} s)")
    pages = sum(1 for _ in (out / "docs").rglob("*.md"))
    return {"export": export_seconds, "pages": pages, "builds": times}


def report(results: dict, articles: int, path: Path) -> str:
    """The results as Markdown, written to `path`."""
    floor = statistics.median(wall for wall, _ in results["builds"]["MkDocs 1.6 (no hooks)"])
    lines = [
        "# Engines: building the export",
        "",
        f"Run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} at `{bench._git('rev-parse', '--short', 'HEAD')}`"
        f" on {os.cpu_count()} CPUs; load average {results['load'][0]:.1f} at the start, {results['load'][1]:.1f}"
        f" at the end. Corpus: bench.py's, {articles:,} articles ({results['pages']:,} exported pages).",
        f"Wall seconds, median of {len(next(iter(results['builds'].values())))} runs each, engines taken in turn.",
        "",
        f"`python -m seedsite.export` (pipeline and writing the folder): {results['export']:.1f} s.",
        "",
        "| build | median wall s | × MkDocs on the export | median CPU s | runs (wall s) |",
        "|---|---:|---:|---:|---|",
    ]
    for name, pairs in results["builds"].items():
        median = statistics.median(wall for wall, _ in pairs)
        cpu = statistics.median(cpu for _, cpu in pairs)
        runs = ", ".join(f"{wall:.1f}" for wall, _ in pairs)
        lines.append(f"| {name} | {median:.1f} | {median / floor:.2f} | {cpu:.1f} | {runs} |")
    text = "\n".join(lines) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return text


def run(project: Path, articles: int, runs: int, path: Path) -> str:
    load = os.getloadavg()[0]
    results = measure(project, runs)
    results["load"] = (load, os.getloadavg()[0])
    return report(results, articles, path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=2000, help="articles in the corpus (default 2000)")
    parser.add_argument("--runs", type=int, default=3, help="builds per engine (default 3)")
    parser.add_argument("--quick", action="store_true", help="results under bench/work/, not bench/results/")
    args = parser.parse_args(argv)
    seed_files = sorted((bench.ROOT / "seeds").glob("*.txt"))
    bench.log(f"generating {args.size:,} articles from {bench.CORPUS_DEV}")
    specs = bench.make_specs(args.size, bench.CORPUS_DEV, seed_files[0] if seed_files else None)
    project = bench.write_projects(specs, [args.size], bench.WORK / "corpora-engines")[args.size]["ours"]
    out = (bench.WORK / "results-quick" if args.quick else bench.BENCH / "results") / "engines.md"
    print(run(project, args.size, args.runs, out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
