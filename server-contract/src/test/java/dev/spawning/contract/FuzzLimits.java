package dev.spawning.contract;

import static dev.spawning.contract.FuzzStep.pick;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutations that put a part of the request a few bytes either side of a limit of the input's
 * {@link FuzzProfile}: a header line near {@code max_header_line}, a request line near
 * {@code url_length_limit}, a field count near {@code max_header_count}, all header bytes near
 * {@code max_headers_size}, a body near {@code max_body_size}. Stateless.
 */
final class FuzzLimits {

    private static final List<Integer> NEAR = List.of(-3, -2, -1, 0, 1, 2, 50);
    private static final byte[] CRLF = FuzzBytes.ascii("\r\n");

    private FuzzLimits() {
    }

    /** Null when the bytes have no request line. */
    static FuzzStep mutate(byte[] bytes, FuzzLayout layout, FuzzProfile profile, SplittableRandom random) {
        if (layout.requestLine() == null) {
            return null;
        }
        int delta = pick(random, NEAR);
        return switch (random.nextInt(5)) {
            case 0 -> headerLine(bytes, layout, profile.maxHeaderLine() + delta);
            case 1 -> requestLine(bytes, layout, profile.urlLengthLimit() + delta);
            case 2 -> headerCount(bytes, layout, profile.maxHeaderCount() + Math.min(delta, 3));
            case 3 -> headersSize(bytes, layout, profile, profile.maxHeadersSize() + delta);
            default -> body(bytes, layout, profile.bodySizeTarget() + Math.min(delta, 2));
        };
    }

    /** A field of {@code length} bytes, CRLF excluded, right after the request line. */
    private static FuzzStep headerLine(byte[] bytes, FuzzLayout layout, int length) {
        return new FuzzStep("add a header line of " + length + " bytes",
                insertAfterRequestLine(bytes, layout, FuzzBytes.ascii(field("X-Long", length))));
    }

    /** The request line rebuilt with a long target so that it has {@code length} bytes, CRLF excluded. */
    private static FuzzStep requestLine(byte[] bytes, FuzzLayout layout, int length) {
        String[] parts = layout.requestLine().text(bytes).split(" ", 3);
        String method = parts.length == 3 ? parts[0] : "GET";
        String version = parts.length == 3 ? parts[2] : "HTTP/1.1";
        int targetLength = Math.max(1, length - method.length() - version.length() - 2);
        String line = method + " /" + FuzzBytes.filler('u', targetLength - 1) + " " + version;
        return new FuzzStep("request line of " + line.length() + " bytes", FuzzBytes.splice(bytes,
                layout.requestLine().start(), layout.requestLine().end(), FuzzBytes.ascii(line)));
    }

    /** Short fields added until the head has {@code count} of them. */
    private static FuzzStep headerCount(byte[] bytes, FuzzLayout layout, int count) {
        int missing = count - layout.headerLines().size();
        if (missing <= 0) {
            return null;
        }
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < missing; i++) {
            fields.append("X-Field-").append(i).append(": ").append(i).append("\r\n");
        }
        return new FuzzStep("add " + missing + " fields (" + count + " in all)",
                FuzzBytes.splice(bytes, layout.requestLine().next(), layout.requestLine().next(), FuzzBytes.ascii(fields.toString())));
    }

    /** Fields added until the header lines, CRLFs included, add up to {@code size} bytes. */
    private static FuzzStep headersSize(byte[] bytes, FuzzLayout layout, FuzzProfile profile, int size) {
        int present = layout.headerLines().stream().mapToInt(line -> line.next() - line.start()).sum();
        int missing = size - present;
        int lineLength = Math.min(1000, profile.maxHeaderLine() / 2);
        StringBuilder fields = new StringBuilder();
        for (int i = 0; missing > 0; i++) {
            int length = Math.max(missing <= lineLength + 2 ? missing - 2 : lineLength, 5);
            fields.append(field("X-Fill" + i % 10, length)).append("\r\n");
            missing -= length + 2;
        }
        return new FuzzStep("header lines add up to " + size + " bytes",
                FuzzBytes.splice(bytes, layout.requestLine().next(), layout.requestLine().next(), FuzzBytes.ascii(fields.toString())));
    }

    /** The body (after a complete head) replaced by {@code size} bytes framed by Content-Length. */
    private static FuzzStep body(byte[] bytes, FuzzLayout layout, int size) {
        if (layout.headEnd() < 0) {
            return null;
        }
        StringBuilder head = new StringBuilder(layout.requestLine().text(bytes)).append("\r\n");
        layout.headerLines().stream().map(line -> line.text(bytes))
                .filter(text -> !text.regionMatches(true, 0, "Content-Length", 0, 14)
                        && !text.regionMatches(true, 0, "Transfer-Encoding", 0, 17))
                .forEach(text -> head.append(text).append("\r\n"));
        head.append("Content-Length: ").append(size).append("\r\n\r\n").append(FuzzBytes.filler('b', size));
        return new FuzzStep("body of " + size + " bytes with Content-Length", FuzzBytes.ascii(head.toString()));
    }

    private static byte[] insertAfterRequestLine(byte[] bytes, FuzzLayout layout, byte[] line) {
        int at = layout.requestLine().next();
        return FuzzBytes.splice(bytes, at, at, FuzzBytes.concat(line, CRLF));
    }

    /** {@code NAME: vvv...} of exactly {@code length} bytes (at least the name and colon). */
    private static String field(String name, int length) {
        return name + ": " + FuzzBytes.filler('v', length - name.length() - 2);
    }
}
