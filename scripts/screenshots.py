"""Screenshots of the web reader for the README: the seed's article page, an entity page and a
figures chart, taken in headless Chromium (Debian's, as in the browser tests) from a running
`khabar serve` (e.g. `make run`). Usage: python scripts/screenshots.py [BASE_URL] [OUT_DIR]"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

import httpx
from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def driver(profile: str):
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-quic", "--no-first-run", "--hide-scrollbars", "--window-size=1400,900", f"--user-data-dir={profile}"):
        opts.add_argument(arg)
    d = webdriver.Chrome(options=opts, service=Service(executable_path="/usr/bin/chromedriver", log_output=subprocess.DEVNULL))
    d.set_page_load_timeout(30)
    return d


def shoot(d, url: str, path: Path, *, max_height: int = 1800, selector: str | None = None) -> None:
    d.set_window_size(1400, 900)
    d.get(url)
    if selector:
        d.execute_script("document.querySelector(arguments[0]).scrollIntoView()", selector)
    height = min(max_height, d.execute_script("return document.documentElement.scrollHeight"))
    d.set_window_size(1400, height)
    d.save_screenshot(str(path))
    print(f"{path}  <- {url}")


def main(base: str = "http://127.0.0.1:8000", out: str = "docs/img") -> int:
    out_dir = Path(out)
    out_dir.mkdir(parents=True, exist_ok=True)
    api = httpx.Client(base_url=base, timeout=30)
    seed = api.get("/v1/articles", params={"source": "seed", "limit": 1}).json()["items"]
    if not seed:
        print("no article from source 'seed' in this store (make run ingests it)", file=sys.stderr)
        return 1
    doc = api.get(f"/v1/articles/{seed[0]['id']}").json()
    with tempfile.TemporaryDirectory() as profile:
        d = driver(profile)
        try:
            shoot(d, f"{base}/articles/{doc['id']}", out_dir / "reader-article.png", max_height=1500)
            # the person the corpus reports most: a timeline with a shape, and quotes
            found = api.get("/v1/entities", params={"type": "PER", "limit": 1}).json()["items"]
            if found:
                shoot(d, f"{base}/entities/{found[0]['id']}", out_dir / "reader-entity.png", max_height=1300)
            figs = api.get("/v1/figures", params={"category": "killed"}).json()
            category = "killed" if figs.get("series") else ""
            shoot(d, f"{base}/figures?category={category}", out_dir / "reader-figures.png", max_height=1100)
        finally:
            d.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
