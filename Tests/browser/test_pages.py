"""Clicks through the pages of `parole serve` in headless Chromium, as a person would.

Run by Tests/browser/run.sh, which installs what is missing and builds the server:
    python3 Tests/browser/test_pages.py --parole .build/debug/parole [--screenshots DIR]

Each check is a function decorated with @step, run in order in one browser against one server; a new page adds a
function. A failing step is reported with its name and message, and the script exits non-zero.
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

STEPS = []

# A small population (docs/cohort-csv.md): two people.
PEOPLE = "id,term,category,start\np-1,9y,grave,2022-01-10\np-2,4y,medium,2023-05-01\n"


def step(function):
    """Adds `function(site)` to the steps, in the order of this file."""
    STEPS.append(function)
    return function


class Site:
    """The browser on the running server, with the few moves the steps make."""

    def __init__(self, driver, base, screenshots, files):
        self.driver = driver
        self.base = base
        self.screenshots = screenshots
        self.files = files

    def open(self, path):
        self.driver.get(self.base + path)

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def click_and_wait(self, element):
        """Clicks `element` and waits until the next page has replaced this one."""
        html = self.find("html")
        element.click()
        WebDriverWait(self.driver, 20).until(lambda d: is_stale(html))

    def language(self):
        return self.find("html").get_attribute("lang")

    def value(self, name):
        return self.find(f'[name="{name}"]').get_attribute("value")

    def fill(self, name, text):
        field = self.find(f'[name="{name}"]')
        field.clear()
        field.send_keys(text)

    def choose(self, name, value):
        Select(self.find(f'select[name="{name}"]')).select_by_value(value)

    def fill_case(self, term, category, start):
        """Fills the three facts every case form asks first."""
        self.fill("term", term)
        self.choose("category", category)
        self.fill("start", start)

    def submit(self, css='form button[type="submit"]:not([name])'):
        self.click_and_wait(self.find(css))

    def upload(self, text):
        """Chooses a file holding `text` in the form's file field."""
        path = os.path.join(self.files, "people.csv")
        with open(path, "w", encoding="utf-8") as out:
            out.write(text)
        self.find('input[type="file"]').send_keys(path)

    def screenshot(self, name):
        path = os.path.join(self.screenshots, name + ".png")
        self.driver.save_screenshot(path)
        return path


def is_stale(element):
    try:
        element.get_attribute("lang")
        return False
    except Exception:  # StaleElementReferenceException: the page was replaced.
        return True


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


@step
def countries_and_a_family_filter(site):
    site.open("/?lang=en")
    expect(site.language() == "en", "the countries page is in English")
    rows = len(site.find_all("tbody tr"))
    expect(rows > 1, f"the countries page lists jurisdictions ({rows} rows)")
    site.screenshot("countries")
    # A family's heading links to the page filtered to that family.
    site.click_and_wait(site.find("h2 a"))
    expect("family=" in site.driver.current_url, "the family link filters the list")
    filtered = len(site.find_all("tbody tr"))
    expect(0 < filtered < rows, f"the filter keeps one family ({filtered} of {rows} rows)")


@step
def a_jurisdiction_page(site):
    site.open("/?lang=en")
    link = site.find('a[href^="/jurisdictions/kz"]')
    site.click_and_wait(link)
    expect("/jurisdictions/kz" in site.driver.current_url, "the link leads to the regime page")
    expect(site.find("h1").text.strip() != "", "the regime page has a title")
    expect(len(site.find_all("main section.mechanism")) > 0, "the regime page shows the mechanisms")
    site.screenshot("jurisdiction-kz")


@step
def a_regime_page_opens_a_quotation_and_switches_the_date(site):
    site.open("/jurisdictions/kz?lang=en")
    details = site.find("main details.cite")
    quote = details.find_element(By.CSS_SELECTOR, "blockquote")
    expect(not quote.is_displayed(), "a quotation is closed until its citation is clicked")
    details.find_element(By.CSS_SELECTOR, "summary").click()
    expect(quote.is_displayed() and quote.text.strip() != "", "a click on the citation opens its verbatim quotation")
    expect(len(site.find_all("main .disputed-mark")) > 0, "the records the sources dispute are marked")
    site.screenshot("jurisdiction-kz-quotation")
    site.click_and_wait(site.find('.languages a[hreflang="ru"]'))
    expect(site.language() == "ru", "the regime page is in Russian after the switch")
    counts = {}
    for date in ("2020-01-01", "2024-01-01"):
        site.fill("as-of", date)
        site.submit()
        expect(site.language() == "ru", f"the page stays in Russian on {date}")
        expect("as-of=" + date in site.driver.current_url, f"the address is the permalink of {date}")
        expect(site.value("as-of") == date, f"the form keeps {date}")
        expect(len(site.find_all(".error")) == 0, f"{date} is a good date")
        counts[date] = len(site.find_all("main li.not-in-force"))
    expect(counts["2020-01-01"] > counts["2024-01-01"],
           f"rules not yet in force in 2020 are in force in 2024 ({counts})")
    site.fill("as-of", "2016-02-30")
    site.submit()
    errors = site.find_all(".error")
    expect(len(errors) == 1 and "2016-02-30" in errors[0].text, "a bad date is one line naming it")
    expect(site.value("as-of") == "2016-02-30", "the bad date stays as typed")


@step
def simulate_a_case(site):
    site.open("/simulate?lang=en")
    site.fill_case("9y", "grave", "2022-01-10")
    site.submit()
    expect(len(site.find_all(".error")) == 0, "a good case is not refused")
    outcome = site.find("main table").text
    expect("kz" in outcome, "the outcome table lists the jurisdictions")
    expect(len(site.find_all("ul.regimes li")) > 1, "the answer links to each jurisdiction's regime page")
    site.screenshot("simulate")


@step
def switch_language_keeps_the_form(site):
    # From the answered simulation of the step before.
    for code in ("ru", "kk", "en"):
        site.click_and_wait(site.find(f'.languages a[hreflang="{code}"]'))
        expect(site.language() == code, f"the page is in {code} after the switch")
        expect(site.value("term") == "9y", f"the term stays filled in {code}")
        expect(site.value("start") == "2022-01-10", f"the start stays filled in {code}")
        expect(len(site.find_all("main table")) > 0, f"the outcome is still shown in {code}")


@step
def simulate_chart_and_a_rows_reasoning(site):
    # A life sentence: a case the international standards speak to.
    site.open("/simulate?lang=en")
    site.fill_case("life", "especially-grave", "2001-05-20")
    site.submit()
    chart = site.find("figure.timeline svg")
    expect(chart.is_displayed(), "the timeline chart is shown")
    expect(chart.size["width"] > 200 and chart.size["height"] > 100, f"the chart has a size ({chart.size})")
    bars = site.find_all("figure.timeline svg rect.bar")
    expect(len(bars) > 1, f"the chart draws a bar per jurisdiction with a release date ({len(bars)})")
    expect(len(site.find_all("#conformance table tbody tr")) > 0, "the standards' verdicts are a table")
    site.screenshot("simulate-chart")
    # A row's link opens that jurisdiction's reasoning below the table, at its own address.
    link = site.find('main table tbody a[href*="explain=fi"]')
    site.click_and_wait(link)
    expect("explain=fi" in site.driver.current_url and site.driver.current_url.endswith("#explain-fi"),
           f"the link is a permalink to the reasoning ({site.driver.current_url})")
    expect(site.value("term") == "life", "the form stays filled")
    trace = site.find("section#explain-fi")
    expect(trace.is_displayed(), "the reasoning is shown")
    expect(len(trace.find_elements(By.CSS_SELECTOR, "ul.reasoning li")) > 0, "the reasoning has its steps")
    expect(len(trace.find_elements(By.CSS_SELECTOR, "ol.citations li")) > 0, "the reasoning lists its citations")
    # A quotation is one click away, without JavaScript.
    details = trace.find_elements(By.CSS_SELECTOR, "ol.citations details")
    expect(len(details) > 0, "a citation holds its verbatim quotation")
    quotation = details[0].find_element(By.CSS_SELECTOR, "blockquote")
    expect(not quotation.is_displayed(), "the quotation is folded")
    details[0].find_element(By.CSS_SELECTOR, "summary").click()
    expect(quotation.is_displayed() and quotation.text.strip() != "", "a click shows the quotation")
    site.screenshot("simulate-trace")


@step
def a_bad_date_is_one_line_with_the_form_kept(site):
    site.open("/simulate?lang=ru")
    site.fill_case("9y", "grave", "2022-02-30")
    site.submit()
    errors = site.find_all(".error")
    expect(len(errors) == 1, "one error line")
    expect("ГГГГ-ММ-ДД" in errors[0].text, f"the error says how to write a date, in Russian: {errors[0].text}")
    expect("\n" not in errors[0].text.strip(), "the error is one line")
    expect(site.value("start") == "2022-02-30", "the date stays as typed")
    expect(site.value("term") == "9y", "the term stays filled")


@step
def cohort_upload(site):
    site.open("/cohort?lang=kk")
    expect("2 МБ" in site.find("form").text, "the form states the size limit")
    site.upload(PEOPLE)
    site.fill("as-of", "2026-01-01")
    site.submit()
    expect(site.language() == "kk", "the answer is in Kazakh")
    expect(len(site.find_all(".error")) == 0, "the population is read")
    expect(len(site.find_all("main table tbody tr")) > 0, "the counts are a table")
    expect("p-2,4y,medium" in site.value("csv"), "the form keeps the file's lines for a download")
    site.screenshot("cohort")


@step
def cohort_under_a_reform_with_its_chart(site):
    site.open("/cohort?lang=en")
    site.upload("id,term,category,start,juvenile\nj-1,9y,grave,2022-01-10,true\nj-2,6y,medium,2023-05-01,true\n"
                "a-1,9y,grave,2022-01-10,false\n")
    site.fill("as-of", "2026-01-01")
    site.fill("horizon", "3y")
    site.choose("reform", "kz-rec-juvenile-one-third")
    site.fill("grant-rate", "0.5")
    site.submit()
    expect(len(site.find_all(".error")) == 0, "the population is counted under the reform")
    headings = [h.text for h in site.find_all("main h2")]
    expect(any("kz-rec-juvenile-one-third" in h for h in headings), f"the reform has its table of changes ({headings})")
    chart = site.find("figure.chart svg")
    expect(chart.is_displayed(), "the chart is shown")
    expect(chart.size["width"] > 200 and chart.size["height"] > 100, f"the chart has a size ({chart.size})")
    scenarios = {bar.get_attribute("data-scenario") for bar in site.find_all("figure.chart svg rect.bar")}
    expect(scenarios == {"law", "kz-rec-juvenile-one-third"}, f"one series per scenario ({scenarios})")
    expect(site.value("grant-rate") == "0.5", "the grant rate stays filled")
    site.screenshot("cohort-reform")


@step
def roster_upload(site):
    site.open("/roster?lang=en")
    site.upload(PEOPLE)
    site.fill("as-of", "2026-01-01")
    site.submit()
    cells = [cell.text for cell in site.find_all("main table tbody td")]
    expect("p-1" in cells and "p-2" in cells, "the roster lists each person's id")
    site.screenshot("roster")


@step
def a_bad_row_names_its_row(site):
    site.open("/roster?lang=ru")
    site.upload("id,term,category,start\np-1,9y,grave,2022-01-10\np-2,4y,medium,2023-02-30\n")
    site.submit()
    errors = site.find_all(".error")
    expect(len(errors) == 1 and "Строка 3" in errors[0].text, "the error names row 3, in Russian")
    expect(len(site.find_all("main table")) == 0, "no result is shown")


@step
def search_marks_and_links(site):
    site.open("/search?lang=ru")
    site.fill("q", "Германия")
    site.submit()
    expect(site.language() == "ru", "the results are in Russian")
    expect(len(site.find_all("main mark")) > 0, "the matched words are marked")
    expect(len(site.find_all('main a[href^="/jurisdictions/de"]')) > 0, "a result links to Germany's page")
    site.screenshot("search")


@step
def a_statistics_table_and_its_chart(site):
    site.open("/stats?lang=kk")
    site.click_and_wait(site.find('main a[href^="/stats/"]'))
    expect(site.language() == "kk", "the table page is in Kazakh")
    expect(len(site.find_all("main table tbody tr")) > 0, "the table has rows")
    chart = site.find('main figure img[src*=".svg"]')
    expect(site.driver.execute_script("return arguments[0].naturalWidth", chart) > 0, "the chart is drawn")
    expect(len(site.find_all('main a[href*="/download"]')) > 0, "the table can be downloaded")
    site.screenshot("stats")


@step
def an_annex_table(site):
    site.open("/annex?lang=en")
    site.click_and_wait(site.find('main a[href^="/annex/1"]'))
    expect(len(site.find_all("main table tbody tr")) > 0, "annex 1 is a table with rows")
    expect(len(site.find_all('main a[href*="/annex/1/download"]')) > 0, "annex 1 can be downloaded")
    site.screenshot("annex-1")


@step
def compare_two_jurisdictions(site):
    site.open("/compare?lang=en")
    choice = Select(site.find('select[name="jurisdiction"]'))
    choice.select_by_value("kz")
    choice.select_by_value("de")
    site.submit()
    expect(len(site.find_all(".error")) == 0, "two jurisdictions are compared")
    header = " ".join(cell.text for cell in site.find_all("main table thead th"))
    expect(len(site.find_all("main table tbody tr")) > 0, f"the comparison is a table ({header})")
    site.screenshot("compare")


@step
def what_if_a_reform_passed(site):
    site.open("/whatif?lang=ru")
    site.fill_case("9y", "grave", "2022-01-10")
    Select(site.find('select[name="reform"]')).select_by_value("kz-rec-juvenile-one-third")
    site.submit()
    expect(site.language() == "ru", "the answer is in Russian")
    expect(len(site.find_all(".error")) == 0, "the reform is applied")
    expect(len(site.find_all("main h2")) > 0, "the answer has its sections")
    expect(site.value("term") == "9y", "the case stays filled")
    site.screenshot("whatif")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(base, server, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"parole serve exited with {server.returncode}")
        try:
            with urllib.request.urlopen(base + "/static/atlas.css", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"parole serve did not answer within {seconds} s")


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,1000", "--no-first-run", "--disable-extensions",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync"):
        options.add_argument(argument)
    # The Debian driver, named outright, so that selenium never looks for (or downloads) another one.
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    return webdriver.Chrome(options=options, service=service)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parole", required=True, help="the parole binary")
    parser.add_argument("--screenshots", default=".build-ci/screenshots")
    parser.add_argument("--only", action="append", default=[], help="run only the steps with these names")
    arguments = parser.parse_args()
    os.makedirs(arguments.screenshots, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([arguments.parole, "serve", "--host", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    failures = []
    driver = None
    try:
        wait_until_serving(base, server)
        driver = browser()
        with tempfile.TemporaryDirectory() as files:
            site = Site(driver, base, os.path.abspath(arguments.screenshots), files)
            for function in STEPS:
                if arguments.only and function.__name__ not in arguments.only:
                    continue
                started = time.monotonic()
                try:
                    function(site)
                    print(f"ok    {function.__name__} ({time.monotonic() - started:.1f} s)")
                except Exception as error:  # Any failure of a step fails the run, and the others still run.
                    failures.append(function.__name__)
                    print(f"FAIL  {function.__name__}: {error}")
                    traceback.print_exc(limit=2)
                    site.screenshot("failed-" + function.__name__)
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        try:
            _, errors = server.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            _, errors = server.communicate()
        if failures and errors:
            print("parole serve said:\n" + errors.decode("utf-8", "replace")[-4000:])
    print(f"screenshots: {os.path.abspath(arguments.screenshots)}")
    if failures:
        print(f"{len(failures)} of {len(STEPS)} browser steps failed: {', '.join(failures)}")
        return 1
    print(f"all {len(STEPS)} browser steps passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
