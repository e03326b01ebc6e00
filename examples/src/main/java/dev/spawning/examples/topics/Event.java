package dev.spawning.examples.topics;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One entry of a topic's log. The data node is never changed once the event exists, so events are
 * shared between threads freely.
 *
 * @param seq  the sequence number, from 1 per topic
 * @param data the JSON value that was published
 */
record Event(long seq, JsonNode data) {

    Event {
        Objects.requireNonNull(data, "data");
    }
}
