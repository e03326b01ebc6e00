package dev.spawning.contract;

import static dev.spawning.contract.FuzzStep.pick;

import dev.spawning.contract.FuzzLayout.Line;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Mutations of the request line and the header fields: a field duplicated, swapped with another
 * or dropped; a framing field (Content-Length, Transfer-Encoding, Host, Expect, Connection) set to
 * a value parsers disagree on; the method, target or version replaced by a doubtful one.
 * Stateless.
 */
final class FuzzFields {

    private static final Map<String, List<String>> VALUES = Map.of(
            "Content-Length", List.of("5, 5", "+5", "-1", " 0", "05", "0x5", "1e2", "99999999999999999999", "", "5 5",
                    "0", "4", "12", "11,11"),
            "Transfer-Encoding", List.of("chunked", "Chunked", "chunked ", "gzip, chunked", "chunked, gzip", "identity",
                    "identity, chunked", "chunked,chunked", "", "x-custom, chunked", "\"chunked\"", "chunked;q=1"),
            "Host", List.of("", "a, b", "user@host", "localhost:99999", "localhost:", "localhost:8a", "[::1]", "[::1]:80",
                    "a b", "localhost/path", "LOCALHOST:8080", "[::1", "local_host"),
            "Expect", List.of("100-continue", "100-CONTINUE", "200-ok", "", "100-continue, x", "100-continue;a=b"),
            "Connection", List.of("close", "keep-alive", "Upgrade", "close, keep-alive", "CLOSE", "te", "keep-alive, x"));

    private static final List<String> METHODS = List.of("get", "G@T", "PRI", "CONNECT", "HEAD", "OPTIONS", "TRACE",
            "M-SEARCH", "X".repeat(40), "GET\t", "G\"T");
    private static final List<String> TARGETS = List.of("*", "/", "//", "http://h/p", "https://[::1]:8443/x?y",
            "example.com:443", "/a b", "/%zz", "/%", "/\"q\"", "/a#frag", "h", "/~u!$&'()*+,;=:@", "/a\\b", "/a{b}",
            "HTTP://H/", "http://", "http://user@h/", "/?a=|");
    private static final List<String> VERSIONS = List.of("HTTP/1.0", "HTTP/1.1", "HTTP/1.2", "HTTP/1.9", "HTTP/2.0",
            "HTTP/9.9", "HTTP/0.9", "HTTP/0.99", "http/1.1", "HTTP/1.10", "HTTP/1", "HTTP/11", "", "HTTP/1.1 ",
            "FTP/1.1", "HTTP /1.1", "HTTP/3");

    private FuzzFields() {
    }

    /** A field or request-line mutation; null when the bytes have no request line. */
    static FuzzStep mutate(byte[] bytes, FuzzLayout layout, SplittableRandom random) {
        if (layout.requestLine() == null) {
            return null;
        }
        List<Line> fields = layout.headerLines();
        return switch (random.nextInt(fields.isEmpty() ? 2 : 6)) {
            case 0 -> setField(bytes, layout, random);
            case 1 -> requestLine(bytes, layout.requestLine(), random);
            case 2 -> duplicate(bytes, pick(random, fields), random);
            case 3 -> drop(bytes, pick(random, fields));
            case 4 -> swap(bytes, fields, random);
            default -> setField(bytes, layout, random);
        };
    }

    /** Replaces the value of the first such field, or adds the field after the request line. */
    private static FuzzStep setField(byte[] bytes, FuzzLayout layout, SplittableRandom random) {
        String name = pick(random, VALUES.keySet().stream().sorted().toList());
        String value = pick(random, VALUES.get(name));
        byte[] line = FuzzBytes.ascii(name + ": " + value);
        for (Line field : layout.headerLines()) {
            if (field.name(bytes).equalsIgnoreCase(name)) {
                return new FuzzStep("set " + name + ": " + value, FuzzBytes.splice(bytes, field.start(), field.end(), line));
            }
        }
        int at = layout.requestLine().next();
        return new FuzzStep("add " + name + ": " + value,
                FuzzBytes.splice(bytes, at, at, FuzzBytes.concat(line, FuzzBytes.ascii("\r\n"))));
    }

    private static FuzzStep requestLine(byte[] bytes, Line line, SplittableRandom random) {
        String[] parts = line.text(bytes).split(" ", 3);
        if (parts.length < 3) {
            return null;
        }
        int part = random.nextInt(3);
        parts[part] = pick(random, List.of(METHODS, TARGETS, VERSIONS).get(part));
        String replaced = String.join(" ", parts);
        return new FuzzStep("request line becomes " + FuzzBytes.escape(FuzzBytes.ascii(replaced), 80),
                FuzzBytes.splice(bytes, line.start(), line.end(), FuzzBytes.ascii(replaced)));
    }

    private static FuzzStep duplicate(byte[] bytes, Line field, SplittableRandom random) {
        byte[] copy = FuzzBytes.ascii(field.text(bytes) + "\r\n");
        int at = random.nextBoolean() ? field.start() : field.next();
        return new FuzzStep("duplicate header '" + field.name(bytes) + "'", FuzzBytes.splice(bytes, at, at, copy));
    }

    private static FuzzStep drop(byte[] bytes, Line field) {
        return new FuzzStep("drop header '" + field.name(bytes) + "'",
                FuzzBytes.splice(bytes, field.start(), field.next(), new byte[0]));
    }

    private static FuzzStep swap(byte[] bytes, List<Line> fields, SplittableRandom random) {
        if (fields.size() < 2) {
            return null;
        }
        int first = random.nextInt(fields.size() - 1);
        int second = first + 1 + random.nextInt(fields.size() - first - 1);
        Line a = fields.get(first);
        Line b = fields.get(second);
        byte[] swapped = FuzzBytes.splice(bytes, b.start(), b.end(), FuzzBytes.ascii(a.text(bytes)));
        swapped = FuzzBytes.splice(swapped, a.start(), a.end(), FuzzBytes.ascii(b.text(bytes)));
        return new FuzzStep("swap headers '" + a.name(bytes) + "' and '" + b.name(bytes) + "'", swapped);
    }
}
