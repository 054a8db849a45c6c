reglint posture --target windows-10 --view 32 views.reg
