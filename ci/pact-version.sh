#!/usr/bin/env bash
# The version and branch under which a build publishes its pacts to a Pact Broker, taken from the
# CI's own variables first (a pull-request checkout is a detached HEAD, where
# `git rev-parse --abbrev-ref HEAD` prints "HEAD"), then from git. Shared by .ci/run and the CI
# templates (.github/workflows/contract-verification.yml, ci/gitlab-ci.yml); docs/contracts.md.
#
#   ci/pact-version.sh branch       the branch: GITHUB_HEAD_REF (a pull request's source branch),
#                                   GITHUB_REF_NAME, CI_MERGE_REQUEST_SOURCE_BRANCH_NAME,
#                                   CI_COMMIT_REF_NAME, else git's current branch
#   ci/pact-version.sh sha          the commit: GITHUB_SHA, CI_COMMIT_SHA, else git rev-parse HEAD
#   ci/pact-version.sh maven-args   both, as the properties the pact-publish profile needs, one a line:
#                                   -Dpact.consumer.version=<sha>
#                                   -Dpact.consumer.branch=<branch>
#
# Fails (exit 1, a message on stderr) when it cannot tell the branch.
set -euo pipefail

ci_branch() {
  local branch="${GITHUB_HEAD_REF:-${GITHUB_REF_NAME:-${CI_MERGE_REQUEST_SOURCE_BRANCH_NAME:-${CI_COMMIT_REF_NAME:-}}}}"
  if [[ -z "$branch" ]]; then
    branch="$(git symbolic-ref --short -q HEAD || true)"
  fi
  if [[ -z "$branch" ]]; then
    echo "cannot tell the branch (detached HEAD and no CI branch variable); set GITHUB_REF_NAME or CI_COMMIT_REF_NAME" >&2
    return 1
  fi
  printf '%s\n' "$branch"
}

ci_sha() {
  local sha="${GITHUB_SHA:-${CI_COMMIT_SHA:-}}"
  if [[ -z "$sha" ]]; then
    sha="$(git rev-parse HEAD)"
  fi
  printf '%s\n' "$sha"
}

case "${1:-}" in
  branch) ci_branch ;;
  sha) ci_sha ;;
  maven-args)
    sha="$(ci_sha)"
    branch="$(ci_branch)"
    printf -- '-Dpact.consumer.version=%s\n-Dpact.consumer.branch=%s\n' "$sha" "$branch"
    ;;
  *)
    echo "usage: ci/pact-version.sh branch|sha|maven-args" >&2
    exit 2
    ;;
esac
