package dev.spawning.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Splits the bytes a server sent into responses and keeps their status codes, interim (1xx) ones
 * included. A response's body is framed by chunked encoding or Content-Length, or runs to the end
 * when it has neither; 1xx, 204 and 304 have none. A HEAD response carries the Content-Length of
 * a body it does not send: the client cannot know which request was a HEAD once bytes are
 * mutated, so a declared body is taken as absent when the bytes after the head are another
 * status line or nothing (the echo app's bodies are JSON, never a status line). What cannot be
 * parsed is counted, not guessed at. Stateless.
 */
final class FuzzResponses {

    /** The status codes in order, and how many bytes at the end did not parse as a response. */
    record Parsed(List<Integer> statuses, int unparsed) {
    }

    private FuzzResponses() {
    }

    static Parsed parse(byte[] wire) {
        List<Integer> statuses = new ArrayList<>();
        int position = 0;
        while (position < wire.length) {
            int next = response(wire, position, statuses);
            if (next < 0) {
                return new Parsed(statuses, wire.length - position);
            }
            position = next;
        }
        return new Parsed(statuses, 0);
    }

    /** Adds the status of the response at {@code at}; returns where the next starts, or -1. */
    private static int response(byte[] wire, int at, List<Integer> statuses) {
        int headEnd = FuzzBytes.indexOf(wire, FuzzBytes.ascii("\r\n\r\n"), at);
        if (!FuzzBytes.statusLineAt(wire, at) || headEnd < 0 || !statusCode(wire, at)) {
            return -1;
        }
        int status = Integer.parseInt(FuzzBytes.text(wire, at + 9, at + 12));
        String head = FuzzBytes.text(wire, at, headEnd + 2).toLowerCase(Locale.ROOT);
        int bodyStart = headEnd + 4;
        statuses.add(status);
        if (status < 200 || status == 204 || status == 304 || headOnly(wire, bodyStart)) {
            return bodyStart;
        }
        if (field(head, "transfer-encoding").map(coding -> coding.endsWith("chunked")).orElse(false)) {
            return chunked(wire, bodyStart);
        }
        Optional<Integer> length = field(head, "content-length").filter(value -> value.matches("[0-9]{1,9}"))
                .map(Integer::valueOf);
        if (length.isPresent()) {
            int end = bodyStart + length.get();
            return end <= wire.length ? end : -1;
        }
        return wire.length;
    }

    private static boolean statusCode(byte[] wire, int at) {
        return at + 12 <= wire.length && wire[at + 8] == ' ' && FuzzBytes.text(wire, at + 9, at + 12).matches("[1-5][0-9][0-9]");
    }

    /** Whether the response had no body although its head declares one (HEAD). */
    private static boolean headOnly(byte[] wire, int bodyStart) {
        return bodyStart == wire.length || FuzzBytes.statusLineAt(wire, bodyStart);
    }

    /** Where a chunked body starting at {@code at} ends (after its trailers), or -1. */
    private static int chunked(byte[] wire, int at) {
        int position = at;
        while (true) {
            int lineEnd = FuzzBytes.indexOf(wire, FuzzBytes.ascii("\r\n"), position);
            if (lineEnd < 0) {
                return -1;
            }
            String size = FuzzBytes.text(wire, position, lineEnd).split(";", 2)[0].strip();
            if (!size.matches("[0-9a-fA-F]{1,7}")) {
                return -1;
            }
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                return trailersEnd(wire, lineEnd + 2);
            }
            position = lineEnd + 2 + length + 2;
            if (position > wire.length) {
                return -1;
            }
        }
    }

    /** Where the trailer section starting at {@code at} ends: after its empty line, or -1. */
    private static int trailersEnd(byte[] wire, int at) {
        if (at + 2 <= wire.length && wire[at] == '\r' && wire[at + 1] == '\n') {
            return at + 2;
        }
        int end = FuzzBytes.indexOf(wire, FuzzBytes.ascii("\r\n\r\n"), at);
        return end < 0 ? -1 : end + 4;
    }

    private static Optional<String> field(String head, String name) {
        for (String line : head.split("\r\n")) {
            if (line.startsWith(name + ":")) {
                return Optional.of(line.substring(name.length() + 1).strip());
            }
        }
        return Optional.empty();
    }
}
