package dev.spawning.undertow;

/**
 * Reads the authority of an absolute-form request target ({@code http://user@host:port/path}),
 * for {@link HeadScanner}: the {@code Host} to insert when a head lacks one (Undertow compares
 * the two), and the userinfo to cut (Undertow's parser fails on it). Stateless.
 */
final class AbsoluteTargets {

    private AbsoluteTargets() {
    }

    /** The host and port of an absolute-form target, without userinfo; null for other forms. */
    static String authority(String target) {
        int scheme = target.indexOf("://");
        if (scheme < 0) {
            return null;
        }
        int start = scheme + 3;
        int end = start;
        while (end < target.length() && "/?# ".indexOf(target.charAt(end)) < 0) {
            end++;
        }
        String authority = target.substring(start, end);
        return authority.substring(authority.lastIndexOf('@') + 1);
    }

    /**
     * With {@code requestLine} read up to (not including) an {@code @}: the length of the userinfo
     * that {@code @} ends, when it is in the authority of an absolute-form target; else 0.
     */
    static int userinfoLength(CharSequence requestLine) {
        String line = requestLine.toString();
        int space = line.indexOf(' ');
        int scheme = space < 0 ? -1 : line.indexOf("://", space);
        if (scheme < 0) {
            return 0;
        }
        for (int i = scheme + 3; i < line.length(); i++) {
            if ("/?# ".indexOf(line.charAt(i)) >= 0) {
                return 0;
            }
        }
        return line.length() - scheme - 3;
    }
}
