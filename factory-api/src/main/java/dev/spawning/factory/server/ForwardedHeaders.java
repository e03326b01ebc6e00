package dev.spawning.factory.server;

import dev.spawning.factory.Header;
import dev.spawning.factory.Request;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Honours the headers a trusted proxy adds, so that an app sees the client's address
 * ({@link Request#remoteAddress}), scheme ({@link Request#scheme}) and host (the {@code Host}
 * field): {@code Forwarded} (RFC 7239: its {@code for}, {@code proto} and {@code host}
 * parameters), or, without it, {@code X-Forwarded-For}, {@code X-Forwarded-Proto} and
 * {@code X-Forwarded-Host}. Only a request whose peer (its {@link Request#remoteAddress}, which is
 * the client a PROXY header named, when there was one) is in the trusted set is changed; from any
 * other peer the fields stay plain fields. The fields themselves are left in place.
 *
 * <p>The client is found by walking the list of hops ({@code Forwarded} elements, or
 * {@code X-Forwarded-For} entries, every field of the name in order) from the right, skipping
 * each hop whose address is trusted too: the first untrusted hop is the client, or the left-most
 * when every hop is trusted. A hop named {@code unknown}, an obfuscated identifier
 * ({@code _hidden}) or anything else that is not an IP address keeps the peer as the address. The
 * scheme and host are that hop's {@code proto} and {@code host} in {@code Forwarded}, or the
 * right-most {@code X-Forwarded-Proto} and {@code X-Forwarded-Host} (the ones the trusted peer
 * set). A scheme other than {@code http} or {@code https} is ignored, and so is a
 * {@code Forwarded} field that does not parse (the request is left as it came).
 *
 * <p>A request without any of these fields costs one pass over its field names. Immutable and
 * thread-safe.
 *
 * <pre>{@code
 * ForwardedHeaders forwarded = ForwardedHeaders.trusting(AddressSet.parse("127.0.0.1"));
 * Request seen = forwarded.apply(request);   // request itself when nothing applies
 * }</pre>
 */
public final class ForwardedHeaders {

    private final AddressSet trusted;

    private ForwardedHeaders(AddressSet trusted) {
        this.trusted = trusted;
    }

    /**
     * A resolver honouring the fields of requests from {@code trusted} peers.
     *
     * @param trusted the peers (and the hops) trusted; {@link AddressSet#NONE} changes no request
     * @return the resolver
     */
    public static ForwardedHeaders trusting(AddressSet trusted) {
        return new ForwardedHeaders(trusted);
    }

    /** {@return the peers trusted} */
    public AddressSet trusted() {
        return trusted;
    }

    /**
     * The request as the app should see it.
     *
     * @param request a request whose remote address is its peer
     * @return {@code request} itself when it has none of the fields or its peer is not trusted;
     *         otherwise a request with the client's address, scheme and host
     */
    public Request apply(Request request) {
        if (trusted.isEmpty() || !mayForward(request)) {
            return request;
        }
        if (!trusted.contains(request.remoteAddress())) {
            return request;
        }
        List<String> forwarded = request.headers().all("Forwarded");
        Hop hop = forwarded.isEmpty() ? xForwarded(request) : ForwardedElements.client(forwarded, trusted);
        return hop == null ? request : changed(request, hop);
    }

    /** What the chosen hop says: its address (null: keep the peer), scheme and host (null: keep). */
    record Hop(InetSocketAddress client, String proto, String host) {
    }

    /** One pass over the field names: is any of the four there? */
    private static boolean mayForward(Request request) {
        for (Header field : request.headers().asList()) {
            String name = field.name();
            int length = name.length();
            if ((length == 9 || length >= 15 && length <= 17) && (name.charAt(0) | 0x20) == (length == 9 ? 'f' : 'x')
                    && forwardingName(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean forwardingName(String name) {
        return name.equalsIgnoreCase("Forwarded") || name.equalsIgnoreCase("X-Forwarded-For")
                || name.equalsIgnoreCase("X-Forwarded-Proto") || name.equalsIgnoreCase("X-Forwarded-Host");
    }

    private Hop xForwarded(Request request) {
        List<String> hops = entries(request.headers().all("X-Forwarded-For"));
        InetSocketAddress client = null;
        for (int i = hops.size() - 1; i >= 0; i--) {
            client = ForwardedElements.node(hops.get(i));
            if (client == null || i == 0 || !trusted.contains(client.getAddress())) {
                break;
            }
        }
        return new Hop(client, last(entries(request.headers().all("X-Forwarded-Proto"))),
                last(entries(request.headers().all("X-Forwarded-Host"))));
    }

    private static Request changed(Request request, Hop hop) {
        Request.Builder changed = request.toBuilder();
        if (hop.client() != null) {
            changed.remoteAddress(hop.client());
        }
        String scheme = hop.proto() == null ? null : hop.proto().toLowerCase(Locale.ROOT);
        if ("http".equals(scheme) || "https".equals(scheme)) {
            changed.scheme(scheme);
        }
        if (hop.host() != null && !hop.host().isEmpty()) {
            changed.headers(request.headers().toBuilder().set("Host", hop.host()).build());
        }
        return changed.build();
    }

    /** Every comma-separated entry of the fields, trimmed, empty ones dropped. */
    private static List<String> entries(List<String> values) {
        List<String> entries = new ArrayList<>();
        for (String value : values) {
            for (String entry : value.split(",")) {
                String trimmed = entry.strip();
                if (!trimmed.isEmpty()) {
                    entries.add(trimmed);
                }
            }
        }
        return entries;
    }

    private static String last(List<String> entries) {
        return entries.isEmpty() ? null : entries.getLast();
    }
}
