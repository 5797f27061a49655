package dev.catena.traceviewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Opens generated pages in the system's headless Chromium (never a downloaded one): the driver and
 * browser paths are set explicitly, so Selenium Manager has nothing to look up. Skipped, saying so,
 * only when no Chromium and chromedriver are installed.
 */
class TraceViewerBrowserTest {

    private static final Path TARGET = Path.of("target");

    @TempDir
    Path dir;

    private ChromeDriver driver;

    private static Optional<Path> firstExisting(String env, String... candidates) {
        return Stream.concat(Stream.ofNullable(System.getenv(env)), Stream.of(candidates))
                .map(Path::of).filter(Files::isExecutable).findFirst();
    }

    @BeforeEach
    void startChromium() throws Exception {
        Optional<Path> chromium = firstExisting("CHROME_BIN", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        Optional<Path> chromedriver = firstExisting("CHROMEDRIVER", "/usr/bin/chromedriver");
        Assumptions.assumeTrue(chromium.isPresent() && chromedriver.isPresent(),
                "browser test skipped: no Chromium and chromedriver found (install the chromium and chromium-driver "
                        + "packages, or set CHROME_BIN and CHROMEDRIVER)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,900",
                "--user-data-dir=" + Files.createDirectory(dir.resolve("chromium-profile")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(chromedriver.get().toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        Files.createDirectories(TARGET);
    }

    @AfterEach
    void stopChromium() {
        if (driver != null) {
            driver.quit();
        }
    }

    /** The names of the rows in the page, read in one script call so a redraw cannot interleave. */
    @SuppressWarnings("unchecked")
    private List<String> rowNames() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('#spacer .row .name')).map(function (e) { return e.textContent; });");
    }

    /** The row of a run; the page redraws rows as it scrolls, so a row found just before a redraw is looked up again. */
    private WebElement row(String name) {
        return waiting().ignoring(StaleElementReferenceException.class).until(d -> d.findElements(By.cssSelector("#spacer .row")).stream()
                .filter(r -> r.findElement(By.className("name")).getText().equals(name)).findFirst().orElse(null));
    }

    private void click(String name) {
        waiting().ignoring(StaleElementReferenceException.class).until(d -> {
            row(name).click();
            return true;
        });
    }

    private void toggle(String name) {
        waiting().ignoring(StaleElementReferenceException.class).until(d -> {
            row(name).findElement(By.className("toggle")).click();
            return true;
        });
    }

    private String runId(String name) {
        return waiting().ignoring(StaleElementReferenceException.class).until(d -> row(name).getAttribute("data-run-id"));
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    @Test
    void showsTheTreeExpandsARunFiltersAndSearches() throws Exception {
        Path page = TracePage.write(SampleTraces.write(dir.resolve("runs.jsonl"), true), dir.resolve("runs.html"));
        driver.get(page.toUri().toString());

        assertThat(rowNames()).containsExactly("Sequence", "docs", "prompt", "ScriptedChat", "weather");
        assertThat(driver.findElement(By.id("totals")).getText()).contains("5 runs", "1500 total", "cost: $0.004800");

        click("ScriptedChat");
        WebElement details = driver.findElement(By.id("run-details"));
        assertThat(details.getText()).contains("chat_model", "1200 in, 300 out, 1500 total", "$0.004800",
                "ASSISTANT", SampleTraces.HOSTILE + " The capital is Paris.");
        // The hostile output was shown as text: no script ran and no element was made from it.
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__owned === undefined")).isEqualTo(true);
        assertThat(driver.findElements(By.cssSelector("#details img, #details script"))).isEmpty();
        assertThat(driver.getCurrentUrl()).endsWith("#run=" + runId("ScriptedChat"));
        Files.write(TARGET.resolve("trace-viewer.png"), driver.getScreenshotAs(OutputType.BYTES));

        click("docs");
        assertThat(driver.findElement(By.id("run-details")).getText()).contains("score: 0.91", "Paris is the capital of France.");

        toggle("Sequence");
        assertThat(rowNames()).containsExactly("Sequence", "weather");

        new Select(driver.findElement(By.id("kind-filter"))).selectByValue("tool");
        assertThat(rowNames()).containsExactly("weather");
        click("weather");
        assertThat(driver.findElement(By.id("run-details")).getText())
                .contains("status", "error", "ToolExecutionException", "Arguments", "{\"city\":\"Atlantis\"}",
                        "</script><script>window.__owned=1</script>");
        assertThat(((JavascriptExecutor) driver).executeScript("return window.__owned === undefined")).isEqualTo(true);

        new Select(driver.findElement(By.id("kind-filter"))).selectByValue("");
        driver.findElement(By.id("search")).sendKeys("ATLANTIS");
        waiting().until(d -> rowNames().size() == 1);
        assertThat(rowNames()).containsExactly("weather");
        driver.findElement(By.id("search")).clear();
        driver.findElement(By.id("search")).sendKeys("lyon is in");
        waiting().until(d -> rowNames().size() == 2);
        assertThat(rowNames()).as("documents are searched too: the retriever's output, the prompt's input")
                .containsExactly("docs", "prompt");
    }

    @Test
    void opensTheRunNamedInTheAddress() throws Exception {
        Path page = TracePage.write(SampleTraces.write(dir.resolve("runs.jsonl"), true), dir.resolve("runs.html"));
        driver.get(page.toUri().toString());
        String weather = runId("weather");
        driver.get(page.toUri() + "#run=" + weather);
        driver.navigate().refresh();
        waiting().until(d -> !d.findElements(By.id("run-details")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("#run-details h2")).getText()).isEqualTo("weather");
        String classes = waiting().ignoring(StaleElementReferenceException.class).until(d -> row("weather").getAttribute("class"));
        assertThat(classes).contains("selected");
    }

    @Test
    void tenThousandRunsOpenWithOnlyTheVisibleRowsInThePage() throws Exception {
        Path trace = SampleTraces.many(dir.resolve("big.jsonl"), 1000);
        long t0 = System.nanoTime();
        Path page = TracePage.write(trace, dir.resolve("big.html"));
        long generated = System.nanoTime();
        driver.get(page.toUri().toString());
        waiting().until(d -> !rowNames().isEmpty());
        long opened = System.nanoTime();
        System.out.printf("10,000 runs: page of %.1f MB generated in %d ms, opened in Chromium in %d ms%n",
                Files.size(page) / 1e6, (generated - t0) / 1_000_000, (opened - generated) / 1_000_000);

        assertThat(driver.findElement(By.id("count")).getText()).isEqualTo("10000 of 10000 runs shown");
        int rendered = driver.findElements(By.cssSelector("#spacer .row")).size();
        assertThat(rendered).as("rows in the DOM").isBetween(10, 120);

        long s0 = System.nanoTime();
        ((JavascriptExecutor) driver).executeScript("var l = document.getElementById('list'); l.scrollTop = l.scrollHeight;");
        waiting().until(d -> rowNames().contains("chain-999"));
        System.out.printf("10,000 runs: scrolled to the end in %d ms%n", (System.nanoTime() - s0) / 1_000_000);
        assertThat(driver.findElements(By.cssSelector("#spacer .row")).size()).isBetween(10, 120);
        Files.write(TARGET.resolve("trace-viewer-10000.png"), driver.getScreenshotAs(OutputType.BYTES));

        new Select(driver.findElement(By.id("kind-filter"))).selectByValue("chat_model");
        assertThat(driver.findElement(By.id("count")).getText()).isEqualTo("1000 of 10000 runs shown");
    }

    @Test
    void theLivePagePicksUpNewRuns() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("traces"));
        SampleTraces.write(folder.resolve("app.jsonl"), true);
        try (TraceServer server = TraceServer.start(folder, 0)) {
            driver.get(server.url());
            assertThat(rowNames()).hasSize(5);
            assertThat(driver.findElement(By.id("live")).getText()).contains("live");
            SampleTraces.write(folder.resolve("app.jsonl"), false);
            waiting().until(d -> rowNames().size() == 10);
            assertThat(driver.findElement(By.id("totals")).getText()).contains("10 runs", "cost: unknown");
        }
    }
}
