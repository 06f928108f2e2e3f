#!/usr/bin/env bash
# Fail when the committed dist/ is not what a fresh build of this commit
# produces (a changed, deleted or new file under dist/). Used by .ci/run and by
# .github/workflows/dist.yml.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run build
if ! git diff --quiet -- dist || [ -n "$(git ls-files --others --exclude-standard -- dist)" ]; then
  echo 'dist/ differs from a fresh build of this commit: run npm run build and commit dist/' >&2
  git status --short -- dist >&2
  git diff --stat -- dist >&2
  exit 1
fi
echo '::: dist/ is up to date'
