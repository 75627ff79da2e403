#!/usr/bin/env python3
"""Save-to-reload latency of `campaign serve`: time from a file write to the SSE message.

Copies a site (default: the bundled site at the repository root) into a temporary folder,
optionally adds generated pages, starts `campaign serve` on a free port, opens N event
streams (N browser tabs), then edits a Markdown page E times and measures, for each edit,
the time from the start of the write to the `reload` event on every stream. Each edit is
checked over HTTP afterwards (the new text must be served).

    cargo build --release
    python3 bench/serve-latency.py                      # bundled site, 25 edits
    python3 bench/serve-latency.py --pages 1000         # plus 1,000 generated pages
    python3 bench/serve-latency.py --listeners 200      # 200 open tabs
    python3 bench/serve-latency.py --churn 15           # edit non-stop for 15 s (run wrk meanwhile)

Standard library only.
"""

import argparse
import os
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
SITE_PARTS = ["site.yaml", "content", "static", "templates", "themes", "locales"]


def copy_site(root, dest):
    for part in SITE_PARTS:
        src = os.path.join(root, part)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(dest, part))
        elif os.path.isfile(src):
            shutil.copy2(src, os.path.join(dest, part))


def add_pages(site, count):
    """`count` pages in all, half Georgian and half English, in content/bench/."""
    folder = os.path.join(site, "content", "bench")
    os.makedirs(folder, exist_ok=True)
    for lang, title in (("ka", "გვერდი"), ("en", "Page")):
        with open(os.path.join(folder, f"_index.{lang}.md"), "w", encoding="utf-8") as f:
            f.write(f"---\ntitle: {title}\ndescription: {title}\n---\n\n{title}\n")
    para = "Lorem ipsum dolor sit amet, **consectetur** adipiscing elit. " * 6
    for i in range(count // 2):
        for lang, title in (("ka", "გვერდი"), ("en", "Page")):
            path = os.path.join(folder, f"page-{i:04}.{lang}.md")
            with open(path, "w", encoding="utf-8") as f:
                f.write(
                    f"---\ntitle: {title} {i}\ndescription: {title} {i}\n---\n\n"
                    f"## {title} {i}\n\n{para}\n\n- one\n- two\n\n[home](/)\n"
                )


def start_server(binary, site, on_address=None):
    """Start `campaign serve`; (process, port, output lines, seconds until it printed its
    address, seconds until its first build was done, start time). A large site prints its
    address before the build is done (pages are then rendered as they are asked for); the
    build's own line comes after it."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [binary, "serve", "--root", site, "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines = queue.Queue()
    port = None
    built = None
    deadline = time.time() + 120
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        if re.search(r"Built \d+ pages|could not be built", line):
            built = time.perf_counter() - t0
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if m:
            port = int(m.group(1))
            ready = time.perf_counter() - t0
            break
    if port is None:
        proc.kill()
        sys.exit("campaign serve did not start")

    def drain():
        for line in proc.stdout:
            lines.put(line.rstrip("\n"))

    threading.Thread(target=drain, daemon=True).start()
    if on_address:
        on_address(port, t0)
    if built is None:
        # Taken off the queue, so that it is not counted as a rebuild.
        while True:
            line = lines.get(timeout=900)
            if re.search(r"Built \d+ pages|could not be built", line):
                built = time.perf_counter() - t0
                break
    return proc, port, lines, ready, built, t0


def peak_rss_mb(pid):
    """The process's peak resident memory so far (VmHWM), in MB."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


class Stream:
    """One SSE connection; events land in a queue as (time, name, data)."""

    def __init__(self, port):
        self.events = queue.Queue()
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(b"GET /__campaign/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        buf = b""
        name = None
        while True:
            try:
                chunk = self.sock.recv(65536)
            except OSError:
                return
            if not chunk:
                return
            now = time.perf_counter()
            buf += chunk
            # Chunk framing and SSE framing are both line based; event/data lines are enough.
            *done, buf = buf.split(b"\n")
            for raw in done:
                line = raw.decode("utf-8", "replace").rstrip("\r")
                if line.startswith("event:"):
                    name = line[6:].strip()
                elif line.startswith("data:") and name:
                    self.events.put((now, name, line[5:].strip()))
                    name = None

    def expect(self, name, timeout=30):
        deadline = time.time() + timeout
        while True:
            left = deadline - time.time()
            if left <= 0:
                raise TimeoutError(f"no `{name}` event")
            t, n, data = self.events.get(timeout=left)
            if n == name:
                return t, data


def get(port, path):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as r:
        return r.read().decode("utf-8", "replace")


def start_server_and_first_page(args, site):
    """[`start_server`], and the edited page asked for as soon as the address is out: the
    time until it came back is printed (while the first build may still be running)."""
    got = {}

    def first_page(port, t0):
        t = time.perf_counter()
        get(port, args.url)
        got["page"] = (time.perf_counter() - t0, time.perf_counter() - t)

    proc, port, log, ready, built, t0 = start_server(args.binary, site, first_page)
    if "page" in got:
        at, took = got["page"]
        print(f"first page ({args.url}) served {at:.2f} s after the start (request {took * 1000:.0f} ms)")
    return proc, port, log, ready, built, t0


def percentile(values, p):
    values = sorted(values)
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", default=REPO, help="the site to copy (default: the bundled site)")
    ap.add_argument("--binary", default=os.path.join(
        os.environ.get("CARGO_TARGET_DIR", os.path.join(REPO, "target")), "release", "campaign"))
    ap.add_argument("--page", default="content/about.en.md", help="the page to edit")
    ap.add_argument("--url", default="/en/about/", help="its address")
    ap.add_argument("--edits", type=int, default=25)
    ap.add_argument("--pages", type=int, default=0, help="add this many generated pages")
    ap.add_argument("--listeners", type=int, default=1, help="open event streams (tabs)")
    ap.add_argument("--atomic", action="store_true", help="save by write-temp-then-rename")
    ap.add_argument("--churn", type=float, default=0,
                    help="instead: edit non-stop for this many seconds, print rebuilds/s")
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="campaign-latency-")
    site = os.path.join(tmp, "site")
    os.makedirs(site)
    copy_site(args.root, site)
    if args.pages:
        add_pages(site, args.pages)
    proc, port, log, ready, built, t0 = start_server_and_first_page(args, site)
    print(f"ready (address printed, pages served) in {ready:.2f} s")
    print(f"first build done in {built:.2f} s")
    try:
        streams = [Stream(port) for _ in range(args.listeners)]
        for s in streams:
            s.expect("hello")
        page = os.path.join(site, args.page)
        with open(page, encoding="utf-8") as f:
            original = f.read()
        print(f"serving {args.root} (+{args.pages} pages) on port {port}; "
              f"{args.listeners} stream(s); editing {args.page}")

        def save(text):
            if args.atomic:
                tmp_path = page + ".tmp"
                with open(tmp_path, "w", encoding="utf-8") as f:
                    f.write(text)
                os.replace(tmp_path, page)
            else:
                with open(page, "w", encoding="utf-8") as f:
                    f.write(text)

        if args.churn:
            end, n = time.time() + args.churn, 0
            while time.time() < end:
                n += 1
                save(original + f"\n\nchurn {n}\n")
                streams[0].expect("reload")
            print(f"{n} edits → {n} rebuilds in {args.churn:.0f} s ({n / args.churn:.1f}/s)")
            return

        first, last = [], []
        for i in range(args.edits):
            marker = f"LATENCY-MARKER-{i}"
            t0 = time.perf_counter()
            save(original + f"\n\n{marker}\n")
            times = [s.expect("reload")[0] for s in streams]
            first.append((min(times) - t0) * 1000)
            last.append((max(times) - t0) * 1000)
            if marker not in get(port, args.url):
                sys.exit(f"edit {i}: the new text is not served")
            time.sleep(0.15)  # longer than the debounce cap: one edit per rebuild
        builds = [int(m.group(1)) for line in list(log.queue)
                  if (m := re.search(r"in (\d+) ms", line))]
        print(f"edits: {args.edits}")
        print(f"write → reload (first stream): median {statistics.median(first):.1f} ms, "
              f"p90 {percentile(first, 90):.1f}, min {min(first):.1f}, max {max(first):.1f}")
        if args.listeners > 1:
            print(f"write → reload (all {args.listeners} streams): median "
                  f"{statistics.median(last):.1f} ms, p90 {percentile(last, 90):.1f}, "
                  f"max {max(last):.1f}")
        if builds:
            print(f"rebuild time reported by the server: median {statistics.median(builds)} ms")
        print(f"peak memory of the server: {peak_rss_mb(proc.pid):.0f} MB")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
