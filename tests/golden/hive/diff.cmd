. ./hives.sh && cp "$here/baseline.reg" . && reglint diff baseline.reg SYSTEM
