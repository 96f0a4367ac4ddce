"""The app in a real browser: `streamlit run app.py`, driven by Playwright on the system Chromium.

No browser is ever downloaded: Chromium comes from CHROMIUM_PATH or the PATH (`.ci/run`
installs Debian's `chromium` when missing); without one the test is skipped, saying why.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from lexalign import settings

pytestmark = pytest.mark.browser

LAW = settings.REPO_ROOT / "corpora" / "ruritania_cma2023.txt"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    """The system Chromium: CHROMIUM_PATH if set, else `chromium` (or `chromium-browser`) on the PATH."""
    return os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, server: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"streamlit exited with {server.returncode}; see its log in the test's tmp_path")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"streamlit did not answer on {url} within {timeout:.0f} s")


@pytest.fixture
def app_url(tmp_path):
    """A fresh app server on a free localhost port, with its review store in tmp_path."""
    port = _free_port()
    env = {**os.environ, "LEXALIGN_DATA_DIR": str(tmp_path / "data")}
    command = [sys.executable, "-m", "streamlit", "run", str(settings.REPO_ROOT / "app.py"), "--server.port", str(port), "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false"]
    log = tmp_path / "streamlit.log"
    server = subprocess.Popen(command, cwd=settings.REPO_ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT)
    try:
        url = f"http://127.0.0.1:{port}"
        _wait_until_up(url, server)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


def test_upload_shows_status_grid(app_url, tmp_path):
    executable = chromium_path()
    if executable is None:
        pytest.skip("no Chromium found: set CHROMIUM_PATH or install Debian's chromium package (apt-get install chromium)")
    if not LAW.exists():
        pytest.skip(f"sample law {LAW.name} is missing from corpora/")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')")

    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 2600})
            page.goto(app_url)
            page.locator('input[type="file"]').set_input_files(str(LAW))
            started = time.monotonic()
            # The grid appears once the engine has analysed the upload.
            try:
                page.locator(".la-cell").first.wait_for(timeout=45_000)
            except sync_api.TimeoutError:
                page.screenshot(path=str(tmp_path / "failure.png"))
                shown = page.locator("[data-testid=stException], [data-testid=stAlert]").all_inner_texts()
                pytest.fail(f"no status grid after 45 s; the page shows: {shown}; screenshot and server log in {tmp_path}")
            print(f"upload to dashboard: {time.monotonic() - started:.1f} s for {LAW.name} (cold server)")
            statuses = page.locator(".la-cell").evaluate_all("cells => cells.map(c => c.dataset.status)")
            assert len(statuses) == 68
            assert set(statuses) <= {"covered", "partial", "absent", "not_assessed"}
            assert {"covered", "partial", "absent"} & set(statuses), "no assessed article has a status"
            assert page.get_by_text(LAW.name).count() > 0
            # Let the rest of the page (article view, review panel, exports) finish before the picture.
            page.get_by_text("Export the reviewed report").wait_for(timeout=30_000)
            page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
        finally:
            browser.close()
    assert (tmp_path / "dashboard.png").stat().st_size > 10_000
