package dev.spawning.examples.topics;

import java.util.regex.Pattern;

/**
 * What a topic may be called: 1 to 64 ASCII letters, digits, {@code .}, {@code _} or {@code -},
 * not starting with {@code .}. The name is also the name of the topic's file, so no name can
 * leave the data directory or hide as a dot file.
 */
final class TopicName {

    static final String RULE = "1 to 64 letters, digits, '.', '_' or '-', not starting with '.'";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}");

    private TopicName() {
    }

    static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }
}
