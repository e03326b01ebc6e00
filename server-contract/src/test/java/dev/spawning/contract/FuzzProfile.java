package dev.spawning.contract;

import java.util.Map;

/**
 * The server settings an input is sent with; both providers get the same ones. The limits are
 * repeated here so that mutations can aim at them (a header line one byte either side of
 * {@code max_header_line}); a limit of 0 means none.
 */
enum FuzzProfile {

    /** Every setting at its default. */
    DEFAULT(Map.of(), 8192, 8192, 100, 65_536, 0),

    /** Small limits, so that mutations cross them often. */
    SMALL_LIMITS(Map.of("url_length_limit", "64", "max_header_line", "128", "max_headers_size", "512",
            "max_header_count", "8", "max_body_size", "32"), 64, 128, 8, 512, 32),

    /** {@code require_host = false}: what an HTTP/1.1 request without Host gives then. */
    NO_HOST_REQUIRED(Map.of("require_host", "false"), 8192, 8192, 100, 65_536, 0);

    private final Map<String, String> settings;
    private final int urlLengthLimit;
    private final int maxHeaderLine;
    private final int maxHeaderCount;
    private final int maxHeadersSize;
    private final int maxBodySize;

    FuzzProfile(Map<String, String> settings, int urlLengthLimit, int maxHeaderLine, int maxHeaderCount,
            int maxHeadersSize, int maxBodySize) {
        this.settings = settings;
        this.urlLengthLimit = urlLengthLimit;
        this.maxHeaderLine = maxHeaderLine;
        this.maxHeaderCount = maxHeaderCount;
        this.maxHeadersSize = maxHeadersSize;
        this.maxBodySize = maxBodySize;
    }

    /** The {@code [server:...]} settings of this profile, on top of {@code port = 0}. */
    Map<String, String> settings() {
        return settings;
    }

    int urlLengthLimit() {
        return urlLengthLimit;
    }

    int maxHeaderLine() {
        return maxHeaderLine;
    }

    int maxHeaderCount() {
        return maxHeaderCount;
    }

    int maxHeadersSize() {
        return maxHeadersSize;
    }

    /** The body size limit, or a size worth crossing when there is none. */
    int bodySizeTarget() {
        return maxBodySize > 0 ? maxBodySize : 1024;
    }
}
