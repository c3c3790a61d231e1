#!/bin/sh
# Installs what `make bench` needs and is missing, with apt-get as root:
# the tools errcat is compared with (gperf, compile_et and com_err of
# comerr-dev, protoc, and libprotobuf-dev for the descriptor.proto that the
# custom options of bench.proto import) and python3 for the driver.
# (profile.sh also wants linux-perf; make bench does not.) Silent when all
# is there.
set -eu

# "command-or-file package" pairs, as in tests/deps.sh.
needs="python3:python3 gperf:gperf compile_et:comerr-dev /usr/include/et/com_err.h:comerr-dev
protoc:protobuf-compiler /usr/include/google/protobuf/descriptor.proto:libprotobuf-dev
cc:gcc /usr/include/yaml.h:libyaml-dev"

missing=
for pair in $needs; do
    probe=${pair%%:*}
    pkg=${pair#*:}
    case $probe in
    /*) [ -e "$probe" ] && continue ;;
    *) command -v "$probe" >/dev/null 2>&1 && continue ;;
    esac
    case " $missing " in *" $pkg "*) ;; *) missing="$missing $pkg" ;; esac
done

if [ -n "$missing" ]; then
    if [ "$(id -u)" != 0 ]; then
        echo "bench: missing packages:$missing; install them (as root: apt-get install$missing)" >&2
        exit 1
    fi
    echo "bench: installing$missing" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
