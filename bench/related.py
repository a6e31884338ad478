"""Benchmark: do related articles stay on topic, and how long does choosing them take?

`python bench/related.py` (from the repository root, in the venv; scikit-learn installed for the baseline) writes
`bench/results/related.md`.

Two corpora, each flattened into one folder, with hidden labels: each dev-corpus biography's field, read from its
first sentence by `FIELDS` (the field whose keyword comes first: "an American jazz composer, pianist…" → arts; a
biography no keyword matches has none, takes part and is not scored):
- *one per biography*: the first piece of each biography as `bench.py` cuts it (its intro and first sections, a few
  KB: one article per subject, like a news story), 190-odd articles;
- *2,000 pieces*: `bench.py`'s 2,000-article corpus, pieces of consecutive sections of each biography, then
  sections of different biographies recombined (no label). Pieces of one biography are trivially related, so links
  between pieces of *other* biographies are scored apart.

Scored, for our related articles (`link.link`, as a build makes them) and for a plain TF-IDF baseline in the same
run (scikit-learn's `TfidfVectorizer` defaults: words of two letters or more, raw counts, smoothed idf, l2 norm;
the five nearest by cosine, no threshold): the share of related links between labelled articles that stay on topic,
the share of labelled articles with at least three related, and the near-duplicates listed as related (pairs whose
paragraphs are 80 % the same, by text length: `near_duplicate`).
Timing: the relatedness step (`link.link`: bags, index, every list) at 2,000 articles, CPU time, medians of 3; and
the index and lists alone against the same method in pure Python (`PurePythonIndex`, kept here for that).
"""

from __future__ import annotations

import heapq
import math
import os
import re
import statistics
import sys
import time
from collections import Counter
from operator import itemgetter
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent / "hooks")]

import bench  # noqa: E402  (make_specs, parse_source)
from seedsite import glossary as glossary_stage  # noqa: E402
from seedsite import link, pipeline, related, sources  # noqa: E402
from seedsite.model import Article  # noqa: E402

ARTICLES = 2000
"""Articles in the larger corpus (as `bench.py`'s largest)."""
RESULTS = BENCH / "results" / "related.md"
FIELDS = {
    "science": "physicist chemist mathematician scientist biologist astronomer geneticist cytogeneticist physiologist "
    "physician inventor engineer naturalist anthropologist ethnographer microbiologist botanist zoologist "
    "psychologist polymath geologist",
    "arts": "painter composer singer musician actor actress writer poet novelist artist sculptor architect "
    "songwriter dancer comedian pianist tenor soprano playwright photographer filmmaker director author",
    "politics": "politician president statesman senator king queen emperor empress monarch diplomat premier "
    "minister chancellor suffragist activist",
    "military": "soldier officer general admiral recipient",
}
"""Field → keywords of a biography's first sentence."""
_KEYWORDS = {word: field for field, words in FIELDS.items() for word in words.split()}


def field_of(intro: list[str]) -> str:
    """The field whose keyword comes first in the biography's first sentence, or "" for none."""
    first = re.split(r"(?<=[a-z])\.\s", intro[0] if intro else "", maxsplit=1)[0]
    first = re.sub(r"\([^()]*\)", " ", first).lower()
    for word in re.findall(r"[a-z]+", first):
        if word in _KEYWORDS:
            return _KEYWORDS[word]
    return ""


def corpus() -> tuple[sources.Sources, dict[str, str], dict[str, str]]:
    """The flattened 2,000-article corpus, each seed's field ("" unlabelled) and biography ("" for a recombined
    article; a biography's first piece is titled as the biography)."""
    docs = [bench.parse_source(p.read_text(encoding="utf-8")) for p in sorted(bench.CORPUS_DEV.rglob("*.txt"))]
    fields = {title: field_of(intro) for title, intro, _ in docs}
    titles = sorted(fields, key=len, reverse=True)
    seeds, labels, origins = [], {}, {}
    for i, spec in enumerate(bench.make_specs(ARTICLES, bench.CORPUS_DEV, None)):
        path = f"{i:04d}.txt"
        origin = "" if spec.origin == "mix" else next(t for t in titles if spec.title.startswith(t))
        seeds.append(sources.Seed(path, spec.seed_text().encode()))
        labels[path], origins[path] = fields.get(origin, ""), origin
    return sources.Sources(tuple(seeds), None, ()), labels, origins


def first_pieces(src: sources.Sources, origins: dict[str, str]) -> sources.Sources:
    """One article per biography: its first piece (the first of the same title)."""
    seen, seeds = set(), []
    for seed in src.seeds:
        title = seed.data.split(b"\n", 1)[0].decode()
        if origins[seed.path] and title == origins[seed.path] and title not in seen:
            seen.add(title)
            seeds.append(seed)
    return sources.Sources(tuple(seeds), None, ())


def near_duplicate(a: Article, b: Article) -> bool:
    """The two articles' paragraphs are 80 % the same: the text of the paragraphs both have, against that of all."""
    pa, pb = set(a.paragraphs), set(b.paragraphs)
    return sum(map(len, pa & pb)) >= 0.8 * max(1, sum(map(len, pa | pb)))


def plain_tfidf(texts: list[str]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer().fit_transform(texts)
    return (matrix @ matrix.T).toarray()


def score(lists: dict[str, list[str]], labels: dict[str, str], origins: dict[str, str], duplicate) -> dict:
    links = on = other = other_on = with_three = labelled = dups = 0
    for a, others in lists.items():
        if labels[a]:
            labelled += 1
            with_three += len(others) >= 3
        for b in others:
            dups += duplicate(a, b)
            if labels[a] and labels[b]:
                links += 1
                on += labels[a] == labels[b]
                if origins[a] != origins[b]:
                    other += 1
                    other_on += labels[a] == labels[b]
    return {"on": on / links, "links": links, "other": other_on / max(other, 1), "other_links": other,
            "three": with_three / labelled, "dups": dups}


def evaluate(src: sources.Sources, labels: dict[str, str], origins: dict[str, str], runs: int) -> dict:
    """Our lists and the baseline's on one corpus, scored; and the CPU time of `link.link` (median of `runs`)."""
    articles = pipeline.draft(src, "Bench", "seeds", True).articles
    g = glossary_stage.build(articles, None, "seeds")
    paths = [a.source for a in articles]
    times = []
    for _ in range(runs):
        started = time.process_time()
        links = link.link(articles, g)
        times.append(time.process_time() - started)
    plain = plain_tfidf([" ".join(link._texts(a)) for a in articles])
    by_path = dict(zip(paths, articles))
    duplicate = lambda a, b: near_duplicate(by_path[a], by_path[b])  # noqa: E731
    ours = {paths[a]: [paths[r.article] for r in mine.related] for a, mine in enumerate(links)}
    baseline = {}
    for i, p in enumerate(paths):
        order = sorted(range(len(paths)), key=lambda j: (-plain[i, j], paths[j]))
        baseline[p] = [paths[j] for j in order if j != i][:5]
    pairs = sorted({tuple(sorted((paths[a], paths[b]))) for a, mine in enumerate(links) for b in mine.duplicates})
    return {"count": len(articles), "ours": score(ours, labels, origins, duplicate),
            "plain": score(baseline, labels, origins, duplicate), "time": statistics.median(times),
            "pairs": pairs, "labels": {p: labels[p] for p in paths}}


class PurePythonIndex:
    """`seedsite.related.Index` in pure Python (dicts, sets, heaps): the same method, to measure numpy against."""

    def __init__(self, bags: list, sources: list[str]) -> None:
        self.bags, self.sources, total = bags, sources, len(bags)
        df: Counter = Counter()
        for b in bags:
            df.update(b.words.keys())
            df.update(b.terms.keys())
        limit = max(2, related.COMMON * total)
        idf = {f: math.log(total / n) for f, n in df.items() if n <= limit}
        shared = {f for f, n in df.items() if 1 < n <= limit}
        self.vectors, postings = [{} for _ in bags], {}
        for a in sorted(range(total), key=sources.__getitem__):
            b = bags[a]
            vector = {f: (1 + math.log(n)) * idf[f] for f, n in (*b.words.items(), *b.terms.items()) if f in idf}
            norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
            self.vectors[a] = vector = {f: w / norm for f, w in vector.items() if f in shared}
            for f, w in vector.items():
                postings.setdefault(f, []).append((w, a))
        for posting in postings.values():
            if len(posting) > related.POSTING:
                posting.sort(key=itemgetter(0), reverse=True)
                del posting[related.POSTING:]
        self.postings, self.keys = postings, [frozenset(v) for v in self.vectors]

    def of(self, a: int) -> tuple[tuple, tuple[int, ...]]:
        vector, partial = self.vectors[a], {}
        for f in heapq.nlargest(related.QUERY, vector, key=vector.__getitem__):
            for wb, b in self.postings[f]:
                partial[b] = partial.get(b, 0.0) + vector[f] * wb
        partial.pop(a, None)
        scored = []
        for b, _ in heapq.nlargest(related.CANDIDATES, partial.items(), key=itemgetter(1)):
            both = {f: vector[f] * self.vectors[b][f] for f in self.keys[a] & self.keys[b]}
            scored.append((-round(math.fsum(both.values()), 12), self.sources[b], b, both))
        scored.sort(key=itemgetter(0, 1))
        listed = [row for row in scored if related.MIN_SCORE <= -row[0] < related.NEAR_DUPLICATE]
        out = []
        for s, _, b, both in listed[: related.RELATED_ARTICLES]:
            terms = sorted((f for f in both if isinstance(f, int)), key=lambda f: (-both[f], f))
            words = heapq.nsmallest(related.SHOWN_WORDS, (f for f in both if isinstance(f, str)),
                                    key=lambda f: (-both[f], f))
            out.append(related.Related(b, -s, tuple(terms), tuple(self.bags[a].forms[f] for f in words)))
        return tuple(out), tuple(b for s, _, b, _ in scored if -s >= related.NEAR_DUPLICATE)


def index_times(bags: list, paths: list[str], index) -> tuple[float, float, list]:
    """CPU seconds of `index(bags, paths)`, then of every article's list (medians of 3); and the lists."""
    built, listed = [], []
    for _ in range(3):
        started = time.process_time()
        made = index(bags, paths)
        built.append(time.process_time() - started)
        started = time.process_time()
        lists = [made.of(a) for a in range(len(paths))]
        listed.append(time.process_time() - started)
    return statistics.median(built), statistics.median(listed), lists


def main() -> int:
    started, load = time.perf_counter(), os.getloadavg()[0]
    src, labels, origins = corpus()
    results = {
        "one per biography": evaluate(first_pieces(src, origins), labels, origins, 1),
        "2,000 pieces": evaluate(src, labels, origins, 3),
    }
    articles = pipeline.draft(src, "Bench", "seeds", True).articles
    bag_times = []
    for _ in range(3):
        t0 = time.process_time()
        bags = [related.bag(link._texts(a), {}) for a in articles]
        bag_times.append(time.process_time() - t0)
    paths = [a.source for a in articles]
    numpy_made, python_made = index_times(bags, paths, related.Index), index_times(bags, paths, PurePythonIndex)
    same = sum(
        [r.article for r in mine[0]] == [r.article for r in theirs[0]]
        for mine, theirs in zip(numpy_made[2], python_made[2])
    )
    timing = {"bags": statistics.median(bag_times), "numpy": numpy_made[:2], "python": python_made[:2],
              "same": same, "load": os.getloadavg()[0]}
    timing["load_start"] = load
    report(results, timing, origins, time.perf_counter() - started)
    print(RESULTS.read_text())
    return 0


def report(results: dict, timing: dict, origins: dict[str, str], took: float) -> None:
    lines = [
        "# Related articles: on topic, and how fast",
        "",
        f"Generated by `bench/related.py` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC in {took:.0f} s; how the corpora "
        "and their labels are made: the script's docstring. Fields are labelled by keywords of each biography's "
        "first sentence (`FIELDS`).",
        "",
    ]
    for name, r in results.items():
        ours, plain = r["ours"], r["plain"]
        fields = {f: sum(1 for v in r["labels"].values() if v == f) for f in FIELDS}
        lines += [
            f"## {name}: {r['count']:,} articles",
            "",
            "Labelled: " + ", ".join(f"{f} {n}" for f, n in fields.items())
            + f"; unlabelled {sum(1 for v in r['labels'].values() if not v)}.",
            "",
            "| | ours (`seedsite.related`) | plain TF-IDF (5 nearest) |",
            "|---|---:|---:|",
            f"| related links on topic | **{ours['on']:.1%}** of {ours['links']:,} | {plain['on']:.1%} of "
            f"{plain['links']:,} |",
        ]
        if ours["other_links"] != ours["links"]:
            lines.append(f"| … between pieces of different biographies | {ours['other']:.1%} of "
                         f"{ours['other_links']:,} | {plain['other']:.1%} of {plain['other_links']:,} |")
        lines += [
            f"| labelled articles with ≥ 3 related | {ours['three']:.1%} | {plain['three']:.1%} |",
            f"| near-duplicates listed as related | {ours['dups']} | {plain['dups']} |",
            "",
            f"Near-duplicate pairs named in the build log instead: {len(r['pairs'])}"
            + ("" if not r["pairs"] else " (first ten: " + "; ".join(
                f"{a} / {b} ({origins[a] or 'recombined'})" for a, b in r["pairs"][:10]) + ")") + ".",
            "",
        ]
    step, count = results["2,000 pieces"]["time"], results["2,000 pieces"]["count"]
    (np_index, np_lists), (py_index, py_lists) = timing["numpy"], timing["python"]
    lines += [
        "## Time",
        "",
        f"CPU seconds on this 2-core machine, medians of 3; load average {timing['load_start']:.1f} at the start and "
        f"{timing['load']:.1f} at the end (other work on the machine slows these figures down).",
        "",
        f"- The relatedness step at {count:,} articles (`link.link`: the bags, the index and every article's list, "
        f"plus the first-mention pass it always made): **{step:.2f} s**, of which the bags (tokenize, stem) "
        f"{timing['bags']:.2f} s.",
        f"- The index and every list alone, numpy (`seedsite.related`): {np_index:.2f} s + {np_lists:.2f} s; the same "
        f"method in pure Python (`PurePythonIndex`): {py_index:.2f} s + {py_lists:.2f} s; the two agree on "
        f"{timing['same']:,} of {count:,} lists (the others differ where sums round differently).",
    ]
    lines += [
        "",
        "## Reading these figures",
        "",
        "- The issue's targets are for real news (2,225 articles in five topics: ≥ 93 % on topic, ≥ 95 % of articles "
        "with ≥ 3 related, no near-duplicate listed). That corpus is not on this machine; these corpora are the "
        "nearest that could be built, and their labels (four fields read from keywords) are coarser than news "
        "topics: a politician who was a soldier, a physician who wrote, count as off topic.",
        "- *One per biography* is the fair test (one article per subject, as news): ours keeps far more links on "
        "topic than plain TF-IDF, and lists fewer (none where nothing is alike enough).",
        "- *2,000 pieces* is dominated by pieces of one biography finding each other, which both methods do; between "
        "different biographies ours stays on topic more often. Recombined articles repeat sections, so the corpus "
        "is full of near-duplicates: plain TF-IDF lists them as related, ours names them in the build log instead "
        "(the two it lists share 80 % of their paragraphs by length but score just under `NEAR_DUPLICATE`).",
        "- Time is CPU time of this process, but on a machine shared with other work it still runs slower than on "
        "an idle one; compare the figures of one run with each other.",
    ]
    RESULTS.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
