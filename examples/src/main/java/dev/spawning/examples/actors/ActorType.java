package dev.spawning.examples.actors;

import dev.spawning.examples.shapes.Match;
import dev.spawning.examples.shapes.Shape;
import java.util.List;
import java.util.Objects;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A kind of actor: the shape of its state and its handlers, each chosen by the shape of a
 * message (the first whose shape matches wins). Immutable.
 *
 * @param name       the name a PUT body gives in {@code "type"} and the {@code types} setting lists
 * @param stateShape what every state of this type looks like
 * @param stateCheck a check beyond the shape, such as a bound on a list; {@code null} when none
 * @param handlers   the handlers, in the order they are tried
 */
record ActorType(String name, Shape stateShape, Function<JsonNode, Match.Mismatch> stateCheck, List<Handler> handlers) {

    /**
     * One handler: {@code received(state, message)} gives the next state. It runs on the actor's
     * thread, one message at a time, and must not keep or change what it is given.
     *
     * @param shape    the messages it takes
     * @param received the new state from the old state and the message
     */
    record Handler(Shape shape, BinaryOperator<JsonNode> received) {

        Handler {
            Objects.requireNonNull(shape, "shape");
            Objects.requireNonNull(received, "received");
        }
    }

    ActorType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(stateShape, "stateShape");
        handlers = List.copyOf(handlers);
    }

    /**
     * Checks a state.
     *
     * @param state a state
     * @return {@code null} when it is a state of this type, or where and why it is not (paths from
     *         the state's own {@code $})
     */
    Match.Mismatch checkState(JsonNode state) {
        if (stateShape.match(state) instanceof Match.Mismatch mismatch) {
            return mismatch;
        }
        return stateCheck == null ? null : stateCheck.apply(state);
    }

    /**
     * The handler for a message: the first whose shape matches.
     *
     * @param message the message
     * @return the handler, or the mismatch that says most about why none takes it: the deepest
     *         of the handlers' mismatches, the first handler's among equals
     */
    Dispatch dispatch(JsonNode message) {
        Match.Mismatch closest = null;
        for (Handler handler : handlers) {
            switch (handler.shape().match(message)) {
                case Match.Matched matched -> {
                    return new Dispatch.To(handler);
                }
                case Match.Mismatch mismatch -> {
                    if (closest == null || mismatch.depth() > closest.depth()) {
                        closest = mismatch;
                    }
                }
            }
        }
        return new Dispatch.Refused(closest == null ? new Match.Mismatch("$", 0, name + " takes no messages") : closest);
    }

    /** Where a message goes. */
    sealed interface Dispatch {

        /** @param handler the handler that takes it */
        record To(Handler handler) implements Dispatch {
        }

        /** @param mismatch why no handler takes it */
        record Refused(Match.Mismatch mismatch) implements Dispatch {
        }
    }
}
