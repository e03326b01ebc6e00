package dev.spawning.core.builtin;

import dev.spawning.factory.Filter;
import dev.spawning.factory.FactoryProvider;
import dev.spawning.factory.FilterFactory;
import dev.spawning.factory.Settings;
import dev.spawning.factory.server.ForwardedHeaders;
import dev.spawning.factory.server.ProxySettings;
import java.util.List;

/**
 * {@code use = service:forwarded}: the server's handling of the forwarding fields
 * ({@code forwarded_allow_ips}) as a filter, for a pipeline that prefers it written down, or an
 * embedder whose server has it off ({@code forwarded_allow_ips =}, empty). From a peer in
 * {@code trusted} (default {@code 127.0.0.1}; comma-separated addresses, CIDR networks, or
 * {@code *}), the {@code Forwarded} or {@code X-Forwarded-For}, {@code -Proto} and {@code -Host}
 * fields give the remote address, scheme and {@code Host} the next app sees, by the rules of
 * {@link ForwardedHeaders}; from any other peer the request passes unchanged. Any other key is an
 * error. The filter is immutable and thread-safe.
 */
@FactoryProvider(name = "forwarded",
        description = "Honours Forwarded and X-Forwarded-* from trusted proxies (the client's address, scheme, host)")
public final class ForwardedFilterFactory implements FilterFactory {

    private static final List<String> KNOWN = List.of("trusted");

    /** Public because ServiceLoader needs it. */
    public ForwardedFilterFactory() {
    }

    @Override
    public Filter create(Settings global, Settings local) {
        Problems problems = new Problems();
        for (String key : local.keys()) {
            if (!KNOWN.contains(key)) {
                problems.add(local, key, key + " is not a setting of the forwarded filter (it has "
                        + String.join(", ", KNOWN) + ")");
            }
        }
        ForwardedHeaders forwarding = problems.read(
                () -> ForwardedHeaders.trusting(ProxySettings.addresses(local, "trusted")));
        problems.throwIfAny();
        return next -> request -> next.handle(forwarding.apply(request));
    }
}
