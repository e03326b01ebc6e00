package dev.spawning.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Subversion for tests: a repository ({@code svnadmin create}), working copies of it, commits and
 * updates, each by running the svn programs. A test that needs them calls {@link #requireInstalled}
 * first: without Subversion it fails, saying what to install (CI installs it: {@code .ci/run}).
 */
final class Svn {

    private Svn() {
    }

    /** Fails the calling test, saying what to install, when {@code svn} or {@code svnadmin} cannot be run. */
    static void requireInstalled() {
        assertThat(runs("svn") && runs("svnadmin"))
                .as("The svn checkout tests need svn and svnadmin on the PATH; on Debian: apt-get install subversion"
                        + " (.ci/run installs it)")
                .isTrue();
    }

    private static boolean runs(String program) {
        try {
            Process process = new ProcessBuilder(program, "--version", "--quiet").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A new, empty repository at {@code repo}; returns its {@code file://} URL. */
    static String createRepository(Path repo) throws Exception {
        run("svnadmin", "create", repo.toString());
        return "file://" + repo.toAbsolutePath();
    }

    /** A working copy of {@code url} at {@code workingCopy}. */
    static Path checkout(String url, Path workingCopy) throws Exception {
        run("svn", "checkout", "-q", "--non-interactive", url, workingCopy.toString());
        return workingCopy;
    }

    /** Adds every unversioned file of the working copy, then commits it. */
    static void commit(Path workingCopy, String message) throws Exception {
        run("svn", "add", "-q", "--force", workingCopy.toString());
        run("svn", "commit", "-q", "--non-interactive", "-m", message, workingCopy.toString());
    }

    /** Brings the working copy to the repository's latest revision. */
    static void update(Path workingCopy) throws Exception {
        run("svn", "update", "-q", "--non-interactive", workingCopy.toString());
    }

    /** Runs a command, failing with its output if it fails; returns its output, stripped. */
    static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + ": " + out);
        }
        return out;
    }
}
