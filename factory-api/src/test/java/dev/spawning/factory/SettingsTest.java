package dev.spawning.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

    private static final Origin SECTION_AT = new Origin("/srv/app.ini", 7);
    private static final Origin KEY_AT = new Origin("/srv/app.ini", 9);
    private static final String BOOLEAN = "a boolean (true/false, yes/no, on/off, 1/0)";

    private static Settings one(String key, String value) {
        return Settings.builder("server:main").put(key, value).build();
    }

    private static Settings oneFromFile(String key, String value) {
        return Settings.builder("server:main").sectionOrigin(SECTION_AT).put(key, value, KEY_AT).build();
    }

    @Test
    void getGivesThePresentValueOrEmpty() {
        Settings settings = one("greeting", "hello");

        assertThat(settings.get("greeting")).contains("hello");
        assertThat(settings.get("missing")).isEmpty();
        assertThat(settings.get("greeting", "hi")).isEqualTo("hello");
        assertThat(settings.get("missing", "hi")).isEqualTo("hi");
        assertThat(settings.contains("greeting")).isTrue();
        assertThat(settings.contains("missing")).isFalse();
    }

    @Test
    void requireGivesThePresentValue() {
        assertThat(one("greeting", "hello").require("greeting")).isEqualTo("hello");
    }

    @Test
    void requireOfAMissingSettingNamesTheSectionAndKey() {
        assertThatThrownBy(() -> one("a", "1").require("greeting"))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[server:main] is missing the setting 'greeting'");
    }

    @Test
    void requireOfAMissingSettingNamesTheFileAndLineOfTheSection() {
        Settings settings = Settings.builder("app:main").sectionOrigin(SECTION_AT).build();

        assertThatThrownBy(() -> settings.require("greeting"))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /srv/app.ini: line 7: [app:main] is missing the setting 'greeting'");
    }

    @Test
    void requireOfAMissingSettingOutsideAnySectionSaysItIsMissing() {
        assertThatThrownBy(() -> Settings.empty().require("greeting"))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Missing the setting 'greeting'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", "True", "yes", "Yes", "on", "ON", "y", "Y", "t", "T", "1", "  yes  ",
        "\ttrue\n"})
    void boolReadsEveryPasteTrueWordInAnyCaseWithSurroundingBlanks(String word) {
        assertThat(one("debug", word).bool("debug", false)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "FALSE", "False", "no", "No", "off", "OFF", "n", "N", "f", "F", "0", "  off  ",
        "\tno\n"})
    void boolReadsEveryPasteFalseWordInAnyCaseWithSurroundingBlanks(String word) {
        assertThat(one("debug", word).bool("debug", true)).isFalse();
    }

    @Test
    void boolOfAnAbsentKeyIsTheDefault() {
        assertThat(Settings.empty().bool("debug", true)).isTrue();
        assertThat(Settings.empty().bool("debug", false)).isFalse();
    }

    @Test
    void boolOfABadValueNamesFileLineSectionKeyValueAndExpectation() {
        assertThatThrownBy(() -> oneFromFile("debug", "maybe").bool("debug", false))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /srv/app.ini: line 9: [server:main] debug = 'maybe': expected " + BOOLEAN);
    }

    @Test
    void boolOfABadValueWithoutAnOriginHasNoFilePrefix() {
        assertThatThrownBy(() -> one("debug", "2").bool("debug", false))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[server:main] debug = '2': expected " + BOOLEAN);
    }

    @Test
    void boolOfABadValueOutsideAnySectionNamesOnlyKeyAndValue() {
        assertThatThrownBy(() -> Settings.of(Map.of("debug", "")).bool("debug", false))
                .isInstanceOf(FactoryException.class)
                .hasMessage("debug = '': expected " + BOOLEAN);
    }

    @Test
    void integerReadsSignedNumbersWithSurroundingBlanks() {
        assertThat(one("n", "42").integer("n", 0)).isEqualTo(42);
        assertThat(one("n", " -7 ").integer("n", 0)).isEqualTo(-7);
        assertThat(one("n", "2147483647").integer("n", 0)).isEqualTo(Integer.MAX_VALUE);
        assertThat(Settings.empty().integer("n", 5)).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ten", "1.5", "2147483648", "0x10", "1 000"})
    void integerRefusesWhatIsNotAnInt(String text) {
        assertThatThrownBy(() -> one("n", text).integer("n", 0))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[server:main] n = '" + text + "': expected an integer");
    }

    @Test
    void integerWithARangeAcceptsBothEnds() {
        assertThat(one("port", "0").integer("port", 8080, 0, 65535)).isZero();
        assertThat(one("port", "65535").integer("port", 8080, 0, 65535)).isEqualTo(65535);
    }

    @Test
    void integerOutsideItsRangeSaysTheRange() {
        assertThatThrownBy(() -> oneFromFile("port", "65536").integer("port", 8080, 0, 65535))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /srv/app.ini: line 9: [server:main] port = '65536': "
                        + "expected an integer from 0 to 65535");
        assertThatThrownBy(() -> one("port", "-1").integer("port", 8080, 0, 65535))
                .hasMessage("[server:main] port = '-1': expected an integer from 0 to 65535");
    }

    @Test
    void integerWithAnOpenEndSaysTheBoundInWords() {
        assertThatThrownBy(() -> one("n", "-1").integer("n", 0, 0, Integer.MAX_VALUE))
                .hasMessage("[server:main] n = '-1': expected a non-negative integer");
        assertThatThrownBy(() -> one("n", "0").integer("n", 1, 1, Integer.MAX_VALUE))
                .hasMessage("[server:main] n = '0': expected a positive integer");
        assertThatThrownBy(() -> one("n", "15").integer("n", 16, 16, Integer.MAX_VALUE))
                .hasMessage("[server:main] n = '15': expected an integer of at least 16");
        assertThatThrownBy(() -> one("n", "11").integer("n", 0, Integer.MIN_VALUE, 10))
                .hasMessage("[server:main] n = '11': expected an integer of at most 10");
    }

    @Test
    void durationReadsEachUnit() {
        assertThat(duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(duration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(duration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(duration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(duration("1d")).isEqualTo(Duration.ofDays(1));
    }

    @Test
    void durationOfABareNumberIsSeconds() {
        assertThat(duration("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(duration("0")).isEqualTo(Duration.ZERO);
    }

    @Test
    void durationAcceptsFractionsUpperCaseAndBlanks() {
        assertThat(duration("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(duration("0.1s")).isEqualTo(Duration.ofMillis(100));
        assertThat(duration("2.5ms")).isEqualTo(Duration.ofNanos(2_500_000));
        assertThat(duration(" 30 S ")).isEqualTo(Duration.ofSeconds(30));
        assertThat(duration("0.5")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void durationOfAnAbsentKeyIsTheDefault() {
        assertThat(Settings.empty().duration("t", Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void durationUpToTheLargestInNanosecondsIsExact() {
        assertThat(duration("106751d")).isEqualTo(Duration.ofDays(106_751));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-1s", "5 minutes", "s", "1.5.2s", ".5s", "10y", "1e3s", "106752d",
        "1000000d", "99999999999999999999999999h"})
    void durationRefusesWhatIsNotADurationOrIsTooLong(String text) {
        assertThatThrownBy(() -> oneFromFile("t", text).duration("t", Duration.ZERO))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /srv/app.ini: line 9: [server:main] t = '" + text
                        + "': expected a duration such as 500ms, 30s or 5m");
    }

    private static Duration duration(String text) {
        return one("t", text).duration("t", Duration.ZERO);
    }

    @Test
    void sizeReadsBytesAndBinaryMultiples() {
        assertThat(size("8192")).isEqualTo(ByteSize.ofBytes(8192));
        assertThat(size("64k")).isEqualTo(ByteSize.ofBytes(65_536));
        assertThat(size("10m")).isEqualTo(ByteSize.ofBytes(10L * 1024 * 1024));
        assertThat(size("1g")).isEqualTo(ByteSize.ofBytes(1024L * 1024 * 1024));
        assertThat(size("64kb")).isEqualTo(ByteSize.ofKilobytes(64));
        assertThat(size("64KiB")).isEqualTo(ByteSize.ofKilobytes(64));
        assertThat(size(" 10 MB ")).isEqualTo(ByteSize.ofBytes(10L * 1024 * 1024));
        assertThat(Settings.empty().size("s", ByteSize.ofBytes(3))).isEqualTo(ByteSize.ofBytes(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "big", "-1", "1.5k", "64x", "k", "64kk", "99999999999999999999"})
    void sizeRefusesWhatIsNotASize(String text) {
        assertThatThrownBy(() -> one("s", text).size("s", ByteSize.ofBytes(0)))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[server:main] s = '" + text + "': expected a size such as 8192, 64k or 10m");
    }

    private static ByteSize size(String text) {
        return one("s", text).size("s", ByteSize.ofBytes(0));
    }

    @Test
    void listSplitsOnWhitespaceAndLineBreaks() {
        Settings settings = one("pipeline", "  egg\tcheese\n   spam \r\n main  ");

        assertThat(settings.list("pipeline")).containsExactly("egg", "cheese", "spam", "main");
    }

    @Test
    void listOfAnAbsentOrBlankSettingIsEmpty() {
        assertThat(Settings.empty().list("pipeline")).isEmpty();
        assertThat(one("pipeline", " \n ").list("pipeline")).isEmpty();
    }

    @Test
    void valueUsesTheParserOrTheDefault() {
        Settings settings = one("mode", "fast");

        assertThat(settings.value("mode", "slow", "a mode", String::toUpperCase)).isEqualTo("FAST");
        assertThat(settings.value("other", "slow", "a mode", String::toUpperCase)).isEqualTo("slow");
    }

    @Test
    void valueWhoseParserReturnsNullIsAnErrorSayingTheExpectation() {
        assertThatThrownBy(() -> oneFromFile("mode", "fast").value("mode", "slow", "slow or steady", text -> null))
                .isInstanceOf(FactoryException.class)
                .hasMessage("Error in file /srv/app.ini: line 9: [server:main] mode = 'fast': expected slow or steady");
    }

    @Test
    void valueWhoseParserThrowsIllegalArgumentIsAnErrorSayingTheExpectation() {
        assertThatThrownBy(() -> one("level", "LOUD").value("level", Level.QUIET, "quiet or chatty", Level::valueOf))
                .isInstanceOf(FactoryException.class)
                .hasMessage("[server:main] level = 'LOUD': expected quiet or chatty")
                .hasNoCause();
    }

    private enum Level { QUIET, CHATTY }

    @Test
    void invalidDescribesThePresentValue() {
        FactoryException error = oneFromFile("mode", "fast").invalid("mode", "slow or steady");

        assertThat(error).hasMessage("Error in file /srv/app.ini: line 9: [server:main] mode = 'fast': "
                + "expected slow or steady");
    }

    @Test
    void invalidOfAKeyWithALinelessOriginNamesOnlyTheFile() {
        Settings settings = Settings.builder("app:x").put("mode", "fast", new Origin("/srv/app.yaml", 0)).build();

        assertThat(settings.invalid("mode", "slow")).hasMessage("Error in file /srv/app.yaml: [app:x] mode = 'fast': "
                + "expected slow");
    }

    @Test
    void toBuilderKeepsValuesOriginsAndTheSectionOrigin() {
        Settings original = Settings.builder("server:main").sectionOrigin(SECTION_AT)
                .put("port", "80", KEY_AT).put("host", "h").build();

        Settings copy = original.toBuilder().put("backlog", "10").build();

        assertThat(copy.section()).isEqualTo("server:main");
        assertThat(copy.sectionOrigin()).contains(SECTION_AT);
        assertThat(copy.origin("port")).contains(KEY_AT);
        assertThat(copy.origin("host")).isEmpty();
        assertThat(copy.asMap()).containsExactly(Map.entry("port", "80"), Map.entry("host", "h"),
                Map.entry("backlog", "10"));
        assertThat(original.contains("backlog")).isFalse();
    }

    @Test
    void putWithoutAnOriginForgetsTheEarlierOrigin() {
        Settings settings = Settings.builder("s").put("port", "80", KEY_AT).put("port", "81").build();

        assertThat(settings.origin("port")).isEmpty();
        assertThat(settings.get("port")).contains("81");
    }

    @Test
    void putAllOfSettingsCopiesOriginsAndRemoveDropsBoth() {
        Settings from = Settings.builder("a").put("x", "1", KEY_AT).put("y", "2").build();

        Settings settings = Settings.builder("b").putAll(from).remove("y").build();

        assertThat(settings.asMap()).containsExactly(Map.entry("x", "1"));
        assertThat(settings.origin("x")).contains(KEY_AT);
        assertThat(settings.section()).isEqualTo("b");
    }

    @Test
    void asMapKeepsInsertionOrderAndALaterValueReplacesInPlace() {
        Settings settings = Settings.builder("s").put("zeta", "1").put("alpha", "2").put("mid", "3")
                .put("zeta", "4").build();

        assertThat(settings.asMap()).containsExactly(Map.entry("zeta", "4"), Map.entry("alpha", "2"),
                Map.entry("mid", "3"));
        assertThat(settings.keys()).containsExactly("zeta", "alpha", "mid");
    }

    @Test
    void asMapCannotBeChanged() {
        Settings settings = one("a", "1");

        assertThatThrownBy(() -> settings.asMap().put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> settings.keys().remove("a")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void ofKeepsTheMapsOrderAndLaterChangesToTheMapDoNotShow() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("b", "1");
        map.put("a", "2");

        Settings settings = Settings.of(map);
        map.put("c", "3");

        assertThat(settings.section()).isEmpty();
        assertThat(settings.keys()).containsExactly("b", "a");
    }

    @Test
    void emptyHasNothing() {
        assertThat(Settings.empty().isEmpty()).isTrue();
        assertThat(Settings.empty().section()).isEmpty();
        assertThat(Settings.empty().sectionOrigin()).isEmpty();
        assertThat(Settings.empty().asMap()).isEmpty();
    }

    @Test
    void equalSettingsHaveTheSameSectionAndValuesWhereverTheyWereWritten() {
        Settings fromFile = Settings.builder("s").sectionOrigin(SECTION_AT).put("a", "1", KEY_AT).build();
        Settings inCode = Settings.builder("s").put("a", "1").build();

        assertThat(fromFile).isEqualTo(inCode).hasSameHashCodeAs(inCode);
        assertThat(fromFile).isNotEqualTo(Settings.builder("t").put("a", "1").build());
        assertThat(fromFile).isNotEqualTo(Settings.builder("s").put("a", "2").build());
        assertThat(fromFile).isNotEqualTo(Settings.builder("s").put("a", "1").put("b", "1").build());
    }

    @Test
    void toStringShowsTheSectionAndValues() {
        assertThat(one("a", "1")).hasToString("[server:main] {a=1}");
        assertThat(Settings.of(Map.of("a", "1"))).hasToString("{a=1}");
    }

    @Test
    void parseBoolGivesNullForAnythingElse() {
        assertThat(Settings.parseBool("Yes")).isTrue();
        assertThat(Settings.parseBool("0")).isFalse();
        assertThat(Settings.parseBool("yess")).isNull();
        assertThat(List.of("", "2", "enabled")).allSatisfy(word -> assertThat(Settings.parseBool(word)).isNull());
    }
}
