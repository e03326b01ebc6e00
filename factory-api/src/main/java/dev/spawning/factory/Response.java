package dev.spawning.factory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * What an app answers: a status, header fields and a body. Immutable; a filter derives a new one
 * with {@link #toBuilder()}.
 *
 * <p>The server frames the body: a {@link Body.Bytes} body gets {@code Content-Length}; a
 * {@link Body.Streamed} body is chunked on HTTP/1.1 and close-delimited on HTTP/1.0. The server
 * adds {@code Date} and {@code Server} unless present, and sends no body for HEAD, 204, 304 and 1xx.
 *
 * <pre>{@code
 * Response ok = Response.builder(200).header("Content-Type", "text/plain").body("done").build();
 * Response streamed = Response.builder(200).body(out -> out.write(bigBytes())).build();
 * Response upper = ok.toBuilder().body("DONE").build();
 * }</pre>
 */
public final class Response {

    private final int status;
    private final Headers headers;
    private final Body body;

    private Response(int status, Headers headers, Body body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    /**
     * A builder for a response with this status, no header fields and an empty body.
     *
     * @param status the status, 100 to 999
     * @return a new builder
     * @throws FactoryException for a status out of that range
     */
    public static Builder builder(int status) {
        return new Builder(status, Headers.builder(), Body.EMPTY);
    }

    /**
     * A {@code text/plain; charset=utf-8} response.
     *
     * @param status the status, 100 to 999
     * @param text   the body, sent as UTF-8
     * @return the response
     * @throws FactoryException for a status out of that range
     */
    public static Response text(int status, String text) {
        return builder(status).header("Content-Type", "text/plain; charset=utf-8").body(text).build();
    }

    /**
     * The reason phrase every provider sends with {@code status}: RFC 9110's, such as
     * {@code URI Too Long} for 414; {@code Unknown} for a status it does not name.
     *
     * @param status any status
     * @return its reason phrase
     */
    public static String reasonPhrase(int status) {
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

    /**
     * A builder that starts with this response's status, fields and body.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(status, headers.toBuilder(), body);
    }

    /** {@return the status, 100 to 999} */
    public int status() {
        return status;
    }

    /** {@return the header fields, in the order the app gave them} */
    public Headers headers() {
        return headers;
    }

    /** {@return the body: bytes or a writer} */
    public Body body() {
        return body;
    }

    @Override
    public String toString() {
        return "Response[" + status + ", " + headers + ", " + body + "]";
    }

    /** Writes a body of unknown length; called once, on the thread that handled the request. */
    @FunctionalInterface
    public interface BodyWriter {

        /**
         * Writes the body to {@code out}; the server frames it and closes it afterwards. Flushing
         * sends what was written so far.
         *
         * @param out the body stream of the response, valid during this call only
         * @throws IOException when writing fails, such as when the client went away; the
         *                     connection is then cut, since the response cannot be completed
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** A body of known bytes, or one streamed by a writer. */
    public sealed interface Body {

        /** The empty body. */
        Bytes EMPTY = new Bytes(new byte[0]);

        /**
         * Bytes with a known length. The array is not copied: do not change it after building.
         *
         * @param data the body's bytes
         */
        record Bytes(byte[] data) implements Body {

            /**
             * Checks that there are bytes.
             *
             * @throws NullPointerException for {@code null}
             */
            public Bytes {
                Objects.requireNonNull(data, "data");
            }

            /** {@return the data decoded as UTF-8 text} */
            public String text() {
                return new String(data, StandardCharsets.UTF_8);
            }

            @Override
            public String toString() {
                return "Bytes[" + data.length + "]";
            }

            @Override
            public boolean equals(Object other) {
                return other instanceof Bytes that && java.util.Arrays.equals(data, that.data);
            }

            @Override
            public int hashCode() {
                return java.util.Arrays.hashCode(data);
            }
        }

        /**
         * A body written by the app as it goes; its length is not known in advance.
         *
         * @param writer writes the body, once, on the thread that handled the request
         */
        record Streamed(BodyWriter writer) implements Body {

            /**
             * Checks that there is a writer.
             *
             * @throws NullPointerException for {@code null}
             */
            public Streamed {
                Objects.requireNonNull(writer, "writer");
            }
        }
    }

    /** Collects a response; not thread-safe. */
    public static final class Builder {

        private int status;
        private Headers.Builder headers;
        private Body body;

        private Builder(int status, Headers.Builder headers, Body body) {
            this.status = checkStatus(status);
            this.headers = headers;
            this.body = body;
        }

        /**
         * Sets the status.
         *
         * @param value the status, 100 to 999
         * @return this builder
         * @throws FactoryException for a status out of that range
         */
        public Builder status(int value) {
            status = checkStatus(value);
            return this;
        }

        /**
         * Adds a field, keeping earlier fields of the same name.
         *
         * @param name  the field name as it should be spelled
         * @param value the field value
         * @return this builder
         * @throws FactoryException for a name or value that {@link Header} refuses
         */
        public Builder header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        /**
         * Replaces every field of this name with one, placed where the first one was (or last).
         *
         * @param name  the field name, compared without regard to ASCII case
         * @param value the field value
         * @return this builder
         * @throws FactoryException for a name or value that {@link Header} refuses
         */
        public Builder setHeader(String name, String value) {
            headers.set(name, value);
            return this;
        }

        /**
         * Removes every field of this name.
         *
         * @param name the field name, compared without regard to ASCII case
         * @return this builder
         */
        public Builder removeHeader(String name) {
            headers.remove(name);
            return this;
        }

        /**
         * Replaces every field with these.
         *
         * @param value the fields
         * @return this builder
         */
        public Builder headers(Headers value) {
            headers = value.toBuilder();
            return this;
        }

        /**
         * Sets a body of known bytes, sent with {@code Content-Length}; the array is not copied.
         *
         * @param value the body's bytes
         * @return this builder
         */
        public Builder body(byte[] value) {
            body = new Body.Bytes(value);
            return this;
        }

        /**
         * Sets a body of text, sent as UTF-8 bytes with {@code Content-Length}.
         *
         * @param text the body
         * @return this builder
         */
        public Builder body(String text) {
            return body(text.getBytes(StandardCharsets.UTF_8));
        }

        /**
         * Sets a body streamed by {@code writer}: chunked on HTTP/1.1, close-delimited on HTTP/1.0.
         *
         * @param writer writes the body, once, on the thread that handled the request
         * @return this builder
         */
        public Builder body(BodyWriter writer) {
            body = new Body.Streamed(writer);
            return this;
        }

        /**
         * Sets the body.
         *
         * @param value bytes or a writer
         * @return this builder
         */
        public Builder body(Body value) {
            body = Objects.requireNonNull(value, "body");
            return this;
        }

        /**
         * Builds the response.
         *
         * @return the response
         */
        public Response build() {
            return new Response(status, headers.build(), body);
        }

        private static int checkStatus(int value) {
            if (value < 100 || value > 999) {
                throw new FactoryException("A response status must be a three-digit number, not " + value);
            }
            return value;
        }
    }
}
