"""Check the incremental prototype: after an edit, an added and a removed seed, is the site that
`mkdocs serve --dirty` + `incremental.py` leaves behind the same as a clean build of the same seeds?

Run inside a project that lists the prototype hook (`bench/bench.py` makes one: bench/work/corpora/<n>/proto):
    cd bench/work/corpora/2000/proto && ../../../../../.venv/bin/python ../../../../serve_proto/check.py
Compares every output file byte for byte, and the search index as a set of entries (its order differs).
"""

from __future__ import annotations

import filecmp
import json
import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import mkdocs.commands.build as mkdocs_build
from mkdocs.config import load_config

SERVE_URL = "http://127.0.0.1:8000/"
logging.basicConfig(level=logging.ERROR)


def build(site_dir: str, first: bool = False) -> None:
    config = load_config("mkdocs.yml", site_dir=site_dir)
    config.site_url = SERVE_URL
    if first:
        config.plugins.on_startup(command="serve", dirty=True)
    mkdocs_build.build(config, serve_url=SERVE_URL, dirty=True)


def main() -> int:
    served = tempfile.mkdtemp(prefix="check-served-")
    reference = tempfile.mkdtemp(prefix="check-reference-")
    seed = sorted(Path("seeds").rglob("*.txt"))[len(list(Path("seeds").rglob("*.txt"))) // 2]
    original = seed.read_bytes()
    added = seed.parent / "zz-added-by-check.txt"
    try:
        build(served, first=True)
        seed.write_bytes(original + b"\nzzcheckword\n")  # an edit
        build(served)
        added.write_text("A brand new article\nIt has one paragraph. It has three sentences. This is one.\n")
        build(served)  # an added seed: its page, its section's page and the home page change
        added.unlink()
        build(served)  # and removed again
        script = (
            "import mkdocs.commands.build as b; from mkdocs.config import load_config\n"
            f"c = load_config('mkdocs.yml', site_dir={reference!r}); c.site_url = {SERVE_URL!r}\n"
            "c.plugins.on_startup(command='serve', dirty=False)\n"
            f"b.build(c, serve_url={SERVE_URL!r}, dirty=False)\n"
        )
        subprocess.run([sys.executable, "-c", script], check=True, capture_output=True)
    finally:
        seed.write_bytes(original)
        added.unlink(missing_ok=True)
    def files(root: str) -> set[str]:
        return {os.path.relpath(os.path.join(d, f), root) for d, _, names in os.walk(root) for f in names}

    ours, theirs = files(served), files(reference)
    index = os.path.join("search", "search_index.json")
    different = sorted(p for p in ours & theirs if p != index
                       and not filecmp.cmp(os.path.join(served, p), os.path.join(reference, p), shallow=False))
    def entries(root: str) -> list[str]:
        with open(os.path.join(root, index), encoding="utf-8") as handle:
            return sorted(json.dumps(entry, sort_keys=True) for entry in json.load(handle)["docs"])

    same_index = entries(served) == entries(reference)
    print(f"{len(ours & theirs)} files in both; differing: {different or 'none'}; only served: "
          f"{sorted(ours - theirs) or 'none'}; only reference: {sorted(theirs - ours) or 'none'}; "
          f"search index entries {'the same' if same_index else 'DIFFERENT'}")
    return 0 if same_index and not different and ours == theirs else 1


if __name__ == "__main__":
    sys.exit(main())
