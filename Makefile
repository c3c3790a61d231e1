# errcat: `make` builds the compiler and compiles spec/ into out/;
# `make test` runs every test. Both install what they miss (tests/deps.sh).

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -Werror -pedantic -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wvla -Wno-unused-parameter
LDLIBS  := -lyaml -lm -pthread
B       := build
# Quiet by default; `make V=1` shows the commands.
Q       := $(if $(V),,@)

LIB_SRCS := $(filter-out gen/main.c,$(sort $(wildcard gen/*.c)))
LIB_OBJS := $(LIB_SRCS:gen/%.c=$(B)/obj/%.o)
ERRCAT   := $(B)/errcat

# Catalogs are the top-level YAML files of spec/; spec/common/ holds includes.
CATALOGS := $(sort $(wildcard spec/*.yaml))
# Folders too: a template moved in keeps its old time, but its folder changes.
TEMPLATES := $(shell find templates 2>/dev/null | LC_ALL=C sort)

.PHONY: all deps test tests-bin asan fuzz leakcheck clean golden-update install bench
all: deps $(ERRCAT) out/.stamp

deps:
	@sh tests/deps.sh build

$(B)/obj/%.o: gen/%.c $(wildcard gen/*.h) | $(B)/obj
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(WARN) $(CFLAGS) -MMD -c $< -o $@

$(B)/obj:
	$(Q)mkdir -p $@

$(B)/liberrcat.a: $(LIB_OBJS)
	$(Q)rm -f $@ && ar rcs $@ $^

$(ERRCAT): $(B)/obj/main.o $(B)/liberrcat.a
	@$(if $(Q),echo "  LD      $@")
	$(Q)$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

# One run per catalog; errcat writes only files whose bytes changed.
out/.stamp: Makefile $(ERRCAT) $(CATALOGS) $(wildcard spec/common/*.yaml spec/locales/*/*.po) \
  $(TEMPLATES)
	@for c in $(CATALOGS); do \
	  $(ERRCAT) build $$c -o out || exit $$?; \
	done
	@$(ERRCAT) index $(CATALOGS) -o out
	@touch $@

# Tests: one cmocka executable per module (tests/unit/test_<module>.c), the
# Mustache spec runner, and an errcat built with ASan and UBSan.
UNIT_SRCS := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(B)/test/%)
TEST_BINS := $(UNIT_BINS) $(B)/test/spec_runner $(B)/test/schema_keys $(B)/test/plural_exprs

$(B)/test/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(B)/liberrcat.a | $(B)/test
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(WARN) -Wno-missing-prototypes $(CFLAGS) -Igen -o $@ $< $(B)/liberrcat.a -lcmocka $(LDLIBS)

$(B)/test/spec_runner: tests/mustache/spec_runner.c $(B)/liberrcat.a | $(B)/test
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(WARN) $(CFLAGS) -Igen -o $@ $< $(B)/liberrcat.a $(LDLIBS)

$(B)/test/plural_exprs: tests/l10n/plural_exprs.c $(B)/liberrcat.a | $(B)/test
	@$(if $(Q),echo "  CC      $@")
	$(Q)$(CC) $(WARN) $(CFLAGS) -Igen -o $@ $< $(B)/liberrcat.a $(LDLIBS)

$(B)/test:
	$(Q)mkdir -p $@

ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

# The same build with sanitizers, in build/asan.
asan:
	@$(MAKE) --no-print-directory B=$(B)/asan CFLAGS="$(ASAN_FLAGS)" \
	  LDLIBS="$(LDLIBS) -fsanitize=address,undefined" $(B)/asan/errcat tests-bin

tests-bin: $(TEST_BINS)

# The test tools first: the unit tests link cmocka, which a new machine lacks.
test: all
	@sh tests/deps.sh test
	@$(MAKE) --no-print-directory tests-bin asan
	@B=$(B) sh tests/run.sh

# libFuzzer harnesses under ASan+UBSan, each run for FUZZ_SECONDS.
FUZZ_SECONDS ?= 60
fuzz: all
	@sh tests/fuzz/run.sh $(FUZZ_SECONDS)

leakcheck: all
	@B=$(B) sh tests/run.sh leak

golden-update: all
	@for d in tests/golden/*; do \
	  t=; [ -f $$d/targets ] && t="-t $$(cat $$d/targets)"; \
	  [ -d $$d/templates ] && t="$$t --templates $$d/templates"; \
	  rm -rf $$d/expected && $(ERRCAT) build $$d/catalog.yaml -o $$d/expected $$t || exit 1; \
	done

# `make install PREFIX=/usr/local DESTDIR=`: errcat in bin/, its templates
# in share/errcat/templates (where errcat looks, beside bin/), the catalog
# JSON Schema, the CMake module for find_package(errcat) and the man page.
PREFIX  ?= /usr/local
DESTDIR ?=
install: $(ERRCAT)
	@d='$(DESTDIR)$(PREFIX)'; set -e; \
	v=$$($(ERRCAT) --version | cut -d' ' -f2); \
	install -d "$$d/bin" "$$d/share/errcat" "$$d/lib/cmake/errcat" "$$d/share/man/man1"; \
	install -m 755 $(ERRCAT) "$$d/bin/errcat"; \
	rm -rf "$$d/share/errcat/templates"; cp -R templates "$$d/share/errcat/templates"; \
	install -m 644 spec/errcat.schema.json "$$d/share/errcat/errcat.schema.json"; \
	install -m 644 gen/errcat.cmake "$$d/lib/cmake/errcat/errcat.cmake"; \
	printf 'include("$${CMAKE_CURRENT_LIST_DIR}/errcat.cmake")\n' \
	  >"$$d/lib/cmake/errcat/errcat-config.cmake"; \
	printf 'set(PACKAGE_VERSION "%s")\nif(PACKAGE_FIND_VERSION VERSION_GREATER PACKAGE_VERSION)\n  set(PACKAGE_VERSION_COMPATIBLE FALSE)\nelse()\n  set(PACKAGE_VERSION_COMPATIBLE TRUE)\n  if(PACKAGE_FIND_VERSION VERSION_EQUAL PACKAGE_VERSION)\n    set(PACKAGE_VERSION_EXACT TRUE)\n  endif()\nendif()\n' \
	  "$$v" >"$$d/lib/cmake/errcat/errcat-config-version.cmake"; \
	install -m 644 gen/errcat.1 "$$d/share/man/man1/errcat.1"; \
	echo "installed errcat $$v in $$d"

# `make bench`: errcat against the floor, compile_et, protoc and gperf, side
# by side (tests/bench/, results in tests/bench/RESULTS.md); never part of
# `make test`. `make bench BENCH_SIZES="1000 10000"` picks the catalog sizes.
bench: all
	@sh tests/bench/deps.sh
	@BENCH_SIZES='$(BENCH_SIZES)' ERRCAT='$(ERRCAT)' python3 tests/bench/bench.py

clean:
	rm -rf $(B)

-include $(wildcard $(B)/obj/*.d)
