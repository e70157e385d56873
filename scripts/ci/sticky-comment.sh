#!/usr/bin/env bash
# Posts BODY_FILE as the pull request's one API-diff comment: edits the comment that holds the
# marker, or creates it. Then sets exactly one semver label. Needs gh, GH_TOKEN, GITHUB_REPOSITORY.
#   scripts/ci/sticky-comment.sh PR_NUMBER BODY_FILE LABEL
set -euo pipefail
pr="$1" body_file="$2" label="$3"
marker='<!-- openai-ts-codegen:api-diff -->'
case "$pr" in (*[!0-9]*|'') echo "not a pull request number: $pr" >&2; exit 2;; esac
case "$label" in (semver:major|semver:minor|semver:patch) ;; (*) echo "not a semver label: $label" >&2; exit 2;; esac
head -n1 "$body_file" | grep -qxF "$marker" || { echo "$body_file does not start with the marker" >&2; exit 2; }

existing=$(gh api --paginate "repos/$GITHUB_REPOSITORY/issues/$pr/comments" \
  --jq "map(select(.user.login == \"github-actions[bot]\" and (.body | startswith(\"$marker\")))) | .[0].id // empty" | head -n1)
if [ -n "$existing" ]; then
  gh api --method PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$existing" -F "body=@$body_file" >/dev/null
else
  gh api --method POST "repos/$GITHUB_REPOSITORY/issues/$pr/comments" -F "body=@$body_file" >/dev/null
fi

for name in semver:major semver:minor semver:patch; do
  gh label create "$name" --repo "$GITHUB_REPOSITORY" --color ededed --force >/dev/null
  if [ "$name" = "$label" ]; then gh pr edit "$pr" --repo "$GITHUB_REPOSITORY" --add-label "$name" >/dev/null
  else gh pr edit "$pr" --repo "$GITHUB_REPOSITORY" --remove-label "$name" >/dev/null 2>&1 || true; fi
done
