package dev.spawning.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ByteSizeTest {

    @Test
    void parseReadsBytesAndPowersOf1024() {
        assertThat(ByteSize.parse("8192")).contains(ByteSize.ofBytes(8192));
        assertThat(ByteSize.parse("100b")).contains(ByteSize.ofBytes(100));
        assertThat(ByteSize.parse("64k")).contains(ByteSize.ofBytes(65_536));
        assertThat(ByteSize.parse("10m")).contains(ByteSize.ofBytes(10_485_760));
        assertThat(ByteSize.parse("1g")).contains(ByteSize.ofBytes(1_073_741_824));
        assertThat(ByteSize.parse("2t")).contains(ByteSize.ofBytes(2L << 40));
    }

    @Test
    void parseAcceptsUnitSuffixesInAnyCaseWithBlanks() {
        assertThat(ByteSize.parse("64kb")).contains(ByteSize.ofKilobytes(64));
        assertThat(ByteSize.parse("64KiB")).contains(ByteSize.ofKilobytes(64));
        assertThat(ByteSize.parse("64K")).contains(ByteSize.ofKilobytes(64));
        assertThat(ByteSize.parse(" 64 KB ")).contains(ByteSize.ofKilobytes(64));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "-64k", "1.5k", "64x", "k", "64kib2", "99999999999999999999", "9007199254740992k"})
    void parseGivesNothingForWhatIsNotASize(String text) {
        assertThat(ByteSize.parse(text)).isEmpty();
    }

    @Test
    void theLargestSizeThatFitsIsRead() {
        assertThat(ByteSize.parse("9007199254740991k")).contains(ByteSize.ofBytes(9_007_199_254_740_991L * 1024));
    }

    @Test
    void aNegativeSizeIsRefused() {
        assertThatThrownBy(() -> ByteSize.ofBytes(-1))
                .isInstanceOf(FactoryException.class)
                .hasMessage("A size cannot be negative: -1");
    }

    @Test
    void ofKilobytesMultipliesBy1024() {
        assertThat(ByteSize.ofKilobytes(64).bytes()).isEqualTo(65_536);
    }

    @Test
    void sizesCompareByBytes() {
        assertThat(ByteSize.ofBytes(1024)).isEqualByComparingTo(ByteSize.ofKilobytes(1));
        assertThat(ByteSize.ofBytes(1)).isLessThan(ByteSize.ofBytes(2));
        assertThat(ByteSize.ofKilobytes(1)).hasToString("1024 bytes");
    }
}
