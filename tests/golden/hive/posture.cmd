. ./hives.sh && reglint posture SYSTEM SOFTWARE NTUSER.DAT
