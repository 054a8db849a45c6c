# MS12-006 (KB2643584) Fix it "Disable the security update": SendExtraRecord = 2,
# Schannel splits no caller's records (the BEAST 1/n-1 mitigation is off).
#
# Source: KB2643584, table of the values the Fix it solutions write to the
# SendExtraRecord DWORD entry under HKLM\System\CurrentControlSet\Control\
# SecurityProviders\SCHANNEL: "Disable the security update 2" (docs/domain.md
# §1.3, S21).
profile "ms12-006-split-off" {
  description "MS12-006 Fix it, disable the security update: SendExtraRecord=2 (no record splitting)"
  source "KB2643584"
  target windows-7-sp1
  send-extra-record 2
}
