package dev.spawning.examples.topics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryTest {

    @Test
    void waitIsSecondsWithUpToThreeDecimalsAndAtMost55() {
        assertThat(Query.waitMillis("0")).contains(0L);
        assertThat(Query.waitMillis("0.5")).contains(500L);
        assertThat(Query.waitMillis("1.25")).contains(1250L);
        assertThat(Query.waitMillis("25")).contains(25_000L);
        assertThat(Query.waitMillis("55")).contains(55_000L);
        assertThat(Query.waitMillis("55.001")).isEmpty();
        assertThat(Query.waitMillis("0.0001")).isEmpty();
        assertThat(Query.waitMillis("-1")).isEmpty();
        assertThat(Query.waitMillis("1e3")).isEmpty();
        assertThat(Query.waitMillis("")).isEmpty();
    }

    @Test
    void aCursorIsANonNegativeInteger() {
        assertThat(Query.cursor("0")).contains(0L);
        assertThat(Query.cursor("123456789012345678")).contains(123456789012345678L);
        assertThat(Query.cursor("1234567890123456789")).isEmpty();
        assertThat(Query.cursor("+1")).isEmpty();
        assertThat(Query.cursor(" 1")).isEmpty();
    }

    @Test
    void theFirstOfARepeatedParameterCountsAndValuesAreDecoded() {
        Query query = Query.parse("since=1&since=2&wait=0%2E5&flag").orElseThrow();

        assertThat(query.get("since")).contains("1");
        assertThat(query.get("wait")).contains("0.5");
        assertThat(query.get("flag")).contains("");
        assertThat(query.get("other")).isEmpty();
        assertThat(Query.parse("since=%G1")).isEmpty();
    }
}
