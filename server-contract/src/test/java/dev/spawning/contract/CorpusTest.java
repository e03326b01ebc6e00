package dev.spawning.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.spawning.contract.CorpusCase.Outcome;
import dev.spawning.contract.CorpusJudge.Seen;
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
 * settings where the policy requires a different outcome then, and, where the policy allows
 * either outcome, checks that the providers chose alike. Display names read
 * {@code valid/004 [undertow]}, {@code valid/004 [undertow, default settings]} and
 * {@code valid/005 [providers agree]}.
 */
class CorpusTest {

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
    void findsAtLeastTheUndertowProviderThroughServiceLoader() {
        assertThat(servers.providers()).isNotEmpty();
        if (System.getProperty(CorpusServers.PROVIDERS_PROPERTY, "").isBlank()) {
            assertThat(servers.providers()).contains("undertow", "coroutine");
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
        runs.addAll(runs(corpusCase, corpusCase.outcome(), corpusCase.settings(), ""));
        if (corpusCase.defaultOutcome() != null) {
            runs.addAll(runs(corpusCase, corpusCase.defaultOutcome(), Map.of(), ", default settings"));
        }
        return dynamicContainer(corpusCase.id(), runs);
    }

    /**
     * One test per provider; for an accept-or-reject run with several providers, then one that
     * they chose alike (for accept or reject runs, each provider passing already means they agree).
     * Outcomes pass from the first tests to the last through {@code seen}.
     */
    private List<DynamicNode> runs(CorpusCase corpusCase, Outcome required, Map<String, String> settings, String label) {
        Map<String, Seen> seen = new LinkedHashMap<>();
        List<DynamicNode> tests = new ArrayList<>();
        for (String provider : servers.providers()) {
            tests.add(dynamicTest(corpusCase.id() + " [" + provider + label + "]",
                    () -> seen.put(provider, run(corpusCase, required, settings, provider))));
        }
        if (required == Outcome.ACCEPT_OR_REJECT && servers.providers().size() > 1) {
            tests.add(dynamicTest(corpusCase.id() + " [providers agree" + label + "]", () -> assertThat(Set.copyOf(seen.values()))
                    .as("outcome per provider (a provider missing here failed its own test): %s", seen)
                    .hasSizeLessThanOrEqualTo(1)));
        }
        return tests;
    }

    private static Seen run(CorpusCase corpusCase, Outcome required, Map<String, String> settings, String provider)
            throws Exception {
        CorpusWire.Exchange exchange = CorpusWire.play(servers.address(provider, settings), corpusCase.raw());
        Verdict verdict = CorpusJudge.judge(corpusCase, required, exchange);
        assertThat(verdict.problem()).as("%s on %s with %s, required: %s", corpusCase.id(), provider, settings, required)
                .isNull();
        return verdict.seen();
    }
}
