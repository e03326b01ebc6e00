package dev.spawning.core.builtin;

import dev.spawning.factory.App;
import dev.spawning.factory.Origin;
import dev.spawning.factory.Request;
import dev.spawning.factory.Response;
import dev.spawning.factory.Settings;

/** Settings and requests for the tests of the built-in providers, written as in a file. */
final class BuiltinFixtures {

    /** The file every setting claims to come from. */
    static final String FILE = "/x/app.ini";

    private BuiltinFixtures() {
    }

    /**
     * Settings of {@code section} from alternating keys and values; the section header is on line
     * 6 of {@link #FILE}, and the keys on the lines from 7 on, in order.
     */
    static Settings settings(String section, String... keysAndValues) {
        Settings.Builder builder = Settings.builder(section).sectionOrigin(new Origin(FILE, 6));
        for (int i = 0; i < keysAndValues.length; i += 2) {
            builder.put(keysAndValues[i], keysAndValues[i + 1], new Origin(FILE, 7 + i / 2));
        }
        return builder.build();
    }

    /** A GET of {@code target} with this {@code Host}. */
    static Request get(String host, String target) {
        return Request.builder().method("GET").target(target).header("Host", host).build();
    }

    /** The body of the app's answer to a GET of {@code target} on {@code host}, as text. */
    static String answer(App app, String host, String target) throws Exception {
        return text(app.handle(get(host, target)));
    }

    static String text(Response response) {
        return ((Response.Body.Bytes) response.body()).text();
    }
}
