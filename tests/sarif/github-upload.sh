#!/bin/sh
# Reads reglint's SARIF as GitHub code scanning's upload reads it, and checks
# what ranking and deduplicating alerts needs: every result's file resolves,
# relative to the repository, to a file that exists (SRCROOT, no "./", "../"
# or file:), its region lies in that file, its rule is rules[ruleIndex],
# partial fingerprints are there, unique, and survive a line move, security
# rules carry the "security" tag and a security-severity, rules link their
# help, fixes name the result's file, suppressed findings come with their
# suppression, and invocations hold the run's exit status.
#   tests/sarif/github-upload.sh BIN
# Needs jq; without it the check is skipped (exit 77), and says so.
set -u
command -v jq >/dev/null 2>&1 || { echo "needs jq"; exit 77; }
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
check() { # NAME FILE JQ-EXPRESSION [ARGS...]
    name=$1 file=$2 expr=$3
    shift 3
    if jq -e "$@" "$expr" "$file" >/dev/null; then
        echo "ok: $name"
    else
        echo "FAIL: $name"
        failed=$((failed + 1))
    fi
}

# A repository of its own, so that paths are relative to its root.
repo=$work/repo
mkdir -p "$repo/registry/sub" "$repo/elsewhere"
git init -q "$repo"
cp "$top/tests/golden/lint/suppress.reg" "$repo/registry/suppress.reg"
cp "$top/samples/tls12-review.reg" "$repo/registry/sub/tls12 review.reg"
cp "$top/samples/pasted-from-web.reg" "$repo/registry/pasted.reg"
cp "$top/tests/golden/lint/profile-bad.profile" "$repo/registry/bad.profile"
cd "$repo/elsewhere" || exit 3
env -u GITHUB_WORKSPACE "$bin" lint -f sarif ../registry ../registry/bad.profile >"$work/a.sarif" 2>/dev/null
rc=$?
out=$work/a.sarif
run='.runs[0]'
check "the file is one SARIF 2.1.0 run" "$out" '.version == "2.1.0" and (.runs | length) == 1'
check "invocations hold the exit status ($rc)" "$out" \
    "$run.invocations[0] | .exitCode == \$rc and .executionSuccessful == true" --argjson rc "$rc"
check "columns count code points" "$out" "$run.columnKind == \"unicodeCodePoints\""
check "SRCROOT is declared" "$out" "$run.originalUriBaseIds.SRCROOT != null"
check "every result is relative to SRCROOT, without ./, ../, / or file:" "$out" \
    "all($run.results[].locations[0].physicalLocation.artifactLocation;
         .uriBaseId == \"SRCROOT\" and (.uri | test(\"^(\\\\./|\\\\.\\\\./|/|file:)|/\\\\.\\\\.?/\") | not))"
check "a name with a space is percent-encoded" "$out" \
    "any($run.results[]; .locations[0].physicalLocation.artifactLocation.uri == \"registry/sub/tls12%20review.reg\")"
check "every result's rule is rules[ruleIndex]" "$out" \
    "$run as \$r | all(\$r.results[]; .ruleIndex != null and \$r.tool.driver.rules[.ruleIndex].id == .ruleId)"
check "PF codes are rules too" "$out" \
    "any($run.results[]; .ruleId | startswith(\"PF\")) and any($run.tool.driver.rules[]; .id == \"PF1001\")"
check "every result has a partial fingerprint" "$out" \
    "all($run.results[]; (.partialFingerprints[\"reglintFindingHash/v1\"] // \"\") | length > 0)"
check "fingerprints are unique in a file" "$out" \
    "[$run.results[] | [.locations[0].physicalLocation.artifactLocation.uri, .partialFingerprints[]] ] | length == (unique | length)"
check "security rules are tagged and ranked (0 < security-severity <= 10)" "$out" \
    "all($run.tool.driver.rules[] | select(.id | startswith(\"RL4\"));
         (.properties.tags | index(\"security\")) != null and
         (.properties[\"security-severity\"] | tonumber) as \$s | \$s > 0 and \$s <= 10)"
check "an error of a security rule ranks High (7.0 or more)" "$out" \
    "any($run.tool.driver.rules[]; .id == \"RL4001\" and (.properties[\"security-severity\"] | tonumber) >= 7)"
# A build with REGLINT_HOMEPAGE links the pages; without, SARIF names no address.
check "rules link their page and the tool its home, or neither does" "$out" \
    "if $run.tool.driver.informationUri then
       ($run.tool.driver.informationUri | startswith(\"https://\")) and
       all($run.tool.driver.rules[]; .helpUri | startswith(\"https://\"))
     else all($run.tool.driver.rules[]; .helpUri == null) end"
check "fixes change the result's own file" "$out" \
    "[$run.results[] | select(.fixes) ] | length > 0 and
     all(.[]; .locations[0].physicalLocation.artifactLocation == .fixes[0].artifactChanges[0].artifactLocation)"
check "suppressed findings are results with their suppression and reason" "$out" \
    "any($run.results[]; .suppressions[0].kind == \"inSource\" and .suppressions[0].justification == \"legacy scanner until 2027-01\")"

# Every result names a file that exists, at a line it has.
jq -r "$run.results[] | .locations[0].physicalLocation | \"\\(.artifactLocation.uri) \\(.region.startLine)\"" "$out" |
    sed 's/%20/ /g' >"$work/places"
missing=0
while read -r line; do
    start=${line##* }
    path=${line% *}
    if [ ! -f "$repo/$path" ] || [ "$start" -gt "$(($(wc -l <"$repo/$path") + 1))" ]; then
        echo "  no line $start in $path"
        missing=1
    fi
done <"$work/places"
if [ "$missing" -eq 0 ]; then echo "ok: every result's file and line exist in the repository"; else echo "FAIL: results outside the repository"; failed=$((failed + 1)); fi

# A line move keeps the fingerprints; GITHUB_WORKSPACE is the root when set.
cd "$repo" || exit 3
"$bin" lint -f sarif registry/pasted.reg >"$work/before.sarif" 2>/dev/null
awk 'NR == 1 { print; print "; two lines"; print "; moved down"; next } 1' registry/pasted.reg >"$work/moved"
cp "$work/moved" registry/pasted.reg
cd registry || exit 3
GITHUB_WORKSPACE=.. "$bin" lint -f sarif pasted.reg >"$work/after.sarif" 2>/dev/null
fingerprints='[.runs[0].results[] | .partialFingerprints["reglintFindingHash/v1"]] | sort'
lines='[.runs[0].results[].locations[0].physicalLocation.region.startLine]'
if [ "$(jq -c "$fingerprints" "$work/before.sarif")" = "$(jq -c "$fingerprints" "$work/after.sarif")" ] &&
    [ "$(jq -c "$lines" "$work/before.sarif")" != "$(jq -c "$lines" "$work/after.sarif")" ]; then
    echo "ok: fingerprints stay when the lines move"
else
    echo "FAIL: fingerprints changed with a line move"
    failed=$((failed + 1))
fi
check "GITHUB_WORKSPACE is the root when set" "$work/after.sarif" \
    'all(.runs[0].results[]; .locations[0].physicalLocation.artifactLocation.uri == "registry/pasted.reg")'
echo "github-upload: $failed failed"
[ "$failed" -eq 0 ]
