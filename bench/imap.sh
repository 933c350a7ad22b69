#!/usr/bin/env bash
# Benchmark of the IMAP daemon (a measurement, not a test), all on this machine:
#   1. initial sync of a COUNT-message mailbox over IMAPS from a private Dovecot:
#      `cyberintake serve --once` into a fresh store (parsed, durable commits)
#      versus mbsync (isync, FSync no) pulling the same mailbox into a Maildir,
#      RUNS times each, alternating, after one untimed warm-up of the server;
#   2. IDLE delivery-to-filed latency: median of LAT deliveries (APPEND over IMAP,
#      then poll /metrics until the filed counter moves);
#   3. daemon RSS over a soak of SOAK seconds with a message arriving every second.
#
# usage: bench/imap.sh            (from the repo root; needs dovecot-imapd, isync, python3)
#   COUNT=10000 RUNS=3 LAT=20 SOAK=240 TOOLS=../shared/tools IMAP_PORT=10143 IMAPS_PORT=10993
#   PROFILE=/tmp/sync.pprof (a CPU profile of the timed syncs; the last run's is kept)
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-10000} RUNS=${RUNS:-3} LAT=${LAT:-20} SOAK=${SOAK:-240}
TOOLS=$(realpath "${TOOLS:-../shared/tools}")
export IMAP_PORT=${IMAP_PORT:-10143} IMAPS_PORT=${IMAPS_PORT:-10993}
HTTP_PORT=${HTTP_PORT:-19090}
for c in dovecot mbsync python3 /usr/bin/time; do command -v $c >/dev/null || { echo "need $c (apt-get install dovecot-imapd isync python3 time)" >&2; exit 1; }; done

work=$(mktemp -d /tmp/cyberintake-bench.XXXXXX)
chmod 755 "$work" # Dovecot's auth and mail processes are unprivileged
daemon=
cleanup() {
	[ -n "$daemon" ] && kill "$daemon" 2>/dev/null && wait "$daemon" 2>/dev/null || true
	"$TOOLS/dovecot.sh" stop "$work/dc" >/dev/null 2>&1 || true
	rm -rf "$work"
}
trap cleanup EXIT

echo "== machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(uname -r)"
go build -o "$work/cyberintake" ./cmd/cyberintake
echo "== generating $COUNT messages"
"$TOOLS/gen-corpus" --count "$COUNT" --maildir "$work/corpus" >/dev/null
echo "   $(du -sh "$work/corpus" | cut -f1) in $(find "$work/corpus" -type f | wc -l) files"
"$TOOLS/dovecot.sh" start "$work/dc" >/dev/null
"$TOOLS/dovecot.sh" load "$work/dc" "$work/corpus" >/dev/null

cat > "$work/mbsyncrc" <<EOF
FSync no

IMAPAccount bench
Host 127.0.0.1
Port $IMAPS_PORT
User ql
Pass test
SSLType IMAPS
CertificateFile $work/dc/cert.pem

IMAPStore remote
Account bench

MaildirStore local
Path $work/mbsync/
Inbox $work/mbsync/INBOX

Channel bench
Far :remote:
Near :local:
Patterns INBOX
Sync Pull
Create Near
SyncState *
EOF

export CYBERINTAKE_IMAP_PASSWORD=test
serve_args=(--log-format json --log-level warn serve --imap-addr "127.0.0.1:$IMAPS_PORT" --tls implicit
	--ca-file "$work/dc/cert.pem" --user ql)

# CPU seconds (user+sys) of each run go to $work/cpu: steadier than wall time on a busy machine.
cputime=(/usr/bin/time -f "%U %S" -o "$work/cpu")
run_mbsync() { rm -rf "$work/mbsync"; mkdir -p "$work/mbsync"; "${cputime[@]}" mbsync -q -c "$work/mbsyncrc" bench; }
run_cyberintake() { rm -f "$work/ci.db"; "${cputime[@]}" "$work/cyberintake" --db "$work/ci.db" ${PROFILE:+--cpu-profile "$PROFILE"} "${serve_args[@]}" --once; }
cpu() { awk '{printf "%.2f", $1+$2}' "$work/cpu"; }
secs() { local s=$(date +%s%N); "$@" >&2; awk -v a="$s" -v b="$(date +%s%N)" 'BEGIN{printf "%.3f", (b-a)/1e9}'; }

echo "== warm-up (untimed): Dovecot builds its index and cache, the page cache fills"
run_mbsync
run_cyberintake
echo "== initial sync of $COUNT messages over IMAPS, $RUNS runs each"
ci=() mb=()
for i in $(seq "$RUNS"); do
	t=$(secs run_cyberintake); ci+=("$t"); c1=$(cpu)
	n=$("$work/cyberintake" --db "$work/ci.db" --log-level error stats --json 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' 2>/dev/null || echo "?")
	t2=$(secs run_mbsync); mb+=("$t2"); c2=$(cpu)
	printf '   run %d: cyberintake serve --once %6.2f s, CPU %s s (%s stored)   mbsync %6.2f s, CPU %s s (%d files)\n' "$i" "$t" "$c1" "$n" "$t2" "$c2" "$(find "$work/mbsync/INBOX" -type f | wc -l)"
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END{print (NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2}'; }
printf '   median: cyberintake %.2f s, mbsync %.2f s\n' "$(median "${ci[@]}")" "$(median "${mb[@]}")"

echo "== IDLE: delivery-to-filed latency over $LAT deliveries, then RSS over a ${SOAK}s soak"
rm -f "$work/ci.db"
"$work/cyberintake" --db "$work/ci.db" "${serve_args[@]}" --http "127.0.0.1:$HTTP_PORT" 2>"$work/daemon.log" &
daemon=$!
python3 - "$IMAP_PORT" "$HTTP_PORT" "$LAT" "$SOAK" "$daemon" "$COUNT" <<'PY'
import imaplib, re, statistics, sys, time, urllib.request
imap_port, http_port, lat_n, soak, pid, count = map(int, sys.argv[1:])

def filed():
    try:
        body = urllib.request.urlopen(f"http://127.0.0.1:{http_port}/metrics", timeout=2).read().decode()
    except OSError:
        return -1
    tot = 0.0
    for m in re.finditer(r'^cyberintake_imap_messages_(?:filed|duplicate)_total\{[^}]*\} (\S+)$', body, re.M):
        tot += float(m.group(1))
    return int(tot)

def rss_kb():
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])

t0 = time.time()
while filed() < count:
    if time.time() - t0 > 600:
        sys.exit("initial sync did not finish within 600 s")
    time.sleep(0.2)
print(f"   daemon caught up with {count} messages in {time.time()-t0:.1f} s (RSS {rss_kb()/1024:.0f} MiB)")
time.sleep(1)

imap = imaplib.IMAP4("127.0.0.1", imap_port)
imap.login("ql", "test")
seq = 0
def deliver():
    global seq
    seq += 1
    msg = (f"Message-ID: <bench-{time.time_ns()}-{seq}@bench>\r\nFrom: labo@example.org\r\n"
           f"To: QL_secretariat@sciensano.be\r\nSubject: Cyber attaque - labo {10000+seq}\r\n"
           f"Date: Mon, 01 Mar 2021 10:00:00 +0100\r\n\r\na) phishing\r\nb) LIS down {seq} days\r\n").encode()
    imap.append("INBOX", None, None, msg)

lat = []
for i in range(lat_n):
    before = filed()
    start = time.time()
    deliver()
    while filed() <= before:
        if time.time() - start > 10:
            sys.exit("a delivery was not filed within 10 s")
        time.sleep(0.002)
    lat.append(time.time() - start)
    time.sleep(0.3)
lat.sort()
print(f"   latency over {lat_n} deliveries: median {statistics.median(lat)*1000:.0f} ms, "
      f"min {lat[0]*1000:.0f} ms, max {lat[-1]*1000:.0f} ms")

samples = []
start = time.time()
next_sample = start
while time.time() - start < soak:
    deliver()
    if time.time() >= next_sample:
        samples.append((time.time() - start, rss_kb()))
        next_sample += 15
    time.sleep(1)
samples.append((time.time() - start, rss_kb()))
imap.logout()
first, last = samples[0][1], samples[-1][1]
mx = max(s[1] for s in samples)
print(f"   soak {soak} s, {seq} messages delivered: RSS start {first/1024:.1f} MiB, end {last/1024:.1f} MiB, "
      f"max {mx/1024:.1f} MiB; samples (s:MiB) " + " ".join(f"{t:.0f}:{r/1024:.1f}" for t, r in samples))
PY
kill -TERM "$daemon"; wait "$daemon" && echo "   daemon exited 0 on SIGTERM" || echo "   daemon exit status $?"
daemon=
# grep -c exits 1 when it counts nothing, which is the good case here.
echo "   daemon errors logged: $(grep -c '"level":"ERROR"' "$work/daemon.log" || true)"
