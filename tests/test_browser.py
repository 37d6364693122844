"""The view as a person sees it: graph.html opened in headless Chromium with networking off.

Chromium is driven over the DevTools protocol through a pipe (``--remote-debugging-pipe``:
no port, no websocket library, no download). Checked: the canvas is drawn, the vis.js
network holds the expected nodes and edges, nothing is logged as an error, nothing is
fetched from the network, and no script hidden in an article runs, not even after every
node's and edge's tooltip has been shown.

Skips with a reason where Chromium is not installed (``apt-get install chromium``).
Set ``GEOKG_SCREENSHOT_DIR=output`` to keep a screenshot of the views.
"""

from __future__ import annotations

import base64
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from kg.views.html import write_view  # noqa: E402
from tests.fixtures.view_graph import (  # noqa: E402
    EXPECTED_EDGES, EXPECTED_EDGES_WITH_NEGATED, EXPECTED_NODES, random_graph, view_graph,
)

pytestmark = pytest.mark.browser


def _chromium() -> str | None:
    for candidate in (os.environ.get("GEOKG_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


CHROMIUM = _chromium()
if CHROMIUM is None:
    pytest.skip("chromium is not installed (Debian: apt-get install chromium); the browser test needs it",
                allow_module_level=True)


class Chromium:
    """Headless Chromium spoken to over the DevTools protocol on fds 3 and 4."""

    def __init__(self, binary: str, profile: str) -> None:
        cmd_r, self._cmd_w = os.pipe()
        self._resp_r, resp_w = os.pipe()

        def wire_fds() -> None:  # runs in the child before exec
            hi_cmd, hi_resp = os.dup(cmd_r), os.dup(resp_w)
            os.dup2(hi_cmd, 3)
            os.dup2(hi_resp, 4)

        flags = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-extensions", "--disable-default-apps", "--mute-audio", "--hide-scrollbars",
            "--metrics-recording-only", "--disable-breakpad", "--disable-dev-shm-usage",
            f"--user-data-dir={profile}", "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--window-size=1400,900",
            "--remote-debugging-pipe", "about:blank",
        ]
        self.proc = subprocess.Popen([binary, *flags], pass_fds=(3, 4), preexec_fn=wire_fds,
                                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        os.close(cmd_r)
        os.close(resp_w)
        self._next = 0
        self._replies: dict[int, dict] = {}
        self._events: queue.Queue = queue.Queue()
        self._cond = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.session = None

    def _read(self) -> None:
        buf = b""
        while True:
            try:
                chunk = os.read(self._resp_r, 1 << 16)
            except OSError:
                chunk = b""
            if not chunk:
                with self._cond:
                    self._cond.notify_all()
                return
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                msg = json.loads(raw)
                if "id" in msg:
                    with self._cond:
                        self._replies[msg["id"]] = msg
                        self._cond.notify_all()
                else:
                    self._events.put(msg)

    def send(self, method: str, params: dict | None = None, *, session: bool = True, timeout: float = 30) -> dict:
        self._next += 1
        msg = {"id": self._next, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self._cmd_w, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._next not in self._replies:
                left = deadline - time.monotonic()
                if left <= 0 or self.proc.poll() is not None:
                    raise TimeoutError(f"no reply to {method}")
                self._cond.wait(left)
            reply = self._replies.pop(self._next)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def events(self) -> list[dict]:
        out = []
        while True:
            try:
                out.append(self._events.get_nowait())
            except queue.Empty:
                return out

    def wait_event(self, method: str, timeout: float = 20) -> dict:
        deadline = time.monotonic() + timeout
        seen = []
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"no {method} event")
                msg = self._events.get(timeout=left)
                seen.append(msg)
                if msg.get("method") == method:
                    return msg
        finally:
            for msg in seen:  # keep everything for the error checks
                self._log.append(msg)

    def open_page(self) -> None:
        self._log: list[dict] = []
        self.target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": self.target, "flatten": True},
                                 session=False)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.send(f"{domain}.enable")
        # Anything that would pop a dialog records itself instead of blocking the page.
        self.send("Page.addScriptToEvaluateOnNewDocument", {"source": (
            "window.__dialogs = [];"
            "window.alert = window.confirm = window.prompt = function (m) {"
            " window.__dialogs.push(String(m)); window.__pwned = window.__pwned || ('dialog:' + m); };")})

    def navigate(self, url: str, timeout: float = 30) -> float:
        self.events()
        start = time.monotonic()
        self.send("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired", timeout=timeout)
        return time.monotonic() - start

    def evaluate(self, expression: str, timeout: float = 30):
        result = self.send("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                "returnByValue": True, "timeout": int(timeout * 1000)},
                           timeout=timeout + 5)
        if "exceptionDetails" in result:
            raise AssertionError(f"page script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def log(self) -> list[dict]:
        self._log.extend(self.events())
        return self._log

    def screenshot(self, path: Path) -> None:
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self) -> None:
        try:
            self.send("Browser.close", session=False, timeout=5)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        for fd in (self._cmd_w, self._resp_r):
            try:
                os.close(fd)
            except OSError:
                pass


def problems(log: list[dict]) -> list[str]:
    """Console errors, uncaught exceptions, CSP violations and any request off the file system."""
    out = []
    for msg in log:
        method, params = msg.get("method"), msg.get("params", {})
        if method == "Runtime.exceptionThrown":
            out.append(f"exception: {params['exceptionDetails'].get('exception', {}).get('description') or params['exceptionDetails'].get('text')}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            out.append("console.error: " + " ".join(str(a.get("value", a.get("description"))) for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            out.append(f"log: {params['entry'].get('text')} {params['entry'].get('url', '')}")
        elif method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if not url.startswith(("file:", "data:", "about:")):
                out.append(f"network request: {url}")
        elif method == "Page.javascriptDialogOpening":
            out.append(f"dialog: {params.get('message')}")
    return out


WAIT_DRAWN = """
new Promise(function (resolve, reject) {
  var t0 = performance.now();
  (function poll() {
    var s = window.geokg;
    if (s && s.drawn && s.settled) { return resolve(performance.now() - t0); }
    if (performance.now() - t0 > %d) { return reject(new Error('view not drawn/settled: ' + JSON.stringify(s && {drawn: s.drawn, settled: s.settled}))); }
    setTimeout(poll, 25);
  })();
})
"""

PROBE = """
(function () {
  var s = window.geokg, net = s.network;
  var canvas = document.querySelector('#network canvas');
  var ctx = canvas.getContext('2d');
  var img = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  var painted = 0;
  for (var i = 3; i < img.length; i += 16) { if (img[i] > 0) { painted++; } }
  var legend = document.getElementById('legend');
  var notes = Array.prototype.map.call(document.querySelectorAll('.note'), function (p) { return p.textContent; });
  return {
    canvas: [canvas.width, canvas.height], painted: painted,
    nodes: s.nodes.length, edges: s.edges.length,
    drawnNodes: net.body.nodeIndices.length, drawnEdges: net.body.edgeIndices.length,
    expected: s.expected, legend: legend ? legend.innerText : '', notes: notes,
    relationBoxes: document.querySelectorAll('input[data-relation]').length,
    dir: document.documentElement.dir, title: document.title
  };
})()
"""

# Show every node's and every edge's tooltip: first through vis's own hover path (hit-test
# at the item's position on screen), then by handing each title to vis's popup directly.
SHOW_ALL_TOOLTIPS = """
new Promise(function (resolve) {
  var net = window.geokg.network, ih = net.interactionHandler, body = net.body;
  var hovered = 0, shown = 0, texts = [];
  function hover(p) {
    ih.popupObj = undefined;
    ih._checkShowPopup(p);
    if (ih.popup && ih.popup.frame.textContent) { hovered++; }
  }
  body.nodeIndices.forEach(function (id) { hover(net.canvasToDOM(net.getPosition(id))); });
  body.edgeIndices.forEach(function (id) {
    var e = body.edges[id];
    if (e.connected) { hover(net.canvasToDOM(e.edgeType.getPoint(0.5))); }
  });
  var items = body.nodeIndices.map(function (id) { return body.nodes[id]; })
    .concat(body.edgeIndices.map(function (id) { return body.edges[id]; }));
  items.forEach(function (item) {
    var title = item.getTitle();
    if (title === undefined) { return; }
    ih.popupObj = item;
    ih.popup.setText(title);
    ih.popup.show();
    texts.push(ih.popup.frame.textContent);
    shown++;
  });
  // give an injected <img onerror> time to fail loading and fire
  setTimeout(function () {
    resolve({hovered: hovered, shown: shown, items: items.length, texts: texts,
             pwned: window.__pwned === undefined ? null : String(window.__pwned),
             dialogs: window.__dialogs, imgs: document.querySelectorAll('.vis-tooltip img, .vis-tooltip script').length});
  }, 400);
})
"""

# The detector must be able to see an XSS when there is one: inject the same payload as HTML.
CANARY = """
new Promise(function (resolve) {
  var div = document.createElement('div');
  div.innerHTML = '<img src=x onerror="window.__canary=1">';
  document.body.appendChild(div);
  setTimeout(function () { resolve(window.__canary === 1); }, 400);
})
"""


@pytest.fixture(scope="module")
def browser():
    profile = tempfile.mkdtemp(prefix="geokg-chromium-")
    chrome = Chromium(CHROMIUM, profile)
    try:
        chrome.send("Browser.getVersion", session=False, timeout=30)
    except Exception as err:  # installed but broken: that is a failure, not a skip
        chrome.close()
        shutil.rmtree(profile, ignore_errors=True)
        pytest.fail(f"chromium at {CHROMIUM} does not answer over --remote-debugging-pipe: {err}")
    yield chrome
    chrome.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser):
    browser.open_page()
    yield browser
    try:
        browser.send("Target.closeTarget", {"targetId": browser.target}, session=False, timeout=5)
    except Exception:
        pass
    browser.session = None


def _shot(page: Chromium, name: str, tmp_path: Path) -> Path:
    target = Path(os.environ.get("GEOKG_SCREENSHOT_DIR") or tmp_path)
    target.mkdir(parents=True, exist_ok=True)
    path = target / name
    page.screenshot(path)
    return path


def test_view_renders_offline_with_expected_counts(page, tmp_path):
    out = write_view(view_graph(), tmp_path / "graph.html", lang="ar")
    page.navigate(out.as_uri())
    page.evaluate(WAIT_DRAWN % 15000, timeout=20)
    probe = page.evaluate(PROBE)
    assert probe["nodes"] == probe["drawnNodes"] == EXPECTED_NODES
    assert probe["edges"] == probe["drawnEdges"] == EXPECTED_EDGES
    assert probe["canvas"][0] > 300 and probe["canvas"][1] > 200
    assert probe["painted"] > 500, "the canvas is blank"
    assert probe["dir"] == "rtl"
    assert probe["relationBoxes"] >= 5
    assert "روسيا" not in probe["legend"]  # actors are on the canvas, the legend lists classes
    assert problems(page.log()) == []
    shot = _shot(page, "view-fixture-ar.png", tmp_path)
    assert shot.stat().st_size > 10_000


def test_negated_claims_show_when_asked(page, tmp_path):
    out = write_view(view_graph(), tmp_path / "negated.html", show_negated=True, color_by="community")
    page.navigate(out.as_uri())
    page.evaluate(WAIT_DRAWN % 15000, timeout=20)
    probe = page.evaluate(PROBE)
    assert probe["nodes"] == EXPECTED_NODES
    assert probe["edges"] == EXPECTED_EDGES_WITH_NEGATED
    assert problems(page.log()) == []


@pytest.mark.parametrize("csp", [True, False], ids=["as-shipped", "without-csp"])
def test_no_script_from_articles_runs(page, tmp_path, csp):
    """Also with the page's Content Security Policy removed: escaping alone must hold."""
    out = write_view(view_graph(), tmp_path / "graph.html", show_negated=True)
    if not csp:
        text = out.read_text(encoding="utf-8")
        start = text.index('<meta http-equiv="Content-Security-Policy"')
        text = text[:start] + text[text.index(">", start) + 1:]
        out.write_text(text, encoding="utf-8")
    page.navigate(out.as_uri())
    page.evaluate(WAIT_DRAWN % 15000, timeout=20)
    result = page.evaluate(SHOW_ALL_TOOLTIPS)
    assert result["shown"] == result["items"] == EXPECTED_NODES + EXPECTED_EDGES_WITH_NEGATED
    assert result["hovered"] >= EXPECTED_NODES  # vis's own hover path found them too
    joined = "\n".join(result["texts"])
    assert '<img src=x onerror="window.__pwned=1;alert(1)">' in joined  # shown as text
    assert "<script>window.__pwned=2;alert(2)</script>" in joined
    assert "Leak <script>" in joined  # the article title, as text
    assert result["pwned"] is None and result["dialogs"] == []
    assert result["imgs"] == 0
    assert page.evaluate("window.__pwned === undefined")
    assert problems(page.log()) == []
    if not csp:  # the detector sees an XSS when there is one
        assert page.evaluate(CANARY) is True


def test_big_graph_is_pruned_and_opens_fast(page, tmp_path):
    g = random_graph(2000)
    out = write_view(g, tmp_path / "big.html")
    page.navigate(out.as_uri())
    elapsed = page.evaluate(WAIT_DRAWN % 10000, timeout=15)
    probe = page.evaluate(PROBE)
    assert probe["nodes"] == probe["drawnNodes"] == 400
    assert any("400" in n and "2,000" in n for n in probe["notes"]), probe["notes"]
    assert probe["painted"] > 500
    assert elapsed < 5000
    assert problems(page.log()) == []

    # the whole 2,000-actor graph, unpruned, still opens and settles in a few seconds
    out = write_view(g, tmp_path / "all.html", max_nodes=2000)
    load = page.navigate(out.as_uri())
    elapsed = page.evaluate(WAIT_DRAWN % 10000, timeout=15)
    probe = page.evaluate(PROBE)
    assert probe["nodes"] == 2000
    assert load + elapsed / 1000 < 8, (load, elapsed)
    assert problems(page.log()) == []
    _shot(page, "view-2000.png", tmp_path)


LEGEND_OVERLAP = """
(function () {
  var net = window.geokg.network, body = net.body;
  var legend = document.getElementById('legend').getBoundingClientRect();
  var stage = document.getElementById('network').getBoundingClientRect();
  var covered = [], outside = [];
  body.nodeIndices.forEach(function (id) {
    var p = net.canvasToDOM(net.getPosition(id));
    var x = stage.left + p.x, y = stage.top + p.y;
    if (x >= legend.left && x <= legend.right && y >= legend.top && y <= legend.bottom) { covered.push(id); }
    if (x < stage.left || x > stage.right || y < stage.top || y > stage.bottom) { outside.push(id); }
  });
  return {covered: covered, outside: outside, legend: [legend.left, legend.top, legend.width, legend.height],
          stage: [stage.left, stage.top, stage.width, stage.height]};
})()
"""


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_legend_covers_no_node_at_1280x800(page, tmp_path, lang):
    """At a laptop's 1280×800 the legend sits beside the network: no node under it, none cut off."""
    page.send("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 800, "deviceScaleFactor": 1,
                                                     "mobile": False})
    out = write_view(view_graph(), tmp_path / f"legend-{lang}.html", lang=lang, show_negated=True)
    page.navigate(out.as_uri())
    page.evaluate(WAIT_DRAWN % 15000, timeout=20)
    result = page.evaluate(LEGEND_OVERLAP)
    assert result["legend"][2] > 100 and result["stage"][2] > 700, result
    (lx, ly, lw, lh), (sx, sy, sw, sh) = result["legend"], result["stage"]
    apart = lx >= sx + sw - 0.5 or lx + lw <= sx + 0.5 or ly >= sy + sh - 0.5 or ly + lh <= sy + 0.5
    assert apart, f"the legend lies over the drawing area: {result}"  # whatever the layout does
    assert result["covered"] == [] and result["outside"] == [], result
    assert problems(page.log()) == []
    _shot(page, f"view-1280-{lang}.png", tmp_path)
