package dev.spawning.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeaderTest {

    @Test
    void isComparesNamesIgnoringCase() {
        Header header = new Header("Content-Type", "text/plain");

        assertThat(header.is("content-type")).isTrue();
        assertThat(header.is("CONTENT-TYPE")).isTrue();
        assertThat(header.is("Content-Length")).isFalse();
    }

    @Test
    void keepsTheSpellingOfItsName() {
        assertThat(new Header("x-CUSTOM", "v").name()).isEqualTo("x-CUSTOM");
    }

    @Test
    void anEmptyValueIsAllowed() {
        assertThat(new Header("X-Empty", "").value()).isEmpty();
    }

    @Test
    void anEmptyNameIsRefused() {
        assertThatThrownBy(() -> new Header("", "v"))
                .isInstanceOf(FactoryException.class)
                .hasMessage("A header name must not be empty");
    }

    @Test
    void aNameWithCrLfOrNulIsRefusedShowingTheBreakEscaped() {
        assertRefused("X\rY", "v", "A header name must not contain CR, LF or NUL: 'X\\rY'");
        assertRefused("X\nY", "v", "A header name must not contain CR, LF or NUL: 'X\\nY'");
        assertRefused("X\0Y", "v", "A header name must not contain CR, LF or NUL: 'X\\0Y'");
    }

    @Test
    void aValueWithCrLfOrNulIsRefusedShowingTheBreakEscaped() {
        assertRefused("X", "a\rb", "A header value must not contain CR, LF or NUL: 'a\\rb'");
        assertRefused("X", "a\nb", "A header value must not contain CR, LF or NUL: 'a\\nb'");
        assertRefused("X", "a\0b", "A header value must not contain CR, LF or NUL: 'a\\0b'");
        assertRefused("X", "a\r\nSet-Cookie: x", "A header value must not contain CR, LF or NUL: "
                + "'a\\r\\nSet-Cookie: x'");
    }

    private static void assertRefused(String name, String value, String message) {
        assertThatThrownBy(() -> new Header(name, value))
                .isInstanceOf(FactoryException.class)
                .hasMessage(message);
    }

    @Test
    void equalHeadersHaveTheSameNameSpellingAndValue() {
        assertThat(new Header("A", "1")).isEqualTo(new Header("A", "1")).hasSameHashCodeAs(new Header("A", "1"));
        assertThat(new Header("A", "1")).isNotEqualTo(new Header("a", "1"));
        assertThat(new Header("A", "1")).isNotEqualTo(new Header("A", "2"));
    }
}
