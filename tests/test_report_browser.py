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
        assert "<script" not in html.split('<div class="article"')[0]
        _open(browser, page)
        loaded = browser.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)")
        assert loaded == [], f"{page.name} loads {loaded}"
    _open(browser, reports / "index.html")
    links = [a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#articles a")]
    assert {Path(link).name for link in links} == {"hostile.html", "kyiv-talks.html"}


def test_screenshot(reports, browser, tmp_path):
    _open(browser, reports / "kyiv-talks.html")
    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
