"""Load test of the HTTP API on loopback: N concurrent clients for S seconds against a real
`khabar serve` over a fresh store. A quarter of the clients search (GET /v1/articles?q=), a
quarter ingest (POST /v1/articles, each article new), half extract (POST /v1/extract).

Prints throughput, latency percentiles and errors per endpoint; exits non-zero on any error.
Baseline in the same run: the pipeline alone on the same texts, in this process (median of 5).
Settings: BENCH_API_CLIENTS (50), BENCH_API_SECONDS (30), BENCH_API_WORKERS (server processes, 1).
Usage: python benchmarks/run.py api
"""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "ant-sample.jsonl.gz"
QUERIES = ["غزة", "ترامب", "السعودية", "الانتخابات", "سوريا", "النفط", "الأمم المتحدة", "إيران"]


def _texts(n: int) -> list[dict]:
    out = []
    with gzip.open(EXAMPLES, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("text"):
                out.append({"text": row["text"], "date": (row.get("date") or "")[:10] or None, "source": row.get("source"), "title": row.get("title")})
            if len(out) >= n:
                break
    return out


def _pct(xs: list[float], p: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def baseline(texts: list[dict]) -> float:
    """Articles per second through the pipeline alone, one thread, median of 5 runs."""
    import khabar

    sample = texts[:40]
    khabar.extract(sample[0]["text"])  # load models outside the timing
    rates = []
    for _ in range(5):
        t0 = time.perf_counter()
        for t in sample:
            khabar.extract(t["text"], reference_date=t["date"])
        rates.append(len(sample) / (time.perf_counter() - t0))
    return statistics.median(rates)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def _load(base: str, texts: list[dict], clients: int, seconds: float) -> tuple[dict, float]:
    import httpx

    lat: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, Counter] = defaultdict(Counter)
    counter = iter(range(10**9))
    stop = time.perf_counter() + seconds

    async def client(i: int, http: httpx.AsyncClient):
        j = i
        while time.perf_counter() < stop:
            j += clients
            t = texts[j % len(texts)]
            kind = i % 4
            if kind == 3:
                name, req = "GET /v1/articles", http.build_request("GET", "/v1/articles", params={"q": QUERIES[j % len(QUERIES)], "limit": 10})
            elif kind == 2:
                n = next(counter)
                # a new article each time: the store refuses nothing, every request writes
                body = {**t, "text": t["text"] + f"\n\n({n})", "title": f"{t['title'] or ''} #{n}"}
                name, req = "POST /v1/articles", http.build_request("POST", "/v1/articles", json=body)
            else:
                name, req = "POST /v1/extract", http.build_request("POST", "/v1/extract", json={"text": t["text"], "reference_date": t["date"]})
            t0 = time.perf_counter()
            try:
                r = await http.send(req)
                await r.aread()
                ok = 200 <= r.status_code < 300
                if not ok:
                    errors[name][f"HTTP {r.status_code}"] += 1
            except httpx.HTTPError as exc:
                ok = False
                errors[name][type(exc).__name__] += 1
            if ok:
                lat[name].append(time.perf_counter() - t0)

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as http:
        t0 = time.perf_counter()
        await asyncio.gather(*(client(i, http) for i in range(clients)))
        wall = time.perf_counter() - t0
    return {"latency": lat, "errors": errors}, wall


def main() -> int:
    clients = int(os.environ.get("BENCH_API_CLIENTS", 50))
    seconds = float(os.environ.get("BENCH_API_SECONDS", 30))
    workers = int(os.environ.get("BENCH_API_WORKERS", 1))
    texts = _texts(300)
    base_rate = baseline(texts)
    with tempfile.TemporaryDirectory() as tmp:
        port = _free_port()
        db = str(Path(tmp) / "bench.db")
        seed = Path(tmp) / "seed.jsonl"
        seed.write_text("".join(json.dumps(t, ensure_ascii=False) + "\n" for t in texts[:100]), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "khabar", "ingest", str(seed), "--db", db, "--quiet", "--no-analyse"], check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        log = open(Path(tmp) / "serve.log", "wb")
        cmd = [sys.executable, "-m", "khabar", "serve", "--db", db, "--port", str(port), "--workers", str(workers)]
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
        try:
            import httpx

            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/v1/health", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if proc.poll() is not None or time.monotonic() > deadline:
                    print((Path(tmp) / "serve.log").read_text(errors="replace"))
                    return 1
                time.sleep(0.2)
            result, wall = asyncio.run(_load(f"http://127.0.0.1:{port}", texts[100:], clients, seconds))
            if any(result["errors"].values()):
                proc.terminate()
                proc.wait(timeout=15)
                print("server log (tail):\n" + (Path(tmp) / "serve.log").read_text(errors="replace")[-6000:])
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
            log.close()
    lat, errors = result["latency"], result["errors"]
    total_ok = sum(len(v) for v in lat.values())
    total_err = sum(sum(c.values()) for c in errors.values())
    print(f"{clients} clients, {wall:.1f} s on loopback, {workers} server process(es); baseline: pipeline alone {base_rate:.1f} articles/s (one thread, median of 5)")
    print(f"{'endpoint':<20} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'errors':>6}")
    for name in sorted(set(lat) | set(errors)):
        xs = lat.get(name, [])
        ne = sum(errors[name].values()) if name in errors else 0
        print(f"{name:<20} {len(xs):>8} {len(xs) / wall:>7.1f} {_pct(xs, 50) * 1000:>8.0f} {_pct(xs, 95) * 1000:>8.0f} {_pct(xs, 99) * 1000:>8.0f} {max(xs, default=float('nan')) * 1000:>8.0f} {ne:>6}")
    every = [x for xs in lat.values() for x in xs]
    print(f"{'all':<20} {total_ok:>8} {total_ok / wall:>7.1f} {_pct(every, 50) * 1000:>8.0f} {_pct(every, 95) * 1000:>8.0f} {_pct(every, 99) * 1000:>8.0f} {max(every, default=float('nan')) * 1000:>8.0f} {total_err:>6}")
    for name, c in errors.items():
        print(f"  errors {name}: {dict(c)}")
    return 1 if total_err or not total_ok else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
