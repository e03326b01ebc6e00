package dev.spawning.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OriginTest {

    @Test
    void errorPrefixNamesTheFileAndLine() {
        assertThat(new Origin("/srv/app.ini", 9).errorPrefix()).isEqualTo("Error in file /srv/app.ini: line 9: ");
    }

    @Test
    void errorPrefixNamesOnlyTheFileWhenTheLineIsUnknown() {
        assertThat(new Origin("/srv/app.yaml", 0).errorPrefix()).isEqualTo("Error in file /srv/app.yaml: ");
    }

    @Test
    void toStringIsFileColonLine() {
        assertThat(new Origin("app.ini", 3)).hasToString("app.ini:3");
        assertThat(new Origin("app.ini", 0)).hasToString("app.ini");
    }

    @Test
    void aFileIsRequired() {
        assertThatThrownBy(() -> new Origin(null, 1)).isInstanceOf(NullPointerException.class).hasMessage("file");
    }
}
