#!/usr/bin/env python3
"""errcat's benchmark (`make bench`): compiler throughput against the floor
and against compile_et, protoc and gperf; lookups against gperf and com_err.
Every ratio printed is measured side by side in this run: trials of the
tools being compared alternate, and the median of each is used.

    bench.py [--sizes "1000 10000 ..."] [--lookup-sizes "10000 100000"] [--steps "docs_site ..."]

Environment (make passes them through; all optional):
  BENCH_SIZES         catalog sizes (default 1000 10000 100000 1000000)
  BENCH_LOOKUP_SIZES  sizes of the lookup benchmark (default: 10000 and
                      100000, when BENCH_SIZES has them)
  BENCH_STEPS         the steps to run, of throughput scaling translations
                      oneline gcc_c
                      lookup classify docs_site (default: all of them);
                      `BENCH_STEPS=docs_site BENCH_SIZES=100000` measures
                      the html site alone
  BENCH_TRIALS        trials per tool and size (default 5 up to 10,000
                      codes, 3 up to 100,000, then 1)
  BENCH_GPERF_MAX     largest size gperf is run at (default 10000: gperf's
                      search grows much faster than linearly, 30 s at 10,000
                      keys and tens of minutes at 100,000)
  BENCH_MAX_SECONDS   a tool whose run is estimated (from the smaller sizes)
                      to take longer than this is skipped (default 150)
  ERRCAT              the errcat binary (default build/errcat)
Scratch files go to build/bench/ (BENCH_DIR).
"""
import argparse
import hashlib
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
BDIR = os.path.abspath(os.environ.get("BENCH_DIR") or os.path.join(ROOT, "build", "bench"))
ERRCAT = os.path.abspath(os.environ.get("ERRCAT") or os.path.join(ROOT, "build", "errcat"))
CC = os.environ.get("BENCH_CC") or "gcc"
MIB = 1 << 20


def env_int(name, default):
    v = os.environ.get(name, "").strip()
    return int(v) if v else default


GPERF_MAX = env_int("BENCH_GPERF_MAX", 10000)
MAX_SECONDS = env_int("BENCH_MAX_SECONDS", 150)


def log(*a):
    print(*a, file=sys.stderr, flush=True)


# ---- running and measuring -------------------------------------------------

class Run:
    __slots__ = ("secs", "rss_kb", "rc", "cpu")

    def __init__(self, secs, rss_kb, rc, cpu=0.0):
        self.secs, self.rss_kb, self.rc, self.cpu = secs, rss_kb, rc, cpu


RUNRSS = os.path.join(BDIR, "runrss")


def run(cmd, cwd=None):
    """Runs cmd through runrss: wall time, peak RSS (of the command and the
    children it waited for), exit status and CPU seconds (all threads)."""
    rssfile = os.path.join(BDIR, "rss.txt")
    t0 = time.perf_counter()
    p = subprocess.run([RUNRSS, "-o", rssfile, *cmd], cwd=cwd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    secs = time.perf_counter() - t0
    rss, cpu = 0, 0.0
    try:
        with open(rssfile) as f:
            parts = f.read().split()
        os.unlink(rssfile)
        rss = int(parts[0]) if parts else 0
        cpu = float(parts[1]) if len(parts) > 1 else 0.0
    except (OSError, ValueError):
        pass
    if p.returncode != 0:
        log(f"bench: {' '.join(cmd)} exited {p.returncode}")
        log(p.stderr.decode(errors="replace")[-2000:])
    return Run(secs, rss, p.returncode, cpu)


def mem_available():
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 8 << 30


def sh(cmd, **kw):
    subprocess.run(cmd, check=True, **kw)


# ---- preparing ------------------------------------------------------------

def generate(sizes):
    gen = os.path.join(HERE, "gen_catalog.py")
    with open(gen, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()[:16]
    for n in sizes:
        d = os.path.join(BDIR, f"n{n}")
        stamp = os.path.join(d, ".stamp")
        if os.path.exists(stamp) and open(stamp).read() == digest:
            continue
        log(f"bench: generating the {n}-code catalog")
        shutil.rmtree(d, ignore_errors=True)
        sh([sys.executable, gen, BDIR, str(n)])
        with open(stamp, "w") as f:
            f.write(digest)


def build_helpers():
    """The floor program and runrss; returns the floor's path."""
    for name, libs in (("floor", ["-lyaml"]), ("runrss", [])):
        exe = os.path.join(BDIR, name)
        src = os.path.join(HERE, name + ".c")
        if not os.path.exists(exe) or os.path.getmtime(exe) < os.path.getmtime(src):
            sh([CC, "-O2", "-o", exe, src, *libs])
    return os.path.join(BDIR, "floor")


def catalog_bytes(n):
    with open(os.path.join(BDIR, f"n{n}", "files.txt")) as f:
        return sum(os.path.getsize(p.strip()) for p in f if p.strip())


def errcat_targets():
    out = subprocess.run([ERRCAT, "targets"], capture_output=True, text=True).stdout
    names = []
    for line in out.splitlines():
        if line and not line[0].isspace() and "only with -t" not in line:
            names.append(line.split()[0])
    return names


# ---- tools ------------------------------------------------------------------

class Tool:
    """A command run on a size folder; prepare() empties its output."""

    def __init__(self, key, label, cmd, outdir=None, errcat=False, max_n=None, why=""):
        self.key, self.label, self.cmd, self.outdir = key, label, cmd, outdir
        self.errcat, self.max_n, self.why = errcat, max_n, why

    def prepare(self, d):
        if self.outdir:
            o = os.path.join(d, self.outdir)
            if os.path.isdir(o):
                for root, dirs, _ in os.walk(o):  # compile_et makes its outputs read-only
                    for x in dirs:
                        os.chmod(os.path.join(root, x), 0o755)
                shutil.rmtree(o)
            os.makedirs(o)


def tools(floor):
    y = "bench.yaml"
    return [
        Tool("floor", "floor (libyaml events only)", lambda d: [floor, "-l", "files.txt"]),
        Tool("json", "errcat build -t json", lambda d: [ERRCAT, "build", y, "-o", "out-json", "-t", "json"],
             "out-json", True),
        Tool("c", "errcat build -t c", lambda d: [ERRCAT, "build", y, "-o", "out-c", "-t", "c"], "out-c", True),
        Tool("all", "errcat build (all targets)", lambda d: [ERRCAT, "build", y, "-o", "out-all"], "out-all",
             True),
        Tool("check", "errcat check", lambda d: [ERRCAT, "check", y], None, True),
        Tool("compile_et", "compile_et bench.et", lambda d: ["compile_et", "../bench.et"], "out-et"),
        Tool("protoc", "protoc --cpp_out", lambda d: ["protoc", "-I.", "-I/usr/include", "--cpp_out=out-proto",
                                                      "bench.proto"], "out-proto"),
        Tool("gperf", "gperf names.gperf", lambda d: ["gperf", "-t", "-C", "-L", "ANSI-C", "-N", "bench_name_lookup",
                                                      "-H", "bench_name_hash", "--output-file=out-gperf/names.c",
                                                      "names.gperf"], "out-gperf",
             max_n=GPERF_MAX, why=f"gperf above BENCH_GPERF_MAX={GPERF_MAX}"),
    ]


def tool_cwd(t, d):
    return os.path.join(d, "out-et") if t.key == "compile_et" else d


def trials_for(n):
    v = os.environ.get("BENCH_TRIALS", "").strip()
    if v:
        return max(1, int(v))
    return 5 if n <= 10000 else 3 if n <= 100000 else 1


def estimate(history, key, n):
    """(seconds, rss bytes) one run of tool 'key' should take at size n,
    from the two largest sizes measured (the growth exponent they show, at
    least 1); None without a measurement."""
    pts = sorted((m, r) for m, r in history.get(key, {}).items() if r and m < n)
    if not pts:
        return None
    m1, r1 = pts[-1]
    k = 1.0
    if len(pts) > 1:
        m0, r0 = pts[-2]
        if r0["secs"] > 0.05 and r1["secs"] > r0["secs"]:
            k = max(1.0, math.log(r1["secs"] / r0["secs"]) / math.log(m1 / m0))
    return r1["secs"] * (n / m1) ** k, r1["rss"] * 1024 * n / m1


def snapshot(root):
    snap = {}
    for dp, _, files in os.walk(root):
        for f in files:
            p = os.path.join(dp, f)
            st = os.stat(p)
            snap[p] = (st.st_ino, st.st_mtime_ns, st.st_size)
    return snap


# ---- throughput --------------------------------------------------------------

def fmt_secs(s):
    return f"{s:.3f}" if s < 100 else f"{s:.1f}"


def fmt_ns(ns):
    return f"{ns / 1000:.2f} us" if ns >= 10000 else f"{ns:.0f} ns"


def table(title, head, rows):
    """Prints rows under head: the first and a last 'note' column to the
    left, the others to the right."""
    widths = [max(len(str(r[i])) for r in [head] + rows) for i in range(len(head))]

    def fmt(r):
        cells = [str(c).ljust(w) if i == 0 or head[i] == "note" else str(c).rjust(w)
                 for i, (c, w) in enumerate(zip(r, widths))]
        return "  ".join(cells).rstrip()

    print(f"\n{title}")
    print(fmt(head))
    print("-" * len(fmt(head)))
    for r in rows:
        print(fmt(r))


class Verdicts:
    def __init__(self):
        self.items = []

    def add(self, ok, text):
        self.items.append((ok, text))
        print(f"  [{'PASS' if ok else 'FAIL'}] {text}")

    def skip(self, text):
        self.items.append((None, text))
        print(f"  [SKIP] {text}")


def throughput(sizes, floor, verdicts, history):
    tl = tools(floor)
    results = {}
    for n in sizes:
        d = os.path.join(BDIR, f"n{n}")
        nbytes = catalog_bytes(n)
        trials = trials_for(n)
        runs = {t.key: [] for t in tl}
        skipped = {}
        avail = mem_available()
        for t in tl:
            if t.max_n is not None and n > t.max_n:
                skipped[t.key] = t.why
                continue
            est = estimate(history, t.key, n)
            if est and est[0] > MAX_SECONDS:
                skipped[t.key] = f"estimated {est[0]:.0f} s a run (> BENCH_MAX_SECONDS={MAX_SECONDS})"
            elif est and est[1] > 0.4 * avail:
                skipped[t.key] = f"estimated peak RSS {est[1] / MIB:.0f} MiB (> 40% of {avail / MIB:.0f} MiB available)"
        log(f"bench: throughput at {n} codes ({trials} trials)")
        # Warm the page cache with every input, so that the first tool of the
        # first trial does not pay for reading the disk.
        with open(os.path.join(d, "files.txt")) as f:
            inputs = [p.strip() for p in f if p.strip()]
        for p in inputs + [os.path.join(d, x) for x in ("bench.et", "bench.proto", "names.gperf")]:
            with open(p, "rb") as f:
                while f.read(1 << 20):
                    pass
        for trial in range(trials):
            for t in tl:
                if t.key in skipped:
                    continue
                # A tool slower than 20 s a run gets one trial.
                if runs[t.key] and runs[t.key][0].secs > 20:
                    continue
                t.prepare(d)
                r = run(t.cmd(d), cwd=tool_cwd(t, d))
                if r.rc != 0:
                    skipped[t.key] = f"failed (exit {r.rc})"
                    continue
                runs[t.key].append(r)
        med = {}
        for t in tl:
            rs = runs[t.key]
            if rs and t.key not in skipped:
                med[t.key] = {"secs": statistics.median(r.secs for r in rs),
                              "cpu": statistics.median(r.cpu for r in rs),
                              "rss": max(r.rss_kb for r in rs), "trials": len(rs)}
                history.setdefault(t.key, {})[n] = med[t.key]
        results[n] = (med, skipped, nbytes)

        floor_s = med.get("floor", {}).get("secs")
        rss_limit = rss_limit_of(nbytes)
        rows = []
        for t in tl:
            if t.key in med:
                m = med[t.key]
                fc = med.get("floor", {}).get("cpu")
                rows.append([t.label, fmt_secs(m["secs"]), fmt_ns(m["secs"] * 1e9 / n),
                             f"{m['secs'] / floor_s:.2f}x" if floor_s else "-",
                             fmt_secs(m["cpu"]), f"{m['cpu'] / fc:.2f}x" if fc else "-",
                             f"{m['rss'] / 1024:.0f}", f"{m['rss'] * 1024 / rss_limit:.2f}" if t.errcat else "-",
                             m["trials"], ""])
            else:
                rows.append([t.label, "skipped", "-", "-", "-", "-", "-", "-", "-", skipped.get(t.key, "")])
        table(f"Throughput at {n:,} codes (catalog {nbytes / MIB:.1f} MiB in {len(open(os.path.join(d, 'files.txt')).read().split())} files; "
              f"median wall time of the trials; RSS limit 2 x catalog + 16 MiB = {rss_limit / MIB:.0f} MiB)",
              ["tool", "seconds", "per code", "x floor", "CPU s", "CPU x floor", "peak RSS MiB", "RSS/limit",
               "trials", "note"], rows)
        sz = {f: os.path.getsize(os.path.join(d, f)) / MIB for f in ("bench.et", "bench.proto", "names.gperf")}
        print(f"  inputs: YAML {nbytes / MIB:.1f} MiB (everything); bench.et {sz['bench.et']:.1f} MiB (names and "
              f"messages); bench.proto {sz['bench.proto']:.1f} MiB (names, codes, messages, statuses); names.gperf "
              f"{sz['names.gperf']:.1f} MiB (names, domains, codes, messages)")
        noop_and_check(n, d, med, verdicts)
        targets_at(n, med, skipped, nbytes, verdicts)
        render_speed(n, d, med)
    return results


def noop_and_check(n, d, med, verdicts):
    """A no-op rebuild: the all-targets build again over its own output."""
    if "all" not in med:
        print(f"  [SKIP] no-op rebuild at {n:,} codes: the all-targets build was skipped")
        verdicts.items.append((None, f"no-op rebuild at {n:,}"))
        return
    out = os.path.join(d, "out-all")
    before = snapshot(out)
    trials = min(trials_for(n), 3)
    noop, check = [], []
    for _ in range(trials):
        if noop and noop[0].secs > 20:
            break
        noop.append(run([ERRCAT, "build", "bench.yaml", "-o", "out-all"], cwd=d))
        check.append(run([ERRCAT, "check", "bench.yaml"], cwd=d))
    after = snapshot(out)
    rewritten = sum(1 for p, s in after.items() if before.get(p) != s) + sum(1 for p in before if p not in after)
    tn = statistics.median(r.secs for r in noop)
    tc = statistics.median(r.secs for r in check)
    print(f"  no-op rebuild (all targets, outputs up to date): {fmt_secs(tn)} s, {max(r.rss_kb for r in noop) / 1024:.0f} MiB, "
          f"{rewritten} of {len(after)} files rewritten; errcat check: {fmt_secs(tc)} s; ratio {tn / tc:.2f}x")
    verdicts.add(rewritten == 0 and tn <= tc,
                 f"no-op rebuild rewrites no file and takes no longer than check at {n:,} codes "
                 f"({rewritten} rewritten, {tn / tc:.2f}x check)")


def rss_limit_of(nbytes):
    """Issue 20's memory target: peak RSS <= 2 x the catalog + 16 MiB."""
    return 2 * nbytes + 16 * MIB


def render_speed(n, d, med):
    """The render engine's own speed: the bytes the all-targets build writes
    per CPU second it spends beyond errcat check (reading and validating),
    that is per second of one core whatever the number of threads."""
    if "all" not in med or "check" not in med:
        return
    out = os.path.join(d, "out-all")
    nbytes = sum(os.path.getsize(os.path.join(r, f)) for r, _, fs in os.walk(out) for f in fs
                 if ".errcat" not in r)
    render_cpu = med["all"]["cpu"] - med["check"]["cpu"]
    wall_x = med["all"]["cpu"] / med["all"]["secs"] if med["all"]["secs"] else 0
    if render_cpu > 0:
        print(f"  render engine: {nbytes / MIB:.0f} MiB of output in {render_cpu:.2f} CPU s beyond check: "
              f"{nbytes / MIB / render_cpu:.0f} MiB/s per core; all targets used {wall_x:.2f} cores on average")


def targets_at(n, med, skipped, nbytes, verdicts):
    f = med.get("floor", {}).get("secs")
    if n == 100000 and f:
        for key, lim, what in (("json", 1.5, "-t json"), ("c", 1.5, "-t c"), ("check", 1.3, "errcat check"),
                               ("all", 6.0, f"all targets ({os.cpu_count()} CPUs)")):
            if key in med:
                r = med[key]["secs"] / f
                verdicts.add(r <= lim, f"{what} <= {lim}x floor at 100,000 codes ({r:.2f}x)")
            else:
                verdicts.skip(f"{what} <= {lim}x floor at 100,000 codes: {skipped.get(key)}")
    if "c" not in med:
        verdicts.skip(f"-t c vs compile_et, protoc and gperf at {n:,} codes: -t c {skipped.get('c')}")
    else:
        c = med["c"]["secs"]
        for other in ("compile_et", "protoc", "gperf"):
            if other in med:
                o = med[other]["secs"]
                verdicts.add(c < o, f"-t c faster per code than {other} at {n:,} codes "
                                    f"({c * 1e9 / n:.0f} vs {o * 1e9 / n:.0f} ns/code, {c / o:.2f}x)")
            else:
                verdicts.skip(f"-t c vs {other} at {n:,} codes: {skipped.get(other)}")
    limit = rss_limit_of(nbytes)
    for key in ("json", "c", "all", "check"):
        if key in med:
            rss = med[key]["rss"] * 1024
            verdicts.add(rss <= limit, f"peak RSS of errcat {key} <= 2 x catalog + 16 MiB at {n:,} codes "
                                       f"({rss / MIB:.0f} of {limit / MIB:.0f} MiB)")


def scaling(history, verdicts):
    print("\nTime per code, 100,000 against 10,000 codes (target: within 1.3x)")
    for key in ("json", "c", "all"):
        h = history.get(key, {})
        if 10000 in h and 100000 in h:
            r = (h[100000]["secs"] / 100000) / (h[10000]["secs"] / 10000)
            verdicts.add(r <= 1.3, f"errcat {key}: time per code at 100,000 is {r:.2f}x that at 10,000")


# ---- translations -----------------------------------------------------------------

# Issue 18's locales for the bench: one right to left, two with rich plurals.
L10N_LOCALES = ["fr", "de", "es", "pl", "ar"]


def l10n_catalog(n):
    """bench_l10n.yaml beside bench.yaml: the same catalog shipping
    L10N_LOCALES, each a PO file (locales/<tag>.po) that translates every
    text of the catalog's template with a pseudo-translation, "[<tag>] "
    and the text (placeholders kept), so that every lookup finds one."""
    d = os.path.join(BDIR, f"n{n}")
    stamp = os.path.join(d, "locales", ".stamp")
    with open(os.path.join(d, "bench.yaml"), "rb") as f:
        digest = hashlib.sha256(f.read() + " ".join(L10N_LOCALES).encode()).hexdigest()[:16]
    if os.path.exists(stamp) and open(stamp).read() == digest:
        return
    log(f"bench: translating the {n}-code catalog into {', '.join(L10N_LOCALES)}")
    pot_dir = os.path.join(d, "out-pot")
    shutil.rmtree(pot_dir, ignore_errors=True)
    sh([ERRCAT, "build", "bench.yaml", "-o", "out-pot", "-t", "pot"], cwd=d, stdout=subprocess.DEVNULL)
    with open(os.path.join(pot_dir, "bench", "pot", "bench.pot"), encoding="utf-8") as f:
        blocks = f.read().split("\n\n")
    entries = [b.strip("\n").split("\n") for b in blocks[1:] if "msgid " in b]
    os.makedirs(os.path.join(d, "locales"), exist_ok=True)
    for tag in L10N_LOCALES:
        out = ['# A pseudo-translation for the bench.', 'msgid ""', 'msgstr ""',
               f'"Language: {tag}\\n"', '"Content-Type: text/plain; charset=UTF-8\\n"', '']
        for lines in entries:
            i = next(k for k, l in enumerate(lines) if l.startswith("msgid "))
            j = next(k for k, l in enumerate(lines) if l.startswith("msgstr "))
            ids = lines[i:j]
            out += lines[:j] + [f'msgstr "[{tag}] ' + ids[0][len('msgid "'):]] + ids[1:] + [""]
        with open(os.path.join(d, "locales", f"{tag}.po"), "w", encoding="utf-8") as f:
            f.write("\n".join(out))
    with open(os.path.join(d, "bench.yaml"), encoding="utf-8") as f:
        root = f.read()
    with open(os.path.join(d, "bench_l10n.yaml"), "w", encoding="utf-8") as f:
        f.write(root.rstrip("\n") + f"\nlocales: {{source: en, translations: [{', '.join(L10N_LOCALES)}]}}\n")
    with open(stamp, "w") as f:
        f.write(digest)


def translations(sizes, verdicts):
    """Issue 18: every target built with the catalog's 5 locales within 2x
    the time of the same catalog without translations. Trials of the two
    alternate; every run starts from an empty output folder (no stamp)."""
    names = errcat_targets()
    for n in sizes:
        if n > 100000:
            continue
        d = os.path.join(BDIR, f"n{n}")
        try:
            l10n_catalog(n)
        except (subprocess.CalledProcessError, OSError, StopIteration) as e:
            verdicts.add(False, f"the {n:,}-code catalog with {len(L10N_LOCALES)} locales could be made ({e})")
            continue
        log(f"bench: translations at {n} codes")
        trials = trials_for(n)
        runs = {}
        for _ in range(trials):
            for target in ["all"] + names:
                for cat in ("bench.yaml", "bench_l10n.yaml"):
                    key = (target, cat)
                    if runs.get(key) and runs[key][0].secs > 20:
                        continue
                    o = os.path.join(d, "out-l10n")
                    shutil.rmtree(o, ignore_errors=True)
                    r = run([ERRCAT, "build", cat, "-o", "out-l10n", *([] if target == "all" else ["-t", target])],
                            cwd=d)
                    if r.rc == 0:
                        runs.setdefault(key, []).append(r)
        rows = []
        ratios = {}
        for target in ["all"] + names:
            p, t = runs.get((target, "bench.yaml")), runs.get((target, "bench_l10n.yaml"))
            if not p or not t:
                rows.append([target, "-", "-", "-", "-", "-", "-", "-", "-", "failed"])
                continue
            ps, ts = statistics.median(r.secs for r in p), statistics.median(r.secs for r in t)
            pc, tc = statistics.median(r.cpu for r in p), statistics.median(r.cpu for r in t)
            ratios[target] = (ts / ps, tc / pc if pc else 0)
            rows.append([target if target != "all" else "all targets", fmt_secs(ps), fmt_secs(ts), f"{ts / ps:.2f}x",
                         fmt_secs(pc), fmt_secs(tc), f"{tc / pc:.2f}x" if pc else "-",
                         f"{max(r.rss_kb for r in p) / 1024:.0f}", f"{max(r.rss_kb for r in t) / 1024:.0f}",
                         "one docs site per locale, 6 in all" if target in ("html", "markdown") else ""])
        po = sum(os.path.getsize(os.path.join(d, "locales", f"{tag}.po")) for tag in L10N_LOCALES)
        table(f"Translations at {n:,} codes: {len(L10N_LOCALES)} locales ({', '.join(L10N_LOCALES)}; PO files "
              f"{po / MIB:.1f} MiB in all, the YAML {catalog_bytes(n) / MIB:.1f} MiB) against none (medians of "
              f"{trials} trials each, alternating; CPU: all threads)",
              ["target", "none s", "5 locales s", "ratio", "none CPU s", "5 CPU s", "CPU ratio", "RSS MiB",
               "RSS MiB (5)", "note"], rows)
        if "all" in ratios:
            w, c = ratios["all"]
            verdicts.add(w <= 2.0, f"all targets with {len(L10N_LOCALES)} locales within 2x of none at "
                                   f"{n:,} codes ({w:.2f}x wall, {c:.2f}x CPU)")
        else:
            verdicts.add(False, f"all targets with {len(L10N_LOCALES)} locales built at {n:,} codes")


# ---- memory per code: a catalog of one-line codes -------------------------------

def oneline(sizes, verdicts):
    """Peak RSS against the same limit on a catalog whose codes are one short
    line each (about 60 bytes): what errcat keeps per code, whatever its
    size, shows here, where the bench catalogs' long entries hide it."""
    rows = []
    for n in sizes:
        d = os.path.join(BDIR, "oneline")
        os.makedirs(d, exist_ok=True)
        cat = os.path.join(d, f"n{n}.yaml")
        if not os.path.exists(cat):
            with open(cat + ".tmp", "w") as f:
                f.write("errcat: 1\ncatalog: {id: oneline, title: One-line codes}\ndomains:\n  - id: d\n    codes:\n")
                for i in range(n):
                    f.write(f"      - {{code: {i}, name: E{i}, message: 'Error {i}'}}\n")
            os.rename(cat + ".tmp", cat)
        nbytes = os.path.getsize(cat)
        limit = rss_limit_of(nbytes)
        log(f"bench: one-line codes at {n} codes")
        for key, extra in (("check", None), ("json", ["-t", "json"]), ("c", ["-t", "c"]), ("all", [])):
            out = os.path.join(d, f"out-{key}")
            shutil.rmtree(out, ignore_errors=True)
            cmd = [ERRCAT, "check", cat] if extra is None else [ERRCAT, "build", cat, "-o", out, *extra]
            r = run(cmd + ["--max-input", "256"])
            shutil.rmtree(out, ignore_errors=True)
            if r.rc:
                verdicts.add(False, f"errcat {key} on {n:,} one-line codes ran (exit {r.rc})")
                continue
            rss = r.rss_kb * 1024
            rows.append([f"{n:,}", key, f"{nbytes / MIB:.1f}", fmt_secs(r.secs), f"{rss / MIB:.0f}",
                         f"{limit / MIB:.0f}", f"{(rss - 2 * MIB) / n:.0f}"])
            verdicts.add(rss <= limit, f"peak RSS of errcat {key} <= 2 x catalog + 16 MiB at {n:,} one-line codes "
                                       f"({rss / MIB:.0f} of {limit / MIB:.0f} MiB)")
    table("Peak RSS on one-line codes (one trial; bytes per code: peak less 2 MiB, over the codes)",
          ["codes", "run", "catalog MiB", "seconds", "peak RSS MiB", "limit MiB", "bytes/code"], rows)


# ---- compiling the generated C -------------------------------------------------

def gcc_c(sizes, history, verdicts):
    """gcc -O2 -c, and clang -O2 -c when there is a clang, of errcat's C,
    compile_et's and gperf's, side by side."""
    compilers = [CC] + (["clang"] if CC != "clang" and shutil.which("clang") else [])
    rows = []
    times = {}
    for n in sizes:
        d = os.path.join(BDIR, f"n{n}")
        srcs = [("errcat", os.path.join(d, "out-c", "bench", "c", "bench_errors.c"), ["-I", os.path.join(d, "out-c", "bench", "c")]),
                ("compile_et", os.path.join(d, "out-et", "bench.c"), []),
                ("gperf", os.path.join(d, "out-gperf", "names.c"), [])]
        trials = min(trials_for(n), 3)
        for cc in compilers:
            res = {}
            skipped = {}
            for label, src, flags in srcs:
                # Only what this run generated: an output left by an earlier run may be stale.
                if n not in history.get({"errcat": "c"}.get(label, label), {}) or not os.path.exists(src):
                    skipped[label] = "no output (tool skipped)"
                    continue
                est = estimate(history, f"{cc}-{label}", n)
                if est and est[0] > MAX_SECONDS:
                    skipped[label] = f"estimated {est[0]:.0f} s"
            log(f"bench: {cc} -O2 -c at {n} codes")
            for _ in range(trials):
                for label, src, flags in srcs:
                    if label in skipped or (res.get(label) and res[label][0].secs > 20):
                        continue
                    obj = os.path.join(d, f"{label}.o")
                    r = run([cc, "-O2", "-w", "-c", *flags, src, "-o", obj])
                    if r.rc:
                        skipped[label] = "failed"
                        continue
                    res.setdefault(label, []).append(r)
            for label, src, _ in srcs:
                if label in res and label not in skipped:
                    s = statistics.median(r.secs for r in res[label])
                    rss = max(r.rss_kb for r in res[label])
                    history.setdefault(f"{cc}-{label}", {})[n] = {"secs": s, "rss": rss, "trials": len(res[label])}
                    times[(cc, n, label)] = (s, rss * 1024)
                    rows.append([f"{n:,}", cc, label, f"{os.path.getsize(src) / MIB:.1f}", fmt_secs(s),
                                 f"{rss / 1024:.0f}", len(res[label]), ""])
                else:
                    rows.append([f"{n:,}", cc, label, "-", "skipped", "-", "-", skipped.get(label, "")])
    table("Compiling the generated C: -O2 -c (median wall time; peak RSS of the compiler and assembler)",
          ["codes", "compiler", "generator", "source MiB", "seconds", "RSS MiB", "trials", "note"], rows)
    # The target of the C target: at 100,000 codes each compiler reads
    # errcat's C in at most 3x the time of compile_et's (which carries only
    # names and messages) and in at most 300 MB.
    for cc in compilers:
        mine, et = times.get((cc, 100000, "errcat")), times.get((cc, 100000, "compile_et"))
        if mine and et:
            r = mine[0] / et[0]
            verdicts.add(r <= 3.0, f"{cc} -O2 compiles errcat's C for 100,000 codes in <= 3x compile_et's time "
                                   f"({mine[0]:.2f} s vs {et[0]:.2f} s, {r:.2f}x)")
        elif 100000 in sizes:
            verdicts.skip(f"{cc} -O2 on errcat's C vs compile_et's at 100,000 codes: not both compiled")
        if mine:
            verdicts.add(mine[1] <= 300e6, f"{cc} -O2 compiles errcat's C for 100,000 codes in <= 300 MB "
                                           f"({mine[1] / 1e6:.0f} MB)")


# ---- lookups --------------------------------------------------------------------

# ns per localized message lookup, by size (lookup_at).
L10N_NS = {}


def lookup(sizes, verdicts):
    for n in sizes:
        try:
            lookup_at(n, verdicts)
        except (subprocess.CalledProcessError, OSError) as e:
            log(f"bench: lookups at {n} codes: {e}")
            verdicts.add(False, f"lookups at {n:,} codes could be built and run ({e})")
    if len(L10N_NS) > 1:  # O(1): no slower per lookup at the largest size than at the smallest
        lo, hi = min(L10N_NS), max(L10N_NS)
        r = L10N_NS[hi] / L10N_NS[lo]
        verdicts.add(r <= 1.5, f"a localized message lookup at {hi:,} codes within 1.5x of that at {lo:,} "
                               f"({L10N_NS[hi]:.2f} vs {L10N_NS[lo]:.2f} ns, {r:.2f}x)")


def lookup_at(n, verdicts):
    d = os.path.join(BDIR, f"n{n}")
    lk = os.path.join(d, "lookup")
    log(f"bench: lookups at {n} codes")
    os.makedirs(lk, exist_ok=True)
    cdir = os.path.join(d, "out-c", "bench", "c")
    # Built again in case this errcat is newer than the last one (a no-op
    # when the throughput runs just did it: errcat rewrites only changed files).
    sh([ERRCAT, "build", "bench.yaml", "-o", "out-c", "-t", "c"], cwd=d)
    objs = []
    obj = os.path.join(d, "errcat.o")
    src = os.path.join(cdir, "bench_errors.c")
    if not os.path.exists(obj) or os.path.getmtime(obj) < os.path.getmtime(src):
        sh([CC, "-O2", "-w", "-c", "-I", cdir, os.path.join(cdir, "bench_errors.c"), "-o", obj])
    objs.append(obj)
    flags = ["-DHAVE_COMERR"]
    # com_err: tables of 256 codes, each through compile_et.
    etdir = os.path.join(lk, "et")
    if not os.path.isdir(etdir):
        os.makedirs(etdir + ".tmp", exist_ok=True)
        for f in sorted(os.listdir(os.path.join(d, "et"))):
            sh(["compile_et", os.path.join("..", "..", "et", f)], cwd=etdir + ".tmp", stdout=subprocess.DEVNULL)
        os.rename(etdir + ".tmp", etdir)
    etobj = os.path.join(lk, "et.o")
    if not os.path.exists(etobj):
        cs = sorted(os.path.join(etdir, f) for f in os.listdir(etdir) if f.endswith(".c"))
        # One translation unit per table, as compile_et makes them; linked into one object.
        sh([CC, "-O2", "-w", "-r", "-o", etobj, *cs, os.path.join(d, "et_tables.c")])
    objs.append(etobj)
    have_gperf = n <= GPERF_MAX
    if have_gperf:
        for kind in ("names", "codes"):
            src = os.path.join(lk, f"{kind}.c")
            made = os.path.join(d, "out-gperf", "names.c")  # by the throughput runs
            if kind == "names" and not os.path.exists(src) and os.path.exists(made):
                shutil.copyfile(made, src)
            if not os.path.exists(src):
                fn = "name" if kind == "names" else "code"
                sh(["gperf", "-t", "-C", "-L", "ANSI-C", "-N", f"bench_{fn}_lookup", "-H", f"bench_{fn}_hash",
                    f"--output-file={src}", os.path.join(d, f"{kind}.gperf")])
            o = src[:-2] + ".o"
            if not os.path.exists(o):
                sh([CC, "-O2", "-w", "-c", src, "-o", o])
            objs.append(o)
        flags.append("-DHAVE_GPERF")
    exe = os.path.join(lk, "lookup")
    sh([CC, "-O2", "-w", "-I", cdir, *flags, "-o", exe, os.path.join(HERE, "lookup.c"), *objs, "-lcom_err"])
    out = subprocess.run([exe, d, "9"], capture_output=True, text=True)
    if out.returncode:
        log(out.stderr)
        verdicts.add(False, f"lookups at {n:,} codes give the right entries")
        return
    # The same catalog with translations (translations() made it): its C,
    # with a localized message of every code, by the same keys.
    l10n = None
    if os.path.exists(os.path.join(d, "bench_l10n.yaml")):
        lcdir = os.path.join(d, "out-c-l10n", "bench", "c")
        sh([ERRCAT, "build", "bench_l10n.yaml", "-o", "out-c-l10n", "-t", "c"], cwd=d)
        lexe = os.path.join(lk, "lookup_l10n")
        sh([CC, "-O2", "-w", "-I", lcdir, "-DL10N", "-o", lexe, os.path.join(HERE, "lookup.c"),
            os.path.join(lcdir, "bench_errors.c")])
        l10n = subprocess.run([lexe, d, "9"], capture_output=True, text=True)
        if l10n.returncode:
            log(l10n.stderr)
            verdicts.add(False, f"localized lookups at {n:,} codes give the right messages")
    res = {}
    for line in out.stdout.split("\n"):
        p = line.split()
        if len(p) == 4:
            res[(p[0], p[1])] = (float(p[2]), int(p[3]))
    rows = []
    for op, label in (("code", "by code (numeric, random order)"), ("code(dense)", "  numeric, dense domains"),
                      ("code(hashed)", "  numeric, hashed domains"),
                      ("code(drawn)", "  numeric, 1,000,000 random draws (no repeating order)"),
                      ("code_str", "by code (string codes)"),
                      ("name", "by name")):
        e = res.get((op, "errcat"))
        g = res.get((op, "gperf"))
        c = res.get((op, "com_err"))
        rows.append([label, e[1] if e else "", f"{e[0]:.2f}" if e else "-",
                     f"{g[0]:.2f}" if g else ("skipped" if not have_gperf and op in ("code", "code(drawn)", "code_str", "name") else "-"),
                     f"{c[0]:.2f}" if c else "-",
                     f"{e[0] / g[0]:.2f}x" if e and g else "-", f"{e[0] / c[0]:.2f}x" if e and c else "-"])
    table(f"Lookups at {n:,} codes: ns per lookup (median of 9 rounds; errcat's C and gperf's compiled with "
          f"{CC} -O2; com_err: {len(os.listdir(os.path.join(d, 'et')))} tables of 256)",
          ["lookup", "keys", "errcat", "gperf", "com_err", "errcat/gperf", "errcat/com_err"], rows)
    if not have_gperf:
        print(f"  gperf skipped at {n:,} codes: above BENCH_GPERF_MAX={GPERF_MAX} (its generation takes too long)")
    print("  the target is judged on the first row: every key once a pass, in one random order, as the "
          "issue words it;\n  the draws show what a branch predictor cannot learn from a repeating order")
    e = res.get(("code", "errcat"))
    if e:
        verdicts.add(e[0] <= 3.0, f"lookup by code <= 3 ns at {n:,} codes ({e[0]:.2f} ns)")
    if l10n and not l10n.returncode:
        lres = {}
        for line in l10n.stdout.split("\n"):
            p = line.split()
            if len(p) == 4:
                lres[p[0]] = (float(p[2]), int(p[3]))
        rows = [[label, lres[op][1], f"{lres[op][0]:.2f}"] for op, label in (
            ("code", "by code (numeric, random order)"),
            ("message", "  and its message (bench_entry_message)"),
            ("message(locale)", f"  and its message in locale i % {len(L10N_LOCALES) + 1} (bench_message)"))
            if op in lres]
        table(f"Localized lookups at {n:,} codes: ns per lookup, the catalog with {len(L10N_LOCALES)} locales "
              f"(median of 9 rounds; {CC} -O2)", ["lookup", "keys", "ns"], rows)
        m, ml = lres.get("message"), lres.get("message(locale)")
        if ml:
            L10N_NS[n] = ml[0]
        if m and ml:
            verdicts.add(ml[0] <= 2 * m[0], f"a localized message costs <= 2x the source one at {n:,} codes "
                                            f"({ml[0]:.2f} vs {m[0]:.2f} ns)")
    e, g = res.get(("name", "errcat")), res.get(("name", "gperf"))
    if e and g:
        verdicts.add(e[0] < g[0], f"lookup by name faster than gperf at {n:,} codes ({e[0]:.2f} vs {g[0]:.2f} ns)")
    elif e:
        verdicts.skip(f"lookup by name vs gperf at {n:,} codes: gperf skipped (BENCH_GPERF_MAX={GPERF_MAX})")


def classify(verdicts):
    """ns per swap_classify over the classify cases of spec/swap.yaml's vectors."""
    d = os.path.join(BDIR, "classify")
    os.makedirs(d, exist_ok=True)
    log("bench: classify")
    sh([ERRCAT, "build", os.path.join(ROOT, "spec", "swap.yaml"), "-o", d, "-t", "c,vectors"])
    with open(os.path.join(d, "swap", "vectors", "vectors.json")) as f:
        vec = json.load(f)["classify"]
    cases = os.path.join(d, "cases.txt")
    with open(cases, "wb") as f:
        for q in vec:
            body = b"" if q["body"] is None else json.dumps(q["body"]).encode()
            f.write(f"{q['status']} {q['attempt']} {len(q['headers'])} {len(body)}\n".encode())
            for k, v in q["headers"].items():
                f.write(f"{k}\t{v}\n".encode())
            f.write(body + b"\n")
    cdir = os.path.join(d, "swap", "c")
    exe = os.path.join(d, "classify")
    try:
        sh([CC, "-O2", "-w", "-I", cdir, "-o", exe, os.path.join(HERE, "classify.c"), os.path.join(cdir, "swap_errors.c")])
        out = subprocess.run([exe, cases, "9"], capture_output=True, text=True, check=True).stdout.split()
    except (subprocess.CalledProcessError, OSError) as e:
        log(f"bench: classify: {e}")
        verdicts.add(False, f"classify could be built and run ({e})")
        return
    ns, n = float(out[2]), int(out[3])
    table(f"Classify: ns per swap_classify (median of 9 rounds; {CC} -O2), the {n} classify cases of "
          "spec/swap.yaml's vectors", ["cases", "ns per classify"], [[n, f"{ns:.1f}"]])


# ---- main ------------------------------------------------------------------------

# The first search of the html site, typed before anything is loaded: its first results (from
# search.js, the codes and names) within this many milliseconds.
FIRST_SEARCH_MS = 3000


def docs_site(sizes, verdicts):
    """The html target at the largest size up to 100,000: its largest page, and its search in
    headless Chromium (tests/site/latency.mjs), skipped without node, chromium or
    tests/site/node_modules."""
    ns = [n for n in sizes if n <= 100000 and os.path.isdir(os.path.join(BDIR, f"n{n}"))]
    if not ns:
        return
    n = ns[-1]
    out = os.path.join(BDIR, "site")
    shutil.rmtree(out, ignore_errors=True)
    r = subprocess.run([ERRCAT, "build", os.path.join(BDIR, f"n{n}", "bench.yaml"), "-o", out,
                        "-t", "html"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if r.returncode != 0:
        verdicts.add(False, f"the html target builds at {n:,} codes (exit {r.returncode})")
        return
    d = os.path.join(out, "bench", "html")
    pages = [(os.path.getsize(os.path.join(d, f)), f) for f in os.listdir(d) if f.endswith(".html")]
    size, name = max(pages)
    verdicts.add(size <= 2 * MIB, f"every html page <= 2 MiB at {n:,} codes ({len(pages)} pages, "
                                  f"the largest {name} {size / MIB:.2f} MiB)")
    script = os.path.join(ROOT, "tests", "site", "latency.mjs")
    mods = os.path.join(ROOT, "tests", "site", "node_modules", "playwright-core")
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not (shutil.which("node") and os.path.isdir(mods) and os.access(chromium, os.X_OK)):
        verdicts.skip(f"html search < 100 ms at {n:,} codes: needs node, chromium and "
                      "tests/site/node_modules (sh tests/site/run.sh installs them)")
        return
    p = subprocess.run(["node", script, d], capture_output=True, text=True, timeout=600)
    try:
        m = json.loads(p.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        verdicts.add(False, f"html search measured at {n:,} codes ({p.stderr.strip()[-200:]})")
        return
    verdicts.add(m["search"] < 100 and m["results"] > 0,
                 f"html search < 100 ms at {n:,} codes in headless Chromium, index loaded "
                 f"({m['search']:.1f} ms at worst)")
    verdicts.add(m["first"] < FIRST_SEARCH_MS,
                 f"html first search shows results < {FIRST_SEARCH_MS / 1000:g} s at {n:,} codes, "
                 f"nothing loaded before ({m['first']:.0f} ms; its complete answer, every page's "
                 f"texts loaded, {m['cold']:.0f} ms)")


# The steps of a run, in order (--steps picks some; scaling reads what throughput measured).
STEPS = ["throughput", "scaling", "translations", "oneline", "gcc_c", "lookup", "classify", "docs_site"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default=os.environ.get("BENCH_SIZES") or "1000 10000 100000 1000000")
    ap.add_argument("--lookup-sizes", default=os.environ.get("BENCH_LOOKUP_SIZES") or "",
                    help="default: 10000 and 100000, those of --sizes")
    ap.add_argument("--steps", default=os.environ.get("BENCH_STEPS") or " ".join(STEPS),
                    help="default: all of " + " ".join(STEPS))
    args = ap.parse_args()
    steps = args.steps.replace(",", " ").split()
    unknown = [s for s in steps if s not in STEPS]
    if unknown:
        sys.exit(f"bench: no step {' '.join(unknown)}; the steps are {' '.join(STEPS)}")
    sizes = sorted({int(x) for x in args.sizes.replace(",", " ").split()})
    if args.lookup_sizes.strip():
        lsizes = sorted({int(x) for x in args.lookup_sizes.replace(",", " ").split()})
    else:
        lsizes = [n for n in (10000, 100000) if n in sizes]
    if not os.access(ERRCAT, os.X_OK):
        sys.exit(f"bench: no errcat at {ERRCAT}; run make first")
    os.makedirs(BDIR, exist_ok=True)
    t0 = time.time()
    generate(sorted(set(sizes) | set(lsizes)))
    floor = build_helpers()
    ver = subprocess.run([ERRCAT, "--version"], capture_output=True, text=True).stdout.strip()
    cpu = ""
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    print(f"errcat benchmark: {ver}; {cpu}, {os.cpu_count()} CPUs, {mem_available() / MIB:.0f} MiB available")
    print(f"sizes {' '.join(map(str, sizes))}; all targets = {', '.join(errcat_targets())}")
    verdicts = Verdicts()
    history = {}
    if "throughput" in steps:
        throughput(sizes, floor, verdicts, history)
    if "scaling" in steps:
        scaling(history, verdicts)
    if "translations" in steps:
        translations(sizes, verdicts)
    if "oneline" in steps:
        oneline(sizes, verdicts)
    if "gcc_c" in steps:
        gcc_c(sizes, history, verdicts)
    if "lookup" in steps:
        lookup([n for n in lsizes if os.path.isdir(os.path.join(BDIR, f"n{n}"))], verdicts)
    if "classify" in steps:
        classify(verdicts)
    if "docs_site" in steps:
        docs_site(sizes, verdicts)
    passed = sum(1 for ok, _ in verdicts.items if ok)
    failed = sum(1 for ok, _ in verdicts.items if ok is False)
    skipped = sum(1 for ok, _ in verdicts.items if ok is None)
    print("\nTargets:")
    for ok, text in verdicts.items:
        print(f"  [{'PASS' if ok else 'FAIL' if ok is False else 'SKIP'}] {text}")
    print(f"\nbench: {passed} targets met, {failed} missed, {skipped} not measured; {time.time() - t0:.0f} s in all")


if __name__ == "__main__":
    main()
