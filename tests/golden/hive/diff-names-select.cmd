. ./hives.sh && cp "$here/baseline-select.reg" . && reglint diff baseline-select.reg SYSTEM
