package dev.spawning.contract;

import dev.spawning.contract.CorpusCase.ExpectedRequest;
import dev.spawning.contract.CorpusCase.Field;
import dev.spawning.contract.CorpusCase.Outcome;
import dev.spawning.contract.CorpusWire.Exchange;
import dev.spawning.contract.CorpusWire.Reply;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Judges what a server answered to one case by the rules at the top of {@code policy.json}.
 *
 * <p>Accept: one {@code 200} echo per expected request, each matching it (method, target,
 * version, headers with names compared case-insensitively and same-name values in order, body,
 * trailers). Reject: one of 400, 408, 413, 414, 431, 501, 505 and a close, or only a close, after
 * {@code 200}s for the requests before the offending one. Which requests came before it is known
 * only for a valid case run with other settings (its parse lists them): there each {@code 200}
 * must echo the next expected request, and at least one expected request must be left unanswered.
 * An invalid case has no such list, and every one in this corpus fails on its first request, so
 * there any {@code 200} is the offending request reaching the app.
 */
final class CorpusJudge {

    /** The statuses a refusal may carry (505 for a well-formed HTTP version whose major number is not 1). */
    static final Set<Integer> REFUSALS = Set.of(400, 408, 413, 414, 431, 501, 505);

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private CorpusJudge() {
    }

    /** What a server did with a case, for comparing providers. */
    enum Seen { ACCEPTED, REJECTED }

    /** The case's verdict: what the server did, or why that breaks the policy. */
    record Verdict(Seen seen, String problem) {

        boolean passed() {
            return problem == null;
        }
    }

    static Verdict judge(CorpusCase corpusCase, Outcome required, Exchange exchange) {
        String notAccepted = acceptProblem(corpusCase, exchange);
        String notRejected = rejectProblem(corpusCase, exchange);
        return switch (required) {
            case ACCEPT -> new Verdict(Seen.ACCEPTED, notAccepted == null ? null : "not accepted: " + notAccepted);
            case REJECT -> new Verdict(Seen.REJECTED, notRejected == null ? null : "not rejected: " + notRejected);
            case ACCEPT_OR_REJECT -> either(notAccepted, notRejected);
            case SKIP -> throw new IllegalArgumentException(corpusCase.id() + " is skipped: it is not run");
        };
    }

    private static Verdict either(String notAccepted, String notRejected) {
        if (notAccepted == null) {
            return new Verdict(Seen.ACCEPTED, null);
        }
        if (notRejected == null) {
            return new Verdict(Seen.REJECTED, null);
        }
        return new Verdict(null, "neither accepted (" + notAccepted + ") nor rejected (" + notRejected + ")");
    }

    /** Null when every expected request was answered by the echo app exactly as expected. */
    static String acceptProblem(CorpusCase corpusCase, Exchange exchange) {
        List<ExpectedRequest> expected = corpusCase.expected();
        if (expected.isEmpty()) {
            return "the corpus has no parse for an invalid case";
        }
        if (exchange.replies().size() != expected.size() || !exchange.leftover().isEmpty()) {
            return "expected " + expected.size() + " echo response(s), got:" + exchange.describe();
        }
        for (int i = 0; i < expected.size(); i++) {
            String mismatch = echoMismatch(expected.get(i), exchange.replies().get(i), corpusCase.underscoreNamesExtra());
            if (mismatch != null) {
                return "request " + (i + 1) + ": " + mismatch;
            }
        }
        return null;
    }

    /** Null when the server refused (or just closed) without handing the offending request to the app. */
    static String rejectProblem(CorpusCase corpusCase, Exchange exchange) {
        List<Integer> statuses = exchange.replies().stream().map(Reply::status).toList();
        if (!exchange.leftover().isEmpty()) {
            return "an unparseable answer:" + exchange.describe();
        }
        if (!exchange.closed()) {
            return "the connection stayed open:" + exchange.describe();
        }
        boolean refused = !statuses.isEmpty() && REFUSALS.contains(statuses.getLast());
        int answered = statuses.size() - (refused ? 1 : 0);
        if (answered >= Math.max(corpusCase.expected().size(), 1)) {
            return "every request was answered, statuses " + statuses + " (a refusal is one of "
                    + new TreeSet<>(REFUSALS) + "):" + exchange.describe();
        }
        for (int i = 0; i < answered; i++) {
            String mismatch = echoMismatch(corpusCase.expected().get(i), exchange.replies().get(i),
                    corpusCase.underscoreNamesExtra());
            if (mismatch != null) {
                return "request " + (i + 1) + " before the refusal: " + mismatch;
            }
        }
        return null;
    }

    private static String echoMismatch(ExpectedRequest expected, Reply reply, boolean underscoreNamesExtra) {
        if (reply.status() != 200) {
            return "status " + reply.status() + ": " + reply.text();
        }
        JsonNode echo = JSON.readTree(reply.body());
        List<String> problems = new ArrayList<>();
        compare(problems, "method", expected.method(), echo.get("method").asString());
        compare(problems, "target", expected.target(), echo.get("target").asString());
        compare(problems, "version", expected.version(), echo.get("version").asString());
        compare(problems, "headers", byName(expected.headers(), null), byName(CorpusFiles.fields(echo.get("headers")),
                underscoreNamesExtra ? expected.headers() : null));
        byte[] body = Base64.getDecoder().decode(echo.get("body_b64").asString());
        if (!Arrays.equals(expected.body(), body)) {
            compare(problems, "body", Base64.getEncoder().encodeToString(expected.body()),
                    Base64.getEncoder().encodeToString(body));
        }
        compare(problems, "trailers", byName(expected.trailers(), null), byName(CorpusFiles.fields(echo.get("trailers")), null));
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /**
     * Values by upper-cased name, same-name values in order; names of different fields are not
     * ordered. With {@code expectedFields}, names with an underscore that the origin dropped are left out.
     */
    private static Map<String, List<String>> byName(List<Field> fields, List<Field> expectedFields) {
        Map<String, List<String>> byName = new TreeMap<>();
        for (Field field : fields) {
            String name = field.name().toUpperCase(Locale.ROOT);
            if (expectedFields != null && name.contains("_") && !named(expectedFields, name)) {
                continue;
            }
            byName.computeIfAbsent(name, key -> new ArrayList<>()).add(field.value());
        }
        return byName;
    }

    private static boolean named(List<Field> fields, String name) {
        return fields.stream().anyMatch(field -> field.name().equalsIgnoreCase(name));
    }

    private static void compare(List<String> problems, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            problems.add(what + " expected " + expected + " but the app saw " + actual);
        }
    }
}
