package dev.spawning.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The framing boundaries of the first request in some bytes, found leniently so that mutated
 * bytes still have a layout: a line ends at LF (a CR before it is not part of the line), the head
 * ends at the first empty line, and chunk-size lines are followed while their sizes parse. Absent
 * parts are {@code -1} or empty. Immutable.
 *
 * @param requestLine the first line, or null when the bytes hold no LF
 * @param headerLines the lines between the request line and the empty line (or the end)
 * @param headEnd     the index after the empty line, or -1 when the head is not complete
 * @param chunkSizes  the chunk-size lines of a chunked body, the last-chunk line included
 */
record FuzzLayout(Line requestLine, List<Line> headerLines, int headEnd, List<Line> chunkSizes) {

    /**
     * A line: its content is {@code [start, end)}, its terminator {@code [end, next)}.
     */
    record Line(int start, int end, int next) {

        String text(byte[] bytes) {
            return FuzzBytes.text(bytes, start, end);
        }

        /** The field name: the text before the first colon, or the whole line. */
        String name(byte[] bytes) {
            String text = text(bytes);
            int colon = text.indexOf(':');
            return colon < 0 ? text : text.substring(0, colon);
        }
    }

    static FuzzLayout of(byte[] bytes) {
        Line requestLine = line(bytes, 0);
        if (requestLine == null) {
            return new FuzzLayout(null, List.of(), -1, List.of());
        }
        List<Line> headers = new ArrayList<>();
        for (Line line = line(bytes, requestLine.next()); line != null; line = line(bytes, line.next())) {
            if (line.start() == line.end()) {
                List<Line> chunks = chunked(bytes, headers) ? chunkSizes(bytes, line.next()) : List.of();
                return new FuzzLayout(requestLine, headers, line.next(), chunks);
            }
            headers.add(line);
        }
        return new FuzzLayout(requestLine, headers, -1, List.of());
    }

    /** The value of the first header field with this name (case-insensitive), trimmed. */
    Optional<String> header(byte[] bytes, String name) {
        return headerLines.stream().filter(line -> line.name(bytes).strip().equalsIgnoreCase(name))
                .map(line -> line.text(bytes)).map(text -> text.substring(text.indexOf(':') + 1).strip()).findFirst();
    }

    /** A place to cut the bytes at, and which framing part it ends or falls inside. */
    record Cut(int at, String where) {
    }

    /**
     * Every place where cutting the bytes ends a framing part or falls inside one: after the CR
     * and after the LF of each line of the head, inside and at the end of a body of known length,
     * inside and at the end of each chunk-size line. Sorted by position, each inside the bytes.
     */
    List<Cut> cuts(byte[] bytes) {
        TreeMap<Integer, String> cuts = new TreeMap<>();
        if (requestLine != null) {
            cuts.putIfAbsent(requestLine.end(), "before the request line's CRLF");
            cuts.putIfAbsent(requestLine.next(), "after the request line");
        }
        for (int i = 0; i < headerLines.size(); i++) {
            cuts.putIfAbsent(headerLines.get(i).end(), "before the CRLF of header line " + (i + 1));
            cuts.putIfAbsent(headerLines.get(i).next(), "after header line " + (i + 1));
        }
        if (headEnd > 0) {
            cuts.put(headEnd - 1, "before the head's last LF");
            cuts.put(headEnd, "after the head");
            bodyEnd(bytes).ifPresent(end -> {
                cuts.putIfAbsent((headEnd + end) / 2, "inside the body");
                cuts.putIfAbsent(end - 1, "one byte before the body's end");
            });
        }
        for (int i = 0; i < chunkSizes.size(); i++) {
            Line line = chunkSizes.get(i);
            cuts.putIfAbsent(line.start() + 1, "inside chunk-size line " + (i + 1));
            cuts.putIfAbsent(line.end(), "before the CRLF of chunk-size line " + (i + 1));
            cuts.putIfAbsent(line.next(), "after chunk-size line " + (i + 1));
        }
        return cuts.entrySet().stream().filter(cut -> cut.getKey() > 0 && cut.getKey() < bytes.length)
                .map(cut -> new Cut(cut.getKey(), cut.getValue())).toList();
    }

    /** Where a body declared by Content-Length ends (at most the end of the bytes). */
    Optional<Integer> bodyEnd(byte[] bytes) {
        return header(bytes, "Content-Length").filter(value -> value.matches("[0-9]{1,6}"))
                .map(value -> Math.min(bytes.length, headEnd + Integer.parseInt(value)));
    }

    private static boolean chunked(byte[] bytes, List<Line> headers) {
        return headers.stream().map(line -> line.text(bytes).toLowerCase(Locale.ROOT))
                .anyMatch(text -> text.startsWith("transfer-encoding") && text.contains("chunked"));
    }

    private static List<Line> chunkSizes(byte[] bytes, int from) {
        List<Line> sizes = new ArrayList<>();
        for (Line line = line(bytes, from); line != null; ) {
            String digits = line.text(bytes).split("[^0-9A-Fa-f]", 2)[0];
            if (digits.isEmpty() || digits.length() > 6) {
                break;
            }
            sizes.add(line);
            int size = Integer.parseInt(digits, 16);
            int next = line.next() + size + 2;
            if (size == 0 || next > bytes.length) {
                break;
            }
            line = line(bytes, next);
        }
        return sizes;
    }

    private static Line line(byte[] bytes, int from) {
        int lf = FuzzBytes.indexOf(bytes, (byte) '\n', from);
        if (lf < 0) {
            return null;
        }
        int end = lf > from && bytes[lf - 1] == '\r' ? lf - 1 : lf;
        return new Line(from, end, lf + 1);
    }
}
