#!/bin/sh
# How right lint is on the published files of tests/corpus/real, as a Windows
# TLS engineer judged it.
#   tests/accuracy/run.sh BIN
# Every finding at warning or error is looked up in labels.tsv, where each one
# was judged by hand: right (flag it, at this severity), severity (flag it, at
# another severity: the reason names which) or wrong (the finding or its advice
# is wrong). misses.tsv lists what such a reviewer flags that lint does not
# report at warning or above. Prints precision (right / all findings), recall
# (right / right + severity + missed) and the known misses, then the summary
# line "accuracy: N passed, N failed". It fails when a finding has no label, a
# label's message differs from the finding's (judge it again), a label names a
# finding that no longer appears, or a listed miss is now found: the lists must
# say what lint does today. Unlabelled findings are printed as labels.tsv rows
# with verdict "?", ready to judge.
set -u
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
real=$here/../corpus/real
found=$(mktemp)
trap 'rm -f "$found"' EXIT

# One row per finding: file, line, column, rule, severity, message.
for reg in "$real"/*.reg; do
    (cd "$real" && "$bin" lint -f gcc --fail-on none "$(basename "$reg")") 2>/dev/null
done | sed -n 's/^\([^:]*\):\([0-9]*\):\([0-9]*\): \(warning\|error\): \(.*\) \[\(RL[0-9]*\)\]$/\1	\2	\3	\6	\4	\5/p' >"$found"

awk -F '\t' -v found="$found" '
function key(file, line, col, rule) { return file SUBSEP line SUBSEP col SUBSEP rule }
FILENAME ~ /labels\.tsv$/ && !/^#/ && NF >= 8 {
    k = key($1, $2, $3, $4)
    label_severity[k] = $5; verdict[k] = $6; reason[k] = $7; message[k] = $8
    label_order[++labels] = k
    next
}
FILENAME ~ /misses\.tsv$/ && !/^#/ && NF >= 5 {
    miss_file[++misses] = $1; miss_line[misses] = $2; miss_rule[misses] = $3
    miss_severity[misses] = $4; miss_what[misses] = $5
    next
}
END {
    while ((getline row < found) > 0) {
        split(row, f, "\t")
        k = key(f[1], f[2], f[3], f[4])
        total++
        at[f[1] SUBSEP f[2] SUBSEP f[4]] = f[5]
        if (!(k in verdict)) {
            unlabelled[++unlabelled_count] = f[1] "\t" f[2] "\t" f[3] "\t" f[4] "\t" f[5] "\t?\t\t" f[6]
            failed++
            continue
        }
        seen[k] = 1
        if (message[k] != f[6] || label_severity[k] != f[5]) {
            printf "FAIL %s:%s:%s %s: the finding changed since it was judged\n  was: %s: %s\n  now: %s: %s\n",
                f[1], f[2], f[3], f[4], label_severity[k], message[k], f[5], f[6]
            failed++
            continue
        }
        passed++
        if (verdict[k] == "right") right++
        else if (verdict[k] == "severity") other_severity++
        else if (verdict[k] == "wrong") { wrong++; wrong_list[wrong] = k }
        else { printf "FAIL %s: unknown verdict \"%s\"\n", f[1], verdict[k]; failed++ }
    }
    for (i = 1; i <= labels; i++) {
        if (!(label_order[i] in seen)) {
            split(label_order[i], p, SUBSEP)
            printf "FAIL %s:%s:%s %s: labelled, but lint no longer reports it\n", p[1], p[2], p[3], p[4]
            failed++
        }
    }
    for (i = 1; i <= misses; i++) {
        m = miss_file[i] SUBSEP miss_line[i] SUBSEP miss_rule[i]
        if (m in at) {
            printf "FAIL %s:%s %s: listed as missed, but lint now reports it (%s): label it instead\n",
                miss_file[i], miss_line[i], miss_rule[i], at[m]
            failed++
        }
    }
    printf "findings at warning or error: %d (%d right, %d right at another severity, %d wrong)\n",
        total, right, other_severity, wrong
    if (total > 0) printf "precision: %.1f%% (%d/%d)\n", 100 * right / total, right, total
    flagged = right + other_severity + misses
    if (flagged > 0) printf "recall: %.1f%% (%d/%d)\n", 100 * right / flagged, right, flagged
    if (wrong > 0) {
        print "wrong findings:"
        for (i = 1; i <= wrong; i++) {
            split(wrong_list[i], p, SUBSEP)
            printf "  %s:%s:%s %s: %s\n", p[1], p[2], p[3], p[4], reason[wrong_list[i]]
        }
    }
    if (misses > 0) {
        print "known misses:"
        for (i = 1; i <= misses; i++)
            printf "  %s:%s %s (%s): %s\n", miss_file[i], miss_line[i], miss_rule[i], miss_severity[i], miss_what[i]
    }
    if (unlabelled_count > 0) {
        print "unlabelled findings (add them to tests/accuracy/labels.tsv, judged):"
        for (i = 1; i <= unlabelled_count; i++) print unlabelled[i]
    }
    printf "accuracy: %d passed, %d failed\n", passed, failed
    exit failed > 0
}' "$here/labels.tsv" "$here/misses.tsv"
