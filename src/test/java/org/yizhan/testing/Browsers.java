package org.yizhan.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium for the hall's web pages, from Debian's {@code chromium} and {@code chromium-driver} (which
 * {@code .ci/run} installs). Where they are missing a test is skipped, and says so and why.
 */
public final class Browsers {
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/lib/chromium/chromium",
            "/usr/bin/chromium-browser");

    private Browsers() {
    }

    /** A headless Chromium of {@code width}×{@code height}; skips the test when there is none. */
    public static ChromeDriver chromium(int width, int height) {
        Optional<String> driver = DRIVERS.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
        Optional<String> browser = BROWSERS.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
        if (driver.isEmpty() || browser.isEmpty()) {
            String why = "skipped: no headless Chromium here (" + (driver.isEmpty() ? "no chromedriver in " + DRIVERS
                    : "no chromium in " + BROWSERS) + "); install Debian's chromium and chromium-driver, as .ci/run does";
            System.err.println("browser test " + why);
            Assumptions.abort(why);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver.get())).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--autoplay-policy=no-user-gesture-required", "--lang=zh-CN",
                "--force-device-scale-factor=1");
        ChromeDriver chrome = new ChromeDriver(service, options);
        // The page itself at that size, as on the TV or the clerk's screen (the window's size is not the page's).
        chrome.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
        return chrome;
    }

    /** Chromium's own picture of the page, to {@code target/screenshots/NAME.png}. */
    public static Path screenshot(ChromeDriver driver, String name) throws java.io.IOException {
        Path file = Screenshots.dir().resolve(name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }
}
