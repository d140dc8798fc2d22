#!/usr/bin/env bash
# Builds the fuzz targets and runs each for a while: fuzz/run.sh [SECONDS_PER_TARGET] (default 60).
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz --locked`). Each target
# starts from its committed corpus and regressions (read, never written); new corpus entries and
# crash inputs go to a scratch folder, fuzz/scratch/ (or $FUZZ_SCRATCH), which git ignores.
# FUZZ_TARGETS="dates fold" runs only those; FUZZ_ARGS adds libFuzzer options (e.g.
# "-fork=1 -ignore_crashes=1" to go on after a crash and collect several). Prints one line per target; exits 1 when any
# target crashed, timed out or ran out of memory (the inputs are under scratch/artifacts/).
set -euo pipefail
cd "$(dirname "$0")"

secs=${1:-60}
scratch=${FUZZ_SCRATCH:-$PWD/scratch}
all_targets="events_csv events_jsonl acled_csv gdelt_tsv ucdp_csv places_csv geonames_rows html_article text_article dates fold resolve rules_file layers_folder"
targets=${FUZZ_TARGETS:-$all_targets}

cargo +nightly fuzz build
host=$(rustc +nightly -vV | sed -n 's/^host: //p')
bin=target/$host/release

failed=0
for t in $targets; do
  mkdir -p "$scratch/corpus/$t" "$scratch/artifacts/$t" "$scratch/logs"
  log=$scratch/logs/$t.log
  count() { find "$scratch/artifacts/$t" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'slow-unit-*' \) | wc -l; }
  before=$(count)
  # The first folder receives new entries; the committed ones are only read.
  set +e
  "$bin/$t" -max_total_time="$secs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$scratch/artifacts/$t/" -print_final_stats=1 ${FUZZ_ARGS:-} \
    "$scratch/corpus/$t" "corpus/$t" "regressions/$t" >"$log" 2>&1
  rc=$?
  set -e
  execs=$(grep -o '^stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
  [ -n "$execs" ] || execs=$(grep -o '^#[0-9]*' "$log" | tail -1 | tr -d '#' || true)
  found=$(($(count) - before))
  new=$(find "$scratch/corpus/$t" -type f | wc -l)
  printf '%-14s ≤%4ss  execs %-9s crashes/timeouts %-3s corpus+%-5s exit %s\n' "$t" "$secs" "${execs:-?}" "$found" "$new" "$rc"
  if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then
    failed=1
    grep -m1 -E "panicked at|ERROR: libFuzzer" "$log" | sed 's/^/    /' || true
  fi
done
[ "$failed" -eq 0 ] || echo "findings: see $scratch/artifacts/ and $scratch/logs/" >&2
exit "$failed"
