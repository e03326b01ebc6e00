package dev.spawning.factory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StopReportTest {

    @Test
    void toStringSaysWhatTheStopDidAndHowLongItTookInMilliseconds() {
        StopReport report = new StopReport(3, 2, 1, Duration.ofMillis(1500));

        assertThat(report).hasToString("completed 3 in-flight request(s), closed 2 idle connection(s), "
                + "cut off 1 connection(s) in 1500 ms");
    }

    @Test
    void toStringTruncatesTheDurationToWholeMilliseconds() {
        assertThat(new StopReport(0, 0, 0, Duration.ofNanos(2_999_999))).hasToString(
                "completed 0 in-flight request(s), closed 0 idle connection(s), cut off 0 connection(s) in 2 ms");
    }
}
