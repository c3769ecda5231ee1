#!/usr/bin/env bash
# Score ../shared/eval/dev2 in halves: odd ids (tuned on) and even ids (looked at only at the end
# of a larger step). Usage: eval/dev2_halves.sh [odd|even|all] [-v]
set -euo pipefail
cd "$(dirname "$0")/.."
half=${1:-odd}; shift || true
shared=../shared/eval
h=$(mktemp -d); trap 'rm -rf "$h"' EXIT
for g in "$shared"/dev2/gold/x*.json; do
  n=$(basename "$g" .json); n=$((10#${n#x}))
  case $half in
    odd) [ $((n % 2)) = 1 ] && ln -s "$(realpath "$g")" "$h/" ;;
    even) [ $((n % 2)) = 0 ] && ln -s "$(realpath "$g")" "$h/" ;;
    all) ln -s "$(realpath "$g")" "$h/" ;;
  esac
done
python3 "$shared/score.py" --gold "$h" --texts .cache/dev2-texts \
  --cmd '.venv/bin/waishi extract {file} --format json' "$@"
