#!/usr/bin/env bash
# Run every fuzz target for MINUTES minutes each (default 10), seeded from the fixtures.
# Needs nightly Rust and cargo-fuzz (`cargo install cargo-fuzz`). Crashes land in
# fuzz/artifacts/<target>/; turn each into a regression test in tests/.
set -euo pipefail
cd "$(dirname "$0")"
minutes=${1:-10}
targets=${TARGETS:-"front_matter site_yaml self_check directive markdown"}
fx=../tests/fixtures
seed() { # target → corpus folder with the fixtures' files of that kind
  local t=$1 dir=corpus/$1
  mkdir -p "$dir"
  case $t in
    front_matter|markdown) find "$fx" ../content -name '*.md' -exec cp {} "$dir"/ \; 2>/dev/null || true ;;
    site_yaml) for f in "$fx"/*/site.yaml ../site.yaml; do cp "$f" "$dir/$(echo "$f" | tr / _)"; done ;;
    self_check) for f in "$fx"/*/content/self-check.yaml ../content/self-check.yaml; do cp "$f" "$dir/$(echo "$f" | tr / _)"; done ;;
    directive) grep -rhoE '\{\{<[^>]*>\}\}' "$fx" ../content | awk '{print > "'"$dir"'/d" NR}' ;;
  esac
}
for t in $targets; do
  seed "$t"
  echo "fuzz: $t for $minutes min"
  cargo +nightly fuzz run "$t" "corpus/$t" -- -max_total_time=$((minutes * 60)) -rss_limit_mb=4096 -timeout=30 2>&1 \
    | grep -E '^(#[0-9]+.*DONE|Done|==|SUMMARY|artifact_prefix|Test unit written)' || true
done
