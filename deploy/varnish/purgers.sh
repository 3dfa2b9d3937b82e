#!/bin/sh
# Writes purgers.vcl, the ACL of the addresses Varnish accepts PURGE from (default.vcl includes
# it), from the environment variable VARNISH_PURGERS; then runs the rest of the command line.
#
#   VARNISH_PURGERS="127.0.0.1, ::1, web" sh purgers.sh /tmp/vcl/purgers.vcl varnishd -f …
#
# VCL's ACLs are fixed when the VCL is compiled, hence a file written before varnishd starts:
# docker-compose.yml runs this in the proxy container ahead of the image's entrypoint, and
# deploy/native_stack.py runs it next to its own varnishd. Entries are IPv4 or IPv6 addresses,
# networks (10.1.2.0/24) or host names (resolved once, when Varnish loads the VCL; one that does
# not resolve stops Varnish from starting), separated by commas or spaces. Unset, only loopback
# may purge; set to nothing, nobody may.
set -eu
set -f # an entry is never a file pattern

if [ "$#" -lt 1 ]; then
    echo "usage: purgers.sh OUTPUT.vcl [COMMAND ...]" >&2
    exit 2
fi
output="$1"
shift

entries=$(printf '%s' "${VARNISH_PURGERS-127.0.0.1 ::1}" | tr ',' ' ')
mkdir -p "$(dirname "$output")"
{
    echo "# Written by purgers.sh from VARNISH_PURGERS; changes here are overwritten."
    echo "acl purgers {"
    for entry in $entries; do
        case "$entry" in
            *[!0-9A-Za-z.:/-]* | */*/* | /* | */)
                echo "purgers.sh: not an address, network or host name: $entry" >&2
                exit 1
                ;;
            */*) echo "    \"${entry%/*}\"/${entry#*/};" ;;
            *) echo "    \"$entry\";" ;;
        esac
    done
    echo "}"
} >"$output.new"
mv "$output.new" "$output"

if [ "$#" -gt 0 ]; then
    exec "$@"
fi
