package dev.spawning.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FuzzInputsTest {

    private static FuzzSeeds seeds;

    @BeforeAll
    static void loadSeeds() {
        seeds = FuzzSeeds.load();
    }

    @Test
    void makesTheSameInputFromTheSameSeedAndIndexInAnyOrder() {
        FuzzInputs forwards = new FuzzInputs(7, seeds);
        FuzzInputs backwards = new FuzzInputs(7, seeds);

        List<FuzzInput> made = LongStream.range(0, 300).mapToObj(forwards::input).toList();
        List<FuzzInput> remade = LongStream.range(0, 300).map(index -> 299 - index).mapToObj(backwards::input).toList().reversed();

        for (int index = 0; index < made.size(); index++) {
            assertThat(remade.get(index).bytes()).as("input %d", index).isEqualTo(made.get(index).bytes());
            assertThat(remade.get(index).describe()).isEqualTo(made.get(index).describe());
        }
    }

    @Test
    void makesOtherInputsFromAnotherSeed() {
        FuzzInputs one = new FuzzInputs(1, seeds);
        FuzzInputs two = new FuzzInputs(2, seeds);

        long alike = LongStream.range(0, 100)
                .filter(index -> one.input(index).describe().equals(two.input(index).describe())).count();

        assertThat(alike).isLessThan(10);
    }

    @Test
    void cutsAtEveryFramingBoundaryOfAChunkedRequest() {
        byte[] bytes = FuzzBytes.ascii("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5;a=b\r\nhello\r\n0\r\n\r\n");

        FuzzLayout layout = FuzzLayout.of(bytes);

        assertThat(layout.headerLines()).hasSize(2);
        assertThat(layout.chunkSizes()).extracting(line -> line.text(bytes)).containsExactly("5;a=b", "0");
        assertThat(layout.cuts(bytes)).extracting(FuzzLayout.Cut::at)
                .containsExactly(15, 17, 24, 26, 52, 54, 55, 56, 57, 61, 63, 71, 73);
    }
}
