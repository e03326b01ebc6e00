package dev.spawning.factory.server;

/**
 * What the header fields of one request say about its body, its host and its connection, gathered
 * field by field and checked once the head is complete (RFC 9112 sections 3.2, 6 and 9.6). Fields
 * whose repetition would let two parties read one request differently ({@code Host},
 * {@code Content-Length}, {@code Content-Type}) must come once.
 *
 * <p>The checks of a complete head run in one order, the same on every provider: a repeated
 * field, a missing {@code Host}, a malformed {@code Host}, then the transfer codings (400 before
 * 501). One instance per head; not thread-safe.
 */
final class Framing {

    private final boolean http11;
    private long contentLength = -1;
    private String transferEncoding;
    private String host;
    private int hosts;
    private int contentTypes;
    private boolean closeAsked;
    private boolean keepAliveAsked;
    private boolean expectContinue;

    Framing(boolean http11) {
        this.http11 = http11;
    }

    /** Notes one field; {@code value} is trimmed. */
    void field(String name, String value) throws HttpRefusal {
        switch (name.length()) {
            case 4 -> host(name, value);
            case 6 -> expectContinue |= name.equalsIgnoreCase("Expect") && value.equalsIgnoreCase("100-continue");
            case 10 -> connection(name, value);
            case 12 -> contentTypes += name.equalsIgnoreCase("Content-Type") ? 1 : 0;
            case 14 -> contentLength(name, value);
            case 17 -> transferEncoding(name, value);
            default -> {
            }
        }
    }

    /** Checks the whole head. */
    void check(boolean requireHost) throws HttpRefusal {
        if (hosts > 1 || contentTypes > 1) {
            throw HttpRefusal.badRequest("Host and Content-Type may come once");
        }
        if (http11 && requireHost && hosts == 0) {
            throw HttpRefusal.badRequest("an HTTP/1.1 request needs a Host field");
        }
        if (host != null && !RequestTargets.hostField(host)) {
            throw HttpRefusal.badRequest("a Host field is uri-host [ \":\" port ]");
        }
        if (transferEncoding != null) {
            checkTransferEncoding();
        }
    }

    long contentLength() {
        return transferEncoding != null ? -1 : contentLength;
    }

    boolean chunked() {
        return transferEncoding != null;
    }

    boolean closeAsked() {
        return closeAsked;
    }

    boolean keepAliveAsked() {
        return keepAliveAsked;
    }

    boolean expectContinue() {
        return expectContinue;
    }

    private void host(String name, String value) {
        if (name.equalsIgnoreCase("Host")) {
            hosts++;
            host = value;
        }
    }

    private void connection(String name, String value) {
        if (!name.equalsIgnoreCase("Connection")) {
            return;
        }
        for (String token : value.split(",")) {
            String option = token.strip();
            closeAsked |= option.equalsIgnoreCase("close");
            keepAliveAsked |= option.equalsIgnoreCase("keep-alive");
        }
    }

    private void contentLength(String name, String value) throws HttpRefusal {
        if (!name.equalsIgnoreCase("Content-Length")) {
            return;
        }
        if (contentLength >= 0 || value.isEmpty() || value.length() > 18) {
            throw HttpRefusal.badRequest("one Content-Length of at most 18 digits");
        }
        long length = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                throw HttpRefusal.badRequest("a Content-Length is digits only");
            }
            length = length * 10 + (c - '0');
        }
        contentLength = length;
    }

    private void transferEncoding(String name, String value) {
        if (name.equalsIgnoreCase("Transfer-Encoding")) {
            transferEncoding = transferEncoding == null ? value : transferEncoding + "," + value;
        }
    }

    /**
     * Chunked must come last and once (else 400: the body's end is unknowable, RFC 9112 section
     * 6.3); chunked after another coding names a coding this server does not support (501).
     */
    private void checkTransferEncoding() throws HttpRefusal {
        if (!http11 || contentLength >= 0) {
            throw HttpRefusal.badRequest("Transfer-Encoding needs HTTP/1.1 and no Content-Length");
        }
        String[] codings = transferEncoding.split(",", -1);
        boolean other = false;
        for (int i = 0; i < codings.length; i++) {
            String coding = codings[i].strip();
            boolean chunked = coding.equalsIgnoreCase("chunked");
            if (chunked != (i == codings.length - 1) || !token(coding)) {
                throw HttpRefusal.badRequest("chunked must be the last transfer coding, and only once");
            }
            other |= !chunked;
        }
        if (other) {
            throw new HttpRefusal(501, "no transfer coding but chunked is implemented");
        }
    }

    private static boolean token(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0xff || !Syntax.tchar(c)) {
                return false;
            }
        }
        return true;
    }
}
