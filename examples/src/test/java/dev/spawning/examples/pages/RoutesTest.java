package dev.spawning.examples.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoutesTest {

    private final List<Routes.Problem> problems = new ArrayList<>();
    private final Routes routes = Routes.parse(String.join("\n", "",
            "  /greetings/* = greeting  ",
            "",
            "/about = about",
            "/*/edit = editor",
            "/ = home",
            "/docs/*/* = doc.page"), problems);

    @Test
    void readsEveryLineInOrderIgnoringBlankOnesAndSpaces() {
        assertThat(problems).isEmpty();
        assertThat(routes.routes()).extracting(Routes.Route::template)
                .containsExactly("greeting", "about", "editor", "home", "doc.page");
        assertThat(routes.routes().getFirst().line()).isEqualTo("/greetings/* = greeting");
    }

    @ParameterizedTest
    @CsvSource({
        "/greetings/world, greeting",
        "/greetings/a b, greeting",
        "/about, about",
        "/x/edit, editor",
        "/, home",
        "'', home",
        "/docs/a/b, doc.page"})
    void findsTheTemplateOfThePathByTheFirstMatchingLine(String path, String template) {
        assertThat(routes.templateFor(path)).contains(template);
    }

    @ParameterizedTest
    @CsvSource({"/greetings", "/greetings/", "/greetings/a/b", "/greetings/.", "/greetings/..", "/about/",
        "/About", "/docs/a", "/docs//b", "greetings/x", "/nothing-maps-here"})
    void findsNoTemplateForAPathNoLineMatches(String path) {
        assertThat(routes.templateFor(path)).isEmpty();
    }

    @Test
    void theFirstMatchingLineWins() {
        Routes overlapping = Routes.parse("/a/* = star\n/a/b = exact", problems);

        assertThat(overlapping.templateFor("/a/b")).contains("star");
    }

    @Test
    void reportsEachBadLineAndKeepsTheGoodOnes() {
        Routes read = Routes.parse("/ok = fine\nno equals\n/bad* = x\n/y = a/b\n/ok = again", problems);

        assertThat(read.routes()).extracting(Routes.Route::line).containsExactly("/ok = fine");
        assertThat(problems).extracting(Routes.Problem::line)
                .containsExactly("no equals", "/bad* = x", "/y = a/b", "/ok = again");
    }
}
