# MS12-006 (KB2643584) Fix it "Re-enable the security update": SendExtraRecord = 0,
# the default opt-in mode (the same as no value).
#
# Source: KB2643584, table of the values the Fix it solutions write to the
# SendExtraRecord DWORD entry: "Re-enable the security update 0"
# (docs/domain.md §1.3, S21).
profile "ms12-006-split-default" {
  description "MS12-006 Fix it, re-enable the security update: SendExtraRecord=0 (opt-in splitting)"
  source "KB2643584"
  target windows-7-sp1
  send-extra-record 0
}
