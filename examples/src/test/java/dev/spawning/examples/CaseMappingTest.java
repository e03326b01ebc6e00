package dev.spawning.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaseMappingTest {

    @Test
    void upperMapsOnlyTheAsciiLowerCaseLettersLikePythonBytesUpper() {
        for (int b = 0; b < 256; b++) {
            int expected = b >= 'a' && b <= 'z' ? b - 32 : b;
            assertThat(CaseMapping.UPPER.map((byte) b)).as("byte %d", b).isEqualTo((byte) expected);
        }
    }

    @Test
    void lowerMapsOnlyTheAsciiUpperCaseLettersLikePythonBytesLower() {
        for (int b = 0; b < 256; b++) {
            int expected = b >= 'A' && b <= 'Z' ? b + 32 : b;
            assertThat(CaseMapping.LOWER.map((byte) b)).as("byte %d", b).isEqualTo((byte) expected);
        }
    }

    @Test
    void mapsARangeIntoACopyLeavingTheSourceUnchanged() {
        byte[] source = {'x', 'a', 'b', 'y'};

        byte[] mapped = CaseMapping.UPPER.map(source, 1, 2);

        assertThat(mapped).containsExactly('A', 'B');
        assertThat(source).containsExactly('x', 'a', 'b', 'y');
    }
}
