package dev.spawning.undertow;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import org.xnio.channels.StreamSinkChannel;
import org.xnio.conduits.AbstractStreamSourceConduit;
import org.xnio.conduits.StreamSourceConduit;

/**
 * Sits under Undertow's parser on one connection and tells its {@link TrackedConnection} when
 * bytes arrive, so that a graceful stop can tell an idle connection from one whose next request
 * has begun to arrive. Called by whichever thread reads the connection: its IO thread, or the
 * thread that parses a pipelined request.
 */
final class ObservedSourceConduit extends AbstractStreamSourceConduit<StreamSourceConduit> {

    private final TrackedConnection tracked;

    ObservedSourceConduit(StreamSourceConduit next, TrackedConnection tracked) {
        super(next);
        this.tracked = tracked;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return observed(super.read(dst));
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return observed(super.read(dsts, offset, length));
    }

    @Override
    public long transferTo(long position, long count, FileChannel target) throws IOException {
        return observed(super.transferTo(position, count, target));
    }

    @Override
    public long transferTo(long count, ByteBuffer throughBuffer, StreamSinkChannel target) throws IOException {
        long moved = super.transferTo(count, throughBuffer, target);
        if (throughBuffer.hasRemaining()) {
            tracked.bytesRead();
        }
        return observed(moved);
    }

    private <N extends Number> N observed(N count) {
        if (count.longValue() > 0) {
            tracked.bytesRead();
        }
        return count;
    }
}
