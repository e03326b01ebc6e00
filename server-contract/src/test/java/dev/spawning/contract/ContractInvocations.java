package dev.spawning.contract;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * Expands each {@link ContractTest} into one invocation per selected provider, named after the
 * provider so a report says which server broke the contract, each with its own
 * {@link ContractServers}; in a class marked {@link OverTls}, one more per provider over TLS.
 */
final class ContractInvocations implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getRequiredTestMethod().isAnnotationPresent(ContractTest.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        boolean overTls = context.getRequiredTestClass().isAnnotationPresent(OverTls.class);
        return ContractProviders.selected().stream().flatMap(provider -> overTls
                ? Stream.of(invocation(provider, false), invocation(provider, true))
                : Stream.of(invocation(provider, false)));
    }

    private static TestTemplateInvocationContext invocation(ContractProvider provider, boolean tls) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return "[" + provider.name() + (tls ? " tls" : "") + "]";
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(tls ? new ContractServers(provider, ContractTls.get()) : new ContractServers(provider));
            }
        };
    }
}
