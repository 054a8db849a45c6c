reglint lint -f gcc --select RL4013 RL4013-sha-legacy-off.reg ../../corpus/real/030_ajf8729-intune-schannel-rc4-on.reg
