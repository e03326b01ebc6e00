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
 * {@link ContractServers}.
 */
final class ContractInvocations implements TestTemplateInvocationContextProvider {

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getRequiredTestMethod().isAnnotationPresent(ContractTest.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return ContractProviders.selected().stream().map(ContractInvocations::invocation);
    }

    private static TestTemplateInvocationContext invocation(ContractProvider provider) {
        return new TestTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return "[" + provider.name() + "]";
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new ContractServers(provider));
            }
        };
    }
}
