#!/bin/sh
# Runs one fuzz target for a while on one core, keeping going after a crash so that a run
# of the given length is spent whatever it finds (crashes land in artifacts/TARGET/).
#   fuzz/run.sh TARGET [SECONDS]      (build first: see fuzz/README.md)
set -eu
cd "$(dirname "$0")"
t=$1
secs=${2:-600}
mkdir -p corpus/"$t" artifacts/"$t" logs bin
# A copy, so that rebuilding while a run goes on does not swap the binary under it.
cp target/x86_64-unknown-linux-gnu/release/"$t" bin/"$t"
exec nice -n 19 ./bin/"$t" corpus/"$t" seeds/"$t" \
    -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
    -max_total_time="$secs" -timeout=10 -rss_limit_mb=1536 -max_len=8192 \
    -artifact_prefix=artifacts/"$t"/ > logs/"$t".log 2>&1
