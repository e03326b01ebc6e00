package dev.spawning.controller;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The revision a git checkout is at, read from its files as git writes them ({@code HEAD}, loose
 * refs, {@code packed-refs}; a linked worktree's {@code .git} file and {@code commondir}), so that
 * {@code reload = revision} needs no git program. Immutable.
 *
 * @param gitDir the checkout's git directory
 */
record GitRevision(Path gitDir) implements Revision {

    /** {@return the git directory of a checkout whose top is {@code dir}; empty when it is none's} */
    static Optional<Path> gitDirIn(Path dir) {
        Path dotGit = dir.resolve(".git");
        if (Files.isDirectory(dotGit)) {
            return Optional.of(dotGit);
        }
        if (Files.isRegularFile(dotGit)) {
            String pointer = read(dotGit);
            if (pointer != null && pointer.startsWith("gitdir:")) {
                return Optional.of(dir.resolve(pointer.substring(7).strip()).normalize());
            }
        }
        return Optional.empty();
    }

    /** The commit {@code HEAD} names, or {@code null} while it cannot be read. */
    @Override
    public String read() {
        String head = read(gitDir.resolve("HEAD"));
        if (head == null || !head.startsWith("ref:")) {
            return head;
        }
        String ref = head.substring(4).strip();
        Path common = commonDir(gitDir);
        for (Path dir : new Path[] {gitDir, common}) {
            String loose = read(dir.resolve(ref));
            if (loose != null) {
                return loose;
            }
        }
        return packed(common, ref);
    }

    /** Nothing to check: git's files are read as they are, and a branch with no commit yet has one later. */
    @Override
    public void check(Path holder) {
        // readable wherever the files are
    }

    /** The commit's first 12 hexadecimal digits. */
    @Override
    public String label(String revision) {
        return revision.substring(0, Math.min(12, revision.length()));
    }

    /** A linked worktree keeps its branches in the main repository's git directory. */
    private static Path commonDir(Path gitDir) {
        String common = read(gitDir.resolve("commondir"));
        return common == null ? gitDir : gitDir.resolve(common).normalize();
    }

    private static String packed(Path gitDir, String ref) {
        String packedRefs = read(gitDir.resolve("packed-refs"));
        if (packedRefs == null) {
            return null;
        }
        for (String line : packedRefs.split("\n")) {
            if (line.endsWith(" " + ref) && !line.startsWith("#") && !line.startsWith("^")) {
                return line.substring(0, line.indexOf(' '));
            }
        }
        return null;
    }

    /** The file's text, stripped; {@code null} when it is absent or cannot be read now. */
    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
