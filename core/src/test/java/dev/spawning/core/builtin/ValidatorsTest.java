package dev.spawning.core.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The HTTP dates and entity-tag lists of {@code service:static}'s conditional requests. */
class ValidatorsTest {

    private static final long NOV_6_1994 = Instant.parse("1994-11-06T08:49:37Z").getEpochSecond();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994", " Sun, 06 Nov 1994 08:49:37 GMT "})
    void readsTheThreeFormsOfAnHttpDate(String text) {
        assertThat(Validators.parseDate(text)).isEqualTo(NOV_6_1994);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", "1994-11-06T08:49:37Z", "Sun, 06 Nov 1994", "Sun, 32 Nov 1994 08:49:37 GMT"})
    void refusesWhatIsNotAnHttpDate(String text) {
        assertThat(Validators.parseDate(text)).isNull();
    }

    @Test
    void writesAnHttpDateAsImfFixdate() {
        assertThat(Validators.httpDate(NOV_6_1994)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
        assertThat(Validators.httpDate(Instant.parse("2024-01-02T03:04:05Z").getEpochSecond()))
                .isEqualTo("Tue, 02 Jan 2024 03:04:05 GMT");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            "abc"                  | true
            W/"abc"                | true
            *                      | true
            "x", "abc"             | true
            "x" ,	W/"abc" ,       | true
            "a,b", "abc"           | true
            "abcd"                 | false
            abc                    | false
            "x", abc, "abc"        | false
            "abc                   | false
            W/ "abc"               | false
            ""                     | false
            """)
    void findsTheTagInAListAndMatchesNothingPastAMalformedEntry(String list, boolean found) {
        assertThat(Validators.listsTag(list, "\"abc\"")).isEqualTo(found);
    }
}
