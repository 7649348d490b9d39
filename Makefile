# The two commands a new machine needs: `make demo` and `make test`.
SWIFT ?= swift

.PHONY: deps build demo test bench bench-quick fuzz clean

deps:
	@.ci/install-deps

build: deps
	$(SWIFT) build

# Opens the live wall on a fresh copy of the built-in demo situation (q quits).
demo: build
	TZ=$${TZ:-Asia/Seoul} .build/debug/sitroom --demo

# Every test: model, store, crash (kill -9), render, themes, and end to end in tmux; then a short bench smoke run.
# The bench drives the release sitroom binary in tmux, so both release products are built first.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test
	$(SWIFT) build -c release
	.build/release/sitroom-bench --quick

# make bench BENCH_ARGS="--live --scenario DIR" passes options on.
bench: deps
	$(SWIFT) build -c release
	.build/release/sitroom-bench $(BENCH_ARGS)

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
