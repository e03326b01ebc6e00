package dev.spawning.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The revision read from a checkout's files is the one git itself reports, however git stores it. */
class GitRevisionTest {

    @TempDir
    Path dir;

    @Test
    void readsTheCommitOfTheBranchHeadNamesAsGitDoes() throws Exception {
        Path repo = commit(init(dir.resolve("repo")), "one");
        Revision checkout = Revision.of(repo.resolve("sub/deeper")).orElseThrow();

        assertThat(checkout).isEqualTo(new GitRevision(repo.resolve(".git")));
        assertThat(checkout.read()).isEqualTo(git(repo, "rev-parse", "HEAD"));
        String first = checkout.read();
        commit(repo, "two");
        assertThat(checkout.read()).isEqualTo(git(repo, "rev-parse", "HEAD")).isNotEqualTo(first);
        assertThat(checkout.label(first)).isEqualTo(first.substring(0, 12));
    }

    @Test
    void readsPackedRefsADetachedHeadAndALinkedWorktree() throws Exception {
        Path repo = commit(init(dir.resolve("repo")), "one");
        git(repo, "pack-refs", "--all");
        assertThat(new GitRevision(repo.resolve(".git")).read()).isEqualTo(git(repo, "rev-parse", "HEAD"));

        git(repo, "worktree", "add", "-q", "-b", "side", dir.resolve("side").toString());
        Path side = commit(dir.resolve("side"), "on the side");
        assertThat(Revision.of(side).orElseThrow().read()).isEqualTo(git(side, "rev-parse", "HEAD"));

        git(repo, "checkout", "-q", "--detach");
        assertThat(new GitRevision(repo.resolve(".git")).read()).isEqualTo(git(repo, "rev-parse", "HEAD"));
    }

    @Test
    void aDirectoryOutsideAnyCheckoutHasNone() {
        assertThat(Revision.of(dir)).isEmpty();
    }

    private static Path init(Path repo) throws Exception {
        Files.createDirectories(repo.resolve("sub/deeper"));
        git(repo, "init", "-q", "-b", "main");
        git(repo, "config", "user.email", "test@example.invalid");
        git(repo, "config", "user.name", "test");
        return repo;
    }

    private static Path commit(Path repo, String text) throws Exception {
        Files.writeString(repo.resolve("file.txt"), text);
        git(repo, "add", "file.txt");
        git(repo, "commit", "-q", "-m", text);
        return repo;
    }

    private static String git(Path repo, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 3];
        command[0] = "git";
        command[1] = "-C";
        command[2] = repo.toString();
        System.arraycopy(args, 0, command, 3, args.length);
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (git.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + ": " + out);
        }
        return out;
    }
}
