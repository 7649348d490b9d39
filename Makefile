# The two commands a new machine needs: `make demo` and `make test`.
SWIFT ?= swift

.PHONY: deps build demo test install uninstall bench bench-quick drills drills-faults drills-crash drills-term fuzz clean

deps:
	@.ci/install-deps

build: deps
	$(SWIFT) build

# Opens the live wall on a fresh copy of the built-in demo situation (q quits). When no source is
# newer than the binary it skips `swift build` (a no-op build still takes 20-30 s here).
demo: deps
	@if [ ! -x .build/debug/sitroom ] || [ -n "$$(find Package.swift Sources -newer .build/debug/sitroom -print -quit)" ]; then \
		$(SWIFT) build --product sitroom && touch .build/debug/sitroom; fi
	TZ=$${TZ:-Asia/Seoul} .build/debug/sitroom --demo

# Every test: model, store, crash (kill -9), render, themes, end to end in tmux, the change log on
# throwaway PostgreSQL servers; then a short bench smoke run. The smoke run uses the debug build
# (it drives the sitroom next to it): a release build with postgres-nio would add minutes to CI
# for figures a smoke run does not judge. `make bench` measures the release build.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test
	.build/debug/sitroom-bench --quick

# `make install [PREFIX=/usr/local] [DESTDIR=]` installs sitroom for users: the binary, its man page
# (share/man/man1/sitroom.1, made from the ArgumentParser help by sitroom-manual), bash, zsh and fish
# completions, and the themes (share/sitroom/themes, where the binary looks beside its bin/).
# CONFIG=release (the default) builds `sitroom` with the Swift standard library and Foundation
# linked in statically, so the server needs no Swift toolchain, only Debian's libraries (ncursesw,
# libxml2 and ICU for Foundation's XML, libstdc++, zlib, libc); its debug information is stripped
# (187 MB -> 117 MB), its symbols kept for gdb, perf and core dumps.
# CONFIG=debug builds nothing: it installs what `swift build` already made in BUILD_DIR, as it is,
# linked to the toolchain's shared libraries; the end-to-end tests install that way into a temporary
# prefix (Tests/EndToEndTests/InstallTests.swift), since CI has no time for a release build. A static
# debug binary is not a cheap relink: `swift build --static-swift-stdlib` after a normal debug build
# fails to link (1,911 undefined references into CoreFoundation, _FoundationCollections and
# CFXMLInterface: the objects were compiled against the shared Foundation), so it would be a second build.
# `make uninstall` with the same PREFIX and DESTDIR removes exactly these files.
PREFIX ?= /usr/local
DESTDIR ?=
CONFIG ?= release
SCRATCH ?= .build
BUILD_DIR ?= $(SCRATCH)/$(CONFIG)
bindir = $(DESTDIR)$(PREFIX)/bin
man1dir = $(DESTDIR)$(PREFIX)/share/man/man1
bashcompdir = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
zshcompdir = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
fishcompdir = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
sitroomdatadir = $(DESTDIR)$(PREFIX)/share/sitroom
themedir = $(sitroomdatadir)/themes
THEMES = $(notdir $(wildcard themes/*.toml))

install:
ifeq ($(CONFIG),release)
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path $(SCRATCH) --product sitroom
	$(SWIFT) build -c release --static-swift-stdlib --scratch-path $(SCRATCH) --product sitroom-manual
endif
	@test -x $(BUILD_DIR)/sitroom -a -x $(BUILD_DIR)/sitroom-manual || \
		{ echo "no $(BUILD_DIR)/sitroom or sitroom-manual: build them first (swift build)"; exit 1; }
	install -d $(bindir) $(man1dir) $(bashcompdir) $(zshcompdir) $(fishcompdir) $(themedir)
	install -m 755 $(BUILD_DIR)/sitroom $(bindir)/sitroom
ifeq ($(CONFIG),release)
	strip --strip-debug $(bindir)/sitroom
endif
	$(BUILD_DIR)/sitroom-manual $(bindir)/sitroom "$$(git log -1 --format=%cs 2>/dev/null)" > $(man1dir)/sitroom.1
	$(bindir)/sitroom --generate-completion-script bash > $(bashcompdir)/sitroom
	$(bindir)/sitroom --generate-completion-script zsh > $(zshcompdir)/_sitroom
	$(bindir)/sitroom --generate-completion-script fish > $(fishcompdir)/sitroom.fish
	install -m 644 $(addprefix themes/,$(THEMES)) $(themedir)/
	@echo "installed $(bindir)/sitroom ($$($(bindir)/sitroom --version))"

# A theme of the officer's own in share/sitroom/themes stays, and so does that folder then.
uninstall:
	rm -f $(bindir)/sitroom $(man1dir)/sitroom.1 $(bashcompdir)/sitroom $(zshcompdir)/_sitroom \
		$(fishcompdir)/sitroom.fish $(addprefix $(themedir)/,$(THEMES))
	for d in $(themedir) $(sitroomdatadir); do [ ! -d $$d ] || rmdir --ignore-fail-on-non-empty $$d; done

# make bench BENCH_ARGS="--live --scenario DIR" passes options on.
bench: deps
	$(SWIFT) build -c release
	.build/release/sitroom-bench $(BENCH_ARGS)

# Issue 8's fault drills at full size, one after another (the tests run each bounded); about 2.5
# hours here, most of it the fuzzing and the crash loops.
drills: drills-faults drills-crash drills-term fuzz

# The store's fault drills at full size (issue 8): the I/O error loop on every kind of file
# operation (EIO and ENOSPC, once and from n on, short writes) and kill during compaction at each
# step, 5 rounds. On the disk of the working directory's TMPDIR; about 4 minutes here.
drills-faults: deps
	$(SWIFT) build -c release --product sitroom-drill
	.build/release/sitroom-drill io-loop
	.build/release/sitroom-drill compaction-kill --rounds 5

# The hostile-terminal and input-abuse drills at full size (1,000 resizes, a 1 MB paste); `make test`
# runs the same tests at CI size.
drills-term: deps
	$(SWIFT) build --build-tests
	SITROOM_DRILL_FULL=1 $(SWIFT) test --skip-build --filter 'HostileTerminalTests|InputAbuseTests'

# Issue 8's crash loops: 1,000 kill -9 cycles against `sitroom apply` and the live console (about 20 minutes).
# make drills-crash DRILL_ARGS="--cycles 100 --seed 7" passes options on.
drills-crash: deps
	$(SWIFT) build -c release --product sitroom
	$(SWIFT) build -c release --product sitroom-drill
	.build/release/sitroom-drill crash $(DRILL_ARGS)

# The long fuzz run: each target under libFuzzer for FUZZ_RUNS inputs (make fuzz FUZZ_RUNS=1000 for a
# try; FUZZ_TARGETS=csv for one). A separate build directory, so the normal build is untouched. New inputs go to
# .build/fuzz/corpus/<target>, crashes to .build/fuzz/crashes/<target>/ (copy them into Tests/Fuzz/Corpus).
FUZZ_RUNS ?= 1000000
FUZZ_TARGETS ?= journal snapshot csv quick-command theme
fuzz: deps
	$(SWIFT) build -c release --product sitroom-fuzz --scratch-path .build/fuzz \
		-Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library -Xswiftc -DSITROOM_LIBFUZZER
	@for t in $(FUZZ_TARGETS); do \
		mkdir -p .build/fuzz/corpus/$$t .build/fuzz/crashes/$$t; \
		maxlen=8192; [ $$t = quick-command ] && maxlen=512; \
		echo "== $$t: $(FUZZ_RUNS) runs (log: .build/fuzz/$$t.log)"; \
		SITROOM_FUZZ_TARGET=$$t .build/fuzz/release/sitroom-fuzz -runs=$(FUZZ_RUNS) -timeout=10 -rss_limit_mb=2048 \
			-max_len=$$maxlen -print_final_stats=1 -artifact_prefix=.build/fuzz/crashes/$$t/ \
			.build/fuzz/corpus/$$t Tests/Fuzz/Corpus/$$t > .build/fuzz/$$t.log 2>&1; status=$$?; \
		grep -E '^(Done [0-9]+ runs|stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb))' .build/fuzz/$$t.log; \
		if [ $$status -ne 0 ]; then tail -40 .build/fuzz/$$t.log; exit 1; fi; \
	done

clean:
	rm -rf .build
