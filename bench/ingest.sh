#!/usr/bin/env bash
# Ingest benchmark: cyberintake vs mu and notmuch on the same generated mail.
#
#   bench/ingest.sh [WORKDIR]        (from the repository root)
#
# Makes a 10,000-message archive with ../shared/tools/gen-corpus (an mbox
# and its Maildir twin), then in the same run times
#   cyberintake ingest MAILDIR     cyberintake ingest MBOX
#   mu index  (maildir-utils)      notmuch new
# with /usr/bin/time -v (wall time, peak RSS), and cyberintake again on a
# 50,000-message mbox to show that its RSS does not grow with the archive.
# It prints the figures, the ratios to the targets (>= 5x mu, >= 10x
# notmuch, RSS < 100 MB, store <= raw mail) and the machine (nproc, CPU).
#
# Environment: COUNT (10000), BIG (50000; 0 skips the big run), SEED (1),
# GEN_CORPUS (../shared/tools/gen-corpus). mu, notmuch and GNU time are
# installed with apt-get when missing (needs root).
set -euo pipefail

cd "$(dirname "$0")/.."
COUNT=${COUNT:-10000}
BIG=${BIG:-50000}
SEED=${SEED:-1}
GEN=${GEN_CORPUS:-../shared/tools/gen-corpus}
WORK=${1:-$(mktemp -d /tmp/cyberintake-bench.XXXXXX)}
mkdir -p "$WORK"
echo "work directory: $WORK"

need=()
command -v mu >/dev/null || need+=(maildir-utils)
command -v notmuch >/dev/null || need+=(notmuch)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
	echo "installing ${need[*]}"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

go build -o "$WORK/cyberintake" ./cmd/cyberintake
CI="$WORK/cyberintake"

gen() { # COUNT MBOX [MAILDIR]
	[ -s "$2" ] && return
	echo "generating $1 messages"
	if [ -n "${3:-}" ]; then
		python3 "$GEN" --count "$1" --seed "$SEED" --mbox "$2" --maildir "$3"
	else
		python3 "$GEN" --count "$1" --seed "$SEED" --mbox "$2"
	fi
}
gen "$COUNT" "$WORK/mail.mbox" "$WORK/maildir"
warm() { cat "$WORK/mail.mbox" >/dev/null; find "$WORK/maildir" -type f -exec cat {} + >/dev/null; }

# timed NAME CMD...: runs CMD under /usr/bin/time -v; records wall seconds,
# CPU seconds (user+sys) and peak RSS (MB) in SECS, CPU and RSS[NAME]. On a
# shared machine CPU time is the steadier figure.
declare -A SECS CPU RSS
timed() {
	local name=$1
	shift
	warm
	/usr/bin/time -v -o "$WORK/$name.time" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" || {
		echo "$name failed:"
		tail -5 "$WORK/$name.err"
		exit 1
	}
	SECS[$name]=$(awk -F': ' '/Elapsed/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$WORK/$name.time")
	RSS[$name]=$(awk -F': ' '/Maximum resident/ {printf "%.0f", $2/1024}' "$WORK/$name.time")
	CPU[$name]=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$WORK/$name.time")
	printf '%-24s %8.2f s wall %8.2f s CPU  %6d MB peak RSS\n' "$name" "${SECS[$name]}" "${CPU[$name]}" "${RSS[$name]}"
}

rm -rf "$WORK/ci-maildir.db" "$WORK/ci-mbox.db" "$WORK/mu" "$WORK/notmuch-db" "$WORK/notmuch.cfg"
timed cyberintake-maildir "$CI" --db "$WORK/ci-maildir.db" ingest "$WORK/maildir"
timed cyberintake-mbox "$CI" --db "$WORK/ci-mbox.db" ingest "$WORK/mail.mbox"

mu init --muhome="$WORK/mu" --maildir="$WORK/maildir" >/dev/null
timed mu-index mu index --muhome="$WORK/mu"

mkdir -p "$WORK/notmuch-db"
cat >"$WORK/notmuch.cfg" <<CFG
[database]
path=$WORK/notmuch-db
mail_root=$WORK/maildir
[user]
name=Bench
primary_email=bench@example.org
[new]
tags=inbox;
[maildir]
synchronize_flags=false
CFG
timed notmuch-new env NOTMUCH_CONFIG="$WORK/notmuch.cfg" notmuch new --quiet

if [ "$BIG" -gt 0 ]; then
	gen "$BIG" "$WORK/big.mbox"
	rm -f "$WORK/ci-big.db"
	cat "$WORK/big.mbox" >/dev/null
	timed cyberintake-big-mbox "$CI" --db "$WORK/ci-big.db" ingest "$WORK/big.mbox"
fi

raw=$(du -sb "$WORK/maildir" | cut -f1)
mboxsz=$(stat -c %s "$WORK/mail.mbox")
store=$(stat -c %s "$WORK/ci-mbox.db")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a/b}'; }
echo
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "messages: $COUNT ($((mboxsz / 1000000)) MB mbox, $((raw / 1000000)) MB Maildir)"
head -3 "$WORK/cyberintake-mbox.out"
for other in mu-index notmuch-new; do
	target=5
	[ $other = notmuch-new ] && target=10
	printf 'speed-up vs %-12s wall %sx (Maildir) %sx (mbox); CPU %sx (Maildir) %sx (mbox); target >= %sx\n' "$other:" \
		"$(ratio "${SECS[$other]}" "${SECS[cyberintake-maildir]}")" "$(ratio "${SECS[$other]}" "${SECS[cyberintake-mbox]}")" \
		"$(ratio "${CPU[$other]}" "${CPU[cyberintake-maildir]}")" "$(ratio "${CPU[$other]}" "${CPU[cyberintake-mbox]}")" $target
done
big=""
[ "$BIG" -gt 0 ] && big=", ${RSS[cyberintake-big-mbox]} MB ($BIG-message mbox)"
echo "cyberintake peak RSS: ${RSS[cyberintake-maildir]} MB (Maildir), ${RSS[cyberintake-mbox]} MB (mbox)$big   target < 100 MB, not growing"
echo "store size: $((store / 1000000)) MB for $((mboxsz / 1000000)) MB of mail ($(ratio "$store" "$mboxsz")x)   target <= 1x"
