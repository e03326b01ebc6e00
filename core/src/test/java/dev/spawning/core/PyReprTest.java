package dev.spawning.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Python's {@code repr} of a string; each expected text is what Python 3.11 prints. */
class PyReprTest {

    @Test
    void plainTextIsSingleQuoted() {
        assertThat(PyRepr.of("plain")).isEqualTo("'plain'");
        assertThat(PyRepr.of("")).isEqualTo("''");
    }

    @Test
    void textWithASingleQuoteIsDoubleQuoted() {
        assertThat(PyRepr.of("it's")).isEqualTo("\"it's\"");
    }

    @Test
    void textWithADoubleQuoteIsSingleQuoted() {
        assertThat(PyRepr.of("say \"hi\"")).isEqualTo("'say \"hi\"'");
    }

    @Test
    void textWithBothQuotesIsSingleQuotedWithTheSingleQuoteEscaped() {
        assertThat(PyRepr.of("both ' and \"")).isEqualTo("'both \\' and \"'");
    }

    @Test
    void newlineTabCarriageReturnAndBackslashAreEscaped() {
        assertThat(PyRepr.of("a\nb\tc\\d\r")).isEqualTo("'a\\nb\\tc\\\\d\\r'");
    }

    @Test
    void charactersPythonDoesNotPrintAreEscapedAsPythonEscapesThem() {
        assertThat(PyRepr.of("\u0000\u0007\u007f\u0080\u0085\u00a0\u200b\u2028\ufeff\ue000"))
                .isEqualTo("'\\x00\\x07\\x7f\\x80\\x85\\xa0\\u200b\\u2028\\ufeff\\ue000'");
        assertThat(PyRepr.of("\uDB40\uDC01")).isEqualTo("'\\U000e0001'");
        assertThat(PyRepr.of("\uD800")).isEqualTo("'\\ud800'");
    }

    @Test
    void printableUnicodeIsKept() {
        assertThat(PyRepr.of("😀 é ✓ 中")).isEqualTo("'😀 é ✓ 中'");
    }
}
