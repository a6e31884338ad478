"""Benchmark: how the site build scales with the number of articles, and how fast `mkdocs serve` shows an edit.

One run (`make bench`, or `python bench/bench.py [--quick]`):

1. builds corpora of 250, 500, 1,000 and 2,000 articles from real text (the dev corpus of Wikipedia articles,
   cut into article-sized pieces of a few sections each and, once those run out, recombined from sections of
   different articles; plus the repo's seed), deterministically from a fixed random seed, spread over a few
   section folders;
2. times the full site build with our hooks against the floor: the same articles as plain Markdown, same theme
   and extensions, articles out of the nav, plain `mkdocs build` without hooks (alternating, medians);
3. times the pure pipeline (`sources.load` + `pipeline.build`, no MkDocs) and its scaling from 1,000 to 2,000;
4. measures HTML bytes per article page and the total site size;
5. profiles the pipeline (cProfile) and a full build (pyinstrument) at the largest size;
6. measures `mkdocs serve` on the largest corpus: time from saving an edit to a seed until its page, served over
   HTTP, shows it: as `make serve` runs it (`--dirty`), and plain;
7. times each engine's build of the export (`make export`) at the largest size (`engines.py`: plain MkDocs,
   ProperDocs, Zensical; `bench/results/engines.md`);
8. writes `bench/results/results.md` and `bench/results/build-time.png` (`--quick`: under `bench/work/`).

The corpus text is CC BY-SA (Wikipedia): it is only ever written under `bench/work/` (git-ignored).
Timing lives here, never in the test suite.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / "work"
CORPUS_DEV = Path(os.environ.get("CORPUS_DEV", ROOT.parent / "shared" / "corpus-dev"))
PYTHON = Path(sys.executable)
MKDOCS = PYTHON.with_name("mkdocs")

RANDOM_SEED = 20251127
"""Fixed seed: the same corpus on every run and every machine."""
SECTIONS = ("history", "politics", "science", "culture")
"""Section folders the generated articles are spread over (the repo's seed stays at the top level)."""
PROJECT_PARTS = ("hooks", "docs", "overrides")
"""What a site project is made of besides mkdocs.yml and seeds/ (copied when present)."""
BACK_MATTER = re.compile(
    r"^(references|external links|see also|notes|further reading|bibliography|sources|citations|footnotes|"
    r"works cited|notes and references|references and notes|explanatory notes|general sources|"
    r"primary sources|secondary sources|cited sources|general and cited sources)$",
    re.IGNORECASE,
)
"""Wikipedia sections that are lists of citations rather than prose: left out of the articles."""
_HEADING = re.compile(r"^\s*(={2,6})\s*(.*?)\s*\1\s*$")

TARGETS = {
    "ratio": 1.2,  # full build / floor at the largest size
    "page_kb": 30.0,  # mean HTML per article page
    "pipeline_s": 1.0,  # pure pipeline at 2,000 articles
    "doubling": 2.2,  # pipeline time ratio 2,000 / 1,000
    "serve_s": 2.0,  # edit to visible with `mkdocs serve`
}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# --------------------------------------------------------------------------------------------------------------
# Corpus


@dataclass
class Unit:
    """A headed block of a source article: `== heading ==` and its paragraphs (subsections are units too)."""

    level: int
    heading: str
    paragraphs: list[str]

    @property
    def size(self) -> int:
        return len(self.heading.encode()) + sum(len(p.encode()) + 1 for p in self.paragraphs)


@dataclass
class Spec:
    """One generated article."""

    title: str
    intro: list[str]
    units: list[Unit] = field(default_factory=list)
    origin: str = "piece"  # "piece" (consecutive sections of one article), "mix" (recombined) or "seed"
    raw: bytes | None = None  # the repo's seed, copied byte for byte

    @property
    def size(self) -> int:
        return len(self.seed_text().encode())

    def seed_text(self) -> str:
        """The article as a seed file in the dev corpus' layout (title, paragraphs one a line, `== H ==`)."""
        if self.raw is not None:
            return self.raw.decode("utf-8")
        out = [self.title, ""] + self.intro
        for unit in self.units:
            marks = "=" * unit.level
            out += ["", "", f"{marks} {unit.heading} {marks}"] + unit.paragraphs
        return "\n".join(out) + "\n"

    def markdown(self) -> str:
        """The floor's page: the same text as plain Markdown (title, headings, paragraphs; nothing else)."""
        if self.raw is not None:
            lines = [line.strip() for line in self.raw.decode("utf-8").splitlines() if line.strip()]
            return f"# {lines[0]}\n\n" + "\n\n".join(lines[1:]) + "\n"
        out = [f"# {self.title}"] + self.intro
        for unit in self.units:
            out.append(f"{'#' * unit.level} {unit.heading}")
            out += unit.paragraphs
        return "\n\n".join(out) + "\n"


def parse_source(text: str) -> tuple[str, list[str], list[Unit]]:
    """A dev-corpus article → (title, intro paragraphs, units), without back matter or empty units."""
    lines = text.replace("\r\n", "\n").split("\n")
    title = lines[0].strip().replace("_", " ")
    intro: list[str] = []
    units: list[Unit] = []
    current: list[str] = intro
    skip_below = 0  # inside a back-matter section: skip units deeper than this level
    for line in lines[1:]:
        match = _HEADING.match(line)
        if match:
            level, heading = len(match.group(1)), match.group(2).strip()
            if skip_below and level > skip_below:
                current = []
                continue
            skip_below = level if BACK_MATTER.match(heading) else 0
            if skip_below:
                current = []  # read and dropped
            else:
                units.append(Unit(level, heading, []))
                current = units[-1].paragraphs
            continue
        if line.strip():
            current.append(line.strip())
    return title, intro, [u for u in units if u.paragraphs or u.level == 2]


def _target_size(rng: random.Random) -> int:
    """A target article size in bytes: log-normal around 3.5 KB, clipped to 1.5–15 KB. A piece takes sections
    until it reaches its target, so with the last section's overshoot the mean lands near the seed's 5.3 KB."""
    return int(min(15_000, max(1_500, rng.lognormvariate(math.log(3_500), 0.5))))


def _split_long(unit: Unit, limit: int = 12_000) -> list[Unit]:
    """A section longer than `limit` bytes as several sections (at paragraph breaks), headed "… (continued)"."""
    if unit.size <= limit:
        return [unit]
    parts: list[Unit] = [Unit(unit.level, unit.heading, [])]
    for paragraph in unit.paragraphs:
        if parts[-1].paragraphs and parts[-1].size + len(paragraph.encode()) > limit // 2:
            parts.append(Unit(unit.level, f"{unit.heading} (continued)", []))
        parts[-1].paragraphs.append(paragraph)
    return parts


def make_specs(count: int, corpus: Path, seed_file: Path | None) -> list[Spec]:
    """`count` articles, the first `n` of which form the `n`-article corpus (the seed, then a shuffled mix)."""
    rng = random.Random(RANDOM_SEED)
    sources = sorted(corpus.rglob("*.txt"), key=lambda p: p.relative_to(corpus).as_posix())
    if not sources:
        raise SystemExit(f"no .txt articles in {corpus} (set CORPUS_DEV)")
    docs = [parse_source(p.read_text(encoding="utf-8")) for p in sources]
    docs = [(title, intro, [part for unit in units for part in _split_long(unit)]) for title, intro, units in docs]
    pieces: list[Spec] = []
    for title, intro, units in docs:  # consecutive sections of one article, about one target size each
        groups: list[list[Unit]] = [[]]
        target, size = _target_size(rng), sum(len(p) for p in intro)
        for unit in units:
            if size >= target and groups[-1]:
                groups.append([])
                target, size = _target_size(rng), 0
            groups[-1].append(unit)
            size += unit.size
        if len(groups) > 1 and sum(u.size for u in groups[-1]) < 1_000:  # a small remnant joins the piece before
            last = groups.pop()
            groups[-1] += last
        for i, group in enumerate(groups):
            if i == 0:
                pieces.append(Spec(title, list(intro), group))
            elif group:
                head, rest = group[0], group[1:]
                pieces.append(Spec(f"{title}: {head.heading}", list(head.paragraphs), rest))
    pieces = [p for p in pieces if p.size >= 600]
    pool = [(title, u) for title, _, units in docs for u in units if u.size >= 500]
    mixes: list[Spec] = []
    while len(pieces) + len(mixes) < count - 1:  # then sections of different articles, recombined
        target = _target_size(rng)
        title, head = rng.choice(pool)
        mix = Spec(f"{head.heading} ({title})", list(head.paragraphs), origin="mix")
        while mix.size < target and len(mix.units) < 5:
            _, unit = rng.choice(pool)
            mix.units.append(Unit(2, unit.heading, list(unit.paragraphs)))
        mixes.append(mix)
    specs = pieces + mixes
    rng.shuffle(specs)
    specs = specs[: count - 1]
    if seed_file is not None:
        specs.insert(0, Spec("", [], origin="seed", raw=seed_file.read_bytes()))
    return specs[:count]


def _file_name(index: int, spec: Spec) -> str:
    title = spec.title or "seed"
    stem = re.sub(r"[^\w]+", "-", title.lower()).strip("-")[:48].strip("-")
    return f"{index:04d}-{stem or 'article'}"


def _placement(specs: list[Spec]) -> list[tuple[str, str]]:
    """(folder, file stem) of each article; the same for an article in every corpus size."""
    rng = random.Random(RANDOM_SEED + 1)
    out = []
    for i, spec in enumerate(specs):
        folder = "" if spec.origin == "seed" else rng.choice(SECTIONS)
        out.append((folder, _file_name(i, spec)))
    return out


# --------------------------------------------------------------------------------------------------------------
# Projects


def _yaml_blocks(text: str) -> list[list[str]]:
    """mkdocs.yml as top-level blocks (a key line with its indented and blank continuation lines)."""
    blocks: list[list[str]] = []
    for line in text.splitlines(keepends=True):
        if blocks and (not line.strip() or line[0] in " \t#" and not line.startswith("#")):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def floor_config(text: str) -> str:
    """Our mkdocs.yml without hooks and without a nav, articles kept out of the nav by `not_in_nav`."""
    kept = [b for b in _yaml_blocks(text) if not re.match(r"(hooks|nav|not_in_nav)\s*:", b[0])]
    return "".join("".join(b) for b in kept).rstrip("\n") + '\n\nnot_in_nav: |\n  /*/*.md\n'


def _copy_parts(dest: Path, skip_hooks: bool = False) -> None:
    for part in PROJECT_PARTS:
        if (ROOT / part).is_dir() and not (skip_hooks and part == "hooks"):
            shutil.copytree(ROOT / part, dest / part, ignore=shutil.ignore_patterns("__pycache__"))


def write_projects(specs: list[Spec], sizes: list[int], base: Path) -> dict[int, dict[str, Path]]:
    """For each size: `ours` (repo site + seeds) and `floor` (plain Markdown, no hooks) project folders."""
    if base.exists():
        shutil.rmtree(base)
    placement = _placement(specs)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    out: dict[int, dict[str, Path]] = {}
    for size in sizes:
        ours, floor = base / f"{size}" / "ours", base / f"{size}" / "floor"
        for project in (ours, floor):
            project.mkdir(parents=True)
        (ours / "mkdocs.yml").write_text(config, encoding="utf-8")
        (floor / "mkdocs.yml").write_text(floor_config(config), encoding="utf-8")
        _copy_parts(ours)
        _copy_parts(floor, skip_hooks=True)
        (floor / "docs").mkdir(exist_ok=True)
        (floor / "docs" / "index.md").write_text("# Home\n\nArticles, as plain Markdown.\n", encoding="utf-8")
        for spec, (folder, stem) in zip(specs[:size], placement[:size]):
            seed = ours / "seeds" / folder / f"{stem}.txt"
            seed.parent.mkdir(parents=True, exist_ok=True)
            seed.write_text(spec.seed_text(), encoding="utf-8")
            page = floor / "docs" / (folder or "articles") / f"{stem}.md"
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(spec.markdown(), encoding="utf-8")
        out[size] = {"ours": ours, "floor": floor}
    return out


# --------------------------------------------------------------------------------------------------------------
# Measurements


def _env() -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def mkdocs_build(project: Path) -> tuple[float, str]:
    """One `mkdocs build` from scratch (the site folder removed first); returns (wall seconds, its log)."""
    shutil.rmtree(project / "site", ignore_errors=True)
    started = time.perf_counter()
    command = [str(MKDOCS), "build"]
    result = subprocess.run(command, cwd=project, env=_env(), capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed in {project}:\n{result.stderr[-3000:]}")
    return elapsed, result.stderr


_PIPELINE_SCRIPT = """
import json, sys, time
from dataclasses import replace
from pathlib import Path
sys.path.insert(0, sys.argv[1])
t0 = time.perf_counter()
from seedsite import pipeline, sources
t1 = time.perf_counter()
loaded = sources.load(Path(sys.argv[2]))
site = pipeline.build(loaded)
t2 = time.perf_counter()
pipeline.build(sources.load(Path(sys.argv[2])))
t3 = time.perf_counter()
middle = len(loaded.seeds) // 2
seed = loaded.seeds[middle]
edited = replace(loaded, seeds=loaded.seeds[:middle] + (replace(seed, data=seed.data + b"\\nAn added line.\\n"),)
                 + loaded.seeds[middle + 1:])
t4 = time.perf_counter()
quick = pipeline.update(site, edited)
t5 = time.perf_counter()
assert quick is not None
print(json.dumps({"import": t1 - t0, "cold": t2 - t1, "warm": t3 - t2, "quick": t5 - t4, "pages": len(site.pages),
                  "articles": len(site.articles), "markdown": sum(len(p.markdown) for p in site.pages),
                  "urls": {a.source: site.uris[a.source] for a in site.articles}}))
"""


def pipeline_run(seeds: Path) -> dict:
    """The pure pipeline in a fresh interpreter: `cold` is the first build (as in `mkdocs build`, seeds read
    from disk), `warm` a second full one in the same process (modules loaded, caches filled), `quick` the update
    after one seed was edited (as in a `mkdocs serve` rebuild of a large site)."""
    return _run_script(_PIPELINE_SCRIPT, seeds, "pipeline")


def _run_script(script: str, seeds: Path, what: str) -> dict:
    """Run one of the measuring scripts on `seeds` in a fresh interpreter; its JSON output."""
    result = subprocess.run(
        [str(PYTHON), "-c", script, str(ROOT / "hooks"), str(seeds)],
        env=_env(), capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"{what} failed on {seeds}:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


def html_sizes(site: Path) -> dict:
    """Bytes of every article page (`<section>/<article>/index.html`) and of the whole site."""
    pages = [p.stat().st_size for folder in ("articles", *SECTIONS) for p in (site / folder).glob("*/index.html")]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    search = site / "search" / "search_index.json"
    return {
        "pages": len(pages),
        "mean": statistics.mean(pages) if pages else 0,
        "max": max(pages, default=0),
        "total": total,
        "search": search.stat().st_size if search.exists() else 0,
    }


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def http_get(url: str, timeout: float) -> str | None:
    """The body of a loopback URL, or None if it is not served (yet)."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def measure_serve(
    project: Path, page: str, seed: Path, edits: int, args: tuple[str, ...], label: str,
    startup_limit: float = 900.0, edit_limit: float = 600.0, poll_every: float = 0.05, max_polls: int = 20_000,
) -> dict:
    """Start `mkdocs serve` (live reload on), wait for the first build, then `edits` times: append a unique word
    to `seed` and time from saving until the page at `page`, fetched over HTTP, contains it."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/{page}"
    log_path = project.parent / f"serve-{label}.log"
    original = seed.read_bytes()
    out: dict = {"label": label, "args": " ".join(args), "edits": [], "log": str(log_path.relative_to(ROOT))}
    with open(log_path, "w", encoding="utf-8") as log_file:
        started = time.perf_counter()
        server = subprocess.Popen(
            [str(MKDOCS), "serve", "--dev-addr", f"127.0.0.1:{port}", *args],
            cwd=project, env=_env(), stdout=log_file, stderr=subprocess.STDOUT, start_new_session=True,
        )
        try:
            polls = 0
            while http_get(url, timeout=30) is None:
                polls += 1
                if server.poll() is not None or time.perf_counter() - started > startup_limit or polls > max_polls:
                    raise SystemExit(f"mkdocs serve ({label}) did not serve {url}; see {log_path}")
                time.sleep(0.25)
            out["first_build"] = time.perf_counter() - started
            time.sleep(1.0)  # let the file watcher take its first snapshot
            for n in range(edits):
                word = f"benchword{n}x{time.time_ns() % 10**9}"
                with open(seed, "a", encoding="utf-8") as handle:
                    handle.write(f"\n{word}\n")
                saved = time.perf_counter()
                polls, seen = 0, None
                while polls < max_polls:
                    left = edit_limit - (time.perf_counter() - saved)
                    if left <= 0:
                        break
                    polls += 1
                    body = http_get(url, timeout=left)
                    if body is not None and word in body:
                        seen = time.perf_counter() - saved
                        break
                    time.sleep(poll_every)
                out["edits"].append({"seconds": seen, "polls": polls})
                log(f"  serve {label}: edit {n + 1} visible after "
                    + (f"{seen:.2f} s" if seen is not None else f"(not within {edit_limit:.0f} s)"))
                time.sleep(1.5)
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.terminate()
                try:
                    server.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
            seed.write_bytes(original)
    text = log_path.read_text(encoding="utf-8", errors="replace")
    out["rebuilds"] = [float(s) for s in re.findall(r"Documentation built in ([\d.]+) seconds", text)]
    out["pipeline"] = [float(s) for s in re.findall(r"microsite: .*pipeline ([\d.]+) s", text)]
    times = [e["seconds"] for e in out["edits"] if e["seconds"] is not None]
    out["median"] = statistics.median(times) if times else None
    return out


# --------------------------------------------------------------------------------------------------------------
# Profiles


_CPROFILE_SCRIPT = """
import cProfile, io, pstats, sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from seedsite import pipeline, sources
profile = cProfile.Profile()
profile.enable()
pipeline.build(sources.load(Path(sys.argv[2])))
profile.disable()
stats = pstats.Stats(profile)
total = stats.total_tt
rows = []
for (path, line, name), (cc, nc, tt, ct, callers) in stats.stats.items():
    rows.append((tt, ct, nc, path, line, name))
import json
print(json.dumps({"total": total, "rows": rows}))
"""


def profile_pipeline(seeds: Path) -> dict:
    """cProfile of `sources.load` + `pipeline.build`: (self time, cumulative time, calls, file, line, function)."""
    return _run_script(_CPROFILE_SCRIPT, seeds, "pipeline profile")


_PYINSTRUMENT_SCRIPT = """
import json, os, sys
from collections import defaultdict
from pyinstrument import Profiler
from mkdocs.__main__ import cli
profiler = Profiler(interval=0.002)
profiler.start()
try:
    cli(["build", "--quiet"], standalone_mode=False)
finally:
    profiler.stop()
root = profiler.last_session.root_frame()
self_time, inclusive = defaultdict(float), defaultdict(float)
cwd = os.getcwd().replace(os.sep, "/") + "/"
def key(frame):
    path = (frame.file_path or "").replace(os.sep, "/")
    if path.startswith(cwd):
        return f"{frame.function} ({path[len(cwd):]}:{frame.line_no})"
    for marker in ("/site-packages/", "/lib/python3", "/hooks/"):
        if marker in path:
            path = path.split(marker, 1)[1]
            path = ("hooks/" + path) if marker == "/hooks/" else path
            break
    return f"{frame.function} ({path}:{frame.line_no})"
def walk(frame, active):
    if frame.function.startswith("["):  # pyinstrument's synthetic [self] / [await] leaves
        return
    k = key(frame)
    self_time[k] += frame.total_self_time
    if k not in active:
        inclusive[k] += frame.time
    for child in frame.children:
        walk(child, active | {k})
walk(root, frozenset())
print(json.dumps({"total": root.time, "self": sorted(self_time.items(), key=lambda kv: -kv[1])[:40],
                  "inclusive": sorted(inclusive.items(), key=lambda kv: -kv[1])[:400]}))
"""


def profile_build(project: Path) -> dict:
    """pyinstrument (sampling) profile of one full `mkdocs build` with our hooks."""
    shutil.rmtree(project / "site", ignore_errors=True)
    result = subprocess.run(
        [str(PYTHON), "-c", _PYINSTRUMENT_SCRIPT], cwd=project, env=_env(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"build profile failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------------------------------------------
# Report


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _git(*args: str) -> str:
    result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    return result.stdout.strip()


def _versions() -> str:
    import importlib.metadata as md

    names = ("mkdocs", "mkdocs-material", "pymdown-extensions", "Markdown")
    found = []
    for name in names:
        try:
            found.append(f"{name} {md.version(name)}")
        except md.PackageNotFoundError:
            pass
    return ", ".join(found)


def plot(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted(results["builds"])
    ours = [_median(results["builds"][n]["ours"]) for n in sizes]
    floor = [_median(results["builds"][n]["floor"]) for n in sizes]
    pipe = [_median([r["cold"] for r in results["pipeline"][n]]) for n in sizes]
    fig, ax = plt.subplots(figsize=(8, 5), dpi=110)
    ax.plot(sizes, ours, "o-", label="full build, our hooks (mkdocs build)")
    ax.plot(sizes, floor, "s--", label="floor: plain Markdown, no hooks")
    target = [TARGETS["ratio"] * f for f in floor]
    ax.plot(sizes, target, ":", color="grey", label=f"target: {TARGETS['ratio']}× floor")
    ax.plot(sizes, pipe, "^-", label="pure pipeline (no MkDocs)")
    for n, t in zip(sizes, ours):
        ax.annotate(f"{t:.1f} s", (n, t), textcoords="offset points", xytext=(4, 6), fontsize=8)
    ax.set_xlabel("articles")
    ax.set_ylabel("seconds (median)")
    ax.set_xticks(sizes)
    ax.set_xlim(0, max(sizes) * 1.08)
    ax.set_ylim(0, None)
    ax.grid(alpha=0.3)
    ax.set_title("Site build time vs number of articles")
    ax.legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def _status(ok: bool | None) -> str:
    return "—" if ok is None else ("met" if ok else "**missed**")


def report(results: dict, path: Path) -> str:
    sizes = sorted(results["builds"])
    largest = sizes[-1]
    lines = [
        "# Benchmark results",
        "",
        (f"Generated by `bench/bench.py{' --quick' if results['quick'] else ''}` on {results['date']} "
        f"at commit `{results['commit']}`{' (with uncommitted changes in hooks/)' if results['hooks_dirty'] else ''}; "
        f"took {results['duration'] / 60:.1f} min. Machine: {results['machine']}; load average (1 min) "
        f"{results['load'][0]:.1f} at the start, {results['load'][1]:.1f} at the end. {results['versions']}."),
        "",
        f"Corpus: {results['corpus']}",
        "",
        "## Build time and page size",
        "",
        ("Wall time of `mkdocs build` from an empty site folder (a fresh process: interpreter start, config, theme and "
        "hooks included), medians of the runs shown, ours and floor alternated. *Floor*: the same articles as plain "
        "Markdown (title, headings, paragraphs), same theme, extensions and `custom_dir`, articles out of the nav "
        "(`not_in_nav`), no hooks. *Pipeline*: `sources.load` + `pipeline.build` alone, first build in a fresh "
        "interpreter (cold), a second full build in the same process (warm), and `pipeline.update` after one seed "
        "was edited (quick: what a `mkdocs serve` rebuild of a large site runs), medians. HTML: article pages of "
        "our build."),
        "",
        ("| articles | seeds | ours (s) | floor (s) | ours / floor | pipeline cold (s) | warm (s) | quick (s) "
        "| HTML per article, mean | max | site total | search index |"),
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n in sizes:
        b, p, h = results["builds"][n], results["pipeline"][n], results["html"][n]
        ours, floor = _median(b["ours"]), _median(b["floor"])
        lines.append(
            f"| {n:,} | {results['seed_bytes'][n] / 1e6:.1f} MB | {ours:.1f} ({len(b['ours'])} runs) "
            f"| {floor:.1f} ({len(b['floor'])}) | {ours / floor:.2f}× "
            f"| {_median([r['cold'] for r in p]):.2f} | {_median([r['warm'] for r in p]):.2f} "
            f"| {_median([r['quick'] for r in p]):.2f} "
            f"| {h['mean'] / 1024:.1f} KB | {h['max'] / 1024:.0f} KB | {h['total'] / 1e6:.1f} MB "
            f"| {h['search'] / 1e6:.1f} MB |"
        )
    floor_html = results["html_floor"][largest]
    lines += [
        "",
        (f"Floor pages at {largest:,} articles: mean {floor_html['mean'] / 1024:.1f} KB, "
        f"max {floor_html['max'] / 1024:.0f} KB, site {floor_html['total'] / 1e6:.1f} MB. "
        f"Hook's own log at {largest:,}: {results['hook_log'].get(largest, 'n/a')}. From 200 articles "
        "`mkdocs build` makes the glossary, links and pages in a second process while MkDocs converts the "
        "article pages (`hooks/background.py`), so the pipeline's time only partly adds to the build's."),
        "",
        "![Build time vs articles](build-time.png)",
        "",
    ]
    # Targets
    b = results["builds"][largest]
    ratio = _median(b["ours"]) / _median(b["floor"])
    mean_kb = results["html"][largest]["mean"] / 1024
    pipe = {n: _median([r["cold"] for r in results["pipeline"][n]]) for n in sizes}
    doubling = pipe[largest] / pipe[largest // 2] if largest // 2 in pipe else None
    serve = results.get("serve", {}).get("make")
    serve_s = serve["median"] if serve else None
    quick = _median([r["quick"] for r in results["pipeline"][largest]])
    lines += [
        "## Targets",
        "",
        "| target | measured | status |",
        "|---|---:|---|",
        (f"| full build ≤ {TARGETS['ratio']}× floor at {largest:,} | {ratio:.2f}× "
        f"| {_status(ratio <= TARGETS['ratio'])} |"),
        (f"| mean article page ≤ {TARGETS['page_kb']:.0f} KB HTML | {mean_kb:.1f} KB "
        f"| {_status(mean_kb <= TARGETS['page_kb'])} |"),
        (f"| pure pipeline ≤ {TARGETS['pipeline_s']:.0f} s at {largest:,}: a full build | {pipe[largest]:.2f} s "
        f"| {_status(pipe[largest] <= TARGETS['pipeline_s'])} |"),
        (f"| … after an edit to one seed (`pipeline.update`, as `mkdocs serve` runs it) | {quick:.2f} s "
        f"| {_status(quick <= TARGETS['pipeline_s'])} |"),
        f"| pipeline {largest // 2:,} → {largest:,} ≤ {TARGETS['doubling']}× | "
        + (f"{doubling:.2f}× | {_status(doubling <= TARGETS['doubling'])} |" if doubling else "n/a | — |"),
        f"| `make serve` (`mkdocs serve --dirty`) edit → visible ≤ {TARGETS['serve_s']:.0f} s at {largest:,} | "
        + (f"{serve_s:.1f} s | {_status(serve_s <= TARGETS['serve_s'])} |" if serve_s else "n/a | — |"),
    ]
    lines.append("")
    # Serve
    if results.get("serve"):
        lines += [
            f"## `mkdocs serve` at {largest:,} articles",
            "",
            ("Server on 127.0.0.1 with live reload; an edit appends a unique word to one seed; the time runs from "
            "the file being saved until a GET of that article's page returns the word (MkDocs holds requests "
            "while a rebuild runs). *Builds logged*: MkDocs' own \"Documentation built in\" figures, the first "
            "being the initial build, with our hook's pipeline time in brackets."),
            "",
            "| variant | command | first build | edit → visible (each) | median | builds logged: total (pipeline) |",
            "|---|---|---:|---|---:|---|",
        ]
        names = {"make": "`make serve`", "plain": "plain `mkdocs serve`"}
        for key in ("make", "plain"):
            s = results["serve"].get(key)
            if not s:
                continue
            each = ", ".join(f"{e['seconds']:.2f} s" if e["seconds"] is not None else "timeout" for e in s["edits"])
            med = f"{s['median']:.2f} s" if s["median"] is not None else "—"
            rebuilds = ", ".join(
                f"{r:.2f} s" + (f" ({p:.2f} s)" if p is not None else "")
                for r, p in zip(s["rebuilds"], s["pipeline"] + [None] * len(s["rebuilds"]))
            )
            lines.append(
                f"| {names[key]} | `{' '.join(['mkdocs serve', s['args']]).strip()}` "
                f"| {s['first_build']:.1f} s | {each} "
                f"| {med} | {rebuilds} |"
            )
        lines += [
            "",
            ("Under `mkdocs serve` the hook rebuilds only the edited seeds' pages once a full pipeline run takes "
            "over a second (`pipeline.update`: the glossary and related articles catch up at the next full build), "
            "and under `--dirty` MkDocs renders only the pages whose content changed (`hooks/preview.py`)."),
            "",
        ]
    # Profiles
    prof = results.get("profile_pipeline")
    if prof:
        lines += [
            (f"## Profile: pure pipeline at {largest:,} articles (cProfile, total {prof['total']:.2f} s under the "
            "profiler)"),
            "",
            ("Top functions by own time (share of the profiled total), and the pipeline's own stages by cumulative "
            "time."),
            "",
            "| own time | share | cumulative | calls | function |",
            "|---:|---:|---:|---:|---|",
        ]
        rows = sorted(prof["rows"], key=lambda r: -r[0])[:12]
        for tt, ct, nc, fpath, line, name in rows:
            lines.append(f"| {tt:.3f} s | {100 * tt / prof['total']:.0f}% | {ct:.3f} s | {nc:,} | "
                         f"`{name}` ({_short(fpath)}:{line}) |")
        stages = sorted((r for r in prof["rows"] if "/seedsite/" in r[3]), key=lambda r: -r[1])[:12]
        lines += ["", "| cumulative | share | calls | pipeline function |", "|---:|---:|---:|---|"]
        for tt, ct, nc, fpath, line, name in stages:
            lines.append(
                f"| {ct:.3f} s | {100 * ct / prof['total']:.0f}% | {nc:,} | `{name}` ({_short(fpath)}:{line}) |"
            )
        lines.append("")
    bprof = results.get("profile_build")
    if bprof:
        lines += [
            (f"## Profile: full `mkdocs build` with our hooks at {largest:,} articles (pyinstrument, "
            f"{bprof['total']:.1f} s sampled)"),
            "",
            "| inclusive | share | frame |",
            "|---:|---:|---|",
        ]
        wanted = (  # MkDocs' stages, and the parts of Markdown and search that dominate
            "build (mkdocs/commands/build.py", "_populate_page", "_build_page", "render (mkdocs/structure",
            "__handleInline", "getLink", "run (mkdocs/structure/pages.py", "parseDocument", "on_files",
            "on_page_context", "on_post_build", "get_navigation", "copy_static_files", "validate_anchor_links",
            "load_config", "convert (markdown/core.py", "render (jinja2/environment.py", "get_context", "write_file",
            "add_entry_from_context", "get_env", "clean_directory", "read_source", "on_config", "nav",
            "_build_theme_template",
        )
        shown, ours = set(), 0
        for frame, seconds in bprof["inclusive"]:
            mine = "hooks/" in frame and ours < 8  # our own code's biggest frames too
            if "click/" in frame or frame in shown or seconds < 0.01 * bprof["total"]:
                continue
            if mine or any(w in frame for w in wanted):
                shown.add(frame)
                ours += mine
                lines.append(f"| {seconds:.2f} s | {100 * seconds / bprof['total']:.0f}% | `{frame}` |")
            if len(shown) >= 26:
                break
        lines += ["", "Top frames by own time:", "", "| own | share | frame |", "|---:|---:|---|"]
        for frame, seconds in bprof["self"][:12]:
            lines.append(f"| {seconds:.2f} s | {100 * seconds / bprof['total']:.0f}% | `{frame}` |")
        lines.append("")
    lines += [
        "## Method",
        "",
        textwrap.fill(
            "Articles are cut from the dev corpus (Wikipedia biographies, CC BY-SA, read from CORPUS_DEV, default "
            "../shared/corpus-dev) into pieces of consecutive sections, each piece taking sections until it reaches a "
            "size drawn log-normally around 3.5 KB (clipped 1.5–15 KB; sections over 12 KB are split at paragraph "
            "breaks); reference sections are dropped; when the pieces run out, articles are recombined from "
            "sections of different source articles in the same way. The repo's seed is the first article "
            f"of every corpus. The {largest:,} articles are shuffled with a fixed seed ({RANDOM_SEED}); the n-article "
            "corpus is the first n, so the corpora are nested and alike in make-up. Generated text lives only in "
            "bench/work/ (git-ignored). Each timing is a separate process; other load on the machine adds noise, "
            "which the medians and alternation damp but do not remove.",
            width=116,
        ),
        "",
    ]
    text = "\n".join(lines)
    path.write_text(text, encoding="utf-8")
    return text


def _short(path: str) -> str:
    path = path.replace(os.sep, "/")
    for marker in ("/site-packages/", "/main/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path.rsplit("/lib/", 1)[-1] if "/lib/" in path else path


# --------------------------------------------------------------------------------------------------------------
# Main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small smoke run (results under bench/work/)")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")], help="e.g. 250,500,1000,2000")
    parser.add_argument("--no-serve", action="store_true", help="skip the `mkdocs serve` measurements")
    parser.add_argument("--no-profile", action="store_true", help="skip the profiles")
    parser.add_argument("--no-engines", action="store_true", help="skip timing each engine's build of the export")
    parser.add_argument("--report-only", action="store_true",
                        help="only write results.md and the plot again from the last run's bench/work/last-results*.json")
    args = parser.parse_args(argv)
    if args.report_only:
        saved = WORK / ("last-results-quick.json" if args.quick else "last-results.json")
        results = json.loads(saved.read_text(encoding="utf-8"))
        for key in ("builds", "pipeline", "html", "html_floor", "hook_log", "seed_bytes"):
            results[key] = {int(n): value for n, value in results[key].items()}
        out_dir = WORK / "results-quick" if results["quick"] else BENCH / "results"
        plot(results, out_dir / "build-time.png")
        print(report(results, out_dir / "results.md"))
        return 0

    started = time.perf_counter()
    load_at_start = os.getloadavg()[0]
    sizes = args.sizes or ([50, 100] if args.quick else [250, 500, 1000, 2000])
    out_dir = WORK / "results-quick" if args.quick else BENCH / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    if not CORPUS_DEV.is_dir():
        raise SystemExit(f"dev corpus not found at {CORPUS_DEV}: set CORPUS_DEV")
    seed_files = sorted((ROOT / "seeds").glob("*.txt"))

    log(f"generating {max(sizes):,} articles from {CORPUS_DEV} and {len(seed_files)} seed(s)")
    specs = make_specs(max(sizes), CORPUS_DEV, seed_files[0] if seed_files else None)
    projects = write_projects(specs, sizes, WORK / ("corpora-quick" if args.quick else "corpora"))
    sizes_b = [s.size for s in specs]
    origins = {o: sum(1 for s in specs if s.origin == o) for o in ("seed", "piece", "mix")}
    results: dict = {
        "quick": args.quick,
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "hooks_dirty": bool(_git("status", "--porcelain", "--", "hooks", "mkdocs.yml", "overrides", "docs")),
        "machine": f"{os.cpu_count()} CPUs, {platform.machine()}, Python {platform.python_version()}",
        "versions": _versions(),
        "corpus": (
            f"{max(sizes):,} articles ({origins['piece']:,} pieces of dev-corpus articles, {origins['mix']:,} "
            f"recombined, {origins['seed']} repo seed); seed size mean {statistics.mean(sizes_b) / 1024:.1f} KB, "
            f"median {statistics.median(sizes_b) / 1024:.1f} KB, max {max(sizes_b) / 1024:.0f} KB; sections "
            f"{', '.join(SECTIONS)} (+ the top level)."
        ),
        "seed_bytes": {n: sum(sizes_b[:n]) for n in sizes},
        "builds": {n: {"ours": [], "floor": []} for n in sizes},
        "pipeline": {n: [] for n in sizes},
        "html": {},
        "html_floor": {},
        "hook_log": {},
    }

    # Pure pipeline: fresh interpreters, sizes interleaved.
    pipe_runs = 3 if args.quick else 5
    log(f"pure pipeline, {pipe_runs} runs per size")
    urls: dict[int, dict[str, str]] = {}
    for _ in range(pipe_runs):
        for n in sizes:
            run = pipeline_run(projects[n]["ours"] / "seeds")
            urls[n] = run.pop("urls")
            results["pipeline"][n].append(run)
    for n in sizes:
        cold = [r["cold"] for r in results["pipeline"][n]]
        log(f"  {n:>5} articles: pipeline cold {_median(cold):.2f} s, warm "
            f"{_median([r['warm'] for r in results['pipeline'][n]]):.2f} s")

    # Full builds: ours and floor alternated.
    for n in sizes:
        runs = 2 if args.quick else 5
        log(f"mkdocs build, {n:,} articles, {runs} runs each (ours / floor alternated)")
        for i in range(runs):
            for variant in (("ours", "floor") if i % 2 == 0 else ("floor", "ours")):
                seconds, stderr = mkdocs_build(projects[n][variant])
                results["builds"][n][variant].append(seconds)
                if variant == "ours":
                    hook = re.findall(r"microsite: .*", stderr)
                    results["hook_log"][n] = "; ".join(line.strip() for line in hook) if hook else "n/a"
                    results["html"][n] = html_sizes(projects[n]["ours"] / "site")
                else:
                    results["html_floor"][n] = html_sizes(projects[n]["floor"] / "site")
                log(f"  {variant:>5}: {seconds:.1f} s")
        b = results["builds"][n]
        log(f"  medians: ours {_median(b['ours']):.1f} s, floor {_median(b['floor']):.1f} s, "
            f"ratio {_median(b['ours']) / _median(b['floor']):.2f}; article page mean "
            f"{results['html'][n]['mean'] / 1024:.1f} KB")
    largest = max(sizes)

    if not args.no_engines:  # engines.py: MkDocs, ProperDocs and Zensical building `make export`'s folder
        import engines

        log(f"engines: the export of {largest:,} articles built by each engine (results in engines.md)")
        engines.run(projects[largest]["ours"], largest, 1 if args.quick else 3, out_dir / "engines.md")

    if not args.no_profile:
        log(f"profiling the pipeline (cProfile) at {largest:,}")
        results["profile_pipeline"] = profile_pipeline(projects[largest]["ours"] / "seeds")
        if not args.quick:
            log(f"profiling a full build (pyinstrument) at {largest:,}")
            results["profile_build"] = profile_build(projects[largest]["ours"])

    if not args.no_serve:
        project = projects[largest]["ours"]
        for variant in ("ours", "floor"):  # the builds' output is not needed any more
            shutil.rmtree(projects[largest][variant] / "site", ignore_errors=True)
        seeds = sorted(urls[largest])
        source = seeds[len(seeds) // 2]
        page = urls[largest][source][: -len(".md")] + "/"
        if page.endswith("/index/"):
            page = page[: -len("index/")]
        seed = project / "seeds" / source
        log(f"mkdocs serve at {largest:,} articles: editing seeds/{source}, watching /{page}")
        results["serve"] = {
            "make": measure_serve(project, page, seed, 2 if args.quick else 5, ("--dirty",), "make"),
            "plain": measure_serve(project, page, seed, 1 if args.quick else 2, (), "plain"),
        }

    results["duration"] = time.perf_counter() - started
    results["load"] = (load_at_start, os.getloadavg()[0])
    (WORK / ("last-results-quick.json" if args.quick else "last-results.json")).write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    plot(results, out_dir / "build-time.png")
    text = report(results, out_dir / "results.md")
    print(text)
    log(f"done in {results['duration'] / 60:.1f} min: {out_dir.relative_to(ROOT)}/results.md, build-time.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
