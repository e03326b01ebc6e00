package dev.spawning.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.spawning.contract.CorpusCase.Outcome;
import dev.spawning.contract.CorpusJudge.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the request corpus ({@code ../shared/http-corpora/gunicorn-requests}) against every server
 * provider: each case once per provider with the policy's settings, once more with default
 * settings where the policy requires a different outcome then, and for every run checks that the
 * providers answered alike: the same statuses, in order, and the same closing. Display names read
 * {@code valid/004 [undertow]}, {@code valid/004 [undertow, default settings]} and
 * {@code valid/004 [providers agree]}.
 *
 * <p>Where the policy and the servers' specification disagree, the specification wins, case by
 * case, in {@link #SPEC_OVER_POLICY}; a test fails once the policy itself is corrected, so that the
 * override goes.
 */
class CorpusTest {

    /**
     * Cases whose policy outcome contradicts {@code spec/http-servers.md}, "Strict parsing": the
     * request target may hold only the characters RFC 3986 allows, so a raw {@code "} (valid/014)
     * and raw UTF-8 bytes (valid/027) are refused with 400, with any settings.
     */
    static final Map<String, Outcome> SPEC_OVER_POLICY = Map.of(
            "valid/014", Outcome.REJECT,
            "valid/027", Outcome.REJECT);

    private static CorpusFiles corpus;
    private static CorpusServers servers;

    @BeforeAll
    static void startNothingYet() throws Exception {
        corpus = CorpusFiles.load();
        servers = CorpusServers.discover();
    }

    @AfterAll
    static void stopServers() {
        servers.close();
    }

    @Test
    void policyGivesAnOutcomeForExactlyTheCasesOfTheCorpus() {
        List<String> ids = corpus.cases().stream().map(CorpusCase::id).toList();

        assertThat(ids).hasSize(137).doesNotHaveDuplicates();
        assertThat(corpus.policyIds()).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void runsTheProxyCasesThatPolicySkipsWithTheOutcomesOfPolicyProxy() {
        List<CorpusCase> proxied = corpus.cases().stream().filter(c -> corpus.proxyPolicyIds().contains(c.id())).toList();

        assertThat(proxied).hasSize(8).allSatisfy(c -> {
            assertThat(c.outcome()).isNotEqualTo(Outcome.SKIP);
            assertThat(c.settings()).containsEntry("proxy_protocol", "true");
        });
        assertThat(proxied).filteredOn(c -> c.id().equals("valid/pp_02")).singleElement()
                .extracting(CorpusCase::settings).isEqualTo(Map.of("proxy_protocol", "true", "require_host", "false"));
    }

    @Test
    void findsAtLeastTheUndertowProviderThroughServiceLoader() {
        assertThat(servers.providers()).isNotEmpty();
        if (System.getProperty(CorpusServers.PROVIDERS_PROPERTY, "").isBlank()) {
            assertThat(servers.providers()).contains("undertow", "coroutine");
        }
    }

    @Test
    void overridesThePolicyOnlyWhereItStillAcceptsWhatTheSpecificationRefuses() {
        for (Map.Entry<String, Outcome> override : SPEC_OVER_POLICY.entrySet()) {
            CorpusCase overridden = corpus.cases().stream().filter(c -> c.id().equals(override.getKey())).findFirst()
                    .orElseThrow();
            assertThat(overridden.outcome()).as("the policy of %s: once it says %s, remove the override",
                    overridden.id(), override.getValue()).isNotEqualTo(override.getValue());
        }
    }

    @TestFactory
    Stream<DynamicNode> corpus() {
        return corpus.cases().stream()
                .filter(corpusCase -> corpusCase.outcome() != Outcome.SKIP)
                .map(this::caseContainer);
    }

    private DynamicNode caseContainer(CorpusCase corpusCase) {
        List<DynamicNode> runs = new ArrayList<>();
        Outcome override = SPEC_OVER_POLICY.get(corpusCase.id());
        runs.addAll(runs(corpusCase, override != null ? override : corpusCase.outcome(), corpusCase.settings(), ""));
        if (corpusCase.defaultOutcome() != null) {
            runs.addAll(runs(corpusCase, override != null ? override : corpusCase.defaultOutcome(), Map.of(),
                    ", default settings"));
        }
        return dynamicContainer(corpusCase.id(), runs);
    }

    /**
     * One test per provider, then, with several providers, one that they answered alike: the same
     * statuses in the same order, and both closing or neither. What each saw passes from the first
     * tests to the last through {@code seen}; the comparison runs even when a provider failed the
     * policy, so that a difference between them is reported too.
     */
    private List<DynamicNode> runs(CorpusCase corpusCase, Outcome required, Map<String, String> settings, String label) {
        Map<String, Answered> seen = new LinkedHashMap<>();
        List<DynamicNode> tests = new ArrayList<>();
        for (String provider : servers.providers()) {
            tests.add(dynamicTest(corpusCase.id() + " [" + provider + label + "]",
                    () -> run(corpusCase, required, settings, provider, seen)));
        }
        if (servers.providers().size() > 1) {
            tests.add(dynamicTest(corpusCase.id() + " [providers agree" + label + "]", () -> {
                assertThat(seen).as("a provider's run failed before it was answered").hasSize(servers.providers().size());
                assertThat(Set.copyOf(seen.values())).as("statuses and closing per provider: %s", seen).hasSize(1);
            }));
        }
        return tests;
    }

    private static void run(CorpusCase corpusCase, Outcome required, Map<String, String> settings, String provider,
            Map<String, Answered> seen) throws Exception {
        CorpusWire.Exchange exchange = CorpusWire.play(servers.address(provider, settings), corpusCase.raw());
        seen.put(provider, new Answered(exchange.replies().stream().map(CorpusWire.Reply::status).toList(),
                exchange.closed(), !exchange.leftover().isEmpty()));
        Verdict verdict = CorpusJudge.judge(corpusCase, required, exchange);
        assertThat(verdict.problem()).as("%s on %s with %s, required: %s", corpusCase.id(), provider, settings, required)
                .isNull();
    }

    /** What a client can tell of a provider's answer to a case, besides the bodies. */
    private record Answered(List<Integer> statuses, boolean closed, boolean unparseable) {
    }
}
