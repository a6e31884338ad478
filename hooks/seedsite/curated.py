"""Curated: `seeds/glossary.yml` → the editor's corrections to the glossary, validated.

The file maps a term's name to what the editor says about it; every field is optional:

```yaml
Union State:
  definition: The supranational union of Belarus and Russia, founded in 1999.
  aliases: [Union State of Belarus and Russia]   # also mentions; an extracted term of that name joins this one
import substitution: Replacing imported goods with ones made at home.   # a plain string is the definition
Victory:
  hide: true                                      # not a term
US:
  link: true                                      # link it even if a quarter of the articles mention it
Minsk:
  kind: place                                     # person, place, organisation, event, concept or acronym
```

A curated entry wins over what the glossary found: it adds the term if the text did not yield it, replaces the
definition and the kind, and joins its aliases into it.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from .model import KINDS, Problem

GLOSSARY_NAME = "glossary.yml"
"""The curated file's name, in the seeds folder."""
FIELDS = ("definition", "aliases", "hide", "link", "kind")


@dataclass(frozen=True)
class Entry:
    """One curated term."""

    name: str
    definition: str = ""
    aliases: tuple[str, ...] = ()
    hide: bool = False
    link: bool | None = None
    """True: always link its mentions; False: never; None: as the glossary decides (not when too common)."""
    kind: str = ""
    """One of `model.KINDS`, or `""` to let the glossary decide."""


def load(data: bytes | None, path: str = "seeds/glossary.yml") -> tuple[list[Entry], list[Problem]]:
    """Parse the curated file safely; a malformed entry is skipped with a problem naming it."""
    if data is None:
        return [], []
    try:
        text = data.decode("utf-8-sig")
        document = yaml.load(text, Loader=_UniqueKeysSafeLoader)
    except UnicodeDecodeError:
        return [], [Problem(path, "not UTF-8 text, ignored")]
    except yaml.YAMLError as err:
        where = getattr(err, "problem_mark", None)
        line = f" at line {where.line + 1}" if where else ""
        return [], [Problem(path, f"not valid YAML{line}, ignored ({getattr(err, 'problem', err)})")]
    if document is None:
        return [], []
    if not isinstance(document, dict):
        return [], [Problem(path, "must map term names to entries (name: definition, or name: {definition: …})")]
    entries: list[Entry] = []
    problems: list[Problem] = []
    for name, value in document.items():
        entry, error = _entry(name, value)
        if error:
            problems.append(Problem(path, f"entry {str(name)!r}: {error}, skipped"))
        else:
            entries.append(entry)
    return entries, problems


class _UniqueKeysSafeLoader(yaml.SafeLoader):
    """YAML's safe loader, refusing a key given twice in one mapping (YAML forbids it; PyYAML keeps the last)."""

    def construct_mapping(self, node, deep=False):
        seen: set = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, (str, int, float, bool)) and key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"{key!r} is given twice", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep)


def _entry(name: object, value: object) -> tuple[Entry | None, str]:
    if isinstance(name, (int, float, bool)) or name is None:
        return None, f"the name must be text: put it in quotes ('{name}': …)"
    if not isinstance(name, str) or not name.strip():
        return None, "the name must be text"
    name = " ".join(name.split())
    if value is None:
        return Entry(name), ""
    if isinstance(value, str):
        return Entry(name, definition=" ".join(value.split())), ""
    if not isinstance(value, dict):
        return None, "must be a definition or a mapping of definition/aliases/hide"
    unknown = sorted(str(key) for key in value if key not in FIELDS)
    if unknown:
        return None, f"unknown field {', '.join(unknown)} (known: {', '.join(FIELDS)})"
    definition = value.get("definition") or ""
    if not isinstance(definition, str):
        return None, "definition must be text"
    aliases = value.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        return None, "aliases must be a list of names"
    hide = value.get("hide", False)
    if not isinstance(hide, bool):
        return None, "hide must be true or false"
    link = value.get("link")
    if link is not None and not isinstance(link, bool):
        return None, "link must be true or false"
    kind = value.get("kind") or ""
    if kind and kind not in KINDS:
        return None, f"kind must be one of {', '.join(KINDS)}"
    clean = tuple(" ".join(a.split()) for a in aliases)
    return Entry(name, " ".join(definition.split()), clean, hide, link, kind), ""
