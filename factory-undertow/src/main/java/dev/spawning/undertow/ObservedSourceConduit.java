package dev.spawning.undertow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.TimeUnit;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.ConduitReadableByteChannel;
import org.xnio.conduits.Conduits;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Sits under Undertow's parser on one connection: tells its {@link TrackedConnection} when bytes
 * arrive (so that a graceful stop can tell an idle connection from one whose next request has
 * begun, and a stalled head can be timed out), and passes every byte through a
 * {@link HeadScanner}. Where the scanner asks for a {@code Host} line, the bytes read so far are
 * delivered up to that point, then the inserted line, then the rest; bytes held back this way are
 * announced by waking the reader, since the socket will not signal them. Once the scanner has
 * lost the framing of a body, the bytes from the offending one on are withheld, so that the
 * request is refused with 400 when its body is read instead of Undertow closing the connection.
 *
 * <p>Threading: called by whichever thread reads the connection (its IO thread, or the thread
 * that parses a pipelined request), one at a time.
 */
final class ObservedSourceConduit extends AbstractStreamSourceConduit<StreamSourceConduit> {

    private final TrackedConnection tracked;
    private final HeadScanner scanner;
    /** The inserted line, not yet delivered; never scanned. */
    private ByteBuffer inserted;
    /** Bytes read from the socket but not yet scanned and delivered, after an insertion point. */
    private ByteBuffer held;
    /** The framing was lost: nothing more reaches Undertow (the request is refused with 400). */
    private boolean withholding;

    ObservedSourceConduit(StreamSourceConduit next, TrackedConnection tracked) {
        super(next);
        this.tracked = tracked;
        this.scanner = new HeadScanner(tracked);
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (withholding) {
            return 0;
        }
        if (holding()) {
            return deliverHeld(dst);
        }
        int start = dst.position();
        int count = super.read(dst);
        if (count <= 0) {
            return count;
        }
        tracked.bytesRead();
        return scanDelivered(dst, start, count);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            if (dsts[i].hasRemaining()) {
                return read(dsts[i]);
            }
        }
        return 0;
    }

    @Override
    public long transferTo(long position, long count, FileChannel target) throws IOException {
        return target.transferFrom(new ConduitReadableByteChannel(this), position, count);
    }

    @Override
    public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
        return Conduits.transfer(this, count, throughBuffer, target);
    }

    @Override
    public void resumeReads() {
        if (withholding) {
            return;
        }
        if (holding()) {
            next.wakeupReads();
        } else {
            next.resumeReads();
        }
    }

    @Override
    public void awaitReadable() throws IOException {
        if (!holding()) {
            next.awaitReadable();
        }
    }

    @Override
    public void awaitReadable(long time, TimeUnit timeUnit) throws IOException {
        if (!holding()) {
            next.awaitReadable(time, timeUnit);
        }
    }

    private boolean holding() {
        return inserted != null || held != null;
    }

    /** Delivers the inserted line, then held bytes, scanning them on the way. */
    private int deliverHeld(ByteBuffer dst) {
        int count = 0;
        if (inserted != null) {
            count += copy(inserted, dst);
            if (inserted.hasRemaining()) {
                return count;
            }
            inserted = null;
        }
        if (held != null && dst.hasRemaining()) {
            int start = dst.position();
            int moved = copy(held, dst);
            if (!held.hasRemaining()) {
                held = null;
            }
            count += scanDelivered(dst, start, moved);
        }
        return count;
    }

    /**
     * Scans the {@code count} bytes just put in {@code dst} at {@code start}; where the scanner
     * asks for an insertion, holds back the bytes from there on and delivers the inserted line
     * in their place. Returns the bytes delivered.
     */
    private int scanDelivered(ByteBuffer dst, int start, int count) {
        int insertAt = scanner.scan(dst, start, start + count);
        int end = start + count - scanner.removed();
        if (scanner.lostAt() >= 0) {
            withholding = true;
            dst.position(scanner.lostAt());
            return scanner.lostAt() - start;
        }
        if (insertAt < 0) {
            dst.position(end);
            return end - start;
        }
        holdBack(dst.slice(insertAt, end - insertAt));
        dst.position(insertAt);
        inserted = ByteBuffer.wrap(scanner.hostLine());
        return insertAt - start + copy(inserted, dst);
    }

    /** Puts {@code bytes} in front of those already held. */
    private void holdBack(ByteBuffer bytes) {
        int rest = held == null ? 0 : held.remaining();
        ByteBuffer all = ByteBuffer.allocate(bytes.remaining() + rest).put(bytes);
        if (held != null) {
            all.put(held);
        }
        held = all.flip();
    }

    private static int copy(ByteBuffer from, ByteBuffer to) {
        int count = Math.min(from.remaining(), to.remaining());
        to.put(from.slice(from.position(), count));
        from.position(from.position() + count);
        return count;
    }
}
