package dev.spawning.coroutine;

import java.nio.charset.StandardCharsets;

/**
 * Status lines as bytes, made once for every version and status when the class loads (so the
 * tables are safely published and never written again): {@code HTTP/1.1 200 OK} and CRLF. The
 * reason phrases are those of RFC 9110; a status without one gets {@code Unknown}.
 */
final class StatusLines {

    private static final byte[][] HTTP11 = new byte[1000][];
    private static final byte[][] HTTP10 = new byte[1000][];

    static {
        for (int status = 100; status < 1000; status++) {
            String rest = " " + status + " " + reason(status) + "\r\n";
            HTTP11[status] = ("HTTP/1.1" + rest).getBytes(StandardCharsets.US_ASCII);
            HTTP10[status] = ("HTTP/1.0" + rest).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private StatusLines() {
    }

    /** The status line for a status from 100 to 999. */
    static byte[] of(int status, boolean http11) {
        return (http11 ? HTTP11 : HTTP10)[status];
    }

    static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 101 -> "Switching Protocols";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 203 -> "Non-Authoritative Information";
            case 204 -> "No Content";
            case 205 -> "Reset Content";
            case 206 -> "Partial Content";
            case 300 -> "Multiple Choices";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 411 -> "Length Required";
            case 412 -> "Precondition Failed";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 417 -> "Expectation Failed";
            case 418 -> "I'm a teapot";
            case 422 -> "Unprocessable Content";
            case 426 -> "Upgrade Required";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> "Unknown";
        };
    }
}
