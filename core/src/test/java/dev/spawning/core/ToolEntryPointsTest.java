package dev.spawning.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.spawning.core.testing.Fixtures;
import dev.spawning.factory.Protocol;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What tools such as the spawn program use of the loader: converting a file, listing the providers. */
class ToolEntryPointsTest {

    @Test
    void formsAreNamedAsOnTheCommandLine() {
        assertThat(FileFormat.ofWord("ini")).isEqualTo(FileFormat.INI);
        assertThat(FileFormat.ofWord("yml")).isEqualTo(FileFormat.YAML);
        assertThat(FileFormat.ofWord("YAML")).isEqualTo(FileFormat.YAML);
        assertThatThrownBy(() -> FileFormat.ofWord("xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'xml' is not a deployment file form: ini or yaml");
    }

    @Test
    void aFileConvertedToYamlAndBackIsTheSameIni(@TempDir Path dir) throws Exception {
        Path ini = Fixtures.file("filters.ini");
        Path yaml = Files.writeString(dir.resolve("filters.yaml"), FileFormat.YAML.convert(ini));
        assertThat(FileFormat.INI.convert(yaml)).isEqualTo(FileFormat.INI.convert(ini));
        assertThat(FileFormat.YAML.convert(yaml)).isEqualTo(Files.readString(yaml));
    }

    @Test
    void aFileThatCannotBeReadIsADeploymentError(@TempDir Path dir) {
        Path missing = dir.resolve("missing.ini");
        assertThatThrownBy(() -> FileFormat.YAML.convert(missing))
                .isInstanceOf(DeploymentException.class)
                .hasMessage("Error in file " + missing + ": no such file");
    }

    @Test
    void providersAreListedWithTheirProtocolsAndDescription() {
        Providers providers = Providers.discover(getClass().getClassLoader());
        assertThat(providers.found()).extracting(ProviderInfo::name)
                .contains("caps", "cascade", "echo", "prefix", "text", "urlmap")
                .isSorted();
        assertThat(providers.found()).filteredOn(p -> p.name().equals("urlmap")).singleElement()
                .satisfies(p -> {
                    assertThat(p.protocols()).containsExactly(Protocol.COMPOSITE);
                    assertThat(p.description()).isEqualTo("Dispatches to apps by host and path prefix (Paste's urlmap)");
                });
        assertThat(providers.unusable()).isEmpty();
    }
}
