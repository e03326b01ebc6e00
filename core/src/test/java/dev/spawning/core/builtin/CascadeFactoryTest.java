package dev.spawning.core.builtin;

import static dev.spawning.core.builtin.BuiltinFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import dev.spawning.factory.FactoryException;
import dev.spawning.factory.Settings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code service:cascade} reads from its section, and its errors. */
class CascadeFactoryTest {

    private static void create(FakeLoader loader, Settings global, Settings local) {
        new CascadeFactory().create(loader, global, local);
    }

    @Test
    void loadsTheAppsInSortedKeyOrderWithTheGlobalConf() {
        FakeLoader loader = new FakeLoader();
        Settings global = Settings.of(Map.of("here", "/x"));
        create(loader, global, settings("composite:main", "app2", "b", "catch", "404", "application", "c", "app1", "a"));
        assertThat(loader.names()).containsExactly("a", "b", "c");
        assertThat(loader.globals()).containsOnly(global);
    }

    @Test
    void rejectsAKeyNotStartingWithApp() {
        Settings local = settings("composite:main", "app1", "a", "other", "x");
        assertThatThrownBy(() -> create(new FakeLoader(), Settings.empty(), local))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /x/app.ini: line 8: [composite:main] Bad configuration key 'other' (='x'); "
                        + "all configuration keys must start with 'app'");
    }

    @Test
    void rejectsACatchValueThatIsNotAListOfStatuses() {
        Settings local = settings("composite:main", "catch", "404 not-found", "app1", "a");
        assertThatThrownBy(() -> create(new FakeLoader(), Settings.empty(), local))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /x/app.ini: line 7: [composite:main] catch = '404 not-found': "
                        + "expected status codes separated by spaces, such as 404 405");
    }

    @Test
    void rejectsAStatusOutsideTheThreeDigitRange() {
        Settings local = settings("composite:main", "catch", "404 99", "app1", "a");
        assertThatThrownBy(() -> create(new FakeLoader(), Settings.empty(), local))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /x/app.ini: line 7: [composite:main] catch = '404 99': "
                        + "expected status codes separated by spaces, such as 404 405");
    }

    @Test
    void rejectsACascadeWithoutApps() {
        Settings local = settings("composite:main", "catch", "404");
        assertThatThrownBy(() -> create(new FakeLoader(), Settings.empty(), local))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /x/app.ini: line 6: [composite:main] names no app: "
                        + "add settings such as 'app1 = first' and 'app2 = second'");
    }

    @Test
    void checksEveryKeyBeforeLoadingAnyApp() {
        FakeLoader loader = new FakeLoader();
        Settings local = settings("composite:main", "app1", "a", "other", "x");
        assertThatThrownBy(() -> create(loader, Settings.empty(), local)).isInstanceOf(FactoryException.class);
        assertThat(loader.names()).isEmpty();
    }

    @Test
    void reportsEveryBadKeyAtOnceOneLineEach() {
        Settings local = settings("composite:main", "catch", "four", "app1", "a", "other", "x", "Application", "y");
        assertThatThrownBy(() -> create(new FakeLoader(), Settings.empty(), local))
                .isInstanceOf(FactoryException.class)
                .hasMessage("""
                        Error in file /x/app.ini: line 7: [composite:main] catch = 'four': \
                        expected status codes separated by spaces, such as 404 405
                        Error in file /x/app.ini: line 9: [composite:main] Bad configuration key 'other' (='x'); \
                        all configuration keys must start with 'app'
                        Error in file /x/app.ini: line 10: [composite:main] Bad configuration key 'Application' \
                        (='y'); all configuration keys must start with 'app'""");
    }
}
