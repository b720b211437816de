#!/usr/bin/env bash
# The single test command: installs what the suite needs, builds, runs every test project,
# and ends with a summary line "N passed, N failed[, N skipped]".
# Extra arguments are passed to `dotnet test`, e.g. ./test.sh --filter "FullyQualifiedName~Mail".
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export PLAYWRIGHT_CHROMIUM_EXECUTABLE=/usr/bin/chromium

# (a) Debian packages: headless browser, CJK font for rendering Chinese, SMTP test server.
apt_packages=(chromium fonts-wqy-microhei python3-aiosmtpd)
missing=()
for pkg in "${apt_packages[@]}"; do
  if ! dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed'; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]} > 0)); then
  echo "Installing missing packages: ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null 2>&1; then
      sudo_cmd=(sudo)
    else
      echo "error: need root or sudo to install: ${missing[*]}" >&2
      exit 1
    fi
  fi
  "${sudo_cmd[@]}" apt-get update
  "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
fi

# (b) local tools, (c) build.
dotnet tool restore
dotnet build Monolith.sln -c Release

# (d) run the tests, keeping a copy of the output to count results.
log=$(mktemp "${TMPDIR:-/tmp}/dotnet-test.XXXXXX.log")
trap 'rm -f "$log"' EXIT

set +e
dotnet test Monolith.sln -c Release --no-build --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
test_status=${PIPESTATUS[0]}
set -e

# (e) sum the per-assembly summaries. Normal verbosity prints a block per assembly:
#   Total tests: 12 /     Passed: 11 /     Failed: 1 /    Skipped: 0 / Total time: ...
# minimal verbosity prints one line per assembly instead:
#   Passed!  - Failed:     0, Passed:    12, Skipped:     0, Total:    12, Duration: ...
read -r passed failed skipped < <(awk '
  { sub(/\r$/, ""); gsub(/\033\[[0-9;]*m/, "") }
  /^[[:space:]]*Total tests: [0-9]+/ { in_block = 1; blocks++; next }
  in_block && /^[[:space:]]*Total time:/ { in_block = 0; next }
  in_block && /^[[:space:]]+(Passed|Failed|Skipped): [0-9]+[[:space:]]*$/ {
    if ($1 == "Passed:") bp += $2; else if ($1 == "Failed:") bf += $2; else bs += $2
    next
  }
  /^[[:space:]]*(Passed|Failed)! +- +Failed: / {
    for (i = 1; i < NF; i++) {
      if ($i == "Passed:") mp += $(i + 1)
      else if ($i == "Failed:") mf += $(i + 1)
      else if ($i == "Skipped:") ms += $(i + 1)
    }
  }
  END {
    if (blocks > 0) printf "%d %d %d\n", bp, bf, bs
    else printf "%d %d %d\n", mp, mf, ms
  }
' "$log")

echo
if ((skipped > 0)); then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi

if ((test_status != 0)); then
  exit "$test_status"
fi
if ((passed == 0)); then
  echo "error: no tests passed" >&2
  exit 1
fi
