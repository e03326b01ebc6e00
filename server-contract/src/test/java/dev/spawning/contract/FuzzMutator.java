package dev.spawning.contract;

import static dev.spawning.contract.FuzzStep.pick;

import dev.spawning.contract.FuzzLayout.Cut;
import dev.spawning.contract.FuzzLayout.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Applies one mutation, drawn from the random generator it is given, to some bytes: byte-level
 * ones here (bit flips, inserted control and non-ASCII bytes, changed line endings, deletions,
 * truncation at framing boundaries, pipelining), field, chunk and limit ones in
 * {@link FuzzFields}, {@link FuzzChunks} and {@link FuzzLimits}. A mutation that does not apply to
 * the bytes (no chunk to change) falls back to inserting a byte. Stateless apart from the seeds;
 * safe to share between threads because every call gets its own generator.
 */
final class FuzzMutator {

    /** CR, LF, NUL, SP, HTAB, other controls, DEL and a few separators: bytes parsers trip on. */
    private static final List<Integer> INSERTED = List.of(
            (int) '\r', (int) '\n', 0, (int) ' ', (int) '\t', 0x01, 0x0b, 0x0c, 0x7f, (int) ':', (int) ';', (int) ',', (int) '"');

    private final FuzzSeeds seeds;

    FuzzMutator(FuzzSeeds seeds) {
        this.seeds = seeds;
    }

    FuzzStep mutate(byte[] bytes, FuzzProfile profile, SplittableRandom random) {
        FuzzLayout layout = FuzzLayout.of(bytes);
        int roll = random.nextInt(100);
        FuzzStep step;
        if (roll < 8) {
            step = flip(bytes, layout, random);
        } else if (roll < 22) {
            step = insert(bytes, layout, random);
        } else if (roll < 28) {
            step = lineEnding(bytes, layout, random);
        } else if (roll < 31) {
            step = delete(bytes, random);
        } else if (roll < 42) {
            step = truncate(bytes, layout, random);
        } else if (roll < 48) {
            step = pipeline(bytes, random);
        } else if (roll < 70) {
            step = FuzzFields.mutate(bytes, layout, random);
        } else if (roll < 88) {
            step = FuzzChunks.mutate(bytes, layout, random);
        } else {
            step = FuzzLimits.mutate(bytes, layout, profile, random);
        }
        return step != null ? step : insert(bytes, layout, random);
    }

    private static FuzzStep flip(byte[] bytes, FuzzLayout layout, SplittableRandom random) {
        if (bytes.length == 0) {
            return null;
        }
        int at = position(bytes, layout, random);
        int bit = random.nextInt(8);
        byte[] flipped = bytes.clone();
        flipped[at] ^= (byte) (1 << bit);
        return new FuzzStep("flip bit " + bit + " at " + at + " (" + FuzzBytes.escape(new byte[] {bytes[at]}, 1)
                + " -> " + FuzzBytes.escape(new byte[] {flipped[at]}, 1) + ")", flipped);
    }

    private static FuzzStep insert(byte[] bytes, FuzzLayout layout, SplittableRandom random) {
        int value = random.nextInt(4) == 0 ? 0x80 + random.nextInt(0x80) : pick(random, INSERTED);
        int at = random.nextBoolean() ? pick(random, interesting(bytes, layout)) : random.nextInt(bytes.length + 1);
        byte[] inserted = {(byte) value};
        return new FuzzStep("insert " + FuzzBytes.escape(inserted, 1) + " at " + at,
                FuzzBytes.splice(bytes, at, at, inserted));
    }

    /** A line terminator of the head or of a chunk-size line becomes a bare LF, a bare CR or CR CR LF. */
    private static FuzzStep lineEnding(byte[] bytes, FuzzLayout layout, SplittableRandom random) {
        List<Line> lines = new ArrayList<>(layout.headerLines());
        if (layout.requestLine() != null) {
            lines.add(layout.requestLine());
        }
        lines.addAll(layout.chunkSizes());
        if (lines.isEmpty()) {
            return null;
        }
        Line line = pick(random, lines);
        String ending = pick(random, List.of("\n", "\r", "\r\r\n", "\r\n\r\n", "\n\r"));
        byte[] replacement = FuzzBytes.ascii(ending);
        return new FuzzStep("line ending at " + line.end() + " becomes " + FuzzBytes.escape(replacement, 4),
                FuzzBytes.splice(bytes, line.end(), line.next(), replacement));
    }

    private static FuzzStep delete(byte[] bytes, SplittableRandom random) {
        if (bytes.length < 2) {
            return null;
        }
        int at = random.nextInt(bytes.length - 1);
        int count = 1 + random.nextInt(Math.min(8, bytes.length - at));
        return new FuzzStep("delete " + count + " bytes at " + at, FuzzBytes.splice(bytes, at, at + count, new byte[0]));
    }

    private static FuzzStep truncate(byte[] bytes, FuzzLayout layout, SplittableRandom random) {
        List<Cut> cuts = layout.cuts(bytes);
        if (cuts.isEmpty()) {
            return null;
        }
        Cut cut = pick(random, cuts);
        return new FuzzStep("cut to " + cut.at() + " of " + bytes.length + " bytes (" + cut.where() + ")",
                FuzzBytes.splice(bytes, cut.at(), bytes.length, new byte[0]));
    }

    /** A second request after this one: a hand-written seed, or these bytes again. */
    private FuzzStep pipeline(byte[] bytes, SplittableRandom random) {
        if (random.nextInt(3) == 0) {
            return new FuzzStep("twice in a row", FuzzBytes.concat(bytes, bytes));
        }
        FuzzSeeds.Seed next = pick(random, seeds.handWritten());
        return new FuzzStep("then " + next.name(), FuzzBytes.concat(bytes, next.bytes()));
    }

    private static int position(byte[] bytes, FuzzLayout layout, SplittableRandom random) {
        int head = layout.headEnd() > 0 ? layout.headEnd() : bytes.length;
        return random.nextInt(4) == 0 ? random.nextInt(bytes.length) : random.nextInt(head);
    }

    /** Line starts and ends, both sides of each colon, the request line's spaces, chunk-size lines. */
    private static List<Integer> interesting(byte[] bytes, FuzzLayout layout) {
        List<Integer> points = new ArrayList<>(List.of(0, bytes.length));
        for (Line line : layout.headerLines()) {
            points.addAll(List.of(line.start(), line.end(), line.next()));
            int colon = line.text(bytes).indexOf(':');
            if (colon >= 0) {
                points.addAll(List.of(line.start() + colon, line.start() + colon + 1));
            }
        }
        for (Line line : layout.chunkSizes()) {
            points.addAll(List.of(line.start(), line.end(), line.end() - 1));
        }
        Line requestLine = layout.requestLine();
        if (requestLine != null) {
            points.addAll(List.of(requestLine.end(), requestLine.next()));
            for (int at = requestLine.start(); at < requestLine.end(); at++) {
                if (bytes[at] == ' ') {
                    points.addAll(List.of(at, at + 1));
                }
            }
        }
        if (layout.headEnd() > 0) {
            points.add(layout.headEnd());
        }
        return points;
    }
}
