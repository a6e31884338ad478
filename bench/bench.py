"""Benchmark: how the site build scales with the number of articles, and how fast `mkdocs serve` shows an edit.

One run (`make bench`, or `python bench/bench.py [--quick] [--shape news]`), for each corpus shape:

1. builds corpora from real text (the dev corpus of Wikipedia articles), deterministically from a fixed random
   seed, spread over a few section folders, in two shapes: *encyclopedia* (250 to 2,000 articles of a few
   sections each, about 5 KB) and *news* (250 to 2,225 short articles of about 2 KB, mostly without
   subheadings, in five news sections);
2. times the full site build with our hooks against the floor: the same articles as plain Markdown, same theme
   and extensions, articles out of the nav, plain `mkdocs build` without hooks (alternating, medians);
3. times the pure pipeline (`sources.load` + `pipeline.build`, no MkDocs) and its scaling from 1,000 to 2,000;
4. measures HTML bytes per article page and the total site size;
5. profiles the pipeline (cProfile) and a full build, ours and the floor's (pyinstrument), at the largest size;
6. measures `mkdocs serve` on the largest corpus: time from starting it until it serves the home page, against
   the floor's `mkdocs build` (alternated), and time from saving an edit to a seed until its page, served over
   HTTP, shows it: as `make serve` runs it (`--dirty`), and plain;
7. times each engine's build of the export (`make export`) at the largest encyclopedia size (`engines.py`: plain
   MkDocs, ProperDocs, Zensical; `bench/results/engines.md`);
8. writes `bench/results/results.md` and `bench/results/build-time.png` (`--quick`: under `bench/work/`).

The corpus text is CC BY-SA (Wikipedia): it is only ever written under `bench/work/` (git-ignored).
Timing lives here, never in the test suite.
"""

from __future__ import annotations

import argparse
import contextlib
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
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = Path(os.environ.get("BENCH_WORK", BENCH / "work"))
"""Where the corpora and sites are written (BENCH_WORK: e.g. a tmpfs, `/dev/shm/bench`, to time the builds
without a slow disk's latency, which weighs on every page written)."""
CORPUS_DEV = Path(os.environ.get("CORPUS_DEV", ROOT.parent / "shared" / "corpus-dev"))
PYTHON = Path(sys.executable)
MKDOCS = PYTHON.with_name("mkdocs")

RANDOM_SEED = 20251127
"""Fixed seed: the same corpus on every run and every machine."""
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
    "serve_start": 1.3,  # `mkdocs serve` started until the home page answers / the floor's `mkdocs build`
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
    origin: str = "piece"  # "piece" (consecutive sections of one article), "mix" (recombined), "news" or "seed"
    raw: bytes | None = None  # the repo's seed, copied byte for byte
    news: bool = False  # laid out as a news archive's file: blank lines between paragraphs
    heading_lines: bool = False  # (news) subheadings as a short line of their own, not `== H ==`

    @property
    def size(self) -> int:
        return len(self.seed_text().encode())

    def seed_text(self) -> str:
        """The article as a seed file in the dev corpus' layout (title, paragraphs one a line, `== H ==`)."""
        if self.raw is not None:
            return self.raw.decode("utf-8")
        if self.news:
            blocks = [self.title, *self.intro]
            for unit in self.units:
                marks = "=" * unit.level
                blocks.append(unit.heading if self.heading_lines else f"{marks} {unit.heading} {marks}")
                blocks += unit.paragraphs
            return "\n\n".join(blocks) + "\n"
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


def read_sources(corpus: Path) -> list[tuple[str, list[str], list[Unit]]]:
    """Every article of the dev corpus, parsed, in path order."""
    sources = sorted(corpus.rglob("*.txt"), key=lambda p: p.relative_to(corpus).as_posix())
    if not sources:
        raise SystemExit(f"no .txt articles in {corpus} (set CORPUS_DEV)")
    return [parse_source(p.read_text(encoding="utf-8")) for p in sources]


def make_specs(count: int, corpus: Path, seed_file: Path | None) -> list[Spec]:
    """Encyclopedia shape: `count` articles, the first `n` of which form the `n`-article corpus (the seed, then
    a shuffled mix)."""
    rng = random.Random(RANDOM_SEED)
    docs = read_sources(corpus)
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


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"“(]?[A-Z0-9])")
_TITLE_TAIL = frozenset("a an the of to in on at by for with from and or but as is was were that which who his her its".split())


def _news_paragraphs(paragraph: str, rng: random.Random) -> list[str]:
    """A long encyclopedia paragraph as news paragraphs: one to three sentences each (under about 450 bytes)."""
    out: list[str] = []
    sentences = _SENTENCE_BREAK.split(paragraph)
    while sentences:
        take = rng.randint(1, 3)
        group = [sentences.pop(0)]
        while sentences and len(group) < take and sum(len(x) for x in group) + len(sentences[0]) < 450:
            group.append(sentences.pop(0))
        out.append(" ".join(group))
    return out


def _news_title(paragraph: str, rng: random.Random) -> str:
    """A short headline: the opening words of the article's first sentence (up to its first comma, unless that
    leaves fewer than three words), without a dangling last word."""
    first = _SENTENCE_BREAK.split(paragraph, maxsplit=1)[0].split()[: rng.randint(4, 8)]
    comma = next((i for i, word in enumerate(first) if word.endswith((",", ";", ":"))), len(first))
    words = first[: comma + 1] if comma >= 2 else first
    words = [w.strip("\"“”'’()[],;:.!?") for w in words]
    while len(words) > 3 and (not words[-1] or words[-1].lower() in _TITLE_TAIL):
        words.pop()
    return " ".join(w for w in words if w)


def make_news_specs(count: int, corpus: Path, seed_file: Path | None) -> list[Spec]:
    """News shape: `count` short articles (the seed, then a shuffled mix), each a run of consecutive paragraphs
    of one source article, split into news paragraphs of one to three sentences and cut at a size drawn
    uniformly from 1.5–2.5 KB. Most have no subheadings; where a piece crosses a section of its source, about a
    third keep up to two of them (as short lines of their own, a few as `== H ==`). Titles are short headlines."""
    rng = random.Random(RANDOM_SEED)
    pieces: list[Spec] = []
    titles: set[str] = set()
    for source_title, intro, units in read_sources(corpus):
        flow = [(None, p) for paragraph in intro for p in _news_paragraphs(paragraph, rng)]
        for unit in units:
            paragraphs = [p for paragraph in unit.paragraphs for p in _news_paragraphs(paragraph, rng)]
            flow += [(unit.heading if i == 0 else None, p) for i, p in enumerate(paragraphs)]
        group: list[tuple[str | None, str]] = []
        target, size = rng.uniform(1_500, 2_500), 0
        for heading, paragraph in flow:
            group.append((heading, paragraph))
            size += len(paragraph.encode()) + 2
            if size < target:
                continue
            style = rng.random()  # < 0.65: no subheadings; < 0.9: short lines; else `== H ==`
            spec = Spec("", [], origin="news", news=True, heading_lines=style < 0.9)
            for i, (head, text) in enumerate(group):
                if i and head and style >= 0.65 and len(spec.units) < 2:
                    spec.units.append(Unit(2, head, []))
                (spec.units[-1].paragraphs if spec.units else spec.intro).append(text)
            title = _news_title(group[0][1], rng) or source_title
            spec.title = title if title not in titles else f"{title} ({source_title}, {len(titles)})"
            titles.add(spec.title)
            pieces.append(spec)
            group, target, size = [], rng.uniform(1_500, 2_500), 0
    if len(pieces) < count - 1:
        raise SystemExit(f"{corpus} makes only {len(pieces):,} news articles of about 2 KB; {count:,} asked")
    rng.shuffle(pieces)
    specs = pieces[: count - 1]
    if seed_file is not None:
        specs.insert(0, Spec("", [], origin="seed", raw=seed_file.read_bytes()))
    return specs[:count]


@dataclass(frozen=True)
class Shape:
    """A corpus shape: how the articles are cut from the dev corpus, how many, and where they go."""

    name: str
    """Its name in `--shape` and in the report."""
    make: Callable[[int, Path, Path | None], list[Spec]]
    """`count` articles, the repo's seed first; the first n of them form the n-article corpus."""
    sizes: tuple[int, ...]
    """Corpus sizes of a full run."""
    sections: tuple[str, ...]
    """Section folders the articles are spread over."""
    seed_folder: str
    """The repo seed's folder ("": the top level, whose pages are under /articles/)."""
    method: str
    """How the articles are made, for the report."""


SHAPES = {
    shape.name: shape
    for shape in (
        Shape(
            "encyclopedia", make_specs, (250, 500, 1_000, 2_000), ("history", "politics", "science", "culture"), "",
            "Articles are cut from the dev corpus (Wikipedia biographies) into pieces of consecutive sections, each "
            "piece taking sections until it reaches a size drawn log-normally around 3.5 KB (clipped 1.5–15 KB; "
            "sections over 12 KB are split at paragraph breaks); reference sections are dropped; when the pieces "
            "run out, articles are recombined from sections of different source articles in the same way. "
            "Paragraphs one a line, `== H ==` headings, as in the dev corpus. The repo's seed is at the top level.",
        ),
        Shape(
            "news", make_news_specs, (250, 500, 1_000, 2_000, 2_225),
            ("business", "entertainment", "politics", "sport", "tech"), "politics",
            "Like a news archive (the real one of issue #17 has 2,225 articles of about 2.2 KB): each article is a "
            "run of consecutive paragraphs of one dev-corpus article, split into paragraphs of one to three "
            "sentences, blank lines between them, cut at a size drawn uniformly from 1.5–2.5 KB; reference "
            "sections are dropped. Most articles have no subheadings; where a piece crosses a section of its "
            "source, about a third keep up to two (mostly as short lines of their own, a few as `== H ==`). "
            "Titles are short headlines: the first sentence's opening words. The repo's seed is in politics.",
        ),
    )
}
"""The corpus shapes, in the order they are measured and reported."""


def _file_name(index: int, spec: Spec) -> str:
    title = spec.title or "seed"
    stem = re.sub(r"[^\w]+", "-", title.lower()).strip("-")[:48].strip("-")
    return f"{index:04d}-{stem or 'article'}"


def _placement(specs: list[Spec], shape: Shape) -> list[tuple[str, str]]:
    """(folder, file stem) of each article; the same for an article in every corpus size."""
    rng = random.Random(RANDOM_SEED + 1)
    out = []
    for i, spec in enumerate(specs):
        folder = shape.seed_folder if spec.origin == "seed" else rng.choice(shape.sections)
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


def write_projects(specs: list[Spec], shape: Shape, sizes: list[int], base: Path) -> dict[int, dict[str, Path]]:
    """For each size: `ours` (repo site + seeds) and `floor` (plain Markdown, no hooks) project folders."""
    if base.exists():
        shutil.rmtree(base)
    placement = _placement(specs, shape)
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


CACHE = Path(".cache", "microsite", "pipeline.pickle")
"""The hook's cache of the pipeline's results (`seedsite.cache`), in an `ours` project."""


def mkdocs_build(project: Path, cached: bool = False) -> tuple[float, str]:
    """One `mkdocs build` from scratch (the site folder removed first, and the pipeline cache unless `cached`);
    returns (wall seconds, its log). A build that made its pipeline results waits, untimed, for the detached
    process that writes them to the cache, so that it never runs beside the next measurement."""
    shutil.rmtree(project / "site", ignore_errors=True)
    if not cached:
        shutil.rmtree(project / CACHE.parent, ignore_errors=True)
    started = time.perf_counter()
    command = [str(MKDOCS), "build"]
    result = subprocess.run(command, cwd=project, env=_env(), capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed in {project}:\n{result.stderr[-3000:]}")
    if (project / "hooks").is_dir() and "pages from the cache" not in result.stderr:
        wait_cached(project)
    return elapsed, result.stderr


def wait_cached(project: Path, limit: float = 300.0) -> None:
    """Until the cache file is written (the writer renames it into place whole), and no writer is left."""
    deadline = time.monotonic() + limit
    while not (project / CACHE).is_file() or list((project / CACHE.parent).glob(".pipeline.pickle.*")):
        if time.monotonic() > deadline:
            raise SystemExit(f"no pipeline cache in {project} after {limit:.0f} s")
        time.sleep(0.1)


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


def html_sizes(site: Path, shape: Shape) -> dict:
    """Bytes of every article page (`<section>/<article>/index.html`) and of the whole site."""
    folders = dict.fromkeys((shape.seed_folder or "articles", *shape.sections))
    pages = [p.stat().st_size for folder in folders for p in (site / folder).glob("*/index.html")]
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


@contextlib.contextmanager
def serving(project: Path, args: tuple[str, ...], log_path: Path) -> Iterator[tuple[subprocess.Popen, str, float]]:
    """`mkdocs serve` (live reload on) on a free loopback port, its output in `log_path`: (the process, its base
    URL, when it was started); stopped with Ctrl-C afterwards. It builds into a temp folder under `WORK`, where
    the floor's build writes too (MkDocs' own choice, $TMPDIR, may be another disk)."""
    port = free_port()
    temp = WORK / "tmp"
    temp.mkdir(parents=True, exist_ok=True)
    with open(log_path, "w", encoding="utf-8") as log_file:
        started = time.perf_counter()
        server = subprocess.Popen(
            [str(MKDOCS), "serve", "--dev-addr", f"127.0.0.1:{port}", *args],
            cwd=project, env={**_env(), "TMPDIR": str(temp)}, stdout=log_file, stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            yield server, f"http://127.0.0.1:{port}/", started
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


def wait_served(server: subprocess.Popen, url: str, started: float, log_path: Path, limit: float = 900.0) -> float:
    """Seconds from `started` until `url` answers (MkDocs serves only once its first build is done)."""
    while http_get(url, timeout=30) is None:
        if server.poll() is not None or time.perf_counter() - started > limit:
            raise SystemExit(f"mkdocs serve did not serve {url}; see {log_path}")
        time.sleep(0.1)
    return time.perf_counter() - started


def measure_serve_start(project: Path, floor: Path, runs: int) -> dict:
    """`runs` times, alternated: the floor's `mkdocs build`, and `mkdocs serve --dirty` (as `make serve` runs it)
    from its start until it answers with the home page: first from nothing (`serve`), then again with the cache
    the first wrote (`serve_warm`, a restart)."""
    out: dict = {"serve": [], "serve_warm": [], "floor": []}
    for i in range(runs):
        out["floor"].append(mkdocs_build(floor)[0])
        shutil.rmtree(floor / "site", ignore_errors=True)
        shutil.rmtree(project / CACHE.parent, ignore_errors=True)
        for key in ("serve", "serve_warm"):
            log_path = project.parent / f"{key}-start-{i + 1}.log"
            with serving(project, ("--dirty",), log_path) as (server, base, started):
                out[key].append(wait_served(server, base, started, log_path))
            wait_cached(project)
        log(f"  serve start {i + 1}: home page after {out['serve'][-1]:.1f} s, restarted "
            f"{out['serve_warm'][-1]:.1f} s; floor build {out['floor'][-1]:.1f} s")
    return out


def measure_serve(
    project: Path, page: str, seed: Path, edits: int, args: tuple[str, ...], label: str,
    edit_limit: float = 600.0, poll_every: float = 0.05, max_polls: int = 20_000,
) -> dict:
    """Start `mkdocs serve` (live reload on), wait for the first build, then `edits` times: append a unique word
    to `seed` and time from saving until the page at `page`, fetched over HTTP, contains it."""
    log_path = project.parent / f"serve-{label}.log"
    original = seed.read_bytes()
    out: dict = {"label": label, "args": " ".join(args), "edits": [], "log": _shown(log_path)}
    try:
        with serving(project, args, log_path) as (server, base, started):
            url = base + page
            out["first_build"] = wait_served(server, url, started, log_path)
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
    """pyinstrument (sampling) profile of one full `mkdocs build` with our hooks (from nothing: no cache)."""
    shutil.rmtree(project / "site", ignore_errors=True)
    shutil.rmtree(project / CACHE.parent, ignore_errors=True)
    result = subprocess.run(
        [str(PYTHON), "-c", _PYINSTRUMENT_SCRIPT], cwd=project, env=_env(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise SystemExit(f"build profile failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------------------------------------------
# Report


def _shown(path: Path) -> str:
    """A path as the report shows it: from the repo's root if it is inside (BENCH_WORK may put it elsewhere)."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


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
    """Build time against articles, one panel a shape: ours, the floor, the target and the pure pipeline."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    shapes = results["shapes"]
    fig, axes = plt.subplots(1, len(shapes), figsize=(6.5 * len(shapes), 5), dpi=110, sharey=True, squeeze=False)
    for ax, (name, shaped) in zip(axes[0], shapes.items()):
        sizes = sorted(shaped["builds"])
        ours = [_median(shaped["builds"][n]["ours"]) for n in sizes]
        floor = [_median(shaped["builds"][n]["floor"]) for n in sizes]
        warm = [_median(shaped["builds"][n].get("warm", [])) for n in sizes]
        pipe = [_median([r["cold"] for r in shaped["pipeline"][n]]) for n in sizes]
        ax.plot(sizes, ours, "o-", label="full build, our hooks (mkdocs build), from nothing")
        ax.plot(sizes, warm, "D-", label="the same build again: pipeline results from the cache")
        ax.plot(sizes, floor, "s--", label="floor: plain Markdown, no hooks")
        ax.plot(sizes, [TARGETS["ratio"] * f for f in floor], ":", color="grey",
                label=f"target: {TARGETS['ratio']}× floor")
        ax.plot(sizes, pipe, "^-", label="pure pipeline (no MkDocs)")
        for n, t, f in zip(sizes, ours, floor):
            ax.annotate(f"{t:.1f} s ({t / f:.2f}×)", (n, t), textcoords="offset points", xytext=(-10, 8), fontsize=8)
        mean_kb = statistics.mean(shaped["seed_bytes"][n] / n for n in sizes) / 1024
        ax.set_title(f"{name}: articles of about {mean_kb:.1f} KB")
        ax.set_xlabel("articles")
        ax.set_xticks(sizes)
        ax.tick_params(axis="x", labelrotation=45)
        ax.set_xlim(0, max(sizes) * 1.1)
        ax.set_ylim(0, None)
        ax.grid(alpha=0.3)
        ax.legend(loc="upper left", fontsize=8)
    axes[0][0].set_ylabel("seconds (median)")
    fig.suptitle("Site build time vs number of articles")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def _status(ok: bool | None) -> str:
    return "—" if ok is None else ("met" if ok else "**missed**")


def _ratio(shaped: dict, n: int, variant: str = "ours") -> float:
    """Ours (from nothing) or `warm` (cached pipeline results) against the floor."""
    b = shaped["builds"][n]
    return _median(b.get(variant, [])) / _median(b["floor"])


def _serve_start(shaped: dict, key: str = "serve") -> tuple[float, float] | None:
    """(median seconds until `mkdocs serve --dirty` answers, median floor build) — or None if not measured;
    `key` "serve_warm" for a restart on cached pipeline results."""
    start = shaped.get("serve_start")
    return (_median(start[key]), _median(start["floor"])) if start and start.get(key) else None


def _doubling(shaped: dict) -> tuple[int, float] | None:
    """(n, pipeline at n / pipeline at n/2) for the largest such pair of sizes measured."""
    pipe = {n: _median([r["cold"] for r in runs]) for n, runs in shaped["pipeline"].items()}
    pairs = [n for n in pipe if n % 2 == 0 and n // 2 in pipe]
    return (max(pairs), pipe[max(pairs)] / pipe[max(pairs) // 2]) if pairs else None


def _targets(shapes: dict) -> list[str]:
    """The targets table, a column a shape (each at its largest size)."""
    names = list(shapes)
    rows: list[tuple[str, list[str]]] = []

    def row(label: str, cell) -> None:
        rows.append((label, [cell(shapes[name], max(shapes[name]["builds"])) for name in names]))

    def measured(value: str, ok: bool) -> str:
        return f"{value} ({_status(ok)})"

    row(f"full build ≤ {TARGETS['ratio']}× the floor, at the largest size: from nothing",
        lambda r, n: measured(f"{_ratio(r, n):.2f}× at {n:,}", _ratio(r, n) <= TARGETS["ratio"]))
    row("… again, the pipeline's results from the cache (seeds and code unchanged)",
        lambda r, n: measured(f"{_ratio(r, n, 'warm'):.2f}× at {n:,}", _ratio(r, n, "warm") <= TARGETS["ratio"]))
    row(f"mean article page ≤ {TARGETS['page_kb']:.0f} KB HTML",
        lambda r, n: measured(f"{r['html'][n]['mean'] / 1024:.1f} KB", r["html"][n]["mean"] / 1024 <= TARGETS["page_kb"]))
    row(f"pure pipeline ≤ {TARGETS['pipeline_s']:.0f} s: a full build",
        lambda r, n: (lambda t: measured(f"{t:.2f} s", t <= TARGETS["pipeline_s"]))(
            _median([x["cold"] for x in r["pipeline"][n]])))
    row("… after an edit to one seed (`pipeline.update`, as `mkdocs serve` runs it)",
        lambda r, n: (lambda t: measured(f"{t:.2f} s", t <= TARGETS["pipeline_s"]))(
            _median([x["quick"] for x in r["pipeline"][n]])))
    row(f"pipeline n/2 → n ≤ {TARGETS['doubling']}×",
        lambda r, n: (lambda d: measured(f"{d[1]:.2f}× ({d[0] // 2:,} → {d[0]:,})", d[1] <= TARGETS["doubling"])
                      if d else "n/a")(_doubling(r)))
    row(f"`make serve` (`mkdocs serve --dirty`) edit → visible ≤ {TARGETS['serve_s']:.0f} s",
        lambda r, n: (lambda m: measured(f"{m:.2f} s", m <= TARGETS["serve_s"]) if m is not None else "n/a")(
            r.get("serve", {}).get("make", {}).get("median")))
    for key, what in (("serve", "from nothing"), ("serve_warm", "restarted, pipeline results from the cache")):
        row(f"`make serve` started → home page ≤ {TARGETS['serve_start']}× the floor's `mkdocs build`: {what}",
            lambda r, n, key=key: (lambda st: measured(f"{st[0]:.1f} s / {st[1]:.1f} s = {st[0] / st[1]:.2f}×",
                                                       st[0] / st[1] <= TARGETS["serve_start"]) if st else "n/a")(
                _serve_start(r, key)))
    return [
        "| target | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(names),
        *(f"| {label} | " + " | ".join(cells) + " |" for label, cells in rows),
    ]


def _side_by_side(shapes: dict) -> list[str]:
    """Build times, ratios and page sizes of every shape at every size, a row a size."""
    names = list(shapes)
    sizes = sorted({n for shaped in shapes.values() for n in shaped["builds"]})
    head = "| articles | " + " | ".join(f"{name}: ours / cached / floor | ratios | page | pipeline" for name in names)
    lines = [head + " |", "|---:|" + "---:|---:|---:|---:|" * len(names)]
    for n in sizes:
        cells = []
        for name in names:
            shaped = shapes[name]
            if n not in shaped["builds"]:
                cells.append("– | – | – | –")
                continue
            b = shaped["builds"][n]
            cells.append(
                f"{_median(b['ours']):.1f} / {_median(b.get('warm', [])):.1f} / {_median(b['floor']):.1f} s "
                f"| {_ratio(shaped, n):.2f}× / {_ratio(shaped, n, 'warm'):.2f}× "
                f"| {shaped['html'][n]['mean'] / 1024:.1f} KB | {_median([r['cold'] for r in shaped['pipeline'][n]]):.2f} s"
            )
        lines.append(f"| {n:,} | " + " | ".join(cells) + " |")
    return lines


def report(results: dict, path: Path) -> str:
    shapes = results["shapes"]
    lines = [
        "# Benchmark results",
        "",
        (f"Generated by `bench/bench.py{' ' if results['command'] else ''}{results['command']}` on {results['date']} "
        f"at commit `{results['commit']}`{' (with uncommitted changes in hooks/)' if results['hooks_dirty'] else ''}; "
        f"took {results['duration'] / 60:.1f} min. Machine: {results['machine']}; load average (1 min) "
        f"{results['load'][0]:.1f} at the start, {results['load'][1]:.1f} at the end. {results['versions']}."),
        "",
        "Corpus shapes:",
        "",
        *(f"- **{name}**: {shaped['corpus']}" for name, shaped in shapes.items()),
        "",
        "## Both shapes side by side",
        "",
        ("Wall time of `mkdocs build` from an empty site folder, medians, alternated (same run, same machine): ours "
         "from nothing (no pipeline cache), ours again with the cache that build wrote (*cached*: a second build of "
         "unchanged seeds and code), and the floor; mean HTML of an article page of our build; the pure pipeline "
         "(cold) alone."),
        "",
        *_side_by_side(shapes),
        "",
        "![Build time vs articles](build-time.png)",
        "",
        "## Targets",
        "",
        *_targets(shapes),
        "",
    ]
    for name, shaped in shapes.items():
        lines += _shape_report(name, shaped)
    lines += [
        "## Method",
        "",
        textwrap.fill(
            "Articles are made from the dev corpus (Wikipedia biographies, CC BY-SA, read from CORPUS_DEV, default "
            f"../shared/corpus-dev), deterministically (random seed {RANDOM_SEED}); the largest corpus of a shape "
            "is shuffled once and the n-article corpus is its first n, so a shape's corpora are nested and alike "
            "in make-up. Generated text lives only in bench/work/ (git-ignored). Each timing is a separate "
            "process; other load on the machine adds noise, which the medians and alternation damp but do not "
            "remove.",
            width=116,
        ),
        "",
        *(textwrap.fill(f"*{name}*: {shaped['method']}", width=116) + "\n" for name, shaped in shapes.items()),
    ]
    text = "\n".join(lines)
    path.write_text(text, encoding="utf-8")
    return text


def _shape_report(name: str, shaped: dict) -> list[str]:
    """The detailed sections of one shape: builds, serve, profiles."""
    sizes = sorted(shaped["builds"])
    largest = sizes[-1]
    lines = [
        f"## {name.capitalize()}: build time and page size",
        "",
        f"Corpus: {shaped['corpus']}",
        "",
        ("Wall time of `mkdocs build` from an empty site folder (a fresh process: interpreter start, config, theme and "
        "hooks included), medians of the runs shown, ours and floor alternated. *Floor*: the same articles as plain "
        "Markdown (title, headings, paragraphs), same theme, extensions and `custom_dir`, articles out of the nav "
        "(`not_in_nav`), no hooks. *Pipeline*: `sources.load` + `pipeline.build` alone, first build in a fresh "
        "interpreter (cold), a second full build in the same process (warm), and `pipeline.update` after one seed "
        "was edited (quick: what a `mkdocs serve` rebuild of a large site runs), medians. HTML: article pages of "
        "our build."),
        "",
        ("| articles | seeds | ours (s) | cached (s) | floor (s) | ours / floor | cached / floor | pipeline cold (s) "
        "| warm (s) | quick (s) | HTML per article, mean | max | site total | search index |"),
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n in sizes:
        b, p, h = shaped["builds"][n], shaped["pipeline"][n], shaped["html"][n]
        lines.append(
            f"| {n:,} | {shaped['seed_bytes'][n] / 1e6:.1f} MB | {_median(b['ours']):.1f} ({len(b['ours'])} runs) "
            f"| {_median(b.get('warm', [])):.1f} | {_median(b['floor']):.1f} ({len(b['floor'])}) "
            f"| {_ratio(shaped, n):.2f}× | {_ratio(shaped, n, 'warm'):.2f}× "
            f"| {_median([r['cold'] for r in p]):.2f} | {_median([r['warm'] for r in p]):.2f} "
            f"| {_median([r['quick'] for r in p]):.2f} "
            f"| {h['mean'] / 1024:.1f} KB | {h['max'] / 1024:.0f} KB | {h['total'] / 1e6:.1f} MB "
            f"| {h['search'] / 1e6:.1f} MB |"
        )
    floor_html = shaped["html_floor"][largest]
    lines += [
        "",
        (f"Floor pages at {largest:,} articles: mean {floor_html['mean'] / 1024:.1f} KB, "
        f"max {floor_html['max'] / 1024:.0f} KB, site {floor_html['total'] / 1e6:.1f} MB. "
        f"Hook's own log at {largest:,}: {shaped['hook_log'].get(largest, 'n/a')}. From 200 articles "
        "`mkdocs build` makes the glossary, links and pages in a second process while MkDocs converts the "
        "article pages (`hooks/background.py`), so the pipeline's time only partly adds to the build's."),
        "",
    ]
    start = shaped.get("serve_start")
    if start:
        serve_s, floor_s = _serve_start(shaped)
        lines += [
            f"### `mkdocs serve` at {largest:,} articles",
            "",
            (f"*Start*: `mkdocs serve --dirty` (as `make serve` runs it) from its start until it answers with the "
            f"home page (its first build is a full one), alternated with the floor's `mkdocs build`: "
            f"{', '.join(f'{x:.1f} s' for x in start['serve'])} against "
            f"{', '.join(f'{x:.1f} s' for x in start['floor'])}; medians {serve_s:.1f} s / {floor_s:.1f} s = "
            f"**{serve_s / floor_s:.2f}×** (target ≤ {TARGETS['serve_start']}×)"
            + (lambda w: f"; restarted on the cache it wrote: {', '.join(f'{x:.1f} s' for x in start['serve_warm'])}, "
               f"median {w[0]:.1f} s = **{w[0] / w[1]:.2f}×**." if w else ".")(_serve_start(shaped, "serve_warm"))),
            "",
        ]
    if shaped.get("serve"):
        lines += [
            ("*Edit → visible*: server on 127.0.0.1 with live reload; an edit appends a unique word to one seed; the "
            "time runs from the file being saved until a GET of that article's page returns the word (MkDocs holds "
            "requests while a rebuild runs). *Builds logged*: MkDocs' own \"Documentation built in\" figures, the "
            "first being the initial build, with our hook's pipeline time in brackets."),
            "",
            "| variant | command | first build | edit → visible (each) | median | builds logged: total (pipeline) |",
            "|---|---|---:|---|---:|---|",
        ]
        labels = {"make": "`make serve`", "plain": "plain `mkdocs serve`"}
        for key in ("make", "plain"):
            s = shaped["serve"].get(key)
            if not s:
                continue
            each = ", ".join(f"{e['seconds']:.2f} s" if e["seconds"] is not None else "timeout" for e in s["edits"])
            med = f"{s['median']:.2f} s" if s["median"] is not None else "—"
            rebuilds = ", ".join(
                f"{r:.2f} s" + (f" ({p:.2f} s)" if p is not None else "")
                for r, p in zip(s["rebuilds"], s["pipeline"] + [None] * len(s["rebuilds"]))
            )
            lines.append(
                f"| {labels[key]} | `{' '.join(['mkdocs serve', s['args']]).strip()}` "
                f"| {s['first_build']:.1f} s | {each} | {med} | {rebuilds} |"
            )
        lines.append("")
    lines += _profiles(shaped, largest)
    return lines


def _profiles(shaped: dict, largest: int) -> list[str]:
    """The pipeline's cProfile, and the build's pyinstrument profile against the floor's, per article."""
    lines: list[str] = []
    prof = shaped.get("profile_pipeline")
    if prof:
        lines += [
            (f"### Profile: pure pipeline at {largest:,} articles (cProfile, total {prof['total']:.2f} s under the "
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
    bprof, fprof = shaped.get("profile_build"), shaped.get("profile_floor")
    if bprof:
        floor = dict(fprof["inclusive"]) if fprof else {}
        lines += [
            (f"### Profile: full `mkdocs build` with our hooks at {largest:,} articles (pyinstrument, "
            f"{bprof['total']:.1f} s sampled" + (f"; the floor's build {fprof['total']:.1f} s)" if fprof else ")")),
            "",
            ("Inclusive time of MkDocs' stages and of our hook's biggest frames, ours against the same frame in the "
            "floor's build, and the difference per article (a page's share of the cost our build adds)."),
            "",
            "| ours | share | floor | ours − floor per article | frame |",
            "|---:|---:|---:|---:|---|",
        ]
        wanted = (  # MkDocs' stages, the parts of Markdown, templates and search that dominate, per-page events
            "build (mkdocs/commands/build.py", "_populate_page", "_build_page", "render (mkdocs/structure",
            "__handleInline", "getLink", "run (mkdocs/structure/pages.py", "parseDocument", "on_files",
            "on_page_context", "on_post_build", "get_navigation", "copy_static_files", "validate_anchor_links",
            "load_config", "convert (markdown/core.py", "render (jinja2/environment.py", "get_context", "write_file",
            "add_entry_from_context", "get_env", "clean_directory", "read_source", "on_config", "nav",
            "_build_theme_template", "get_data", "on_page_markdown", "on_page_content", "on_post_page",
            "generate_search_index",
        )
        shown, pipeline_frames = set(), 0
        for frame, seconds in bprof["inclusive"]:
            if "click/" in frame or frame in shown or seconds < 0.005 * bprof["total"]:
                continue
            hook = "hooks/" in frame and "hooks/seedsite/" not in frame  # the hook and its helpers: all of them
            mine = "hooks/seedsite/" in frame and pipeline_frames < 6  # the pipeline's biggest frames
            if hook or mine or any(w in frame for w in wanted):
                shown.add(frame)
                pipeline_frames += mine
                base = floor.get(frame, 0.0)
                lines.append(f"| {seconds:.2f} s | {100 * seconds / bprof['total']:.0f}% | "
                             f"{base:.2f} s | {1000 * (seconds - base) / largest:.1f} ms | `{frame}` |")
            if len(shown) >= 48:
                break
        lines += ["", "Top frames by own time:", "", "| own | share | frame |", "|---:|---:|---|"]
        for frame, seconds in bprof["self"][:12]:
            lines.append(f"| {seconds:.2f} s | {100 * seconds / bprof['total']:.0f}% | `{frame}` |")
        lines.append("")
    return lines


def _short(path: str) -> str:
    path = path.replace(os.sep, "/")
    for marker in ("/site-packages/", f"{ROOT.as_posix()}/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path.rsplit("/lib/", 1)[-1] if "/lib/" in path else path


# --------------------------------------------------------------------------------------------------------------
# Main


def measure_shape(shape: Shape, sizes: list[int], args: argparse.Namespace) -> dict:
    """Every measurement of one corpus shape at `sizes`; the part of the results under `shapes/<name>`."""
    seed_files = sorted((ROOT / "seeds").glob("*.txt"))
    phases: dict[str, float] = {}
    clock = time.perf_counter()

    def phase(name: str) -> None:
        nonlocal clock
        phases[name] = time.perf_counter() - clock
        clock = time.perf_counter()

    log(f"{shape.name}: generating {max(sizes):,} articles from {CORPUS_DEV} and {len(seed_files)} seed(s)")
    specs = shape.make(max(sizes), CORPUS_DEV, seed_files[0] if seed_files else None)
    base = WORK / ("corpora-quick" if args.quick else "corpora") / shape.name
    projects = write_projects(specs, shape, sizes, base)
    sizes_b = [s.size for s in specs]
    origins = {o: sum(1 for s in specs if s.origin == o) for o in ("seed", "piece", "mix", "news")}
    headed = {lines: sum(1 for s in specs if s.news and s.units and s.heading_lines == lines) for lines in (1, 0)}
    made = ", ".join(filter(None, (
        origins["piece"] and f"{origins['piece']:,} pieces of dev-corpus articles",
        origins["mix"] and f"{origins['mix']:,} recombined",
        origins["news"] and f"{origins['news']:,} news articles: {headed[1]:,} with 1–2 subheadings as lines of "
        f"their own, {headed[0]:,} with `== H ==`, the rest without",
    )))
    folders = ", ".join(shape.sections) + (" (+ the top level)" if not shape.seed_folder else "")
    results: dict = {
        "corpus": (
            f"{max(sizes):,} articles ({made}; {origins['seed']} repo seed); seed size mean "
            f"{statistics.mean(sizes_b) / 1024:.1f} KB, median {statistics.median(sizes_b) / 1024:.1f} KB, max "
            f"{max(sizes_b) / 1024:.0f} KB; sections {folders}."
        ),
        "method": shape.method,
        "seed_bytes": {n: sum(sizes_b[:n]) for n in sizes},
        "builds": {n: {"ours": [], "floor": []} for n in sizes},
        "pipeline": {n: [] for n in sizes},
        "html": {},
        "html_floor": {},
        "hook_log": {},
        "phases": phases,
    }
    phase("corpus")

    # Pure pipeline: fresh interpreters, sizes interleaved.
    pipe_runs = 3 if args.quick else args.runs
    log(f"{shape.name}: pure pipeline, {pipe_runs} runs per size")
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
    phase("pipeline")

    # Full builds: ours and floor alternated.
    for n in sizes:
        runs = 2 if args.quick else args.runs
        log(f"{shape.name}: mkdocs build, {n:,} articles, {runs} runs each (ours from nothing, ours again with "
            "the cache it wrote, and the floor, alternated)")
        results["builds"][n]["warm"] = []
        for i in range(runs):
            for variant in (("ours", "warm", "floor") if i % 2 == 0 else ("floor", "ours", "warm")):
                project = projects[n]["floor" if variant == "floor" else "ours"]
                seconds, stderr = mkdocs_build(project, cached=variant == "warm")
                results["builds"][n][variant].append(seconds)
                if variant == "warm" and "pages from the cache" not in stderr:
                    raise SystemExit(f"the build after a full one did not take the cache's pages:\n{stderr[-2000:]}")
                if variant == "ours":
                    hook = re.findall(r"microsite: .*", stderr)
                    results["hook_log"][n] = "; ".join(line.strip() for line in hook) if hook else "n/a"
                    results["html"][n] = html_sizes(projects[n]["ours"] / "site", shape)
                else:
                    results["html_floor"][n] = html_sizes(projects[n]["floor"] / "site", shape)
                log(f"  {variant:>5}: {seconds:.1f} s")
        b = results["builds"][n]
        log(f"  medians: ours {_median(b['ours']):.1f} s, cached {_median(b['warm']):.1f} s, floor "
            f"{_median(b['floor']):.1f} s, ratios {_median(b['ours']) / _median(b['floor']):.2f} and "
            f"{_median(b['warm']) / _median(b['floor']):.2f}; article page mean "
            f"{results['html'][n]['mean'] / 1024:.1f} KB")
        phase(f"builds {n}")
    largest = max(sizes)

    if not args.no_engines and shape.name == "encyclopedia":  # engines.py: MkDocs, ProperDocs, Zensical, `make export`
        import engines

        out = WORK / "results-quick" if args.quick else BENCH / "results"
        log(f"engines: the export of {largest:,} articles built by each engine (results in engines.md)")
        engines.run(projects[largest]["ours"], largest, 1 if args.quick else 3, out / "engines.md")

    if not args.no_profile:
        log(f"{shape.name}: profiling the pipeline (cProfile) at {largest:,}")
        results["profile_pipeline"] = profile_pipeline(projects[largest]["ours"] / "seeds")
        log(f"{shape.name}: profiling a full build, ours and the floor's (pyinstrument) at {largest:,}")
        results["profile_build"] = profile_build(projects[largest]["ours"])
        results["profile_floor"] = profile_build(projects[largest]["floor"])
        phase("profiles")

    if not args.no_serve:
        project = projects[largest]["ours"]
        for variant in ("ours", "floor"):  # the builds' output is not needed any more
            shutil.rmtree(projects[largest][variant] / "site", ignore_errors=True)
        log(f"{shape.name}: mkdocs serve --dirty at {largest:,} articles: start until the home page answers, "
            "against the floor's build")
        results["serve_start"] = measure_serve_start(project, projects[largest]["floor"], 1 if args.quick else 3)
        seeds = sorted(urls[largest])
        source = seeds[len(seeds) // 2]
        page = urls[largest][source][: -len(".md")] + "/"
        if page.endswith("/index/"):
            page = page[: -len("index/")]
        seed = project / "seeds" / source
        log(f"{shape.name}: mkdocs serve at {largest:,} articles: editing seeds/{source}, watching /{page}")
        results["serve"] = {
            "make": measure_serve(project, page, seed, 2 if args.quick else 5, ("--dirty",), "make"),
            "plain": measure_serve(project, page, seed, 1 if args.quick else 2, (), "plain"),
        }
        phase("serve")
    return results


def load_results(path: Path) -> dict:
    """The results saved by the last run (JSON turned sizes into strings: they are numbers again)."""
    if not path.is_file():
        raise SystemExit(f"{_shown(path)}: no saved results (run the benchmark with the same options first)")
    results = json.loads(path.read_text(encoding="utf-8"))
    if "shapes" not in results:
        raise SystemExit(f"{_shown(path)}: saved by an older bench.py, without corpus shapes (run it again)")
    for shaped in results["shapes"].values():
        for key in ("builds", "pipeline", "html", "html_floor", "hook_log", "seed_bytes"):
            shaped[key] = {int(n): value for n, value in shaped[key].items()}
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small smoke run (results under bench/work/)")
    parser.add_argument("--shape", choices=list(SHAPES), help="measure one corpus shape only (default: all)")
    parser.add_argument("--sizes", type=lambda s: [int(x) for x in s.split(",")],
                        help="e.g. 250,500,1000,2000 (default: each shape's own; --quick: 50,100)")
    parser.add_argument("--no-serve", action="store_true", help="skip the `mkdocs serve` measurements")
    parser.add_argument("--no-profile", action="store_true", help="skip the profiles")
    parser.add_argument("--no-engines", action="store_true", help="skip timing each engine's build of the export")
    parser.add_argument("--runs", type=int, default=5, help="runs of each build and pipeline measurement (default 5)")
    parser.add_argument("--report-only", action="store_true",
                        help="only write results.md and the plot again from the last run's data (of the same kind: "
                        "full, --quick, or partial with --sizes/--shape)")
    args = parser.parse_args(argv)
    # A full run (every shape at its own sizes) writes bench/results/; a smaller one writes under bench/work/.
    kind = "quick" if args.quick else "partial" if args.sizes or args.shape else ""
    saved = WORK / f"last-results{'-' if kind else ''}{kind}.json"
    out_dir = WORK / f"results-{kind}" if kind else BENCH / "results"
    if args.report_only:
        results = load_results(saved)
        plot(results, out_dir / "build-time.png")
        print(report(results, out_dir / "results.md"))
        return 0

    started = time.perf_counter()
    load_at_start = os.getloadavg()[0]
    out_dir.mkdir(parents=True, exist_ok=True)
    if not CORPUS_DEV.is_dir():
        raise SystemExit(f"dev corpus not found at {CORPUS_DEV}: set CORPUS_DEV")
    results: dict = {
        "command": " ".join(argv if argv is not None else sys.argv[1:]),
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "hooks_dirty": bool(_git("status", "--porcelain", "--", "hooks", "mkdocs.yml", "overrides", "docs")),
        "machine": f"{os.cpu_count()} CPUs, {platform.machine()}, Python {platform.python_version()}; sites "
                   f"written under {WORK}",
        "versions": _versions(),
        "shapes": {},
    }
    for shape in [SHAPES[args.shape]] if args.shape else SHAPES.values():
        sizes = args.sizes or ([50, 100] if args.quick else list(shape.sizes))
        results["shapes"][shape.name] = measure_shape(shape, sizes, args)

    results["duration"] = time.perf_counter() - started
    results["load"] = (load_at_start, os.getloadavg()[0])
    saved.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    plot(results, out_dir / "build-time.png")
    text = report(results, out_dir / "results.md")
    print(text)
    log(f"done in {results['duration'] / 60:.1f} min: {_shown(out_dir)}/results.md, build-time.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
