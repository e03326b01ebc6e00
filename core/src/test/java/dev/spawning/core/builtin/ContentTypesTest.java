package dev.spawning.core.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The types {@code service:static} sends, from the table rather than the platform's guess. */
class ContentTypesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            index.html      | text/html; charset=utf-8
            OLD.HTM         | text/html; charset=utf-8
            site.css        | text/css; charset=utf-8
            app.js          | text/javascript; charset=utf-8
            module.mjs      | text/javascript; charset=utf-8
            notes.txt       | text/plain; charset=utf-8
            data.json       | application/json
            app.js.map      | application/json
            feed.xml        | application/xml
            logo.svg        | image/svg+xml
            photo.JPG       | image/jpeg
            icon.png        | image/png
            favicon.ico     | image/vnd.microsoft.icon
            font.woff2      | font/woff2
            module.wasm     | application/wasm
            paper.pdf       | application/pdf
            README          | application/octet-stream
            .htaccess       | application/octet-stream
            archive.tar.xyz | application/octet-stream
            trailing.       | application/octet-stream
            """)
    void givesTheTypeOfTheExtensionOrOctetStream(String name, String type) {
        assertThat(ContentTypes.of(name)).isEqualTo(type);
    }
}
