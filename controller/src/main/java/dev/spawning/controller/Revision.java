package dev.spawning.controller;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@code reload = revision} reads a revision: the checkout holding a watched path, git or
 * svn, whichever is nearer looking upwards from the path. The revision watcher compares what
 * {@link #read} gives from one poll to the next; the rest (waiting for a stable build) is the
 * watcher's, the same for every kind of checkout. Implementations are immutable.
 */
sealed interface Revision permits GitRevision, SvnRevision {

    /**
     * The checkout holding {@code path}: the first directory upwards from it that holds a
     * {@code .git} (a directory, or a linked worktree's file) or a {@code .svn} directory (an svn
     * working copy's root since svn 1.7); empty when none does.
     */
    static Optional<Revision> of(Path path) {
        for (Path dir = path.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Optional<Path> gitDir = GitRevision.gitDirIn(dir);
            if (gitDir.isPresent()) {
                return Optional.of(new GitRevision(gitDir.get()));
            }
            if (Files.isDirectory(dir.resolve(".svn"))) {
                return Optional.of(SvnRevision.at(dir));
            }
        }
        return Optional.empty();
    }

    /**
     * The revision now, or {@code null} while it cannot be read (a branch with no commit yet, a
     * ref being rewritten, an {@code svn update} holding the working copy's lock): the caller
     * reads again later.
     */
    String read();

    /**
     * Reads the revision once, before the controller starts, so that a checkout this machine
     * cannot read is refused at start-up rather than never reloading.
     *
     * @param holder the watched path this checkout holds, for the message
     * @throws ControllerException when this kind of checkout cannot be read here
     */
    void check(Path holder);

    /** {@return {@code revision} as the log and {@code spawn ctl status} show it} */
    String label(String revision);
}
