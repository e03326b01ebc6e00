package dev.spawning.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContractProvidersTest {

    @Test
    void findsTheUndertowAndCoroutineProvidersThroughServiceLoader() {
        assertThat(ContractProviders.found()).extracting(ContractProvider::name)
                .containsExactly("coroutine", "undertow");
    }

    @Test
    void runsEveryProviderFoundUnlessThePropertyNamesSome() {
        List<ContractProvider> found = ContractProviders.found();

        assertThat(ContractProviders.select("", found)).isEqualTo(found);
        assertThat(ContractProviders.select(" undertow ", found)).extracting(ContractProvider::name)
                .containsExactly("undertow");
    }

    @Test
    void refusesAProviderNameThatIsNotFoundSoATypoCannotRunNothing() {
        assertThatThrownBy(() -> ContractProviders.select("undertw", ContractProviders.found()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("-Dspawning.contract.providers names 'undertw', which is not a server provider; "
                        + "found: coroutine, undertow");
    }
}
