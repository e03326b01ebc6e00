package dev.spawning.core.builtin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The directory of {@code service:static}, and the one place that turns a request path into a
 * file under it. A path that could leave the directory is refused before anything is opened: a
 * {@code .} or {@code ..} segment (also percent-encoded, since the path arrives decoded, and
 * {@code ..%2f}, whose {@code %2f} is a separator once decoded), a control character such as an
 * encoded NUL, a backslash, bytes that are not UTF-8; then the file's real path, symbolic links
 * resolved, must still be under the directory's real path, so a link that points out is refused
 * too. Immutable and thread-safe.
 */
final class DocumentRoot {

    /** The file served for a request of a directory, when the directory has one. */
    static final String INDEX = "index.html";

    /** What a request path names. */
    sealed interface Found {
    }

    /** Nothing that may be served: the answer is 404. */
    record Nothing() implements Found {
    }

    /** A directory named without its trailing {@code /}: the answer redirects to the name with it. */
    record DirectoryWithoutSlash() implements Found {
    }

    /**
     * A regular file under the directory.
     *
     * @param path       its real path, without symbolic links, so it is opened without following any
     * @param name       its name as requested (a link's name, not its target's), for its type
     * @param attributes its size and modification time, read once
     */
    record File(Path path, String name, BasicFileAttributes attributes) implements Found {
    }

    private static final Nothing NOTHING = new Nothing();

    private final Path real;

    /** {@code real} is the directory's real path ({@link Path#toRealPath}). */
    DocumentRoot(Path real) {
        this.real = real;
    }

    /** {@return the directory's real path} */
    Path path() {
        return real;
    }

    /**
     * What {@code pathInfo} names under the directory: a request's path info, percent-decoded, each
     * byte one ISO-8859-1 character.
     */
    Found find(String pathInfo) {
        String path = utf8(pathInfo);
        if (path == null || !allowed(path)) {
            return NOTHING;
        }
        if (path.isEmpty()) {
            return new DirectoryWithoutSlash();
        }
        Path candidate = real;
        for (String segment : path.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return NOTHING;
            }
            if (!segment.isEmpty()) {
                candidate = candidate.resolve(segment);
            }
        }
        return found(candidate, path.endsWith("/"));
    }

    private Found found(Path candidate, boolean slash) {
        try {
            Path file = candidate.toRealPath();
            if (!file.startsWith(real)) {
                return NOTHING;
            }
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                return slash ? index(file) : new DirectoryWithoutSlash();
            }
            return attributes.isRegularFile() && !slash && Files.isReadable(file)
                    ? new File(file, candidate.getFileName().toString(), attributes) : NOTHING;
        } catch (IOException | InvalidPathException | SecurityException unreachable) {
            return NOTHING;
        }
    }

    /** The directory's {@code index.html}, when it is a file (a directory of that name is not). */
    private Found index(Path directory) {
        Found index = found(directory.resolve(INDEX), false);
        return index instanceof File ? index : NOTHING;
    }

    /** No control characters (an encoded NUL among them) and no backslash, a separator elsewhere. */
    private static boolean allowed(String path) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** The decoded path's bytes read as UTF-8; {@code null} when they are not UTF-8. */
    private static String utf8(String pathInfo) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(pathInfo.getBytes(StandardCharsets.ISO_8859_1)))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return null;
        }
    }
}
