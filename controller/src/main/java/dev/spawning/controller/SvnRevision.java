package dev.spawning.controller;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The revision of an svn working copy: its root's base revision, which {@code svn update}
 * changes (a commit from the working copy does not, until it is updated). Read by asking svn,
 * as Spawning did: {@code svn info --show-item revision --no-newline --non-interactive ROOT}
 * (svn 1.9 or newer), run directly (no shell), given {@link #TIMEOUT} to answer; the working
 * copy's database is not read here. Immutable; each {@link #read} runs svn once.
 *
 * @param root    the working copy's root (the directory holding {@code .svn})
 * @param command the svn program: {@code svn}, found on the {@code PATH}
 */
record SvnRevision(Path root, String command) implements Revision {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The working copy whose root is {@code root}, read with the {@code svn} on the {@code PATH}. */
    static SvnRevision at(Path root) {
        return new SvnRevision(root, "svn");
    }

    @Override
    public String read() {
        try {
            return ask();
        } catch (Unreadable e) {
            return null;
        }
    }

    @Override
    public void check(Path holder) {
        try {
            ask();
        } catch (Unreadable e) {
            throw new ControllerException("reload = revision: " + holder
                    + " is an svn checkout, and reading its revision needs the svn command" + e.getMessage());
        }
    }

    /** The revision number, as {@code r} and the number. */
    @Override
    public String label(String revision) {
        return "r" + revision;
    }

    private List<String> commandLine() {
        return List.of(command, "info", "--show-item", "revision", "--no-newline", "--non-interactive",
                root.toString());
    }

    /** Runs svn once: the revision number it prints. */
    private String ask() throws Unreadable {
        Process svn;
        try {
            svn = new ProcessBuilder(commandLine()).start();
        } catch (IOException e) {
            throw new Unreadable(", which cannot be run (" + e.getMessage().strip()
                    + "); install Subversion, or use reload = dev");
        }
        try {
            svn.getOutputStream().close();
            if (!svn.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                svn.destroyForcibly();
                throw failed("did not answer within " + TIMEOUT.toSeconds() + "s");
            }
            String out = text(svn.getInputStream());
            if (svn.exitValue() != 0) {
                throw failed("exited with status " + svn.exitValue() + ": " + text(svn.getErrorStream()));
            }
            if (!out.matches("[0-9]+")) {
                throw failed("printed '" + out + "', not a revision number");
            }
            return out;
        } catch (IOException e) {
            throw failed("could not be read: " + e.getMessage());
        } catch (InterruptedException e) {
            svn.destroyForcibly();
            Thread.currentThread().interrupt();
            throw failed("was interrupted");
        }
    }

    private Unreadable failed(String how) {
        return new Unreadable(", which failed: " + String.join(" ", commandLine()) + " " + how);
    }

    /** What a process wrote, its lines stripped and joined with spaces. */
    private static String text(InputStream stream) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line : new String(stream.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return String.join(" ", lines);
    }

    /** Why svn gave no revision, in words that follow "needs the svn command". */
    private static final class Unreadable extends Exception {

        @java.io.Serial
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message, null, false, false);
        }
    }
}
