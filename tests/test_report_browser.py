"""The HTML report in a real browser (headless Chromium driven by Selenium): highlights and
suggestions render, and article text that looks like HTML stays text and never runs.

Needs the Debian packages chromium and chromium-driver and the selenium package (test extra);
skipped with the reason otherwise. No network: the pages are local files with a CSP of
default-src 'none', and Chromium's background services are switched off.
"""
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mtqa.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = FIXTURES / "browser"
FORMATS = FIXTURES / "report_inputs"  # Markdown, HTML, XLIFF and JSON Lines articles
FIXTURE_GLOSSARY = str(FIXTURES / "glossary.yaml")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER),
    reason="headless Chromium not installed (apt-get install -y chromium chromium-driver): "
           "the HTML report is not checked in a real browser")
webdriver = pytest.importorskip(
    "selenium.webdriver", reason="selenium not installed (pip install selenium): "
                                 "the HTML report is not checked in a real browser")

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                  "--window-size=1280,1000"]


@pytest.fixture(autouse=True)
def no_bundled_packs(monkeypatch):
    monkeypatch.setattr("mtqa.glossary.bundled_pack_paths", lambda: {})


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("mtqa.glossary.bundled_pack_paths", lambda: {})
        result = CliRunner().invoke(main, ["report", "--no-config", "--glossary", FIXTURE_GLOSSARY,
                                           str(ARTICLES), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    # leave any alert open so the test can see it, instead of Selenium dismissing it
    options.set_capability("unhandledPromptBehavior", "ignore")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SE_OFFLINE", "true")  # Selenium Manager must never go online
        driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _open(driver, path: Path):
    driver.get(path.as_uri())
    assert driver.execute_script("return document.readyState") == "complete"


def _no_alert(driver) -> bool:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        driver.switch_to.alert.text
    except NoAlertPresentException:
        return True
    return False


def test_highlights_and_suggestions_render(reports, browser):
    from selenium.webdriver.common.by import By

    expected = json.loads((reports / "kyiv-talks.json").read_text(encoding="utf-8"))["findings"]
    _open(browser, reports / "kyiv-talks.html")
    marks = browser.find_elements(By.CSS_SELECTOR, "#article mark")
    assert len(marks) == len(expected) == 7
    flagged = [browser.execute_script(
        "return Array.from(arguments[0].childNodes).filter(n => n.nodeType === 3)"
        ".map(n => n.textContent).join('')", m) for m in marks]
    assert flagged == ["Kharkov", "Gostomel", "Mikhail Podolyak", "Zelskyy",
                       "Governor Chernihiv", "Oktyrka", "Azov Sea"]
    for mark in marks:
        assert mark.is_displayed()
        background = mark.value_of_css_property("background-color")
        assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background
        assert mark.get_attribute("class") == "major"
    # every suggestion is visible in the findings table, next to its finding
    rows = browser.find_elements(By.CSS_SELECTOR, "#findings tbody tr.finding")
    shown = [[s.text for s in row.find_elements(By.CSS_SELECTOR, ".sugg")] for row in rows]
    assert shown == [f["suggestions"] for f in expected]
    assert all(s.is_displayed() for row in rows for s in row.find_elements(By.CSS_SELECTOR, ".sugg"))
    assert browser.find_element(By.ID, "verdict").text == "Hold"
    # the footnote number of a highlight links to its row in the table
    first = marks[0].find_element(By.CSS_SELECTOR, "sup a").get_attribute("href")
    assert first.endswith("#f1") and rows[0].get_attribute("id") == "f1"


def _check_inert(driver, path: Path):
    from selenium.webdriver.common.by import By

    _open(driver, path)
    assert _no_alert(driver), "an alert() from the article ran"
    assert driver.execute_script("return typeof window.mtqaPwned") == "undefined"
    assert driver.execute_script("return document.body.dataset.pwned === undefined")
    assert driver.title == "mtqa report: " + str(ARTICLES / "hostile.txt")
    assert driver.execute_script("return document.scripts.length") == 0
    assert driver.find_elements(By.CSS_SELECTOR, "#article b, #article i, #article img, "
                                                 "#article script") == []
    text = driver.find_element(By.ID, "article").text
    assert "Editors Test <b>bold?</b> & Friends" in text
    assert "the <script>alert(1)</script> line" in text
    assert '"AT&amp;T" & <i>others</i> &lt;not tags&gt;' in text
    assert "<img src=x onerror=" in text


def test_article_markup_is_shown_as_text_and_never_runs(reports, browser):
    _check_inert(browser, reports / "hostile.html")


def test_escaping_alone_keeps_scripts_inert(reports, browser, tmp_path):
    # The page's Content-Security-Policy would block scripts even if escaping failed; without
    # it, only the escaping protects the reader. It must be enough.
    page = (reports / "hostile.html").read_text(encoding="utf-8")
    csp = '<meta http-equiv="Content-Security-Policy"'
    assert csp in page
    stripped = "\n".join(line for line in page.splitlines() if csp not in line)
    copy = tmp_path / "hostile-no-csp.html"
    copy.write_text(stripped, encoding="utf-8")
    _check_inert(browser, copy)


def test_report_pages_are_self_contained(reports, browser):
    from selenium.webdriver.common.by import By

    for page in sorted(reports.glob("*.html")):
        html = page.read_text(encoding="utf-8")
        if page.name != "index.html":  # article pages run no script at all
            assert "<script" not in html.split('<div class="article"')[0]
        _open(browser, page)
        loaded = browser.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)")
        assert loaded == [], f"{page.name} loads {loaded}"
    _open(browser, reports / "index.html")
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#articles a")]
    assert {Path(link).name for link in links} == {"hostile.html", "kyiv-talks.html"}


# ---- pages for every input format (tests/fixtures/report_inputs) ----------------------------

@pytest.fixture(scope="module")
def format_reports(tmp_path_factory):
    out = tmp_path_factory.mktemp("format-reports")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("mtqa.glossary.bundled_pack_paths", lambda: {})
        result = CliRunner().invoke(main, ["report", "--no-config", "--glossary", FIXTURE_GLOSSARY,
                                           str(FORMATS), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _page_for(reports: Path, path_suffix: str) -> Path:
    for page in reports.glob("*.json"):
        if page.name == "index.json" or page.name.startswith("."):  # the .mtqa-report.json marker
            continue
        doc = json.loads(page.read_text(encoding="utf-8"))
        if doc["path"].endswith(path_suffix) and "record" not in doc:
            return page.with_suffix(".html")
    raise AssertionError(f"no page for {path_suffix}")


def _prose(driver, element) -> str:
    """The element's text without the footnote numbers of the highlights."""
    return driver.execute_script(
        "const c = arguments[0].cloneNode(true);"
        "c.querySelectorAll('sup').forEach(s => s.remove());"
        "return c.textContent.replace(/\\s+/g, ' ').trim()", element)


def _marked(driver):
    from selenium.webdriver.common.by import By

    return [driver.execute_script(
        "return Array.from(arguments[0].childNodes).filter(n => n.nodeType === 3)"
        ".map(n => n.textContent).join('')", m)
        for m in driver.find_elements(By.CSS_SELECTOR, "#article mark")]


def test_markdown_article_reads_as_prose_with_overlapping_findings_linked(format_reports, browser):
    from selenium.webdriver.common.by import By

    _open(browser, _page_for(format_reports, "story.md"))
    article = browser.find_element(By.ID, "article")
    text = article.text
    # front matter, link targets, raw HTML and list markers are markup, not prose
    for markup in ("---", "title:", "example.com", "[", "](", "<b>", "- The mayor"):
        assert markup not in text, markup
    assert "officials in Kiev sent a delegation on Monday by train." in _prose(browser, article)
    assert [_prose(browser, h) for h in article.find_elements(By.CSS_SELECTOR, "h3")] == [
        "Kharkov talks resume"]
    # "Port City of Kharkov" (stray capitals) overlaps "Kharkov" (incorrect name): both are
    # highlighted, the shared run carries both numbers and each links to its row
    overlap = article.find_elements(By.CSS_SELECTOR, "mark.overlap")
    assert len(overlap) == 1 and _marked(browser).count("Kharkov") >= 2
    numbers = overlap[0].get_attribute("data-findings").split()
    assert len(numbers) == 2
    links = [a.get_attribute("href").rsplit("#", 1)[1]
             for a in overlap[0].find_elements(By.CSS_SELECTOR, "sup a")]
    assert links == [f"f{n}" for n in numbers]
    for n in numbers:
        assert browser.find_element(By.ID, f"f{n}").tag_name == "tr"
        assert browser.find_element(By.ID, f"m{n}")  # anchor the row links back to
    # the whole span of the longer finding is highlighted, in two runs
    rows = {r.get_attribute("id"): r for r in browser.find_elements(By.CSS_SELECTOR, "tr.finding")}
    texts = {n: rows[f"f{n}"].find_element(By.CSS_SELECTOR, "td.flagged").text for n in numbers}
    assert sorted(texts.values()) == ["Kharkov", "Port City of Kharkov"]


def test_html_article_reads_as_prose_and_its_markup_never_runs(format_reports, browser):
    from selenium.webdriver.common.by import By

    _open(browser, _page_for(format_reports, "story.html"))
    assert _no_alert(browser)
    assert browser.execute_script("return typeof window.mtqaPwned") == "undefined"
    assert browser.execute_script("return document.scripts.length") == 0
    article = browser.find_element(By.ID, "article")
    assert _prose(browser, article.find_element(By.CSS_SELECTOR, "h3")) == "Talks in Kharkov"
    text = article.text
    assert "<script>alert(1)</script> is text here, and so is <b>this</b>." in text
    assert "calm & quiet" in text
    for markup in ("Page title", "mtqaPwned", "color: red", "href", "example.com"):
        assert markup not in text, markup
    assert article.find_elements(By.CSS_SELECTOR, "b, script, a[href^='http']") == []


def test_xliff_shows_source_and_target_pairs(format_reports, browser):
    from selenium.webdriver.common.by import By

    _open(browser, _page_for(format_reports, "job.xlf"))
    rows = browser.find_elements(By.CSS_SELECTOR, "#article table.pairs tbody tr")
    assert len(rows) == 2
    cells = [[td.text for td in r.find_elements(By.CSS_SELECTOR, "td")] for r in rows]
    assert cells[0] == ["u1", "Мер Харкова виступив у понеділок.",
                        "The mayor of Kharkov1 spoke on Monday."]
    target = rows[1].find_elements(By.CSS_SELECTOR, "td")[2]
    assert _prose(browser, target) == "The city was calm <script>alert(1)</script> all day."
    assert "Kharkov" in _marked(browser)
    assert _no_alert(browser) and browser.execute_script("return document.scripts.length") == 0


def test_json_lines_records_get_a_page_each_named_by_id_and_headline(format_reports, browser):
    from selenium.webdriver.common.by import By

    pages = {}
    for page in format_reports.glob("[!.]*.json"):  # not the .mtqa-report.json marker
        doc = json.loads(page.read_text(encoding="utf-8"))
        if "record" in doc:
            pages[doc["record"]["id"]] = (page.with_suffix(".html"), doc)
    assert set(pages) == {"a-1", "b/2"}
    page, doc = pages["a-1"]
    assert "a-1" in page.name and "Kharkov_under_fire" in page.name
    assert doc["headline"] == "Kharkov under fire"
    _open(browser, page)
    assert browser.find_element(By.CSS_SELECTOR, "h1").text.endswith(
        "record a-1: Kharkov under fire")
    assert _marked(browser) == ["Kharkov", "Kharkov"]
    page, _ = pages["b/2"]
    _open(browser, page)
    assert _no_alert(browser)
    assert "Nothing <script>alert(1)</script> happened in Kiev" in browser.find_element(
        By.ID, "article").text


def test_every_page_links_back_to_the_index_and_shows_checks_and_names(format_reports, browser):
    from selenium.webdriver.common.by import By

    pages = [p for p in format_reports.glob("*.html") if p.name != "index.html"]
    assert len(pages) == 5
    for page in pages:
        _open(browser, page)
        back = browser.find_element(By.CSS_SELECTOR, "a.back")
        assert Path(back.get_attribute("href")).name == "index.html"
        coverage = browser.find_element(By.ID, "coverage").text
        assert "names against the glossary" in coverage and "meaning" in coverage
        ledger = browser.find_elements(By.CSS_SELECTOR, "#ledger tbody tr.name")
        assert ledger, page.name
    _open(browser, _page_for(format_reports, "story.md"))
    statuses = {r.find_element(By.CSS_SELECTOR, "td.flagged").text:
                r.find_element(By.CSS_SELECTOR, ".status").text
                for r in browser.find_elements(By.CSS_SELECTOR, "#ledger tbody tr.name")}
    assert statuses["Kharkov"] == "flagged" and statuses["Kharkiv"] == "house form"


def test_index_sorts_and_filters_with_its_hashed_script(format_reports, browser):
    from selenium.webdriver.common.by import By

    html = (format_reports / "index.html").read_text(encoding="utf-8")
    assert "script-src 'sha256-" in html
    _open(browser, format_reports / "index.html")
    assert browser.execute_script("return document.scripts.length") == 1

    def titles():
        return [r.get_attribute("data-title") for r in
                browser.find_elements(By.CSS_SELECTOR, "#articles tbody tr") if r.is_displayed()]

    def scores():
        return [float(r.get_attribute("data-score")) for r in
                browser.find_elements(By.CSS_SELECTOR, "#articles tbody tr") if r.is_displayed()]

    assert scores() == sorted(scores())
    # the script ran (allowed by its hash): the count line is filled in
    assert browser.find_element(By.ID, "shown").text == "5 of 5 shown"
    browser.find_element(By.CSS_SELECTOR, "th[data-key='words'] button").click()
    words = [int(r.get_attribute("data-words")) for r in
             browser.find_elements(By.CSS_SELECTOR, "#articles tbody tr")]
    assert words == sorted(words)
    browser.find_element(By.CSS_SELECTOR, "th[data-key='words'] button").click()
    words = [int(r.get_attribute("data-words")) for r in
             browser.find_elements(By.CSS_SELECTOR, "#articles tbody tr")]
    assert words == sorted(words, reverse=True)
    browser.find_element(By.ID, "filter").send_keys("feed.jsonl")
    assert len(titles()) == 2 and all("feed.jsonl" in t for t in titles())
    assert browser.find_element(By.ID, "shown").text == "2 of 5 shown"
    # per-rule summary and counts by category
    rules = [r.find_element(By.CSS_SELECTOR, "code").text
             for r in browser.find_elements(By.CSS_SELECTOR, "#rules tbody tr")]
    assert "name-incorrect" in rules and "case-stray-capital" in rules
    categories = browser.find_element(By.ID, "categories").text
    assert "terminology/name" in categories


def test_screenshot(reports, browser, tmp_path):
    _open(browser, reports / "kyiv-talks.html")
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
