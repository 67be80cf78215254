/// DO's error `id` and `message` for each status, from the spec's shared responses (reference §6),
/// so injected faults and real refusals look exactly like DO's.
enum ErrorCatalogue {
    static func error(status: Int) -> (id: String, message: String) {
        switch status {
        case 400: ("bad_request", "error parsing request body")
        case 401: ("unauthorized", "Unable to authenticate you.")
        case 403: ("forbidden", "You do not have permission to perform this action.")
        case 404: ("not_found", "The resource you requested could not be found.")
        case 405: ("method_not_allowed", "The method is not allowed for the requested URL.")
        case 409: ("conflict", "The request could not be completed due to a conflict.")
        case 422: ("unprocessable_entity", "request payload validation failed")
        case 429: ("too_many_requests", "API rate limit exceeded.")
        case 500: ("server_error", "Unexpected server-side error")
        case 502: ("bad_gateway", "Bad gateway.")
        case 503: ("service_unavailable", "The service is temporarily unavailable. Please try again later.")
        case 504: ("gateway_timeout", "The server did not respond in time.")
        default: ("unexpected_error", "Unexpected error (HTTP \(status)).")
        }
    }
}
