package dev.spawning.core.builtin;

import static dev.spawning.core.builtin.BuiltinFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The grammar of urlmap keys: Paste's path expressions, normalised. */
class PathExpressionTest {

    private static PathExpression parse(String key) {
        return PathExpression.parse(settings("composite:main", key, "app"), key);
    }

    private static String error(String key) {
        Settings local = settings("composite:main", key, "app");
        return assertThatThrownBy(() -> new UrlMapFactory().create(new FakeLoader(), Settings.empty(), local))
                .isInstanceOf(FactoryException.class)
                .actual().getMessage();
    }

    @ParameterizedTest(name = "''{0}''")
    @CsvSource(delimiter = '>', nullValues = "null", textBlock = """
            /                                     > null        >
            //                                    > null        >
            /foo                                  > null        > /foo
            /foo/                                 > null        > /foo
            //foo//bar//                          > null        > /foo/bar
            http://example.com                    > example.com > ''
            http://example.com/                   > example.com > ''
            https://Example.COM:8443/A//B/        > example.com:8443 > /A/B
            HTTP://example.com/x                  > example.com > /x
            domain example.com                    > example.com > ''
            domain example.com /x                 > example.com > /x
            domain example.com x                  > example.com > /x
            domain example.com port 8080 /x       > example.com:8080 > /x
            /x domain example.com port 8080       > example.com:8080 > /x
            '  domain   example.com   /x  '       > example.com > /x
            domain [::1] port 80 /x               > [::1]:80    > /x
            """)
    void normalisesEveryFormToADomainAndAPath(String key, String domain, String path) {
        assertThat(parse(key)).isEqualTo(new PathExpression(domain, path == null ? "" : path));
    }

    @Test
    void knowsWhetherTheDomainHasAPort() {
        assertThat(parse("domain example.com port 8080").hasPort()).isTrue();
        assertThat(parse("domain example.com").hasPort()).isFalse();
        assertThat(parse("domain [::1] port 8080").hasPort()).isTrue();
        assertThat(parse("domain [::1]").hasPort()).isFalse();
        assertThat(parse("/x").hasPort()).isFalse();
    }

    @Test
    void rejectsDomainWithoutAName() {
        assertThat(error("domain")).isEqualTo("Error in file /x/app.ini: line 7: [composite:main] "
                + "path expression 'domain': 'domain' must be followed with a domain name");
    }

    @Test
    void rejectsPortWithoutANumber() {
        assertThat(error("domain example.com port")).isEqualTo("Error in file /x/app.ini: line 7: [composite:main] "
                + "path expression 'domain example.com port': 'port' must be followed with a port number");
    }

    @Test
    void rejectsPortWithoutDomain() {
        assertThat(error("port 8080 /x")).isEqualTo("Error in file /x/app.ini: line 7: [composite:main] "
                + "path expression 'port 8080 /x': If you give a port, you must also give a domain");
    }

    @Test
    void rejectsDomainGivenTwice() {
        assertThat(error("domain a.com domain b.com /x")).isEqualTo("Error in file /x/app.ini: line 7: "
                + "[composite:main] path expression 'domain a.com domain b.com /x': 'domain' given twice");
    }

    @Test
    void rejectsPortGivenTwice() {
        assertThat(error("domain a.com port 80 port 81 /x")).isEqualTo("Error in file /x/app.ini: line 7: "
                + "[composite:main] path expression 'domain a.com port 80 port 81 /x': 'port' given twice");
    }

    @Test
    void rejectsTwoPaths() {
        assertThat(error("/a /b")).isEqualTo("Error in file /x/app.ini: line 7: [composite:main] "
                + "path expression '/a /b': more than one path given (have '/a', got '/b')");
    }

    @Test
    void rejectsAKeyNotStartingWithASlashOrHttp() {
        assertThat(error("foo")).isEqualTo("Error in file /x/app.ini: line 7: [composite:main] "
                + "path expression 'foo': a path must start with / or http:// or https://");
        assertThat(error("ftp://example.com/x")).isEqualTo("Error in file /x/app.ini: line 7: [composite:main] "
                + "path expression 'ftp://example.com/x': a path must start with / or http:// or https://");
    }

    @Test
    void rejectsAPortThatIsNotANumber() {
        assertThat(error("domain example.com port http /x")).isEqualTo("Error in file /x/app.ini: line 7: "
                + "[composite:main] path expression 'domain example.com port http /x': "
                + "the port must be a number from 1 to 65535, not 'http'");
        assertThat(error("http://example.com:99999/x")).isEqualTo("Error in file /x/app.ini: line 7: "
                + "[composite:main] path expression 'http://example.com:99999/x': "
                + "the port must be a number from 1 to 65535, not '99999'");
    }

    @Test
    void rejectsAUrlWithoutAHost() {
        assertThat(error("http:///x")).isEqualTo("Error in file /x/app.ini: line 7: [composite:main] "
                + "path expression 'http:///x': no host after http:// or https://");
        assertThat(error("http://:8080/x")).isEqualTo("Error in file /x/app.ini: line 7: [composite:main] "
                + "path expression 'http://:8080/x': no host after http:// or https://");
    }
}
