package dev.spawning.factory;

import java.util.Objects;

/**
 * Where a setting was written: a deployment file and a line in it (1-based; 0 when the line is
 * not known).
 *
 * @param file the file, as the loader names it in messages
 * @param line the line, 1-based; 0 when not known
 */
public record Origin(String file, int line) {

    /** Checks that there is a file; any line is accepted. */
    public Origin {
        Objects.requireNonNull(file, "file");
    }

    /**
     * {@return {@code Error in file F: line N: } (or without the line when it is 0), the prefix of
     * every config error}
     */
    public String errorPrefix() {
        return "Error in file " + file + ": " + (line > 0 ? "line " + line + ": " : "");
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
