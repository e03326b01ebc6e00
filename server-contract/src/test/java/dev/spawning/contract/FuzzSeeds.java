package dev.spawning.contract;

import java.util.ArrayList;
import java.util.List;

/**
 * The requests the fuzzer starts from: hand-written well-formed requests like those of the
 * contract suite, and every raw request of the corpus ({@link CorpusFiles}), in a fixed order so
 * that an input index always names the same seed. Immutable once loaded.
 */
final class FuzzSeeds {

    /** A named starting point. */
    record Seed(String name, byte[] bytes) {
    }

    private static final String HOST = "Host: localhost\r\n";
    private static final String CHUNKED_BODY = "5;name=value\r\nhello\r\n6;quoted=\"a b\";flag\r\n world\r\n"
            + "0\r\nX-Checksum: 42\r\n\r\n";

    private final List<Seed> handWritten;
    private final List<Seed> corpus;

    private FuzzSeeds(List<Seed> handWritten, List<Seed> corpus) {
        this.handWritten = handWritten;
        this.corpus = corpus;
    }

    static FuzzSeeds load() {
        List<Seed> corpus = CorpusFiles.load().cases().stream()
                .map(corpusCase -> new Seed("corpus " + corpusCase.id(), corpusCase.raw())).toList();
        return new FuzzSeeds(written(), corpus);
    }

    List<Seed> handWritten() {
        return handWritten;
    }

    List<Seed> corpus() {
        return corpus;
    }

    private static List<Seed> written() {
        List<Seed> seeds = new ArrayList<>(List.of(
                seed("get", "GET /hello?name=fuzz HTTP/1.1\r\n" + HOST + "User-Agent: fuzz\r\nAccept: */*\r\n\r\n"),
                seed("post-length", "POST /form HTTP/1.1\r\n" + HOST + "Content-Type: text/plain\r\n"
                        + "Content-Length: 11\r\n\r\nhello world"),
                seed("post-chunked", "POST /upload HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\n"
                        + "Trailer: X-Checksum\r\n\r\n" + CHUNKED_BODY),
                seed("expect-continue", "POST /continue HTTP/1.1\r\n" + HOST + "Expect: 100-continue\r\n"
                        + "Content-Length: 7\r\n\r\ncontent"),
                seed("expect-continue-chunked", "PUT /continue HTTP/1.1\r\n" + HOST + "Expect: 100-Continue\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n" + CHUNKED_BODY),
                seed("http10-keep-alive", "GET /old HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"),
                seed("http10-post", "POST /old HTTP/1.0\r\nContent-Length: 4\r\n\r\nbody"),
                seed("absolute-form", "GET http://localhost:8080/absolute?x=1 HTTP/1.1\r\nHost: localhost:8080\r\n\r\n"),
                seed("options-asterisk", "OPTIONS * HTTP/1.1\r\n" + HOST + "\r\n"),
                seed("head", "HEAD /head HTTP/1.1\r\n" + HOST + "\r\n"),
                seed("connection-close", "GET /close HTTP/1.1\r\n" + HOST + "Connection: close\r\n\r\n"),
                seed("delete-empty-body", "DELETE /items/7 HTTP/1.1\r\n" + HOST + "Content-Length: 0\r\n\r\n"),
                seed("percent-encoded", "GET /caf%C3%A9/a%20b?q=a%2Bb&r=~ HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n")));
        seeds.add(pair(seeds.get(0), seeds.get(9)));
        seeds.add(pair(seeds.get(1), seeds.get(0)));
        seeds.add(pair(seeds.get(2), seeds.get(1)));
        seeds.add(pair(seeds.get(5), seeds.get(3)));
        return List.copyOf(seeds);
    }

    private static Seed seed(String name, String request) {
        return new Seed(name, FuzzBytes.ascii(request));
    }

    private static Seed pair(Seed first, Seed second) {
        return new Seed(first.name() + "+" + second.name(), FuzzBytes.concat(first.bytes(), second.bytes()));
    }
}
