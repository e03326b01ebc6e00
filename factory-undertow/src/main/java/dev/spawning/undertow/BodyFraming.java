package dev.spawning.undertow;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * Skips one request body by its framing, for {@link HeadScanner}: a declared length, or chunks
 * up to the last chunk and the trailer section. Chunk data and fixed-length bodies are skipped
 * in bulk; only size lines and trailers are looked at byte by byte. A framing it cannot follow
 * (conflicting or bad lengths, a transfer coding other than a final {@code chunked}, a bad chunk
 * size) ends the scan as {@link #lost}: Undertow refuses such input and closes the connection.
 *
 * <p>Threading: as {@link HeadScanner}. Not thread-safe.
 */
final class BodyFraming {

    private enum Part { NONE, FIXED, SIZE, EXTENSION, DATA, DATA_END, TRAILER_START, TRAILER, END, LOST }

    private Part part = Part.NONE;
    private long remaining;
    private int sizeDigits;

    /** Begins a body after a head with these fields; false when the head has no body. */
    boolean start(String contentLength, String transferEncoding) {
        if (transferEncoding != null) {
            String codings = transferEncoding.toLowerCase(Locale.ROOT).strip();
            part = codings.endsWith("chunked") ? Part.SIZE : Part.LOST;
            remaining = sizeDigits = 0;
            return true;
        }
        if (contentLength == null) {
            return false;
        }
        try {
            remaining = Long.parseLong(contentLength);
            part = remaining < 0 ? Part.LOST : Part.FIXED;
        } catch (NumberFormatException conflicting) {
            part = Part.LOST;
        }
        return remaining != 0 || part == Part.LOST;
    }

    /** True once the body ended, or the framing was lost. */
    boolean done() {
        return part == Part.END || part == Part.LOST || (part == Part.FIXED && remaining == 0);
    }

    boolean lost() {
        return part == Part.LOST;
    }

    /**
     * Skips body bytes from {@code from} (absolute) up to {@code to}; returns where the body ended,
     * where its framing was lost (the offending byte), or {@code to}.
     */
    int skip(ByteBuffer buffer, int from, int to) {
        int at = from;
        while (at < to && !done()) {
            if (part == Part.FIXED || part == Part.DATA) {
                int count = (int) Math.min(remaining, to - at);
                at += count;
                remaining -= count;
                if (part == Part.DATA && remaining == 0) {
                    part = Part.DATA_END;
                }
            } else {
                chunkByte((char) (buffer.get(at) & 0xff));
                at += part == Part.LOST ? 0 : 1;
            }
        }
        return at;
    }

    private void chunkByte(char c) {
        switch (part) {
            case SIZE -> size(c);
            case EXTENSION -> part = c == '\n' ? afterSizeLine() : Part.EXTENSION;
            case DATA_END -> part = c == '\n' ? Part.SIZE : c == '\r' ? Part.DATA_END : Part.LOST;
            case TRAILER_START -> part = c == '\n' ? Part.END : c == '\r' ? Part.TRAILER_START : Part.TRAILER;
            case TRAILER -> part = c == '\n' ? Part.TRAILER_START : Part.TRAILER;
            default -> part = Part.LOST;
        }
    }

    private void size(char c) {
        int digit = Character.digit(c, 16);
        if (digit >= 0 && sizeDigits < 15) {
            remaining = remaining * 16 + digit;
            sizeDigits++;
        } else if (sizeDigits > 0 && (c == ';' || c == '\r' || c == '\t' || c == ' ')) {
            part = Part.EXTENSION;
        } else if (sizeDigits > 0 && c == '\n') {
            part = afterSizeLine();
        } else {
            part = Part.LOST;
        }
    }

    private Part afterSizeLine() {
        sizeDigits = 0;
        return remaining == 0 ? Part.TRAILER_START : Part.DATA;
    }
}
