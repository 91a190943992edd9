#!/usr/bin/env python3
"""Renders write-html's sample page in headless Chromium and checks its DOM.

The driver (write-html-page) writes the page and a JSON file of what the
page must show, taken from its input documents. This script loads the page
in Chromium, takes the DOM after the page's script ran (--dump-dom), and
checks it against those expectations; on request it also takes a screenshot.

    check_dom.py --driver build/tests/write-html-page --workdir /tmp/html-check \
                 [--screenshot page.png]

Exits 77 (CTest's skip code here) when Chromium is not installed.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

SKIP = 77
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []  # Nodes and strings

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def ancestor(self, tag):
        p = self.parent
        while p is not None and p.tag != tag:
            p = p.parent
        return p

    def walk(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.walk()


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", [], None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_endtag(self, tag):
        node = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(chromium, page, extra):
    profile = tempfile.mkdtemp(prefix="nahr-chromium-")
    try:
        command = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   "--disable-background-networking", "--disable-component-update",
                   "--disable-sync", "--user-data-dir=" + profile] + extra + ["file://" + page]
        result = subprocess.run(command, capture_output=True, timeout=120)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if result.returncode != 0:
        sys.exit("chromium failed (%d):\n%s" % (result.returncode, result.stderr.decode(errors="replace")[-3000:]))
    return result.stdout.decode("utf-8")


class Checker:
    def __init__(self):
        self.failures = []

    def check(self, ok, message):
        if not ok:
            self.failures.append(message)

    def equal(self, actual, expected, what):
        self.check(actual == expected, "%s: expected %r, got %r" % (what, expected, actual))


def check_file(raw, c):
    """The file as written: nothing it references may come from elsewhere."""
    for m in re.finditer(r"""\b(src|href|action|poster|srcset)\s*=\s*["']?\s*([^"'\s>]*)""", raw, re.I):
        c.check(not re.match(r"(https?:)?//", m.group(2), re.I),
                "external reference %s=%s" % (m.group(1), m.group(2)))
    c.check(not re.search(r"https?://", raw), "the page names an http(s) URL")
    c.check(not re.search(r"<link\b|@import|url\(", raw, re.I), "the page loads a style sheet or asset")
    c.equal(len(re.findall(r"<script\b", raw)), 1, "script elements in the file")


def check_dom(root, expected, c):
    nodes = list(root.walk())
    body = next(n for n in nodes if n.tag == "body")
    c.equal(body.attrs.get("data-ready"), "1", "body data-ready (set by the page's script)")
    c.equal(len([n for n in nodes if n.tag == "script"]), 1, "script elements in the DOM")
    for n in nodes:
        for key in ("src", "href"):
            value = n.attrs.get(key) or ""
            c.check(not re.match(r"(https?:)?//", value), "external %s=%s in the DOM" % (key, value))

    ids = {}
    for n in nodes:
        if "id" in n.attrs:
            c.check(n.attrs["id"] not in ids, "duplicate id %s" % n.attrs["id"])
            ids[n.attrs["id"]] = n

    articles = [n for n in nodes if n.tag == "article" and "doc" in n.classes()]
    c.equal(len(articles), len(expected["documents"]), "number of documents")
    for article, doc in zip(articles, expected["documents"]):
        where = "document %s" % doc["id"]
        c.equal(article.attrs.get("data-id"), doc["id"], where + " data-id")
        c.equal(article.attrs.get("dir"), doc["dir"], where + " dir")
        c.equal(article.attrs.get("lang"), doc["lang"], where + " lang")
        inside = list(article.walk())
        text = [n for n in inside if "text" in n.classes()]
        c.equal(len(text), 1, where + " text blocks")
        if text:
            c.equal(text[0].text(), doc["text"], where + " text")

        # Every highlighted annotation, its pieces joined, in its type.
        shown = {}
        for n in inside:
            if "data-ann" in n.attrs:
                entry = shown.setdefault(int(n.attrs["data-ann"]), {"type": set(), "text": ""})
                entry["type"].add(n.attrs.get("data-type"))
                entry["text"] += n.text()
                c.check("hl" in n.classes(), where + " annotation %s lacks class hl" % n.attrs["data-ann"])
        c.equal(sorted(shown), sorted(a["index"] for a in doc["annotations"]), where + " annotations shown")
        for a in doc["annotations"]:
            got = shown.get(a["index"])
            if got is None:
                continue
            c.equal(got["type"], {a["type"]}, where + " type of annotation %d" % a["index"])
            c.equal(got["text"], a["text"], where + " text of %s %d" % (a["type"], a["index"]))
            if a["type"] != "quote":
                continue
            # A quote's pieces all point at its speaker, whose element exists.
            pieces = [n for n in inside if n.attrs.get("data-ann") == str(a["index"])]
            targets = {n.attrs.get("data-speaker-id") for n in pieces}
            c.equal(len(targets), 1, where + " speaker targets of quote %d" % a["index"])
            target = targets.pop()
            links = [n for n in pieces if n.tag == "a"]
            c.check(all(n.attrs.get("href") == "#" + target for n in links),
                    where + " quote %d links elsewhere than #%s" % (a["index"], target))
            if not any(n.ancestor("a") for n in pieces):
                c.check(links, where + " quote %d is not a link" % a["index"])
            speaker = ids.get(target)
            c.check(speaker is not None and "spk" in speaker.classes(),
                    where + " quote %d: no speaker element #%s" % (a["index"], target))
            spoken = "".join(n.text() for n in inside
                             if "spk" in n.classes() and n.attrs.get("data-speaker-id") == target)
            c.equal(spoken, a["speaker"], where + " speaker of quote %d" % a["index"])

    legend = ids.get("legend")
    c.check(legend is not None, "no legend")
    if legend is not None:
        counts = {n.attrs.get("data-type"): n.text() for n in legend.walk() if "count" in n.classes()}
        c.equal(counts, {k: str(v) for k, v in expected["counts"].items()}, "legend counts")
        boxes = [n for n in legend.walk() if n.tag == "input" and n.attrs.get("type") == "checkbox"]
        c.equal(len(boxes), len(expected["counts"]), "legend checkboxes")

    toc = ids.get("toc")
    c.check(toc is not None, "no table of contents")
    if toc is not None:
        hrefs = [n.attrs.get("href") for n in toc.walk() if n.tag == "a"]
        c.equal(hrefs, ["#" + a.attrs["id"] for a in articles], "table of contents links")


# Appended to a copy of the page: drives the page's script as a reader would
# and records what happened on <body>, where --dump-dom shows it.
PROBE = """<script>
(function () {
  var seen = [];
  function background(e) { return getComputedStyle(e).backgroundColor; }
  var box = document.querySelector('#legend input[data-type="entity"]');
  var entity = document.querySelector('.text .hl[data-type="entity"]');
  var before = background(entity);
  box.checked = false;
  box.dispatchEvent(new Event('change'));
  seen.push(background(entity) !== before && background(entity) === 'rgba(0, 0, 0, 0)' ? 'hidden' : 'not-hidden');
  box.checked = true;
  box.dispatchEvent(new Event('change'));
  seen.push(background(entity) === before ? 'shown' : 'not-shown');
  var quote = document.querySelector('a.q');
  var speaker = document.getElementById(quote.getAttribute('href').slice(1));
  quote.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
  seen.push(speaker.classList.contains('lit') ? 'lit' : 'not-lit');
  quote.dispatchEvent(new MouseEvent('mouseout', {bubbles: true}));
  seen.push(speaker.classList.contains('lit') ? 'still-lit' : 'unlit');
  seen.push(getComputedStyle(document.querySelector('article.doc')).direction);
  var legend = document.getElementById('legend').getBoundingClientRect();
  var main = document.getElementById('documents').getBoundingClientRect();
  seen.push(legend.bottom <= main.top ? 'legend-above' : 'legend-below');
  seen.push(getComputedStyle(box).display === 'none' ? 'box-hidden' : 'box-shown');
  document.body.setAttribute('data-probe', seen.join(' '));
})();
</script>
"""
PROBE_EXPECTED = "hidden shown lit unlit rtl legend-above box-shown"


def check_interaction(chromium, page, c):
    probe_page = page.replace(".html", ".probe.html")
    with open(page, encoding="utf-8") as f:
        html = f.read()
    with open(probe_page, "w", encoding="utf-8") as f:
        f.write(html.replace("</body>", PROBE + "</body>"))
    builder = TreeBuilder()
    builder.feed(run_chromium(chromium, probe_page, ["--dump-dom"]))
    body = next(n for n in builder.root.walk() if n.tag == "body")
    c.equal(body.attrs.get("data-probe"), PROBE_EXPECTED, "the page's behaviour in the browser")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--driver", required=True, help="the write-html-page executable")
    parser.add_argument("--workdir", required=True, help="where to write the page")
    parser.add_argument("--screenshot", help="also save a screenshot of the page here (PNG)")
    parser.add_argument("--window-size", default="1000,800", help="screenshot size, W,H")
    args = parser.parse_args()

    chromium = find_chromium()
    if chromium is None:
        print("SKIP: chromium is not installed (Debian: apt-get install chromium "
              "fonts-hosny-amiri); the page was not rendered")
        return SKIP

    os.makedirs(args.workdir, exist_ok=True)
    page = os.path.abspath(os.path.join(args.workdir, "page.html"))
    expected_path = os.path.join(args.workdir, "page.expected.json")
    subprocess.run([args.driver, page, expected_path], check=True)
    with open(expected_path, encoding="utf-8") as f:
        expected = json.load(f)
    with open(page, encoding="utf-8") as f:
        raw = f.read()

    c = Checker()
    check_file(raw, c)
    builder = TreeBuilder()
    builder.feed(run_chromium(chromium, page, ["--dump-dom"]))
    check_dom(builder.root, expected, c)
    check_interaction(chromium, page, c)

    if args.screenshot:
        shot = os.path.abspath(args.screenshot)
        run_chromium(chromium, page, ["--window-size=" + args.window_size, "--screenshot=" + shot])
        c.check(os.path.getsize(shot) > 0, "empty screenshot")
        print("screenshot:", shot)

    for failure in c.failures:
        print("FAIL:", failure)
    if c.failures:
        return 1
    print("ok: %d documents checked in %s" % (len(expected["documents"]), page))
    return 0


if __name__ == "__main__":
    sys.exit(main())
