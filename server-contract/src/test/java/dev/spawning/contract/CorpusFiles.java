package dev.spawning.contract;

import dev.spawning.contract.CorpusCase.ExpectedRequest;
import dev.spawning.contract.CorpusCase.Field;
import dev.spawning.contract.CorpusCase.Outcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the request corpus ({@code cases.json}) and our policy for it ({@code policy.json}, and
 * {@code policy-proxy.json} for the PROXY-protocol cases that {@code policy.json} skips: their
 * outcomes with its {@code settings} under each case's own) from
 * {@code ../shared/http-corpora/gunicorn-requests} beside the repository, where its README says
 * it lives; the corpus is never copied into the project. The system property
 * {@code spawning.corpus.dir} points elsewhere.
 */
final class CorpusFiles {

    static final String DIR_PROPERTY = "spawning.corpus.dir";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final JsonNode cases;
    private final JsonNode policy;
    private final JsonNode proxyPolicy;

    private CorpusFiles(JsonNode cases, JsonNode policy, JsonNode proxyPolicy) {
        this.cases = cases;
        this.policy = policy;
        this.proxyPolicy = proxyPolicy;
    }

    /** The corpus beside the repository this test runs in. */
    static CorpusFiles load() {
        Path dir = directory();
        if (!Files.isRegularFile(dir.resolve("cases.json"))) {
            throw new IllegalStateException("No request corpus at " + dir + ": expected cases.json there "
                    + "(../shared/http-corpora/gunicorn-requests from the repository root), or set -D"
                    + DIR_PROPERTY);
        }
        return new CorpusFiles(read(dir.resolve("cases.json")), read(dir.resolve("policy.json")),
                read(dir.resolve("policy-proxy.json")));
    }

    /** Every case of {@code cases.json}, in file order, with its policy. */
    List<CorpusCase> cases() {
        List<CorpusCase> all = new ArrayList<>();
        for (JsonNode entry : cases.get("cases")) {
            all.add(caseOf(entry));
        }
        return all;
    }

    /** The case ids {@code policy.json} gives an outcome for. */
    List<String> policyIds() {
        return List.copyOf(policy.get("cases").propertyNames());
    }

    private CorpusCase caseOf(JsonNode entry) {
        String id = entry.get("id").asString();
        JsonNode rule = policy.get("cases").get(id);
        if (rule == null) {
            throw new IllegalStateException("policy.json has no entry for " + id);
        }
        Map<String, String> settings = settings(rule.get("settings"));
        JsonNode proxyRule = proxyPolicy.get("cases").get(id);
        if (proxyRule != null && Outcome.of(rule.get("outcome").asString()) == Outcome.SKIP) {
            settings = settings(proxyPolicy.get("settings"));
            settings.putAll(settings(proxyRule.get("settings")));
            rule = proxyRule;
        }
        JsonNode defaults = rule.get("with_default_settings");
        return new CorpusCase(id, Base64.getDecoder().decode(entry.get("raw_b64").asString()),
                expected(entry.get("expect")), Outcome.of(rule.get("outcome").asString()), settings,
                defaults == null ? null : Outcome.of(defaults.asString()),
                rule.has("extra_headers_allowed"));
    }

    /** The case ids {@code policy-proxy.json} gives an outcome for. */
    List<String> proxyPolicyIds() {
        return List.copyOf(proxyPolicy.get("cases").propertyNames());
    }

    private static List<ExpectedRequest> expected(JsonNode expect) {
        List<ExpectedRequest> requests = new ArrayList<>();
        if (expect == null) {
            return requests;
        }
        for (JsonNode request : expect) {
            JsonNode version = request.get("version");
            requests.add(new ExpectedRequest(request.get("method").asString(), request.get("target").asString(),
                    "HTTP/" + version.get(0).asInt() + "." + version.get(1).asInt(), fields(request.get("headers")),
                    Base64.getDecoder().decode(request.get("body_b64").asString()), fields(request.get("trailers"))));
        }
        return requests;
    }

    /** {@code [[NAME, value], ...]}; absent means none. */
    static List<Field> fields(JsonNode pairs) {
        List<Field> fields = new ArrayList<>();
        if (pairs == null) {
            return fields;
        }
        for (JsonNode pair : pairs) {
            fields.add(new Field(pair.get(0).asString(), pair.get(1).asString()));
        }
        return fields;
    }

    private static Map<String, String> settings(JsonNode settings) {
        Map<String, String> map = new LinkedHashMap<>();
        if (settings != null) {
            settings.properties().forEach(setting -> map.put(setting.getKey(), setting.getValue().asString()));
        }
        return map;
    }

    private static Path directory() {
        String override = System.getProperty(DIR_PROPERTY);
        if (override != null) {
            return Path.of(override).toAbsolutePath();
        }
        return repositoryRoot().resolve("../shared/http-corpora/gunicorn-requests").normalize();
    }

    /** Surefire runs the tests in the module's directory; the repository root is its parent. */
    private static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isRegularFile(here.resolve("pom.xml")) && Files.isRegularFile(here.resolveSibling("pom.xml"))
                ? here.getParent()
                : here;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(Files.readAllBytes(file));
        } catch (IOException failed) {
            throw new UncheckedIOException("Cannot read " + file, failed);
        }
    }
}
