# reglint: lint, fix and generate Windows .reg files. GNU make.
#
#   make            build build/reglint
#   make demo       build, then run reglint on the files in samples/
#   make check      build and run every test (installs missing packages)
#   make asan       the whole test suite under AddressSanitizer and UBSan
#   make soak       the fuzzers side by side for SOAK_SECONDS (600)
#   make bench      the benchmark (prints figures), then the scaling benchmark,
#                   which fails when time or memory grows faster than the input
#   make install    PREFIX=/usr/local DESTDIR= : the program, its man page and
#                   its bash completion
#   make clean
#
# WERROR=1 turns warnings into errors (CI). CC=clang works as well as gcc.
# Every CPU builds at once unless -j says otherwise; the makes this one runs
# (asan, fuzz, windows) share its jobs.

ifeq ($(MAKELEVEL),0)
ifeq ($(filter -j%,$(MAKEFLAGS)),)
MAKEFLAGS += -j$(shell nproc 2>/dev/null || sysctl -n hw.ncpu 2>/dev/null || echo 1)
endif
endif

CC      ?= cc
PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
FLEX    ?= flex
BISON   ?= bison
OPT     ?= -O2 -g
SAN     ?=

WARNINGS = -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wold-style-definition -Wwrite-strings -Wformat=2 -Wundef -Wvla \
           -Wimplicit-fallthrough -Wpointer-arith -Wcast-qual
ifeq ($(WERROR),1)
WARNINGS += -Werror
endif
ifneq ($(SAN),)
OPT = -O1 -g -fno-omit-frame-pointer -fsanitize=$(SAN) -fno-sanitize-recover=all
LDFLAGS += -fsanitize=$(SAN)
endif
# POSIX threads (lint -j, src/platform.c) with gcc and clang; MinGW builds
# use Windows' own threads and need no thread library. Linking only: at
# compile time -pthread defines _REENTRANT, which makes glibc define
# _POSIX_C_SOURCE before flex's headers define it again.
THREADS = $(if $(EXE),,-pthread)
LDFLAGS += $(THREADS)

GEN = $(BUILD)/gen
OBJ = $(BUILD)/obj
# MinGW: C99 printf (%zu) from MinGW's own stdio rather than msvcrt's
# (src/printf_like.h has the format check follow it).
MINGW_CFLAGS = $(if $(EXE),-D__USE_MINGW_ANSI_STDIO=1)
# Where this reglint is published (SARIF's informationUri and helpUri); unset,
# SARIF names no address.
REGLINT_HOMEPAGE ?=
HOMEPAGE_FLAG = $(if $(REGLINT_HOMEPAGE),-DREGLINT_HOMEPAGE='"$(REGLINT_HOMEPAGE)"')
ALL_CFLAGS = -std=c11 $(WARNINGS) $(OPT) -MMD -MP -Isrc -I$(GEN) $(MINGW_CFLAGS) $(HOMEPAGE_FLAG) $(CPPFLAGS) $(CFLAGS)

GRAMMARS  = reg profile
LIB_SRCS  = $(filter-out src/main.c,$(wildcard src/*.c))
LIB_OBJS  = $(LIB_SRCS:src/%.c=$(OBJ)/%.o) \
            $(GRAMMARS:%=$(OBJ)/%_parse.o) $(GRAMMARS:%=$(OBJ)/%_scan.o) \
            $(OBJ)/templates.o \
            $(OBJ)/rule_pages.o \
            $(OBJ)/upcase.o \
            $(OBJ)/suites_data.o
# Built-in profiles, compiled in (src/profile.h: builtin_templates).
TEMPLATES = $(sort $(wildcard templates/*.profile))
LIB       = $(BUILD)/libreglint.a
# MinGW compilers name their programs .exe; make must know the real name.
EXE      := $(if $(findstring mingw,$(shell $(CC) -dumpmachine 2>/dev/null)),.exe)
BIN       = $(BUILD)/reglint$(EXE)

UNIT_SRCS = $(wildcard tests/unit/test_*.c)
UNIT_BINS = $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/tests/%)

DEPS_BUILD = $(BUILD)/.deps-build
DEPS_TEST  = $(BUILD)/.deps-test

.PHONY: all demo check unit golden accuracy asan valgrind analyze windows bench fuzz fuzz-run install clean golden-update deb deb-check
.SECONDARY:

all: $(BIN)

# Missing Debian packages are installed (or the command to do it is printed)
# before anything is built; the FLEX and BISON in use are the ones checked.
ENSURE_DEPS = FLEX="$(FLEX)" BISON="$(BISON)" sh scripts/ensure-deps
$(DEPS_BUILD): scripts/ensure-deps
	@$(ENSURE_DEPS) build
	@$(if $(EXE),true,$(ENSURE_DEPS) hive || echo "reglint: building without libhivex: registry hives will not be read" >&2)
	@mkdir -p $(@D) && touch $@
# After the build's check: two apt-get runs at once (make -j) would fight over dpkg's lock.
$(DEPS_TEST): scripts/ensure-deps | $(DEPS_BUILD)
	@$(ENSURE_DEPS) test
	@$(ENSURE_DEPS) hive-test || echo "reglint: no hivexregedit: the tests that build hives will skip" >&2
	@mkdir -p $(@D) && touch $@

# Generated parsers: build outputs, never committed.
$(GEN)/%_parse.c $(GEN)/%_parse.h: grammar/%.y | $(DEPS_BUILD)
	@mkdir -p $(GEN)
	$(BISON) -Wall -Werror --defines=$(GEN)/$*_parse.h -o $(GEN)/$*_parse.c $<

$(GEN)/%_scan.c $(GEN)/%_scan.h: grammar/%.l | $(DEPS_BUILD)
	@mkdir -p $(GEN)
	$(FLEX) --header-file=$(GEN)/$*_scan.h -o $(GEN)/$*_scan.c $<

$(OBJ)/%_parse.o: $(GEN)/%_parse.c $(GEN)/%_scan.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(OBJ)/%_scan.o: $(GEN)/%_scan.c $(GEN)/%_parse.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(GEN)/templates.c: $(TEMPLATES) scripts/embed
	@mkdir -p $(GEN)
	sh scripts/embed builtin_templates $@ $(TEMPLATES)

$(OBJ)/templates.o: $(GEN)/templates.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Every source may include a generated header.
$(OBJ)/%.o: src/%.c $(GRAMMARS:%=$(GEN)/%_parse.h) $(GRAMMARS:%=$(GEN)/%_scan.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The rule pages, compiled in for 'reglint rule' and SARIF's rules[].help.
RULE_PAGES = $(sort $(wildcard docs/rules/RL*.md)) docs/profile.md
$(GEN)/rule_pages.c: $(RULE_PAGES) scripts/embed
	@mkdir -p $(GEN)
	sh scripts/embed rule_pages $@ $(RULE_PAGES)

$(OBJ)/rule_pages.o: $(GEN)/rule_pages.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The cipher-suite and curve catalogue (src/suites.h), from data/suites.txt.
$(GEN)/suites_data.c: data/suites.txt scripts/suites
	@mkdir -p $(GEN)
	sh scripts/suites data/suites.txt $@

$(OBJ)/suites_data.o: $(GEN)/suites_data.c src/suites.h src/knowledge.h src/posture.h
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Windows' upper-case table for names (src/upcase.h).
$(GEN)/upcase.c: scripts/windows-upcase.txt scripts/upcase
	@mkdir -p $(GEN)
	sh scripts/upcase scripts/windows-upcase.txt $@

$(OBJ)/upcase.o: $(GEN)/upcase.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# Registry hives (src/hive.c) are read with libhivex when pkg-config finds
# it (scripts/ensure-deps hive installs it on Debian); without it, and in the
# Windows program, hive input is refused with a message. Expanded when used,
# so that a build that has just installed it finds it; $(OBJ)/hivex-found
# changes when libhivex comes or goes, and hive.o is compiled again.
HIVEX_FOUND  = $(if $(EXE),,$(shell pkg-config --exists hivex 2>/dev/null && echo yes))
HIVEX_CFLAGS = $(if $(HIVEX_FOUND),-DREGLINT_HAVE_HIVEX $(shell pkg-config --cflags hivex))
HIVEX_LIBS   = $(if $(HIVEX_FOUND),$(shell pkg-config --libs hivex))
.PHONY: hivex-check
$(OBJ)/hivex-found: hivex-check | $(DEPS_BUILD)
	@mkdir -p $(@D)
	@echo '$(HIVEX_FOUND)' | cmp -s - $@ || echo '$(HIVEX_FOUND)' > $@
$(OBJ)/hive.o: src/hive.c $(OBJ)/hivex-found $(GRAMMARS:%=$(GEN)/%_parse.h) $(GRAMMARS:%=$(GEN)/%_scan.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(HIVEX_CFLAGS) -c -o $@ $<

$(LIB): $(LIB_OBJS)
	@rm -f $@
	$(AR) rcs $@ $^

$(BIN): $(OBJ)/main.o $(LIB)
	$(CC) $(LDFLAGS) -o $@ $^ $(HIVEX_LIBS)

# ---------------------------------------------------------------- tests
CMOCKA_CFLAGS = $(shell pkg-config --cflags cmocka)
CMOCKA_LIBS   = $(shell pkg-config --libs cmocka)

$(BUILD)/tests/%: tests/unit/%.c tests/unit/test_util.h $(LIB) | $(DEPS_TEST)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) -o $@ $< $(LIB) $(LDFLAGS) $(CMOCKA_LIBS) $(HIVEX_LIBS)

check: $(BIN) $(UNIT_BINS) | $(DEPS_TEST)
	@sh tests/run-all.sh $(BIN) $(UNIT_BINS)

golden-update: $(BIN)
	@sh tests/golden/run.sh --update $(BIN)

# lint's findings on the published files against an expert's labels: precision,
# recall and the known misses (tests/accuracy/). Also part of `make check`.
accuracy: $(BIN)
	@sh tests/accuracy/run.sh $(BIN)

# Static analysis with cppcheck (installed if missing) of the program, the
# tests and the benchmark tools: any finding fails. A false positive is
# suppressed where it stands, with a comment that says why.
analyze: $(BIN)
	@$(ENSURE_DEPS) analyze
	cppcheck --enable=warning,portability,performance,style --std=c11 --error-exitcode=1 \
	    --inline-suppr --suppress=toomanyconfigs --quiet -Isrc -I$(GEN) -Itests/fuzz -Itests/unit \
	    src/*.c tests/unit/*.c tests/fuzz/*.c bench/*.c

# The suite with every program under valgrind's memcheck: an error or a
# definite leak makes the program exit 99, which fails its test. No vgdb:
# its shared-memory file cannot be written under a test's `ulimit -f 0`.
VALGRIND = valgrind -q --vgdb=no --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite
valgrind: $(BIN) $(UNIT_BINS) | $(DEPS_TEST)
	@command -v valgrind >/dev/null || { echo "make valgrind needs valgrind: sudo apt-get install -y valgrind" >&2; exit 1; }
	@REGLINT_RUNNER="$(VALGRIND)" sh tests/run-all.sh $(BIN) $(UNIT_BINS)

asan:
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/asan SAN=address,undefined check

demo: $(BIN)
	@sh samples/demo.sh $(BIN)

# The Windows program, cross-built with MinGW-w64 into build/windows, and a
# check that it imports no registry function.
MINGW = x86_64-w64-mingw32
windows:
	@$(ENSURE_DEPS) windows
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/windows CC=$(MINGW)-gcc AR=$(MINGW)-ar all
	@sh scripts/check-no-registry-api $(MINGW)-objdump $(BUILD)/windows/reglint.exe

# The golden and corpus tests with that program under Wine (Debian's wine64,
# installed if missing), in a Wine prefix of its own under build/windows/wine.
.PHONY: windows-check
windows-check: windows
	@$(ENSURE_DEPS) wine
	@sh tests/windows/run.sh $(BUILD)/windows/reglint.exe

# libFuzzer harnesses (tests/fuzz/fuzz_*.c, sharing tests/fuzz/common.c),
# built with clang into build/fuzz with ASan and UBSan. Each runs for
# FUZZ_SECONDS, or FUZZ_RUNS inputs if that comes first; a finding fails.
# FUZZ_FORK=1 (the long runs) goes on past findings and fails at the end.
# FUZZ_JOBS=N runs N harnesses at a time.
# `make check` replays their regressions and seeds with the project's own
# compiler through tests/fuzz/replay.c (build/fuzz-replay).
FUZZ_SECONDS ?= 30
FUZZ_RUNS    ?=
FUZZ_SEED    ?=
FUZZ_FORK    ?=
FUZZ_JOBS    ?= 1
FUZZ_NAMES   = $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BINS    = $(FUZZ_NAMES:%=$(BUILD)/%)
FUZZ_REPLAYS = $(FUZZ_NAMES:%=$(BUILD)/fuzz-replay/%)
FUZZ_COMMON  = tests/fuzz/common.c tests/fuzz/common.h
# Several sources to one program: no dependency files (they depend on $(LIB)).
FUZZ_CFLAGS  = $(filter-out -MMD -MP,$(ALL_CFLAGS)) -Itests/fuzz
fuzz:
	@$(ENSURE_DEPS) fuzz
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/fuzz CC=clang SAN=address,undefined \
	    CFLAGS=-fsanitize=fuzzer-no-link fuzz-run
fuzz-run: $(FUZZ_BINS)
	@FUZZ_RUNS=$(FUZZ_RUNS) FUZZ_SEED=$(FUZZ_SEED) FUZZ_FORK=$(FUZZ_FORK) FUZZ_JOBS=$(FUZZ_JOBS) sh tests/fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_BINS)
$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_COMMON) $(LIB)
	$(CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< tests/fuzz/common.c $(LIB) $(LDFLAGS) $(HIVEX_LIBS)
$(BUILD)/fuzz-replay/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(FUZZ_COMMON) $(LIB)
	@mkdir -p $(@D)
	$(CC) $(FUZZ_CFLAGS) -o $@ $< tests/fuzz/replay.c tests/fuzz/common.c $(LIB) $(LDFLAGS) $(HIVEX_LIBS)
check valgrind: $(FUZZ_REPLAYS)

# Every harness side by side in fork mode for SOAK_SECONDS of wall time,
# from their seeds and the corpus earlier soaks left in SOAK_DIR (default
# build/fuzz/soak); fails when any finds anything (docs/testing.md).
SOAK_SECONDS ?= 600
SOAK_DIR     ?=
.PHONY: soak soak-run
soak:
	@$(ENSURE_DEPS) fuzz
	@$(MAKE) --no-print-directory BUILD=$(BUILD)/fuzz CC=clang SAN=address,undefined \
	    CFLAGS=-fsanitize=fuzzer-no-link soak-run
soak-run: $(FUZZ_BINS)
	@SOAK_DIR=$(SOAK_DIR) sh tests/fuzz/soak.sh $(SOAK_SECONDS) $(FUZZ_BINS)

# The benchmark, then the scaling benchmark (bench/scaling.sh), whose failed
# lines fail `make bench`.
bench: $(BIN)
	@sh bench/run.sh $(BIN)
	@sh bench/scaling.sh $(BIN)

# The benchmark against Wine's reg import and hivex's hivexregedit (both
# installed if missing) on one export of PEERS_SIZE.
PEERS_SIZE ?= 100M
.PHONY: bench-peers
bench-peers: $(BIN)
	@$(ENSURE_DEPS) peers
	@PEERS_SIZE=$(PEERS_SIZE) sh bench/peers.sh $(BIN)

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/reglint
	install -m 644 docs/reglint.1 $(DESTDIR)$(PREFIX)/share/man/man1/reglint.1
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions
	install -m 644 completion/reglint.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/reglint

# The Debian package, built with dpkg-buildpackage from debian/ in a copy
# of the tree without build/ and .git (so that nothing of this checkout's
# build leaks in), then checked with lintian: build/deb/reglint_*.deb.
DEB_VERSION = $(shell head -n 1 debian/changelog | tr -d '()' | cut -d' ' -f2)
deb:
	@sh scripts/ensure-deps deb
	rm -rf $(BUILD)/deb && mkdir -p $(BUILD)/deb/reglint-$(DEB_VERSION)
	tar -c --exclude=./build --exclude=./.git --exclude=./.ci . | tar -x -C $(BUILD)/deb/reglint-$(DEB_VERSION)
	cd $(BUILD)/deb/reglint-$(DEB_VERSION) && dpkg-buildpackage -us -uc -b
	lintian --fail-on error,warning $(BUILD)/deb/reglint_$(DEB_VERSION)_*.changes

# Installs the package just built, runs it, removes it (as root or through
# password-less sudo).
deb-check: deb
	sh tests/deb/install.sh $(BUILD)/deb/reglint_$(DEB_VERSION)_*.deb

clean:
	rm -rf $(BUILD)

-include $(wildcard $(OBJ)/*.d)
