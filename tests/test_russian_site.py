"""A Russian site end to end: `theme.language: ru`, Russian news articles in UTF-8, Windows-1251, KOI8-R and
UTF-16 (with and without a byte-order mark), a Belarusian and an English one, built for real with
`mkdocs build --strict` and read back as HTML."""

from __future__ import annotations

import functools
import json
import re
import shutil
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from babel.messages.pofile import read_po
from conftest import ROOT, _StaticHost, make_project, mkdocs_build, main_content, soup
from playwright.sync_api import expect
from seedsite import labels, language, render
from seedsite.verify import check

RU_SEEDS = Path(__file__).parent / "inputs" / "ru"
ENCODED = {
    "экономика/станки.txt": "cp1251",
    "политика/союзное-государство.txt": "koi8-r",
    "политика/визит.txt": "utf-16",  # with a byte-order mark
    "культура/театр.txt": "utf-16-le",  # without one
}
"""Seeds written into the test site in another encoding than UTF-8 (the rest stay UTF-8)."""
HEADINGS = {
    "экономика/молоко.txt": ["Новые рынки", "Цены и качество", "Планы на будущий год"],
    "экономика/станки.txt": ["Заказы из Азии", "Кадры для заводов", "Что дальше"],
    "политика/союзное-государство.txt": ["Общее экономическое пространство", "Безопасность и оборона",
                                         "Гуманитарное сотрудничество"],
    "политика/визит.txt": ["Индустриальный парк", "Логистика и транзит", "Образование"],
    "культура/театр.txt": ["Премьера", "Гастроли"],
    "культура/выстава.txt": ["Новыя імёны"],
    "news.txt": ["Regional trade"],
}
"""Each seed's subheadings: lead-ins without a verb, standalone lines, `== … ==`; never a sentence with a verb."""
SENTENCES_WITH_VERBS = ["Спрос растёт.", "Союзное государство развивается."]
"""Short sentences opening a paragraph that stay sentences, though the article's other lead-ins are headings."""
MOJIBAKE = re.compile("[ÐÑÃÂâ€╨╤¤þÿ]|Ð°|Ã©|Рµ|СЃ")


def seed_project(dest: Path, language_code: str = "ru") -> Path:
    """A project of the Russian seeds, some re-encoded, with `theme.language` set."""
    seeds = dest / "ru-seeds"
    shutil.copytree(RU_SEEDS, seeds)
    for path, encoding in ENCODED.items():
        (seeds / path).write_bytes((RU_SEEDS / path).read_text(encoding="utf-8").encode(encoding))
    project = make_project(dest / "project", seeds)
    config, changed = re.subn(r"(?m)^  language: \w+", f"  language: {language_code}",
                              (project / "mkdocs.yml").read_text(encoding="utf-8"))
    assert changed == 1
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def ru_site(tmp_path_factory) -> tuple[Path, str]:
    project = seed_project(tmp_path_factory.mktemp("ru"))
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    return project, result.stderr


def pages(project: Path) -> dict[str, Path]:
    return {p.relative_to(project / "site").as_posix(): p for p in (project / "site").rglob("*.html")}


def article_file(project: Path, seed: str) -> Path:
    title = (RU_SEEDS / seed).read_text(encoding="utf-8").split("\n", 1)[0]
    found = [p for p in pages(project).values() if (h1 := soup(p).select_one("article h1")) and
             h1.get_text().rstrip("¶") == title]
    assert len(found) == 1, (seed, found)
    return found[0]


def english_labels() -> list[str]:
    """Every label's English text, cut at its placeholders into the stretches a page would show."""
    with (labels.LOCALE / "ru.po").open("rb") as source:
        catalog = read_po(source)
    found = set()
    for message in catalog:
        for msgid in message.id if isinstance(message.id, tuple) else (message.id,):
            found.update(part.strip(" .,:…()") for part in re.split(r"\{\w+\}|%\(\w+\)s", msgid))
    return sorted(part for part in found if len(part) >= 4)


LABEL_CALL = re.compile(r"""\b(?:_|ngettext)\(\s*(["'])(.+?)\1(?:\s*,\s*(["'])(.+?)\3)?""", re.DOTALL)


def _flat(value) -> list[str]:
    """Every text in a nest of dicts and (singular, plural) pairs (`render.LABELS`)."""
    if isinstance(value, dict):
        return [text for item in value.values() for text in _flat(item)]
    return list(value) if isinstance(value, tuple) else [value]


@pytest.mark.parametrize("catalog_file", sorted(labels.LOCALE.glob("*.po")), ids=lambda p: p.stem)
def test_each_catalog_translates_every_label_the_code_and_templates_write(catalog_file):
    code = [p for p in (ROOT / "hooks").rglob("*.py")] + [p for p in (ROOT / "overrides").rglob("*.html")]
    used = {m for path in code for call in LABEL_CALL.finditer(path.read_text(encoding="utf-8"))
            for m in (call.group(2), call.group(4)) if m}
    used |= {render.GLOSSARY_TITLE, render.HOME_TITLE, *_flat(render.LABELS)}
    with catalog_file.open("rb") as source:
        catalog = read_po(source)
    translated = {}
    for message in catalog:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        translated.update({msgid: all(strings) for msgid in ids if msgid})
    assert len(used) > 25
    assert sorted(m for m in used if not translated.get(m)) == []


def test_every_word_of_every_seed_is_on_its_page_in_order(ru_site):
    project, _ = ru_site
    report = check(project / "site", project / "seeds")
    assert report.seeds == len(HEADINGS) and report.words > 600
    assert report.problems == []


@pytest.mark.parametrize("seed", sorted(HEADINGS))
def test_subheadings_are_found_and_sentences_with_verbs_stay_sentences(ru_site, seed):
    project, _ = ru_site
    content = main_content(soup(article_file(project, seed)))
    headings = [h.get_text().rstrip("¶") for h in content.select("h2, h3") if h.get("id") not in ("terms", "related")]
    assert headings == HEADINGS[seed]
    rules = language.get(content.h1["lang"])
    assert not [h for h in headings if any(rules.is_verb(w.lower()) for w in re.findall(r"\w+", h))]
    text = " ".join(p.get_text() for p in content.select("p[id]"))
    for sentence in SENTENCES_WITH_VERBS:
        assert sentence not in headings
        if sentence in (RU_SEEDS / seed).read_text(encoding="utf-8"):
            assert sentence in text


def test_every_page_is_in_russian_without_mojibake(ru_site):
    project, _ = ru_site
    for name, path in pages(project).items():
        html = path.read_text(encoding="utf-8")
        assert '<html lang="ru"' in html, name
        assert not MOJIBAKE.search(soup(path).get_text()), (name, MOJIBAKE.search(soup(path).get_text()))
    assert "Большой театр открыл сезон премьерой" in pages(project)["index.html"].read_text(encoding="utf-8")


def test_each_article_carries_the_language_of_its_text(ru_site):
    project, _ = ru_site
    for seed, lang in [("экономика/молоко.txt", "ru"), ("политика/союзное-государство.txt", "ru"),
                       ("культура/театр.txt", "ru"), ("культура/выстава.txt", "be"), ("news.txt", "en")]:
        content = main_content(soup(article_file(project, seed)))
        assert content.h1["lang"] == lang
        assert {p["lang"] for p in content.select("p[id]")} == {lang}
        assert {h["lang"] for h in content.select("h2[id], h3[id]") if h["id"] not in ("terms", "related")} <= {lang}
        assert content.select_one("#terms") is None or "lang" not in content.select_one("#terms").attrs


def test_no_english_label_on_any_page(ru_site):
    project, _ = ru_site
    english = english_labels()
    for name, path in pages(project).items():
        content = main_content(soup(path))
        if content is None:
            continue
        for seed_text in content.select('[lang="en"]'):  # the English article's own text
            seed_text.decompose()
        shown = content.get_text(" ")
        titles = " ".join(a.get("title", "") for a in content.select("a.headerlink"))
        found = [label for label in english if re.search(rf"\b{re.escape(label)}\b", shown + " " + titles)]
        assert found == [], name


def test_russian_labels_counts_and_navigation(ru_site):
    project, _ = ru_site
    site = pages(project)
    home = soup(site["index.html"])
    assert [a.get_text(strip=True) for a in home.select(".md-tabs__link, .md-nav--primary > .md-nav__list > "
                                                        ".md-nav__item > .md-nav__link")][:1] == ["Главная"]
    economy = main_content(soup(site["экономика/index.html"]))
    assert "2 статьи." in economy.get_text()
    articles = main_content(soup(site["articles/index.html"]))
    assert "1 статья." in articles.get_text() and articles.h1.get_text().rstrip("¶") == "Статьи"
    milk = main_content(soup(article_file(project, "экономика/молоко.txt")))
    assert milk.select_one("#terms").get_text().rstrip("¶") == "Термины в статье"
    assert milk.select_one("#related").get_text().rstrip("¶") == "Похожие статьи"
    assert "Общее:" in milk.select_one("#related").find_next("ul").get_text()
    assert {a["title"] for a in milk.select("a.headerlink")} == {"Постоянная ссылка"}
    not_found = main_content(soup(site["404.html"]))
    assert not_found.h1.get_text() == "Страница не найдена"
    assert not_found.find("a", string="Перейдите на главную страницу") is not None


def test_glossary_letters_are_cyrillic_in_alphabetical_order(ru_site):
    project, _ = ru_site
    glossary = main_content(soup(pages(project)["glossary/index.html"]))
    assert glossary.h1.get_text().rstrip("¶") == "Глоссарий"
    ru = language.get("ru")
    letters = [a.get_text() for a in glossary.select(".glossary-az a")]
    cyrillic = [letter for letter in letters if ru.script_of(letter)]
    assert len(cyrillic) > 5 and letters[: len(cyrillic)] == cyrillic  # Cyrillic first, then Latin ("Kazan")
    assert cyrillic == sorted(cyrillic, key=ru.sort_key)
    assert [h2.get_text().rstrip("¶") for h2 in glossary.select("h2")] == letters


def test_search_follows_the_site_language(ru_site):
    project, _ = ru_site
    index = json.loads((project / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["ru"]
    assert any("Спрос растёт" in doc["text"] for doc in index["docs"])


def test_legacy_encodings_are_said_and_a_guess_fails_strict(ru_site, tmp_path):
    _, log = ru_site
    for path, encoding in [("экономика/станки.txt", "cp1251"), ("политика/союзное-государство.txt", "koi8-r"),
                           ("культура/театр.txt", "utf-16-le")]:
        assert f"INFO    -  seeds/{path}: not UTF-8, decoded as {encoding}" in log
    project = seed_project(tmp_path)
    (project / "seeds" / "коротко.txt").write_bytes("Цены\nСпрос растёт.\n".encode("koi8-r"))
    result = mkdocs_build(project, "--strict")
    assert result.returncode != 0
    assert ("WARNING -  seeds/коротко.txt: not UTF-8, and its encoding is a guess: decoded as koi8-r (check its "
            "page, or save it as UTF-8)") in result.stderr


def test_the_second_process_writes_the_same_russian_pages(ru_site, tmp_path):
    project, _ = ru_site
    again = seed_project(tmp_path)
    result = mkdocs_build(again, "--strict", env={"MICROSITE_BACKGROUND_FROM": "0"})
    assert result.returncode == 0, result.stderr
    assert "in a second process" in result.stderr
    for name in ("index.html", "glossary/index.html", "экономика/index.html", "404.html"):
        assert main_content(soup(again / "site" / name)).get_text() == main_content(soup(pages(project)[name])).get_text()
    milk = main_content(soup(article_file(again, "экономика/молоко.txt")))
    assert milk.select_one("#terms").get_text().rstrip("¶") == "Термины в статье"
    assert {p["lang"] for p in milk.select("p[id]")} == {"ru"}


@pytest.mark.browser
def test_the_browser_sees_each_text_in_its_language_and_searches_in_russian(ru_site, chromium):
    project, _ = ru_site
    site = project / "site"
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_StaticHost, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = chromium.new_context(base_url=f"http://127.0.0.1:{server.server_port}/")
    context.set_default_timeout(10_000)  # how long an action waits for its element, not a timed assertion
    try:
        page = context.new_page()
        for seed, lang in [("экономика/молоко.txt", "ru"), ("культура/выстава.txt", "be"), ("news.txt", "en")]:
            page.goto("/" + article_file(project, seed).parent.relative_to(site).as_posix() + "/")
            assert page.evaluate("document.documentElement.lang") == "ru"
            texts = page.locator(f"article.md-content__inner :is(h1, p[id]):lang({lang})")
            expect(texts.first).to_be_visible()
            assert texts.count() == page.locator("article.md-content__inner :is(h1, p[id])").count()
        page.goto("/")
        search = page.locator("input.md-search__input")
        search.fill("спрос")  # (typed Cyrillic arrives as text input without key events, which the search awaits)
        search.press("End")
        results = page.locator(".md-search-result__list a.md-search-result__link")
        expect(results.first).to_be_visible()
        paths = [unquote(urlsplit(url).path) for url in results.evaluate_all("links => links.map(a => a.href)")]
        milk = "/" + article_file(project, "экономика/молоко.txt").parent.relative_to(site).as_posix() + "/"
        assert milk in paths, paths
        response = page.goto("/нет-такой-страницы/")
        assert response is not None and response.status == 404
        expect(page.locator("article h1")).to_have_text("Страница не найдена")
    finally:
        context.close()
        server.shutdown()
        server.server_close()


def test_the_same_seeds_on_a_belarusian_site(tmp_path):
    project = seed_project(tmp_path, "be")
    result = mkdocs_build(project, "--strict")
    assert result.returncode == 0, result.stderr
    milk = soup(article_file(project, "экономика/молоко.txt"))
    assert milk.html["lang"] == "be" and main_content(milk).h1["lang"] == "ru"  # the text keeps its language
    assert main_content(milk).select_one("#terms").get_text().rstrip("¶") == "Тэрміны ў артыкуле"
    economy = main_content(soup(project / "site" / "экономика" / "index.html"))
    assert "2 артыкулы." in economy.get_text()
