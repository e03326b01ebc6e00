package dev.spawning.examples.pages;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spawning.factory.Request;
import org.junit.jupiter.api.Test;

class HttpFieldsTest {

    private static final String TAG = "\"p-abc\"";

    @Test
    void formatsAnImfFixdateWithATwoDigitDay() {
        assertThat(HttpFields.httpDate(784111777000L)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    }

    @Test
    void ifMatchComparesStronglyAndIfNoneMatchWeakly() {
        assertThat(HttpFields.listsTag(TAG, TAG, true)).isTrue();
        assertThat(HttpFields.listsTag("W/" + TAG, TAG, true)).isFalse();
        assertThat(HttpFields.listsTag("W/" + TAG, TAG, false)).isTrue();
        assertThat(HttpFields.listsTag(" * ", TAG, true)).isTrue();
        assertThat(HttpFields.listsTag("\"x,y\", " + TAG, TAG, true)).isTrue();
        assertThat(HttpFields.listsTag("\"p-abd\"", TAG, false)).isFalse();
        assertThat(HttpFields.listsTag("p-abc", TAG, false)).isFalse();
        assertThat(HttpFields.listsTag("", TAG, false)).isFalse();
    }

    @Test
    void theMostSpecificAcceptRangeGivesTheQuality() {
        assertThat(HttpFields.quality(null, "application/json")).isEqualTo(1);
        assertThat(HttpFields.quality("text/html", "application/json")).isZero();
        assertThat(HttpFields.quality("*/*;q=0.1, application/*;q=0.5", "application/json")).isEqualTo(0.5);
        assertThat(HttpFields.quality("application/*;q=0.5, application/json; Q=0.8", "application/json"))
                .isEqualTo(0.8);
        assertThat(HttpFields.quality("application/json;q=2", "application/json")).isZero();
        assertThat(HttpFields.quality("application/json;q=x", "application/json")).isZero();
    }

    @Test
    void readsTheMediaTypeOfAContentType() {
        assertThat(HttpFields.mediaType(" Application/JSON ; charset=utf-8")).isEqualTo("application/json");
        assertThat(HttpFields.mediaType("text/html")).isEqualTo("text/html");
    }

    @Test
    void rebuildsTheUrlPathFromTheScriptNameAndThePathInfo() {
        Request request = Request.builder().target("/site/p%C3%A9/a%20b%2Fc").build();
        Request mounted = request.withPath("/site", request.pathInfo().substring("/site".length()));

        assertThat(HttpFields.url(mounted)).isEqualTo("/site/p%C3%A9/a%20b/c");
        assertThat(HttpFields.url(Request.builder().target("/x?q=1").build())).isEqualTo("/x");
        assertThat(HttpFields.url(Request.builder().target("/~a-b_c.d!$&'()*+,;=:@").build()))
                .isEqualTo("/~a-b_c.d!$&'()*+,;=:@");
    }
}
