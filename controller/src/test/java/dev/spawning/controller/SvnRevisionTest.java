package dev.spawning.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An svn working copy is found by its root's {@code .svn}, and its revision is the one svn
 * reports, changing on {@code svn update}; a checkout svn cannot read is refused in words that say
 * why.
 */
class SvnRevisionTest {

    @TempDir
    Path dir;

    @Test
    void theRevisionIsTheWorkingCopysAndChangesOnUpdateNotOnACommitElsewhere() throws Exception {
        Svn.requireInstalled();
        String url = Svn.createRepository(dir.resolve("repo"));
        Path watched = Svn.checkout(url, dir.resolve("watched"));
        Path other = Svn.checkout(url, dir.resolve("other"));
        Files.createDirectories(other.resolve("sub/deeper"));
        Svn.commit(other, "one");
        Svn.update(watched);

        Revision checkout = Revision.of(watched.resolve("sub/deeper")).orElseThrow();
        assertThat(checkout).isEqualTo(SvnRevision.at(watched));
        assertThat(checkout.read()).isEqualTo("1");
        Files.writeString(other.resolve("file.txt"), "two");
        Svn.commit(other, "two");
        assertThat(checkout.read()).isEqualTo("1");
        Svn.update(watched);
        assertThat(checkout.read()).isEqualTo("2");
        assertThat(checkout.label("2")).isEqualTo("r2");
        checkout.check(watched);
    }

    @Test
    void theNearerCheckoutWinsAnSvnWorkingCopyInsideAGitOne() throws Exception {
        Path svnRoot = Files.createDirectories(dir.resolve("repo/vendor/lib/.svn")).getParent();
        Files.createDirectories(dir.resolve("repo/.git"));
        Files.createDirectories(svnRoot.resolve("src"));

        assertThat(Revision.of(svnRoot.resolve("src"))).contains(SvnRevision.at(svnRoot));
        assertThat(Revision.of(dir.resolve("repo/vendor"))).contains(new GitRevision(dir.resolve("repo/.git")));
    }

    @Test
    void withoutTheSvnCommandTheCheckoutIsRefusedSayingSo() throws Exception {
        Path root = Files.createDirectories(dir.resolve("wc/.svn")).getParent();
        SvnRevision checkout = new SvnRevision(root, "svn-is-not-installed");

        assertThat(checkout.read()).isNull();
        assertThatThrownBy(() -> checkout.check(root.resolve("deployment.ini")))
                .isInstanceOf(ControllerException.class)
                .hasMessage("reload = revision: " + root.resolve("deployment.ini") + " is an svn checkout, and"
                        + " reading its revision needs the svn command, which cannot be run ("
                        + whyNotRun("svn-is-not-installed") + "); install Subversion, or use reload = dev");
    }

    /** The JDK's words for a program it cannot start (they differ by launch mechanism). */
    private static String whyNotRun(String program) {
        try {
            new ProcessBuilder(program).start().destroyForcibly();
            throw new AssertionError(program + " runs");
        } catch (IOException e) {
            return e.getMessage().strip();
        }
    }

    @Test
    void aWorkingCopySvnCannotReadIsRefusedWithSvnsOwnError() throws Exception {
        Svn.requireInstalled();
        Path root = Files.createDirectories(dir.resolve("wc/.svn")).getParent();
        SvnRevision checkout = SvnRevision.at(root);

        assertThat(checkout.read()).isNull();
        assertThatThrownBy(() -> checkout.check(root))
                .isInstanceOf(ControllerException.class)
                .hasMessageStartingWith("reload = revision: " + root + " is an svn checkout, and reading its revision"
                        + " needs the svn command, which failed: svn info --show-item revision --no-newline --non-interactive "
                        + root + " exited with status 1: ")
                .hasMessageContaining("'" + root + "' is not a working copy");
    }
}
