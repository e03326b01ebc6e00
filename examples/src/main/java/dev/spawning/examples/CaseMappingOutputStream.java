package dev.spawning.examples;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Maps every byte written through it, for a streamed body; the writer's arrays are copied, never
 * changed, since a writer may reuse or share them. Flush and close pass through.
 */
final class CaseMappingOutputStream extends FilterOutputStream {

    private final CaseMapping mapping;

    CaseMappingOutputStream(OutputStream out, CaseMapping mapping) {
        super(out);
        this.mapping = mapping;
    }

    @Override
    public void write(int b) throws IOException {
        out.write(mapping.map((byte) b));
    }

    /** Writes the mapped range in one call, not byte by byte as FilterOutputStream would. */
    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        out.write(mapping.map(b, off, len));
    }
}
