#!/usr/bin/env bash
# Records the current spec as the released one: run it when you release the version in pom.xml.
#
#   scripts/release-spec.sh
#
# 1. Checks that info.version of openapi/segments.v3.yaml equals the project version (pom.xml)
#    and that CHANGELOG.md has an entry for it.
# 2. Builds the openapi module: spec lint, tests, and the spec-change gate against the previous
#    release (skipped on the first release, which has nothing to compare with).
# 3. Copies the spec to openapi/released/segments.v3.yaml: the baseline of the next gate.
# 4. Tells you how to commit and tag.
#
# Idempotent: if the released spec already equals the current one, it changes nothing and says so.
set -euo pipefail
cd "$(dirname "$0")/.."

spec=openapi/segments.v3.yaml
released=openapi/released/segments.v3.yaml

fail() {
  echo "release-spec: $*" >&2
  exit 1
}

# info.version: the "  version:" line inside the top-level "info:" block.
info_version() {
  sed -n '/^info:/,/^[^ ]/ s/^  version: *//p' "$1" | head -n 1 | tr -d "'\"\r"
}

project_version=$(./mvnw -q -N exec:exec -Dexec.executable=echo '-Dexec.args=${project.version}')
spec_version=$(info_version "$spec")
[[ -n "$spec_version" ]] || fail "no info.version in $spec"
[[ "$spec_version" == "$project_version" ]] ||
  fail "info.version of $spec is $spec_version but the project version is $project_version; make them equal first"

if [[ -f "$released" ]] && cmp -s "$spec" "$released"; then
  echo "release-spec: $released already is the spec of $project_version; nothing to do."
  exit 0
fi

gate_args=()
if [[ -f "$released" ]]; then
  released_version=$(info_version "$released")
  [[ "$released_version" != "$project_version" ]] ||
    fail "$released is $released_version too, but differs from $spec: the spec changed after $released_version was released; raise the version"
else
  echo "release-spec: first release: no released spec to compare with, the spec-change gate is skipped."
  gate_args=(-Dexec.skip=true)
fi
grep -q "^## \[$project_version\]" CHANGELOG.md ||
  fail "CHANGELOG.md has no '## [$project_version]' entry; write one first"

echo "release-spec: building the openapi module (lint, tests, spec-change gate) ..."
./mvnw -B -q -pl openapi verify "${gate_args[@]}"

mkdir -p "$(dirname "$released")"
cp "$spec" "$released"
echo "release-spec: $released is now the spec of $project_version, the baseline of the spec-change gate."
echo "Next: commit the release (version bump, CHANGELOG.md, $released) and tag it:"
echo "  git add $released && git commit -am 'Release $project_version'"
echo "  git tag -a v$project_version -m 'segments-kit $project_version' && git push origin v$project_version"
