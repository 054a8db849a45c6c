reglint posture --target windows-7-sp1 ../../corpus/real/024_vadim-netfx3-tls12-fix.reg ../../corpus/real/025_vadim-netfx4-tls12-fix.reg
