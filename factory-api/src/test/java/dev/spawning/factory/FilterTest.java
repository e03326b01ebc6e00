package dev.spawning.factory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FilterTest {

    /** A filter that appends its mark to the response text on the way out. */
    private static Filter marking(String mark) {
        return next -> request -> {
            Response inner = next.handle(request);
            return inner.toBuilder().body(((Response.Body.Bytes) inner.body()).text() + mark).build();
        };
    }

    @Test
    void composeAppliesTheInnerFilterFirstAndTheOuterAroundIt() throws Exception {
        App app = request -> Response.text(200, "app");

        App composed = marking("<outer").compose(marking("<inner")).apply(app);

        Response response = composed.handle(Request.builder().build());
        assertThat(((Response.Body.Bytes) response.body()).text()).isEqualTo("app<inner<outer");
    }

    @Test
    void composeIsTheSameAsApplyingOneAfterTheOther() throws Exception {
        App app = request -> Response.text(200, "app");
        Filter outer = marking("1");
        Filter inner = marking("2");

        Response composed = outer.compose(inner).apply(app).handle(Request.builder().build());
        Response nested = outer.apply(inner.apply(app)).handle(Request.builder().build());

        assertThat(composed.body()).isEqualTo(nested.body());
    }
}
