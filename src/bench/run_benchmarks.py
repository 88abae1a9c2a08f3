#!/usr/bin/env python3
"""DB Medic benchmarks: each figure is a ratio to a peer tool measured in the same run.

Usage (from the project root, after `mvn -DskipTests package`):
    python3 src/bench/run_benchmarks.py [--size-mb 400] [--runs 3]

Needs the sqlite3 command-line shell and a JDK (for jshell, which builds the demo schema).
Writes docs/benchmarks.md. Nothing here is a test: it measures, it does not assert.
"""
import argparse
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
JAR = os.path.join(ROOT, "target", "dbmedic.jar")


def run(cmd, **kw):
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)


def timed(fn, runs):
    """Median wall time of `runs` calls of fn (after one untimed warm-up of the page cache)."""
    fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples), samples


def make_demo_root(folder):
    """The demo InvokeAI root (migration 15 without destination), built by DB Medic's own code."""
    script = os.path.join(folder, "make.jsh")
    with open(script, "w") as f:
        f.write('dbmedic.demo.DemoDatabase.create(java.nio.file.Path.of("%s"));\n/exit\n' % folder)
    run(["jshell", "--class-path", JAR, script])
    return os.path.join(folder, "databases", "invokeai.db")


def inflate(db, target_mb):
    """Adds queue items (~4 KB each, like real session JSON) until the file reaches target_mb."""
    rows = max(1, int(target_mb * 1024 * 1024 / 4300))
    sql = (
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c WHERE x < %d) "
        "INSERT INTO session_queue (batch_id, queue_id, session_id, session, status, priority, origin) "
        "SELECT 'bench-' || (x / 100), 'default', 'bench-sess-' || x, "
        "'{\"id\":\"bench-sess-' || x || '\",\"graph\":\"' || hex(randomblob(2000)) || '\"}', "
        "'completed', 0, 'canvas' FROM c;" % rows
    )
    run(["sqlite3", db, sql])
    return os.path.getsize(db)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size-mb", type=int, default=400)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    if not os.path.exists(JAR):
        sys.exit("build first: mvn -DskipTests package")
    for tool in ("sqlite3", "jshell", "java"):
        if shutil.which(tool) is None:
            sys.exit("missing tool: " + tool)

    work = tempfile.mkdtemp(prefix="dbmedic-bench-")
    small_root = os.path.join(work, "small")
    big_root = os.path.join(work, "big")
    os.makedirs(small_root)
    os.makedirs(big_root)
    small = make_demo_root(small_root)
    inflate(small, 1)
    big = make_demo_root(big_root)
    inflate(big, args.size_mb)
    small_size, big_size = os.path.getsize(small), os.path.getsize(big)

    out_dir = os.path.join(work, "out")

    def fresh_out():
        shutil.rmtree(out_dir, ignore_errors=True)
        os.makedirs(out_dir)

    def sqlite_backup():
        fresh_out()
        run(["sqlite3", big, ".backup '%s'" % os.path.join(out_dir, "peer.db")])

    def sqlite_backup_and_verify():
        fresh_out()
        out = os.path.join(out_dir, "peer.db")
        run(["sqlite3", big, ".backup '%s'" % out])
        run(["sqlite3", out, "PRAGMA integrity_check;"])
        tables = subprocess.run(["sqlite3", out, "SELECT name FROM sqlite_master WHERE type='table'"],
                                check=True, capture_output=True, text=True).stdout.split()
        run(["sqlite3", out, " ".join('SELECT count(*) FROM "%s";' % t for t in tables)])
        sha256(out)

    def dbmedic_backup():
        fresh_out()
        run(["java", "-jar", JAR, "backup", big, "--to", out_dir, "--json"])

    def dbmedic_diagnose(db):
        return lambda: subprocess.run(["java", "-jar", JAR, "diagnose", db, "--json"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def in_process(mode, db):
        res = subprocess.run(["java", "-cp", JAR, os.path.join(ROOT, "src", "bench", "InProcessBench.java"),
                              mode, db, out_dir, str(args.runs)], check=True, capture_output=True, text=True)
        return int(res.stdout.strip().splitlines()[-1]) / 1000.0

    peer_backup, _ = timed(sqlite_backup, args.runs)
    peer_backup_verify, _ = timed(sqlite_backup_and_verify, args.runs)
    ours_backup, _ = timed(dbmedic_backup, args.runs)
    jdbc_copy = in_process("jdbc-backup", big)
    ours_backup_in = in_process("dbmedic-backup", big)
    diag_small_in = in_process("diagnose", small)
    diag_big_in = in_process("diagnose", big)
    diag_small, _ = timed(dbmedic_diagnose(small), args.runs + 2)
    diag_big, _ = timed(dbmedic_diagnose(big), args.runs + 2)
    jvm_only, _ = timed(lambda: run(["java", "-jar", JAR, "--version"]), args.runs + 2)
    sqlite_version = subprocess.run(["sqlite3", "--version"], capture_output=True, text=True).stdout.split()[0]
    java_version = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    shutil.rmtree(work, ignore_errors=True)

    mb = lambda b: "%.1f MB" % (b / 1e6)
    r = lambda a, b: "%.2f" % (a / b)
    lines = [
        "# Benchmarks",
        "",
        "Measured by `python3 src/bench/run_benchmarks.py --size-mb %d --runs %d` on %s UTC." % (
            args.size_mb, args.runs, datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M")),
        "Machine: %s, %d cores; %s; sqlite3 %s. Each time is the median of the runs after one warm-up"
        " (page cache warm)." % (platform.platform(), os.cpu_count(), java_version, sqlite_version),
        "The databases are the demo InvokeAI database (migration 15 without `destination`) inflated with"
        " queue items of ~4 KB: %s and %s of the same schema." % (mb(small_size), mb(big_size)),
        "\"In-process\" times run the engine inside one JVM (`src/bench/InProcessBench.java`, JVM start"
        " excluded); \"process\" times are whole `java -jar target/dbmedic.jar ...` runs, JVM start included.",
        "",
        "| what | DB Medic | peer (same run) | ratio | target |",
        "|---|---|---|---|---|",
        "| backup %s: the copy (sqlite-jdbc's online backup API), in-process | %.2f s | `sqlite3 SRC \".backup OUT\"` %.2f s | %s | ≤ 1.2 |" % (
            mb(big_size), jdbc_copy, peer_backup, r(jdbc_copy, peer_backup)),
        "| backup %s with DB Medic's verification (integrity_check, row counts, SHA-256, manifest), in-process | %.2f s | sqlite3 `.backup` %.2f s | %s | ≤ 1.2 |" % (
            mb(big_size), ours_backup_in, peer_backup, r(ours_backup_in, peer_backup)),
        "| the same, as a process: `dbmedic backup` | %.2f s | sqlite3 `.backup` + `PRAGMA integrity_check` + counts + sha256sum %.2f s | %s | — |" % (
            ours_backup, peer_backup_verify, r(ours_backup, peer_backup_verify)),
        "| diagnose %s vs %s, in-process | %.3f s vs %.3f s | — | %s | ≤ 1.3 |" % (
            mb(big_size), mb(small_size), diag_big_in, diag_small_in, r(diag_big_in, diag_small_in)),
        "| diagnose %s vs %s, as a process | %.2f s vs %.2f s | — | %s | ≤ 1.3 |" % (
            mb(big_size), mb(small_size), diag_big, diag_small, r(diag_big, diag_small)),
        "| JVM start + `--version` (the floor of every CLI call) | %.2f s | — | — | — |" % jvm_only,
        "",
        "Diagnosis reads the schema; `PRAGMA quick_check` and `PRAGMA foreign_key_check` read every page and"
        " run by default only on files up to 256 MiB (`--scan` forces them), so the large file here is"
        " diagnosed from its schema and the small one with the scans.",
        "",
        "`dbmedic backup` verifies what it wrote (integrity_check on the copy, row counts of every table,"
        " SHA-256, manifest); the in-process rows show the copy alone and the copy with that verification"
        " next to a bare `.backup`, the process row compares with the sqlite3 shell doing the same checks.",
    ]
    bench_md = os.path.join(ROOT, "docs", "benchmarks.md")
    kept = ""
    if os.path.exists(bench_md):
        # The sections below the SQLite table (PostgreSQL from `mvn -Pbench verify`, installers) stay.
        old = open(bench_md).read()
        at = old.find("\n## ")
        kept = old[at:] if at >= 0 else ""
    with open(bench_md, "w") as f:
        f.write("\n".join(lines) + "\n" + kept)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
