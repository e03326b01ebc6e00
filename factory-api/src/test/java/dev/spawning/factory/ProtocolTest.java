package dev.spawning.factory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProtocolTest {

    /** An app factory that can also run a server: legal, since the two methods differ. */
    private static final class AppAndRunner implements AppFactory, ServerRunner {

        @Override
        public App create(Settings globalConf, Settings localConf) {
            return request -> Response.text(200, "ok");
        }

        @Override
        public void run(App app, Settings globalConf, Settings localConf) {
        }
    }

    private static final class OnlyFilter implements FilterFactory {

        @Override
        public Filter create(Settings globalConf, Settings localConf) {
            return next -> next;
        }
    }

    @Test
    void implementedByListsEveryProtocolOfAClassInDeclarationOrder() {
        assertThat(Protocol.implementedBy(AppAndRunner.class)).containsExactly(Protocol.APP, Protocol.SERVER_RUNNER);
    }

    @Test
    void implementedByFindsOneProtocol() {
        assertThat(Protocol.implementedBy(OnlyFilter.class)).containsExactly(Protocol.FILTER);
        assertThat(Protocol.implementedBy(ServerFactory.class)).containsExactly(Protocol.SERVER);
    }

    @Test
    void implementedByOfAClassThatIsNoFactoryIsEmpty() {
        assertThat(Protocol.implementedBy(String.class)).isEmpty();
        assertThat(Protocol.implementedBy(Factory.class)).isEmpty();
    }

    @Test
    void eachProtocolHasItsPasteNameAndInterface() {
        assertThat(Protocol.APP.pasteName()).isEqualTo("paste.app_factory");
        assertThat(Protocol.COMPOSITE.pasteName()).isEqualTo("paste.composite_factory");
        assertThat(Protocol.FILTER.pasteName()).isEqualTo("paste.filter_factory");
        assertThat(Protocol.FILTER_APP.pasteName()).isEqualTo("paste.filter_app_factory");
        assertThat(Protocol.SERVER.pasteName()).isEqualTo("paste.server_factory");
        assertThat(Protocol.SERVER_RUNNER.pasteName()).isEqualTo("paste.server_runner");
        assertThat(Protocol.FILTER_APP.type()).isEqualTo(FilterAppFactory.class);
    }

    @Test
    void displaysAsItsDisplayName() {
        assertThat(Protocol.FILTER_APP).hasToString("filter-app factory");
        assertThat(Protocol.SERVER_RUNNER.displayName()).isEqualTo("server runner");
    }
}
