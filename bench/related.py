"""Benchmark: do related articles stay on topic, and how long does choosing them take?

`python bench/related.py` (from the repository root, in the venv) writes `bench/results/related.md`.

The corpus is `bench.py`'s 2,000-article corpus (the dev corpus' Wikipedia biographies cut into article-sized
pieces of consecutive sections, then sections of different biographies recombined), flattened into one folder.
Hidden labels: each biography's field, read from its first sentence by `FIELDS` (the field whose keyword comes
first: "an American jazz composer, pianist…" → arts); a piece has its biography's field, a recombined article and a
biography no keyword matches have none. They take part as articles but are not scored.

Scored, for our related articles (`seedsite.related` through `link.link`, as a build makes them) and for a plain
TF-IDF baseline in the same run (scikit-learn's `TfidfVectorizer` defaults: words of two letters or more, raw
counts, smoothed idf, l2 norm; the five nearest by cosine, no threshold):
- on topic: the share of related links from a labelled article to a labelled one whose fields agree; and the same
  for links to pieces of *other* biographies only (pieces of one biography are trivially related);
- the share of labelled articles with at least three related articles;
- near-duplicates listed: related links whose two articles have a cosine of 0.9 or more (plain TF-IDF).
Timing: the relatedness step alone (bags, index, every article's list) for 2,000 articles, medians of 3 runs, and
the same with scikit-learn (sparse matrix product) for comparison.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH), str(BENCH.parent / "hooks")]

import bench  # noqa: E402  (make_specs, parse_source)
from seedsite import glossary as glossary_stage  # noqa: E402
from seedsite import link, pipeline, related, sources  # noqa: E402

ARTICLES = 2000
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
    """The flattened corpus, each seed's field ("" unlabelled) and biography ("" for a recombined article)."""
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


def plain_tfidf(texts: list[str]):
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer().fit_transform(texts)
    return (matrix @ matrix.T).toarray()


def score(lists: dict[str, list[str]], labels: dict[str, str], origins: dict[str, str], cosine) -> dict:
    links = on = other = other_on = with_three = labelled = dups = 0
    for a, others in lists.items():
        if labels[a]:
            labelled += 1
            with_three += len(others) >= 3
        for b in others:
            dups += cosine(a, b) >= 0.9
            if labels[a] and labels[b]:
                links += 1
                on += labels[a] == labels[b]
                if origins[a] != origins[b]:
                    other += 1
                    other_on += labels[a] == labels[b]
    return {"on": on / links, "links": links, "other": other_on / other, "other_links": other,
            "three": with_three / labelled, "dups": dups}


def sklearn_related(texts: list[str]):
    """Our method's arithmetic with scikit-learn: the same words (our bags), sublinear tf-idf, a sparse product."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.feature_extraction.text import TfidfTransformer

    bags = [related.bag([t], {}) for t in texts]
    counts = DictVectorizer().fit_transform([b.words for b in bags])
    matrix = TfidfTransformer(sublinear_tf=True, smooth_idf=False).fit_transform(counts)
    product = (matrix @ matrix.T).tocsr()
    return [sorted(zip(product[i].data, product[i].indices), reverse=True)[:6] for i in range(len(texts))]


def main() -> int:
    started = time.perf_counter()
    src, labels, origins = corpus()
    draft = pipeline.draft(src, "Bench", "seeds", True)
    articles = draft.articles
    g = glossary_stage.build(articles, None, "seeds")
    texts = [" ".join(link._texts(a)) for a in articles]
    paths = [a.source for a in articles]

    times, bag_times = [], []
    for _ in range(3):
        t0 = time.perf_counter()
        links = link.link(articles, g)
        times.append(time.perf_counter() - t0)
        counts = [dict.fromkeys(l.terms, 1) for l in links]
        t0 = time.perf_counter()
        for a, c in zip(articles, counts):
            related.bag(link._texts(a), c)
        bag_times.append(time.perf_counter() - t0)
    sk_times = []
    for _ in range(3):
        t0 = time.perf_counter()
        sklearn_related(texts)
        sk_times.append(time.perf_counter() - t0)

    plain = plain_tfidf(texts)
    row = {p: i for i, p in enumerate(paths)}
    cosine = lambda a, b: plain[row[a], row[b]]  # noqa: E731
    ours = {paths[a]: [paths[r.article] for r in mine.related] for a, mine in enumerate(links)}
    baseline = {}
    for i, p in enumerate(paths):
        order = sorted(range(len(paths)), key=lambda j: (-plain[i, j], paths[j]))
        baseline[p] = [paths[j] for j in order if j != i][:5]
    results = {"ours": score(ours, labels, origins, cosine), "plain": score(baseline, labels, origins, cosine)}
    duplicates = sorted({tuple(sorted((paths[a], paths[b]))) for a, mine in enumerate(links) for b in mine.duplicates})
    report(results, statistics.median(times), statistics.median(bag_times), statistics.median(sk_times),
           labels, len(articles), duplicates, origins, time.perf_counter() - started)
    print(RESULTS.read_text())
    return 0


def report(results, step, bags, sk, labels, count, duplicates, origins, took) -> None:
    per_field = {f: sum(1 for v in labels.values() if v == f) for f in FIELDS}
    unlabelled = sum(1 for v in labels.values() if not v)
    ours, plain = results["ours"], results["plain"]
    lines = [
        "# Related articles: on topic, and how fast",
        "",
        f"Generated by `bench/related.py` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC in {took:.0f} s. "
        f"Corpus: `bench.py`'s {count:,} articles cut from the dev corpus (Wikipedia biographies), flattened into "
        f"one folder. Hidden labels (the biography's field, from the keywords of its first sentence): "
        + ", ".join(f"{f} {n}" for f, n in per_field.items()) + f", unlabelled {unlabelled} (recombined articles "
        "and biographies no keyword matches: in the corpus, not scored).",
        "",
        "| | ours (`seedsite.related`) | plain TF-IDF (5 nearest) |",
        "|---|---:|---:|",
        f"| related links on topic | {ours['on']:.1%} of {ours['links']:,} | {plain['on']:.1%} of {plain['links']:,} |",
        f"| … to pieces of other biographies | {ours['other']:.1%} of {ours['other_links']:,} | "
        f"{plain['other']:.1%} of {plain['other_links']:,} |",
        f"| labelled articles with ≥ 3 related | {ours['three']:.1%} | {plain['three']:.1%} |",
        f"| near-duplicates listed (cosine ≥ 0.9) | {ours['dups']} | {plain['dups']} |",
        "",
        f"Near-duplicate pairs named in the build log (not listed as related): {len(duplicates)}"
        + ("" if not duplicates else ": " + "; ".join(
            f"{a} / {b} ({origins[a] or 'recombined'})" for a, b in duplicates[:10])) + ".",
        "",
        "## Time (2 cores, medians of 3 runs)",
        "",
        f"- the relatedness step inside `link.link` at {count:,} articles (bags, index, every list; plus the term "
        f"mentions' first-per-section pass): **{step:.2f} s**, of which the bags (tokenize, stem) "
        f"{bags:.2f} s;",
        f"- the same arithmetic with scikit-learn (`DictVectorizer` + `TfidfTransformer` + a sparse product, bags "
        f"included, no postings cap): {sk:.2f} s. Not worth two more runtime dependencies (scipy, scikit-learn):"
        " pure Python it stays.",
    ]
    RESULTS.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
