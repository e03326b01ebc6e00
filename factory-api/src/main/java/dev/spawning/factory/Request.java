package dev.spawning.factory;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One HTTP request as an app sees it. Immutable except for the body stream, which is read lazily
 * by the thread handling the request: reading it is what sends {@code 100 Continue} to a client
 * that asked for it. Strings taken from the request are its raw bytes read as ISO-8859-1.
 *
 * <p>The path is split as WSGI splits it: {@link #scriptName()} is the part a composite has
 * consumed (the mount point), {@link #pathInfo()} the rest; a server gives {@code ""} and the
 * whole percent-decoded path. Composites derive a new request with {@link #withPath}.
 *
 * <pre>{@code
 * Request r = Request.builder().method("GET").target("/a/b?x=1").header("Host", "h").build();
 * r.pathInfo();               // "/a/b"
 * r.query();                  // "x=1"
 * r.withPath("/a", "/b");     // as seen by an app mounted at /a
 * }</pre>
 */
public final class Request {

    private static final Supplier<Headers> NO_TRAILERS = Headers::empty;
    private static final CompletionStage<Void> NEVER = new CompletableFuture<Void>().minimalCompletionStage();

    private final String method;
    private final String target;
    private final String scheme;
    private final String scriptName;
    private final String pathInfo;
    private final String query;
    // Whether path info and query were given rather than derived: a derived one follows a new target.
    private final boolean pathInfoGiven;
    private final boolean queryGiven;
    private final String version;
    private final Headers headers;
    private final InetSocketAddress remoteAddress;
    private final InetSocketAddress localAddress;
    private final List<X509Certificate> clientCertificates;
    private final InputStream body;
    private final Supplier<Headers> trailers;
    private final CompletionStage<Void> serverStopping;

    private Request(Builder b) {
        this.method = b.method;
        this.target = b.target;
        this.scheme = b.scheme;
        this.scriptName = b.scriptName;
        this.pathInfo = b.pathInfo != null ? b.pathInfo : Targets.decodedPath(b.target);
        this.query = b.query != null ? b.query : Targets.query(b.target);
        this.pathInfoGiven = b.pathInfo != null;
        this.queryGiven = b.query != null;
        this.version = b.version;
        this.headers = b.headers.build();
        this.remoteAddress = b.remoteAddress;
        this.localAddress = b.localAddress;
        this.clientCertificates = b.clientCertificates;
        this.body = b.body;
        this.trailers = b.trailers;
        this.serverStopping = b.serverStopping;
    }

    /**
     * A builder for a request: {@code GET /} over HTTP/1.1, scheme {@code http}, no header fields,
     * an empty body, no trailers and no addresses until set.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding every part of this request, body stream included. Path info and query that
     * were derived from the target are derived again from the target the builder ends with.
     *
     * @return a new builder; the body stream is shared with this request, not copied
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * This request with its path split differently (WSGI's SCRIPT_NAME and PATH_INFO), such as
     * {@code withPath(scriptName() + "/api", "/users")} for an app mounted at {@code /api}.
     *
     * @param newScriptName the part of the path consumed so far, such as {@code /api}
     * @param newPathInfo   the rest of the path, percent-decoded
     * @return a new request with the same target, query, fields and body stream
     */
    public Request withPath(String newScriptName, String newPathInfo) {
        return toBuilder().scriptName(newScriptName).pathInfo(newPathInfo).build();
    }

    /** {@return the method as sent, such as {@code GET}} */
    public String method() {
        return method;
    }

    /**
     * {@return the request target exactly as sent: {@code /path?query}, {@code http://host/p},
     * {@code *}}
     */
    public String target() {
        return target;
    }

    /** {@return {@code http} or {@code https}} */
    public String scheme() {
        return scheme;
    }

    /**
     * {@return the part of the path consumed by composites on the way here; {@code ""} at the top}
     */
    public String scriptName() {
        return scriptName;
    }

    /**
     * {@return the rest of the path, percent-decoded (each decoded byte one ISO-8859-1 character)}
     */
    public String pathInfo() {
        return pathInfo;
    }

    /**
     * {@return the raw query string after {@code ?}, without a fragment; {@code ""} when there is
     * none}
     */
    public String query() {
        return query;
    }

    /** {@return {@code HTTP/1.1} or {@code HTTP/1.0}} */
    public String version() {
        return version;
    }

    /** {@return every header field in order of arrival, names as spelled} */
    public Headers headers() {
        return headers;
    }

    /**
     * The first value of a header field.
     *
     * @param name the field name, compared without regard to ASCII case
     * @return its first value; empty when the request has no such field
     */
    public Optional<String> header(String name) {
        return headers.first(name);
    }

    /** {@return the peer's address; {@code null} for a request built without one} */
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /**
     * {@return the address the request arrived on; {@code null} for a request built without one}
     */
    public InetSocketAddress localAddress() {
        return localAddress;
    }

    /**
     * The certificate chain the client presented over TLS, leaf first: read its subject with
     * {@code clientCertificates().getFirst().getSubjectX500Principal()}. Only a server with
     * {@code cert_reqs = optional} or {@code required} asks for one, and only one that
     * {@code ca_certs} signs gets this far.
     *
     * @return the chain; empty over plain HTTP or when the client sent none
     */
    public List<X509Certificate> clientCertificates() {
        return clientCertificates;
    }

    /**
     * The body, read lazily. Reading it first sends {@code 100 Continue} where the client asked.
     * Only the thread handling the request may read it.
     *
     * @return the body stream; it ends where the body does, and reading it may throw an
     *         {@link IOException} when the client breaks the framing or a limit, or goes away
     */
    public InputStream body() {
        return body;
    }

    /**
     * Reads the whole body, on the thread handling the request.
     *
     * @return the body's bytes; empty for a request without a body
     * @throws IOException when the body cannot be read to its end (see {@link #body()})
     */
    public byte[] readBody() throws IOException {
        return body.readAllBytes();
    }

    /**
     * {@return the trailer fields of a chunked body; empty until the body has been read to its end}
     */
    public Headers trailers() {
        return trailers.get();
    }

    /**
     * A stage that completes when the server serving this request begins a graceful stop, such as
     * when spawn's controller drains the worker after a reload. An app that holds a request open
     * while it waits for something to happen (a Comet long-poll, an event stream) answers at once
     * when it completes, so that its client asks again and reaches a server that stays; a server
     * answers every request with {@code Connection: close} from then on.
     *
     * <p>A server gives every request the same stage, and an action added to it stays until the
     * stop: add one per app (on the first request, say), not one per request. Actions run on the
     * thread that stops the server, so they only wake what waits.
     *
     * <pre>{@code
     * if (watching.compareAndSet(false, true)) {
     *     request.serverStopping().thenRun(topics::wakeEveryWaiter);
     * }
     * }</pre>
     *
     * @return the stage; one that never completes for a request built without one (as in a test)
     */
    public CompletionStage<Void> serverStopping() {
        return serverStopping;
    }

    @Override
    public String toString() {
        return method + " " + target + " " + version;
    }

    /** Builds a request; the servers and composites use it. Not thread-safe. */
    public static final class Builder {

        private String method = "GET";
        private String target = "/";
        private String scheme = "http";
        private String scriptName = "";
        private String pathInfo;
        private String query;
        private String version = "HTTP/1.1";
        private Headers.Builder headers = Headers.builder();
        private InetSocketAddress remoteAddress;
        private InetSocketAddress localAddress;
        private List<X509Certificate> clientCertificates = List.of();
        private InputStream body = InputStream.nullInputStream();
        private Supplier<Headers> trailers = NO_TRAILERS;
        private CompletionStage<Void> serverStopping = NEVER;

        private Builder() {
        }

        private Builder(Request r) {
            method = r.method;
            target = r.target;
            scheme = r.scheme;
            scriptName = r.scriptName;
            pathInfo = r.pathInfoGiven ? r.pathInfo : null;
            query = r.queryGiven ? r.query : null;
            version = r.version;
            headers = r.headers.toBuilder();
            remoteAddress = r.remoteAddress;
            localAddress = r.localAddress;
            clientCertificates = r.clientCertificates;
            body = r.body;
            trailers = r.trailers;
            serverStopping = r.serverStopping;
        }

        /**
         * Sets the method.
         *
         * @param value the method as sent, such as {@code GET}
         * @return this builder
         */
        public Builder method(String value) {
            method = Objects.requireNonNull(value, "method");
            return this;
        }

        /**
         * Sets the raw target; path info and query follow it unless they are set explicitly.
         *
         * @param value the target as sent, such as {@code /a%20b?x=1}
         * @return this builder
         */
        public Builder target(String value) {
            target = Objects.requireNonNull(value, "target");
            return this;
        }

        /**
         * Sets the scheme.
         *
         * @param value {@code http} or {@code https}
         * @return this builder
         */
        public Builder scheme(String value) {
            scheme = Objects.requireNonNull(value, "scheme");
            return this;
        }

        /**
         * Sets the part of the path consumed by composites.
         *
         * @param value such as {@code /api}; {@code ""} at the top
         * @return this builder
         */
        public Builder scriptName(String value) {
            scriptName = Objects.requireNonNull(value, "scriptName");
            return this;
        }

        /**
         * Sets the path below the script name; by default it is derived from the target.
         *
         * @param value the path, percent-decoded
         * @return this builder
         */
        public Builder pathInfo(String value) {
            pathInfo = Objects.requireNonNull(value, "pathInfo");
            return this;
        }

        /**
         * Sets the raw query; by default it is derived from the target.
         *
         * @param value the query without its {@code ?}
         * @return this builder
         */
        public Builder query(String value) {
            query = Objects.requireNonNull(value, "query");
            return this;
        }

        /**
         * Sets the HTTP version.
         *
         * @param value {@code HTTP/1.1} or {@code HTTP/1.0}
         * @return this builder
         */
        public Builder version(String value) {
            version = Objects.requireNonNull(value, "version");
            return this;
        }

        /**
         * Adds a header field after the others.
         *
         * @param name  the field name as spelled
         * @param value the field value
         * @return this builder
         * @throws FactoryException for a name or value that {@link Header} refuses
         */
        public Builder header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        /**
         * Replaces every header field with these.
         *
         * @param value the fields
         * @return this builder
         */
        public Builder headers(Headers value) {
            headers = value.toBuilder();
            return this;
        }

        /**
         * Sets the peer's address.
         *
         * @param value the address; {@code null} when unknown
         * @return this builder
         */
        public Builder remoteAddress(InetSocketAddress value) {
            remoteAddress = value;
            return this;
        }

        /**
         * Sets the address the request arrived on.
         *
         * @param value the address; {@code null} when unknown
         * @return this builder
         */
        public Builder localAddress(InetSocketAddress value) {
            localAddress = value;
            return this;
        }

        /**
         * Sets the certificate chain the client presented over TLS; by default none.
         *
         * @param value the chain, leaf first; copied
         * @return this builder
         */
        public Builder clientCertificates(List<X509Certificate> value) {
            clientCertificates = List.copyOf(value);
            return this;
        }

        /**
         * Sets the body stream, which the request hands to the app as it is.
         *
         * @param value the body
         * @return this builder
         */
        public Builder body(InputStream value) {
            body = Objects.requireNonNull(value, "body");
            return this;
        }

        /**
         * Sets a body of known bytes; the array is not copied.
         *
         * @param value the body's bytes
         * @return this builder
         */
        public Builder body(byte[] value) {
            return body(new java.io.ByteArrayInputStream(value));
        }

        /**
         * Sets where the trailers will be once the body has been read; by default there are none.
         *
         * @param value asked by {@link Request#trailers()} on each call
         * @return this builder
         */
        public Builder trailers(Supplier<Headers> value) {
            trailers = Objects.requireNonNull(value, "trailers");
            return this;
        }

        /**
         * Sets the signal of the server's stop: a server passes one stage for all its requests,
         * completed when its graceful stop begins.
         *
         * @param value completes when the server begins to stop; see {@link Request#serverStopping()}
         * @return this builder
         */
        public Builder serverStopping(CompletionStage<Void> value) {
            serverStopping = Objects.requireNonNull(value, "serverStopping");
            return this;
        }

        /**
         * Builds the request; path info and query not set explicitly are derived from the target.
         *
         * @return the request
         */
        public Request build() {
            return new Request(this);
        }
    }
}
