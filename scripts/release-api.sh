#!/usr/bin/env bash
# Records the jars of the version in pom.xml as the released ones: the baseline of the Java API
# gate, as scripts/release-spec.sh records the spec for the spec gate. Run both when you release.
#
#   scripts/release-api.sh
#
# 1. Checks that CHANGELOG.md has an entry for the project version.
# 2. Builds the published jars (with their tests) and runs the Java API gate against the last
#    release; if it passes, the gate replaces api-gate/released/*.jar with the jars it just
#    compared (-Dapi-gate.record=true, ApiGateMain).
# 3. Tells you how to commit.
#
# Idempotent: if api-gate/released/ already holds this version's jars and the API is unchanged, it
# changes nothing; if the API changed under a version already recorded, it refuses.
# Build releases on JDK 17 (as .ci/run step 1 does): the jars target 17 and say Build-Jdk-Spec: 17.
set -euo pipefail
cd "$(dirname "$0")/.."

released=api-gate/released

fail() {
  echo "release-api: $*" >&2
  exit 1
}

project_version=$(./mvnw -q -N exec:exec -Dexec.executable=echo '-Dexec.args=${project.version}')
grep -q "^## \[$project_version\]" CHANGELOG.md ||
  fail "CHANGELOG.md has no '## [$project_version]' entry; write one first"

echo "release-api: building the published jars and running the Java API gate ..."
./mvnw -B -q -pl api-gate -am verify -Dapi-gate.record=true

echo "release-api: $released holds the jars of $project_version, the baseline of the Java API gate."
echo "Next: commit them with the rest of the release (see scripts/release-spec.sh):"
echo "  git add -A $released && git commit -m 'Release $project_version: API baseline'"
