/* grpc.h: gRPC status codes and their standard mapping to and from HTTP
** statuses, as google.rpc's code.proto documents it ("HTTP Mapping") and
** grpc-gateway applies it (runtime.HTTPStatusFromCode). */
#ifndef EC_GRPC_H
#define EC_GRPC_H

#include <stdint.h>

/* The 17 codes, numbered as code.proto numbers them. */
#define EC_GRPC_COUNT 17

/* Names indexed by number (OK, CANCELLED, ... UNAUTHENTICATED);
** NULL-terminated. */
extern const char *const ec_grpc_names[];

/* The number of the code named 'name' (as spelt above), or -1. */
int ec_grpc_lookup(const char *name);

/* The HTTP status of gRPC code 'code' (code.proto's mapping). */
int64_t ec_grpc_to_http(int code);

/* The gRPC code of HTTP status 'status': the code that code.proto maps to
** it, the most general where several do (400 INVALID_ARGUMENT, 409
** ABORTED, 500 INTERNAL); any other 2xx is OK, any other status UNKNOWN. */
int ec_grpc_from_http(int64_t status);

#endif
