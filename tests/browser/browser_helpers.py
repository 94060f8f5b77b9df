"""Helpers for the browser tests (a module of its own: `conftest` is a name every test folder uses)."""

from __future__ import annotations

WAIT = 10.0  # seconds any wait in a page may take


def open_page(driver, url: str):
    """Load a page and wait until the document and its resources have loaded."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(url)
    WebDriverWait(driver, WAIT).until(lambda d: d.execute_script("return document.readyState") == "complete")
    return driver
