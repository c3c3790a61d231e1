# errcat: `make` builds the compiler and compiles spec/ into out/;
# `make test` runs every test. Both install what they miss (tests/deps.sh).

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -Werror -pedantic -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wvla -Wno-unused-parameter
LDLIBS  := -lyaml -lm
B       := build

LIB_SRCS := $(filter-out gen/main.c,$(sort $(wildcard gen/*.c)))
LIB_OBJS := $(LIB_SRCS:gen/%.c=$(B)/obj/%.o)
ERRCAT   := $(B)/errcat

# Catalogs are the top-level YAML files of spec/; spec/common/ holds includes.
CATALOGS := $(sort $(wildcard spec/*.yaml))
TEMPLATES := $(shell find templates -type f 2>/dev/null | LC_ALL=C sort)

.PHONY: all deps test unit golden diag fresh clean golden-update
all: deps $(ERRCAT) out/.stamp

deps:
	@sh tests/deps.sh build

$(B)/obj/%.o: gen/%.c $(wildcard gen/*.h) | $(B)/obj
	$(CC) $(WARN) $(CFLAGS) -MMD -c $< -o $@

$(B)/obj:
	mkdir -p $@

$(B)/liberrcat.a: $(LIB_OBJS)
	rm -f $@ && ar rcs $@ $^

$(ERRCAT): $(B)/obj/main.o $(B)/liberrcat.a
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

# One run per catalog; errcat writes only files whose bytes changed.
out/.stamp: $(ERRCAT) $(CATALOGS) $(wildcard spec/common/*.yaml) $(TEMPLATES)
	@for c in $(CATALOGS); do \
	  $(ERRCAT) build $$c -o out || exit $$?; \
	done
	@touch $@

test: all
	@sh tests/run.sh

clean:
	rm -rf $(B)

-include $(wildcard $(B)/obj/*.d)
