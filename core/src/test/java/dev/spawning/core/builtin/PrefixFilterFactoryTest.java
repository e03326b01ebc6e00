package dev.spawning.core.builtin;

import static dev.spawning.core.builtin.BuiltinFixtures.settings;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import dev.spawning.factory.App;
import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;
import org.junit.jupiter.api.Test;

/** What {@code service:prefix} reads from its section, and its errors. */
class PrefixFilterFactoryTest {

    private static final App NEXT = request -> Response.text(200, "next");

    private static void create(String... keysAndValues) {
        new PrefixFilterFactory().create(NEXT, Settings.empty(), settings("filter-app:main", keysAndValues));
    }

    @Test
    void rejectsAnUnknownKey() {
        assertThatThrownBy(() -> create("prefix", "/app", "prefx", "/app"))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /x/app.ini: line 8: [filter-app:main] prefx is not a setting of the "
                        + "prefix filter (it has prefix, translate_forwarded_server, force_port, scheme)");
    }

    @Test
    void rejectsATranslateForwardedServerThatIsNotABoolean() {
        assertThatThrownBy(() -> create("translate_forwarded_server", "maybe"))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /x/app.ini: line 7: [filter-app:main] translate_forwarded_server = 'maybe': "
                        + "expected a boolean (true/false, yes/no, on/off, 1/0)");
    }

    @Test
    void rejectsAForcePortThatIsNotAPort() {
        assertThatThrownBy(() -> create("force_port", "https"))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /x/app.ini: line 7: [filter-app:main] force_port = 'https': "
                        + "expected a port from 1 to 65535, or nothing to remove the port");
        assertThatThrownBy(() -> create("force_port", "70000"))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /x/app.ini: line 7: [filter-app:main] force_port = '70000': "
                        + "expected a port from 1 to 65535, or nothing to remove the port");
    }

    @Test
    void rejectsASchemeOtherThanHttpOrHttps() {
        assertThatThrownBy(() -> create("scheme", "ftp"))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /x/app.ini: line 7: [filter-app:main] scheme = 'ftp': expected http or https");
    }

    @Test
    void rejectsAPrefixNotStartingWithASlash() {
        assertThatThrownBy(() -> create("prefix", "app"))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /x/app.ini: line 7: [filter-app:main] prefix = 'app': "
                        + "expected a path starting with /, such as /app");
    }
}
