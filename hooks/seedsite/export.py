"""Export: the site's pages as a plain docs folder that MkDocs without hooks, ProperDocs and Zensical build alike.

    python -m seedsite.export [PROJECT] [--out FOLDER]     (`make export`; with `hooks` on PYTHONPATH)

The same pipeline makes the same pages; only the way they are handed to an engine changes. A hook puts each
page's HTML blocks into its converted HTML (`render.fill`); here they go into the Markdown itself, as raw HTML
blocks, which any engine copies through untouched. Every page is written as `<folder>/index.md` (`articles/x.md`
→ `articles/x/index.md`), whose URL is the one it has in the hook build (`articles/x/`) and whose source folder
is that URL's folder: a relative link in an HTML block means the same page whether the engine resolves it against
the page's URL (MkDocs, ProperDocs) or against its source file (Zensical). The Markdown links of the home, section
and glossary pages are rewritten for that layout.

The folder written holds `mkdocs.yml` (the project's, without hooks, with a small nav), `docs/` (the pages,
`glossary.json`, and the project's own docs such as its assets), the theme's `custom_dir`, and a
`requirements.txt`. Standard library, PyYAML and the pipeline only: no MkDocs.
"""

from __future__ import annotations

import argparse
import json
import posixpath
import re
import shutil
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import pipeline, sources
from .labels import Labels, for_language
from .render import fill, relative

SEEDS_FOLDER = "seeds"
"""The seeds folder, beside `mkdocs.yml` (as the hook has it)."""
DOCS_DIR = "docs"
"""The docs folder inside the export."""
CUSTOM_DIR = "overrides"
"""The theme's `custom_dir` inside the export."""
HEADER = "# Exported by `make export` (python -m seedsite.export): generated, do not edit.\n"
"""The first line of the exported `mkdocs.yml`; a folder whose config starts so may be replaced by a new export."""
DROPPED_KEYS = ("hooks", "watch", "nav", "not_in_nav")
"""Settings of the project's `mkdocs.yml` the export leaves out or sets anew."""
ENGINES = (
    ("mkdocs", "mkdocs build --strict"),
    ("properdocs", "properdocs build --strict -f mkdocs.yml"),
    ("zensical", "zensical build --strict"),
)
"""(package, command run inside the export folder) for each engine that builds it."""
EDIT_FEATURES = frozenset({"content.action.edit", "content.action.view"})
"""Material's edit and view buttons, left out: the exported pages are generated, their sources are the seeds."""
THEME_PACKAGES = ("mkdocs-material", "pymdown-extensions")
"""Packages the exported `mkdocs.yml` needs beside the engine (theme, Markdown extensions, slugify)."""

_HIDDEN = shutil.ignore_patterns(".*", "__pycache__")
"""Files of the docs and custom folders not copied."""
_MD_LINK = re.compile(r"\]\(([^()\s#:]+\.md)(#[^()\s]*)?((?:\s+\"[^\"]*\")?)\)")
"""A Markdown link to a page by its relative source path, with a title or not (render writes no other `.md`
targets; seed text in the
Markdown has its brackets escaped, and the HTML blocks are not searched)."""
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


class ExportError(Exception):
    """The export cannot be written (a one-line message naming the file)."""


@dataclass(frozen=True)
class ExportedPage:
    """A page of the export."""

    uri: str
    """Its source path in the export's docs folder (`articles/x/index.md`)."""
    markdown: str
    """Markdown with the page's HTML blocks written in."""
    title: str
    """The title in its front matter ('' if it has none)."""
    in_nav: bool


def folder_uri(uri: str) -> str:
    """The page's source path in the export's layout: `articles/x.md` → `articles/x/index.md`; `index.md` and
    `world/index.md` stay."""
    if uri == "index.md" or uri.endswith("/index.md"):
        return uri
    return uri[: -len(".md")] + "/index.md"


def written(page: pipeline.Page) -> str:
    """The page's Markdown in the export's layout: each placeholder paragraph replaced by its HTML block (`fill`,
    as the hook fills the HTML: a raw HTML block, blank lines around it), each link to another page's source file
    rewritten for the layout."""
    here = folder_uri(page.uri)

    def relink(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.uri), match.group(1)))
        return f"]({relative(here, folder_uri(target))}{match.group(2) or ''}{match.group(3)})"

    markdown, placed = fill(_MD_LINK.sub(relink, page.markdown), page.blocks)  # links first: blocks hold seed text
    if placed != len(page.blocks):
        raise ExportError(f"{page.uri}: {len(page.blocks) - placed} of {len(page.blocks)} text blocks have no place")
    return markdown


def pages(site: pipeline.Site) -> list[ExportedPage]:
    """Every page of `site` in the export's layout, in the site's order."""
    out, seen = [], {}
    for page in site.pages:
        uri = folder_uri(page.uri)
        if uri in seen:
            raise ExportError(f"{page.uri}: same path in the export as {seen[uri]} ({uri})")
        seen[uri] = page.uri
        out.append(ExportedPage(uri, written(page), _title(page.markdown), page.in_nav))
    return out


def _title(markdown: str) -> str:
    found = _FRONT_MATTER.match(markdown)
    meta = yaml.safe_load(found.group(1)) if found else None
    return str(meta.get("title", "")) if isinstance(meta, dict) else ""


def nav(exported: Sequence[ExportedPage], hand_written: Sequence[str] = ()) -> list[dict[str, str] | str]:
    """Home, then the other pages the hook puts in the nav (sections, glossary), in the site's order, then the
    project's own Markdown pages (which MkDocs lists in a nav it makes itself)."""
    listed = sorted((p for p in exported if p.in_nav), key=lambda p: p.uri != "index.md")
    return [{p.title or p.uri: p.uri} for p in listed] + list(hand_written)


def not_in_nav(exported: Sequence[ExportedPage]) -> str:
    """MkDocs' `not_in_nav` patterns for the pages out of the nav (so `omitted_files: warn` passes): one pattern a
    folder of them (`/articles/*/index.md`), and the nav pages those would catch excepted."""
    patterns = sorted({f"/{posixpath.dirname(posixpath.dirname(p.uri))}/*/index.md".replace("//", "/")
                       for p in exported if not p.in_nav})
    listed = sorted(f"!/{p.uri}" for p in exported if p.in_nav)
    return "\n".join(patterns + listed) + "\n" if patterns else ""


@dataclass(frozen=True)
class _Tagged:
    """A YAML node with a tag this module need not understand (`!ENV`, `!!python/name:…`), kept to be written
    back as it was."""

    tag: str
    value: object
    """The node's mapping, list or scalar."""


class _TagKeepingSafeLoader(yaml.SafeLoader):
    """PyYAML's safe loader, reading every tag it does not know as a `_Tagged` (nothing is run or imported)."""


class _TagKeepingSafeDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, writing a `_Tagged` back with its tag."""


def _construct(loader: _TagKeepingSafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.MappingNode):
        return _Tagged(node.tag, loader.construct_mapping(node, deep=True))
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(node.tag, loader.construct_sequence(node, deep=True))
    return _Tagged(node.tag, loader.construct_scalar(node))


def _represent(dumper: _TagKeepingSafeDumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    return dumper.represent_scalar(data.tag, data.value)


def _represent_text(dumper: _TagKeepingSafeDumper, data: str) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style="|" if "\n" in data else None)


_TagKeepingSafeLoader.add_multi_constructor("!", _construct)
_TagKeepingSafeLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct)
_TagKeepingSafeDumper.add_representer(_Tagged, _represent)
_TagKeepingSafeDumper.add_representer(str, _represent_text)


def _settings(project_yml: str) -> dict:
    try:
        settings = yaml.load(project_yml, Loader=_TagKeepingSafeLoader) or {}
    except yaml.YAMLError as err:
        raise ExportError(f"mkdocs.yml: not valid YAML ({' '.join(str(err).split())})") from None
    if not isinstance(settings, dict):
        raise ExportError("mkdocs.yml: not a mapping of settings")
    return settings


def config(project_yml: str, exported: Sequence[ExportedPage], custom_dir: bool,
           hand_written: Sequence[str] = ()) -> str:
    """The export's `mkdocs.yml`: the project's (theme, extensions, validation and the rest, its tags kept)
    without hooks, with directory URLs, the export's folders, the nav of `nav` and no edit links (the pages
    are generated: an edit belongs in the seeds)."""
    settings = _settings(project_yml)
    for key in DROPPED_KEYS:
        settings.pop(key, None)
    settings.update(docs_dir=DOCS_DIR, site_dir="site", use_directory_urls=True, edit_uri="")
    theme = settings.get("theme")
    if isinstance(theme, dict):
        theme.pop("custom_dir", None)
        if isinstance(theme.get("features"), list):  # Zensical shows an edit button even without an edit_uri
            theme["features"] = [f for f in theme["features"] if f not in EDIT_FEATURES]
        if custom_dir:
            theme["custom_dir"] = CUSTOM_DIR
    settings["nav"] = nav(exported, hand_written)
    hidden = not_in_nav(exported)
    if hidden:
        settings["not_in_nav"] = hidden
    body = yaml.dump(settings, Dumper=_TagKeepingSafeDumper, sort_keys=False, allow_unicode=True, width=120)
    return HEADER + body


def requirements(project_requirements: Iterable[str]) -> str:
    """The export's `requirements.txt`: each engine and the theme's packages, pinned as the project pins them
    (`requirements.txt`, `requirements-dev.txt`), with how to build."""
    pins: dict[str, str] = {}
    for text in project_requirements:
        for line in text.splitlines():
            spec = line.split("#", 1)[0].strip()
            name = re.split(r"[=<>!~;\[ ]", spec, maxsplit=1)[0].lower()
            if name and not spec.startswith("-"):
                pins.setdefault(name, spec)
    wanted = [package for package, _ in ENGINES] + list(THEME_PACKAGES)
    head = ["# Build this folder with any one of these engines (from inside it):"]
    head += [f"#   {command}" for _, command in ENGINES]
    return "\n".join(head + [pins.get(name, name) for name in wanted]) + "\n"


def export(project: Path, out: Path) -> list[str]:
    """Write the export of the project in `project` (its `mkdocs.yml` and seeds) to `out`, replacing an earlier
    export there. Returns the problems the pipeline reported (`seeds/x.txt: …`)."""
    config_file = project / "mkdocs.yml"
    try:
        project_yml = config_file.read_text(encoding="utf-8")
    except OSError as err:
        raise ExportError(f"{config_file}: cannot be read ({err.strerror or err})") from None
    settings = _settings(project_yml)
    theme, site_name = settings.get("theme"), settings.get("site_name", "Articles")
    language = theme.get("language", "en") if isinstance(theme, dict) else "en"
    site = pipeline.build(sources.load(project / SEEDS_FOLDER, SEEDS_FOLDER), site_name, SEEDS_FOLDER, True,
                          language)
    exported = pages(site)
    custom = project / theme["custom_dir"] if isinstance(theme, dict) and theme.get("custom_dir") else None
    custom = custom if custom is not None and custom.is_dir() else None

    _clear(out)
    docs = out / DOCS_DIR
    generated = {page.uri for page in site.pages} | {page.uri for page in exported}
    hand_written = _copy_docs(project / settings.get("docs_dir", "docs"), docs, generated)
    if custom is not None:
        shutil.copytree(custom, out / CUSTOM_DIR, ignore=_HIDDEN)
        _translate_templates(out / CUSTOM_DIR, for_language(language))
    for page in exported:
        path = docs / page.uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(page.markdown.encode("utf-8"))
    (docs / "glossary.json").write_bytes(site.glossary_json.encode("utf-8"))
    (out / "mkdocs.yml").write_bytes(config(project_yml, exported, custom is not None, hand_written).encode("utf-8"))
    texts = [p.read_text(encoding="utf-8") for p in (project / "requirements.txt", project / "requirements-dev.txt")
             if p.is_file()]
    (out / "requirements.txt").write_bytes(requirements(texts).encode("utf-8"))
    return [str(problem) for problem in site.problems if problem.fatal]


_LABEL_CALL = re.compile(r'\b_\("((?:[^"\\]|\\.)*)"\)')
"""A label in a template, `_("Page not found")`: the hook build gives `_` the site's catalog, other engines may
have no `_` at all (Zensical)."""


def _translate_templates(folder: Path, labels: Labels) -> None:
    """The templates' labels written in, in the site's language, so that any engine renders them."""
    for path in sorted(folder.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        done = _LABEL_CALL.sub(lambda m: json.dumps(labels._(json.loads(f'"{m.group(1)}"')), ensure_ascii=False),
                               text)
        if done != text:
            path.write_text(done, encoding="utf-8")


def _copy_docs(source: Path, docs: Path, generated: set[str]) -> list[str]:
    """Copy the project's docs folder (assets, hand-written pages) but for files at a generated page's path
    (the hook build drops those too); returns the hand-written Markdown pages."""
    if not source.is_dir():
        docs.mkdir()
        return []

    def ignored(folder: str, names: list[str]) -> set[str]:
        here = Path(folder).relative_to(source).as_posix()
        return set(_HIDDEN(folder, names)) | {n for n in names if posixpath.normpath(f"{here}/{n}") in generated}

    shutil.copytree(source, docs, ignore=ignored)
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))


def _clear(out: Path) -> None:
    """Make `out` an empty folder; only an earlier export (or an empty folder) is removed."""
    if out.exists():
        previous = out / "mkdocs.yml"
        empty = out.is_dir() and not any(out.iterdir())
        if not empty and not (previous.is_file() and previous.read_text(encoding="utf-8").startswith(HEADER)):
            raise ExportError(f"{out}: exists and is not an earlier export; remove it or choose another --out")
        shutil.rmtree(out)
    out.mkdir(parents=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m seedsite.export", description=__doc__.split("\n\n")[0])
    parser.add_argument("project", nargs="?", default=".", type=Path,
                        help="the project folder, with mkdocs.yml and seeds/ (default: .)")
    parser.add_argument("--out", default=Path("export"), type=Path, help="the folder to write (default: export)")
    args = parser.parse_args(argv)
    try:
        problems = export(args.project, args.out)
    except ExportError as err:
        print(err, file=sys.stderr)
        return 2
    for line in problems:
        print(line, file=sys.stderr)
    print(f"export: {args.out}/ written; build it there with one of: "
          + "; ".join(command for _, command in ENGINES))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
