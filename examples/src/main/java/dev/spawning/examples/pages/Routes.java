package dev.spawning.examples.pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code urls} setting: which template renders which URL. Each non-blank line is
 * {@code PATTERN = TEMPLATE}; a pattern is a path below the app's mount point whose segments are
 * names or {@code *} (any one non-empty segment other than {@code .} and {@code ..}); the first line
 * that matches wins. Immutable and thread-safe.
 */
final class Routes {

    /** One line of the setting. */
    record Route(String line, List<String> segments, String template) {

        boolean matches(List<String> path) {
            if (path.size() != segments.size()) {
                return false;
            }
            for (int i = 0; i < segments.size(); i++) {
                String want = segments.get(i);
                if (!(want.equals("*") ? isName(path.get(i)) : want.equals(path.get(i)))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A line that cannot be read: the line as written and what was expected. */
    record Problem(String line, String expected) {
    }

    static final String EXAMPLE = "/greetings/* = greeting";
    private static final Pattern TEMPLATE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private final List<Route> routes;

    private Routes(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /**
     * Reads the setting's value.
     *
     * @param value    the value as written, lines joined with {@code \n}
     * @param problems where each bad line is added
     * @return the lines that could be read, in order
     */
    static Routes parse(String value, List<Problem> problems) {
        List<Route> routes = new ArrayList<>();
        for (String raw : value.split("\n")) {
            String line = raw.strip();
            if (!line.isEmpty()) {
                parseLine(line, routes, problems);
            }
        }
        return new Routes(routes);
    }

    private static void parseLine(String line, List<Route> routes, List<Problem> problems) {
        int equals = line.indexOf('=');
        if (equals < 0) {
            problems.add(new Problem(line, "PATTERN = TEMPLATE, such as " + EXAMPLE));
            return;
        }
        String pattern = line.substring(0, equals).strip();
        String template = line.substring(equals + 1).strip();
        List<String> segments = segments(pattern);
        if (segments == null || !segments.stream().allMatch(s -> s.equals("*") || isName(s) && !s.contains("*"))) {
            problems.add(new Problem(line, "a path pattern that starts with '/' and whose segments are names"
                    + " or *, such as /greetings/*"));
        } else if (!TEMPLATE_NAME.matcher(template).matches()) {
            problems.add(new Problem(line, "a template name of letters, digits, '.', '-' and '_',"
                    + " such as greeting for the file greeting.mustache"));
        } else if (routes.stream().anyMatch(r -> r.segments().equals(segments))) {
            problems.add(new Problem(line, "each pattern once, but " + pattern + " is mapped twice"));
        } else {
            routes.add(new Route(line, segments, template));
        }
    }

    /**
     * The template of a path.
     *
     * @param pathInfo the path below the mount point, percent-decoded
     * @return the template's name, without {@code .mustache}; empty when no line matches
     */
    Optional<String> templateFor(String pathInfo) {
        List<String> path = segments(pathInfo.isEmpty() ? "/" : pathInfo);
        if (path == null) {
            return Optional.empty();
        }
        return routes.stream().filter(r -> r.matches(path)).map(Route::template).findFirst();
    }

    /** {@return every line read, in order} */
    List<Route> routes() {
        return routes;
    }

    /** The segments of {@code /a/b}; none for {@code /}; {@code null} for a path not starting with '/'. */
    private static List<String> segments(String path) {
        if (!path.startsWith("/")) {
            return null;
        }
        return path.equals("/") ? List.of() : Arrays.asList(path.substring(1).split("/", -1));
    }

    /** A segment that names something: not empty, not {@code .} or {@code ..}. */
    private static boolean isName(String segment) {
        return !segment.isEmpty() && !segment.equals(".") && !segment.equals("..");
    }
}
