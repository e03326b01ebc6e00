package dev.spawning.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The showcase's page in a real browser (headless Chromium, driven through its chromedriver): it
 * creates a counter, follows the {@code news} topic live over {@code EventSource}, and renders a
 * greeting page. The page is served by {@code bin/spawn examples/showcase.ini} under the
 * controller; a reload cuts the page's event stream (the draining worker ends it), and the
 * browser resumes with {@code Last-Event-ID} from the new generation without losing or repeating
 * an event.
 */
class ShowcaseBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path ROOT = Path.of(System.getProperty("spawning.root", "..")).toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SERVING_SECOND = Pattern.compile("\"serving_generation\"\\s*:\\s*2\\b");

    @TempDir
    Path temp;

    @Test
    void thePageCountsFollowsTheNewsAcrossAReloadAndRendersAGreeting() throws Exception {
        Path showcase = ROOT.resolve("examples/showcase.ini");
        Path control = temp.resolve("spawn.sock");
        Map<String, String> env = new HashMap<>(Map.of("PORT", "0", "SHOWCASE_DATA", temp.resolve("data").toString()));
        env.put("JAVA_HOME", null);
        List<String> command = List.of("bash", ROOT.resolve("bin/spawn").toString(), "serve", showcase.toString(),
                "--set", "processes=2", "--set", "control=" + control);
        try (JavaProcess spawn = JavaProcess.start(command, env, ROOT)) {
            String line = spawn.nextLine(WAIT);
            assertThat(line).as("stderr: %s", spawn.err()).startsWith("Serving on http://");
            String base = line.substring("Serving on ".length());
            WebDriver browser = chromium();
            try {
                browser.get(base + "/");
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

                browser.findElement(By.id("counter-create")).click();
                wait.until(ExpectedConditions.textToBe(By.id("counter-count"), "0"));
                browser.findElement(By.id("counter-add")).click();
                wait.until(ExpectedConditions.textToBe(By.id("counter-count"), "1"));

                wait.until(ExpectedConditions.textToBe(By.id("news-state"), "live"));
                publish(base, "first");
                wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#news-events li"), 1));

                reload(showcase, control);
                publish(base, "while reconnecting");
                wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#news-events li"), 2));
                wait.until(ExpectedConditions.textToBe(By.id("news-state"), "live"));
                publish(base, "after the reload");
                wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#news-events li"), 3));
                List<WebElement> events = browser.findElements(By.cssSelector("#news-events li"));
                assertThat(events).extracting(WebElement::getText)
                        .containsExactly("first", "while reconnecting", "after the reload");
                assertThat(events).extracting(event -> event.getDomAttribute("data-seq")).containsExactly("1", "2", "3");

                browser.findElement(By.id("greeting-name")).sendKeys("<World>");
                browser.findElement(By.cssSelector("#greeting-form button")).click();
                wait.until(ExpectedConditions.frameToBeAvailableAndSwitchToIt("greeting-page"));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Hello, <World>!"));
            } finally {
                browser.quit();
            }
        }
    }

    private static void publish(String base, String text) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/topics/news"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + text + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    /** {@code spawn ctl reload}, then waits until the new generation serves. */
    private static void reload(Path showcase, Path control) throws Exception {
        assertThat(ctl("reload", showcase.toString(), "--control", control.toString())).isNotNull();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!SERVING_SECOND.matcher(ctl("status", showcase.toString(), "--control", control.toString())).find()) {
            assertThat(System.nanoTime()).as("the reload's new generation serves").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static String ctl(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] command = Stream.concat(Stream.of("ctl"), Stream.of(args)).toArray(String[]::new);
        int status = Spawn.run(command, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as("spawn ctl %s: %s", String.join(" ", args), err).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Headless Chromium through the chromedriver on the PATH (Debian's {@code chromium-driver}). */
    private WebDriver chromium() throws Exception {
        Path driver = onPath("chromedriver").orElseThrow(() -> new AssertionError(
                "The browser test needs chromedriver and Chromium on the PATH; on Debian: apt-get install chromium"
                        + " chromium-driver (.ci/run installs them)"));
        Path browser = onPath("chromium").or(() -> onPath("chromium-browser")).orElseThrow(() -> new AssertionError(
                "The browser test needs Chromium on the PATH; on Debian: apt-get install chromium"));
        ChromeOptions options = new ChromeOptions().setBinary(browser.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--user-data-dir=" + Files.createDirectories(temp.resolve("chromium")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile())
                .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    private static Optional<Path> onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
