"""Curated: `seeds/glossary.yml` → the editor's corrections, loaded safely and applied by `glossary.build`."""

from __future__ import annotations

import pytest
from conftest import ROOT, SEED
from seedsite import curated, glossary
from seedsite.model import Article
from seedsite.read import read_article

CURATED = ROOT / "seeds" / "glossary.yml"
PATH = "seeds/glossary.yml"


@pytest.fixture(scope="module")
def seed() -> Article:
    return read_article(SEED.read_bytes(), SEED.name)


def build(seed: Article, yml: str | bytes | None) -> glossary.Glossary:
    data = yml.encode("utf-8") if isinstance(yml, str) else yml
    return glossary.build([seed], data)


def terms(g: glossary.Glossary) -> dict[str, object]:
    return {t.name: t for t in g.terms}


def messages(g_or_problems) -> list[str]:
    problems = getattr(g_or_problems, "problems", g_or_problems)
    return [str(p) for p in problems]


# --- the repo's own curated file ------------------------------------------------------------------------------


def test_the_repo_curated_file_loads_without_problems():
    entries, problems = curated.load(CURATED.read_bytes())
    assert problems == []
    assert {e.name for e in entries} >= {"Union State", "import substitution", "Great Patriotic War"}


def test_import_substitution_comes_from_the_curated_file(seed):
    without = terms(build(seed, None))
    found = terms(build(seed, CURATED.read_bytes()))
    assert "import substitution" not in without  # extraction alone does not find it
    term = found["import substitution"]
    assert term.origin == "curated"
    assert term.definition.startswith("Economic policy of replacing imported goods")
    # "Import substitution projects in industries …" is a mention, whatever its case
    assert [m.sentence[m.start : m.end] for m in term.mentions] == ["Import substitution"]


def test_the_real_curated_file_gives_no_problems_on_the_seed(seed):
    assert messages(build(seed, CURATED.read_bytes())) == []


# --- overrides ------------------------------------------------------------------------------------------------


def test_a_curated_definition_replaces_the_extracted_one(seed):
    before = terms(build(seed, None))["Moscow"]
    after = terms(build(seed, "Moscow: The capital of Russia.\n"))["Moscow"]
    assert before.origin == "" and before.definition != "The capital of Russia."
    assert after.definition == "The capital of Russia."
    assert after.origin == "curated"
    assert len(after.mentions) == len(before.mentions) == 1


def test_a_curated_mapping_definition_is_folded_to_one_line(seed):
    term = terms(build(seed, "Moscow:\n  definition: >-\n    The capital\n    of Russia.\n"))["Moscow"]
    assert (term.definition, term.origin) == ("The capital of Russia.", "curated")


def test_a_curated_alias_joins_an_extracted_term(seed):
    plain = terms(build(seed, None))
    g = build(seed, "Alexander Lukashenko:\n  aliases: [President of Belarus]\n")
    found = terms(g)
    assert "President of Belarus" in plain
    assert "President of Belarus" not in found
    luka = found["Alexander Lukashenko"]
    assert "President of Belarus" in luka.aliases
    surfaces = {m.sentence[m.start : m.end] for m in luka.mentions}
    assert {"Alexander Lukashenko", "President of Belarus"} <= surfaces
    assert len(luka.mentions) == len(plain["Alexander Lukashenko"].mentions) + len(plain["President of Belarus"].mentions)
    assert messages(g) == []


def test_a_curated_alias_that_is_new_text_becomes_a_variant(seed):
    found = terms(build(seed, "Moscow:\n  aliases: [Russian capital]\n"))
    assert "Russian capital" in found["Moscow"].variants
    assert "Russian capital" in found["Moscow"].aliases


def test_a_curated_name_joins_an_extracted_term_whatever_its_case(seed):
    g = build(seed, "Friendly Economy: Trade between friends.\n")
    economy = [t for t in g.terms if t.name.casefold() == "friendly economy"]
    assert len(economy) == 1
    assert economy[0].definition == "Trade between friends."
    assert len(economy[0].mentions) == 1


def test_hide_removes_a_term(seed):
    assert "Victory" in terms(build(seed, None))
    g = build(seed, "Victory:\n  hide: true\n")
    assert "Victory" not in terms(g)
    assert not [t for t in g.terms if "Victory" in t.variants]
    assert messages(g) == []


def test_hiding_a_term_that_does_not_exist_is_a_problem(seed):
    g = build(seed, "Atlantis:\n  hide: true\n")
    assert any(m.startswith(PATH) and "'Atlantis'" in m for m in messages(g)), messages(g)


def test_a_curated_term_mentioned_nowhere_is_a_problem(seed):
    g = build(seed, "Atlantis: A sunken island.\n")
    problems = [m for m in messages(g) if "'Atlantis'" in m]
    assert problems and all(m.startswith(f"{PATH}: ") for m in problems), messages(g)
    assert "mentioned in no article" in problems[0]


def test_a_curated_term_only_in_a_heading_is_mentioned_nowhere(seed):
    # "Not to lose the Great Victory" is a heading; the words "Great Victory" appear in no paragraph
    g = build(seed, "Great Victory: The victory of 1945.\n")
    assert any("'Great Victory'" in m and "mentioned in no article" in m for m in messages(g)), messages(g)


@pytest.mark.parametrize(
    "yml, entry",
    [
        ("Moscow:\n  definition: x\n  colour: red\n", "Moscow"),
        ("Moscow:\n  definition: [1, 2]\n", "Moscow"),
        ("Moscow:\n  aliases: 3\n", "Moscow"),
        ("Moscow:\n  hide: maybe\n", "Moscow"),
        ("Moscow: [a, b]\n", "Moscow"),
        ("42: a number\n", "42"),
    ],
)
def test_a_malformed_entry_is_a_problem_naming_the_file_and_entry(seed, yml, entry):
    g = build(seed, yml + "Russia: The largest country.\n")
    problems = messages(g)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{PATH}: ") and repr(entry) in problems[0]
    assert g.problems[0].path == PATH
    # the rest of the file still applies, and the malformed entry changed nothing
    found = terms(g)
    assert found["Russia"].origin == "curated"
    assert found["Moscow"].origin == ""


@pytest.mark.parametrize(
    "yml, line",
    [
        ("Moscow: The capital.\nRussia: [a, b\nBelarus: x\n", 3),
        ("Moscow: The capital.\n\n\nRussia:\n  definition: {a\n  b: c\n", 6),
        ("Moscow:\n\tdefinition: tab indented\n", 2),
        ("Moscow: The capital.\nRussia: x\nMoscow: Said twice.\n", 3),  # YAML forbids it; PyYAML keeps the last
        ("Moscow:\n  definition: x\n  definition: y\n", 3),
    ],
)
def test_invalid_yaml_is_a_problem_with_a_line_number(seed, yml, line):
    g = build(seed, yml)
    problems = messages(g)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{PATH}: ")
    assert f"line {line}" in problems[0]
    # the glossary is still built from the articles
    assert {"Moscow", "Russia", "Belarus"} <= set(terms(g))


@pytest.mark.parametrize(
    "template",
    [
        "!!python/object/apply:os.system [\"touch {marker}\"]\n",
        "Moscow: !!python/object/apply:os.system [\"touch {marker}\"]\n",
        "Moscow:\n  definition: !!python/object/apply:os.system [\"touch {marker}\"]\n",
        "Moscow: !!python/object/new:subprocess.check_output [[\"touch\", \"{marker}\"]]\n",
    ],
)
def test_yaml_is_loaded_safely(seed, tmp_path, template):
    marker = tmp_path / "executed"
    g = build(seed, template.format(marker=marker))
    assert not marker.exists(), "the YAML ran a command"
    problems = messages(g)
    assert problems and problems[0].startswith(f"{PATH}: "), problems
    assert terms(g)["Moscow"].origin == ""


def test_a_top_level_list_is_a_problem(seed):
    g = build(seed, "- Moscow\n- Russia\n")
    assert len(g.problems) == 1 and g.problems[0].path == PATH


def test_a_non_utf8_file_is_a_problem(seed):
    g = build(seed, "Moscow: Caf\u00e9 capital.\n".encode("latin-1"))
    assert len(g.problems) == 1 and g.problems[0].path == PATH and "UTF-8" in g.problems[0].message


@pytest.mark.parametrize("data", [None, b"", b"# only a comment\n"])
def test_no_or_an_empty_curated_file_changes_nothing(seed, data):
    g = build(seed, data)
    assert g.problems == ()
    assert [t.name for t in g.terms] == [t.name for t in glossary.build([seed]).terms]


def test_the_label_names_the_seeds_folder_in_problems(seed):
    g = glossary.build([seed], b"Atlantis: A sunken island.\n", label="content")
    assert g.problems and all(p.path == "content/glossary.yml" for p in g.problems)


def test_a_term_given_twice_is_named_and_a_number_as_a_name_is_told_to_be_quoted(seed):
    assert "'Moscow' is given twice" in messages(build(seed, "Moscow: a\nMoscow: b\n"))[0]
    assert "put it in quotes ('1984': …)" in messages(build(seed, "1984: A novel.\n"))[0]
