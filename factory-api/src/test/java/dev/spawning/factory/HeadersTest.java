package dev.spawning.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeadersTest {

    private final Headers headers = Headers.builder()
            .add("Accept", "text/html")
            .add("Host", "example.com")
            .add("accept", "*/*")
            .add("X-Trace", "1")
            .build();

    @Test
    void firstIgnoresCase() {
        assertThat(headers.first("ACCEPT")).contains("text/html");
        assertThat(headers.first("host")).contains("example.com");
        assertThat(headers.first("Cookie")).isEmpty();
    }

    @Test
    void allGivesEveryValueInOrderIgnoringCase() {
        assertThat(headers.all("Accept")).containsExactly("text/html", "*/*");
        assertThat(headers.all("cookie")).isEmpty();
    }

    @Test
    void allCannotBeChanged() {
        assertThatThrownBy(() -> headers.all("Accept").add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void containsIgnoresCase() {
        assertThat(headers.contains("x-trace")).isTrue();
        assertThat(headers.contains("X-Other")).isFalse();
    }

    @Test
    void keepsTheOrderOfArrivalAndTheSpellingOfNames() {
        assertThat(headers.asList()).containsExactly(new Header("Accept", "text/html"),
                new Header("Host", "example.com"), new Header("accept", "*/*"), new Header("X-Trace", "1"));
        assertThat(headers.size()).isEqualTo(4);
        assertThat(headers.isEmpty()).isFalse();
    }

    @Test
    void namesAreDistinctAndSpelledAsFirstSeen() {
        assertThat(headers.names()).containsExactly("Accept", "Host", "X-Trace");
    }

    @Test
    void setReplacesEveryFieldOfTheNameInPlaceOfTheFirst() {
        Headers changed = headers.toBuilder().set("ACCEPT", "application/json").build();

        assertThat(changed.asList()).containsExactly(new Header("ACCEPT", "application/json"),
                new Header("Host", "example.com"), new Header("X-Trace", "1"));
    }

    @Test
    void setOfANewNameAddsItAtTheEnd() {
        Headers changed = headers.toBuilder().set("Cookie", "a=b").build();

        assertThat(changed.names()).containsExactly("Accept", "Host", "X-Trace", "Cookie");
        assertThat(changed.first("cookie")).contains("a=b");
    }

    @Test
    void removeDropsEveryFieldOfTheNameIgnoringCase() {
        Headers.Builder builder = headers.toBuilder().remove("ACCEPT");

        assertThat(builder.contains("accept")).isFalse();
        assertThat(builder.contains("HOST")).isTrue();
        assertThat(builder.build().names()).containsExactly("Host", "X-Trace");
    }

    @Test
    void addKeepsFieldsOfTheSameName() {
        Headers changed = Headers.builder().add("Via", "a").add("via", "b").build();

        assertThat(changed.all("VIA")).containsExactly("a", "b");
    }

    @Test
    void toBuilderLeavesTheOriginalUnchanged() {
        headers.toBuilder().remove("Host").add("Cookie", "x").build();

        assertThat(headers.names()).containsExactly("Accept", "Host", "X-Trace");
    }

    @Test
    void ofTakesNamesAndValuesInPairs() {
        assertThat(Headers.of("Content-Type", "text/plain", "Content-Length", "3").asList())
                .containsExactly(new Header("Content-Type", "text/plain"), new Header("Content-Length", "3"));
        assertThat(Headers.of()).isSameAs(Headers.empty());
    }

    @Test
    void ofWithAnOddCountIsRefused() {
        assertThatThrownBy(() -> Headers.of("Content-Type", "text/plain", "Host"))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Headers.of takes names and values in pairs; got an odd count: 3");
    }

    @Test
    void emptyHasNoFields() {
        assertThat(Headers.empty().isEmpty()).isTrue();
        assertThat(Headers.empty().names()).isEmpty();
        assertThat(Headers.builder().build()).isSameAs(Headers.empty());
    }

    @Test
    void equalHeadersHaveTheSameFieldsInTheSameOrderAndSpelling() {
        Headers same = Headers.of("Accept", "text/html", "Host", "example.com", "accept", "*/*", "X-Trace", "1");

        assertThat(headers).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(Headers.of("A", "1", "B", "2")).isNotEqualTo(Headers.of("B", "2", "A", "1"));
        assertThat(Headers.of("A", "1")).isNotEqualTo(Headers.of("a", "1"));
        assertThat(Headers.of("A", "1")).isNotEqualTo(Headers.of("A", "2"));
    }

    @Test
    void aBuilderRefusesABadFieldWhenAdded() {
        assertThatThrownBy(() -> Headers.builder().add("X", "a\r\nSet-Cookie: evil"))
                .isInstanceOf(FactoryException.class)
                .hasMessage("A header value must not contain CR, LF or NUL: 'a\\r\\nSet-Cookie: evil'");
        assertThatThrownBy(() -> Headers.builder().set("", "v"))
                .isInstanceOf(FactoryException.class)
                .hasMessage("A header name must not be empty");
    }
}
