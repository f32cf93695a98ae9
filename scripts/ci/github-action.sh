#!/usr/bin/env bash
# The shell part of the GitHub action (action.yml): finds the command line,
# scans, writes SARIF for code scanning and a markdown summary on the job
# page, and exits with the scan's exit code (0 clean, 1 findings at or above
# fail-on, 2 bad input or an incomplete scan).
#
# Inputs come as environment variables, as action.yml passes them:
#   INPUT_PATH           what to scan, one path per line (default .)
#   INPUT_FAIL_ON        error | warning | information (default error)
#   INPUT_SARIF_FILE     where the SARIF goes (default cpi-security-lint.sarif)
#   INPUT_CHANGED_SINCE  a git revision: scan only artifacts changed since it
#   INPUT_PACKAGE        a cpi-security-lint-<version>.tgz to install first
# and GitHub's own: GITHUB_STEP_SUMMARY, GITHUB_OUTPUT, GITHUB_ACTION_PATH,
# GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA.
set -uo pipefail

fail_on="${INPUT_FAIL_ON:-error}"
sarif_file="${INPUT_SARIF_FILE:-cpi-security-lint.sarif}"
changed_since="${INPUT_CHANGED_SINCE:-}"
package="${INPUT_PACKAGE:-}"

error() {
  echo "::error title=CPI Security Lint::$1"
  [ -n "${GITHUB_OUTPUT:-}" ] && echo "exit-code=2" >>"$GITHUB_OUTPUT"
  exit 2
}

# The command line: the tarball given, else one on the PATH, else built from the action's own source.
if [ -n "$package" ]; then
  npm install -g --no-audit --no-fund "$package" >&2 || error "could not install $package"
  prefix="$(npm prefix -g)"
  if [ -x "$prefix/bin/cpi-security-lint" ]; then cli=("$prefix/bin/cpi-security-lint"); else cli=("$prefix/cpi-security-lint"); fi
elif command -v cpi-security-lint >/dev/null 2>&1; then
  cli=(cpi-security-lint)
else
  source_root="${GITHUB_ACTION_PATH:-}"
  [ -n "$source_root" ] || error "cpi-security-lint is not installed and GITHUB_ACTION_PATH is not set: give the package input"
  if [ ! -f "$source_root/server/out/cli.js" ]; then
    echo "Building cpi-security-lint from the action's source (give the package input to skip this)" >&2
    (cd "$source_root" && npm ci --no-audit --no-fund && node scripts/build.mjs --production) >&2 || error "could not build the command line in $source_root"
  fi
  cli=(node "$source_root/server/out/cli.js")
fi

# One path per line of the input; blank lines do not count.
paths=()
while IFS= read -r line; do
  [ -n "${line//[[:space:]]/}" ] && paths+=("$line")
done <<<"${INPUT_PATH:-.}"
[ "${#paths[@]}" -gt 0 ] || paths=(.)

args=(--fail-on "$fail_on")
[ -n "$changed_since" ] && args+=(--changed-since "$changed_since")

"${cli[@]}" --format sarif --output "$sarif_file" "${args[@]}" -- "${paths[@]}"
code=$?

# The summary is a second, quiet run of the same scan: its notes were already shown above.
if [ -n "${GITHUB_STEP_SUMMARY:-}" ] && [ "$code" -ne 2 ]; then
  link=()
  if [ -n "${GITHUB_REPOSITORY:-}" ] && [ -n "${GITHUB_SHA:-}" ]; then
    link=(--link-base "${GITHUB_SERVER_URL:-https://github.com}/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/")
  fi
  "${cli[@]}" --format markdown ${link[@]+"${link[@]}"} "${args[@]}" -- "${paths[@]}" >>"$GITHUB_STEP_SUMMARY" 2>/dev/null
fi

[ "$code" -eq 2 ] && echo "::error title=CPI Security Lint::the scan could not complete (exit 2): see the messages above"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "exit-code=$code" >>"$GITHUB_OUTPUT"
  [ -f "$sarif_file" ] && echo "sarif-file=$sarif_file" >>"$GITHUB_OUTPUT"
fi
exit "$code"
