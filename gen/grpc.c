/* grpc.c: gRPC status codes (google.rpc.Code) and HTTP statuses. */
#include "grpc.h"

#include <string.h>

const char *const ec_grpc_names[] = {
    "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT",
    "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED",
    "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
    "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
    "UNAUTHENTICATED", NULL};

/* code.proto's "HTTP Mapping" of each code, by number. */
static const int16_t to_http[EC_GRPC_COUNT] = {200, 499, 500, 400, 504, 404, 409, 403, 429,
                                               400, 409, 400, 501, 500, 503, 500, 401};

int ec_grpc_lookup(const char *name)
{
    for (int i = 0; i < EC_GRPC_COUNT; i++)
        if (strcmp(ec_grpc_names[i], name) == 0)
            return i;
    return -1;
}

int64_t ec_grpc_to_http(int code)
{
    return code >= 0 && code < EC_GRPC_COUNT ? to_http[code] : 500;
}

int ec_grpc_from_http(int64_t status)
{
    /* Where several codes map to one status, the general one: the others
    ** (FAILED_PRECONDITION, OUT_OF_RANGE, ALREADY_EXISTS, UNKNOWN,
    ** DATA_LOSS) say more than the status does. */
    switch (status) {
    case 400: return 3;  /* INVALID_ARGUMENT */
    case 409: return 10; /* ABORTED */
    case 500: return 13; /* INTERNAL */
    default: break;
    }
    for (int i = 0; i < EC_GRPC_COUNT; i++)
        if (to_http[i] == status)
            return i;
    return status >= 200 && status < 300 ? 0 : 2; /* OK, UNKNOWN */
}
