package org.yizhan.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.yizhan.config.PinHash;
import org.yizhan.hall.HallClient;
import org.yizhan.hall.KioskIdentity;
import org.yizhan.queue.QueueClient;
import org.yizhan.queue.TicketInfo;
import org.yizhan.server.queue.HallSecret;
import org.yizhan.testing.Browsers;

/**
 * A county's hall b in a real browser (headless Chromium): its counter page and display under /halls/b/ sign in,
 * call and show its own numbers only, with their files, font and event stream from under the same prefix.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class MultiHallBrowserTest {
    @TempDir
    Path data;
    private HallServer server;
    private final List<WebDriver> drivers = new ArrayList<>();

    @AfterEach
    void stop() {
        drivers.forEach(WebDriver::quit);
        if (server != null) {
            server.close();
        }
    }

    private static void hall(Path dir, String name, String pin) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("queues.json"), MultiHallTest.queues(name));
        Files.writeString(dir.resolve("windows.json"), "{\"windows\": [{\"id\": \"3\", \"name\": \"3号窗口\", \"pin\": \""
                + PinHash.of(pin) + "\"}]}");
    }

    private QueueClient kiosk(String hall) throws Exception {
        return new QueueClient(HallClient.create(server.baseUri(), new KioskIdentity("kiosk-" + hall, hall, "test"))
                .withHallSecret(HallSecret.read(data.resolve("halls/" + hall + "/hall.secret"))));
    }

    private static String issue(QueueClient kiosk) throws Exception {
        TicketInfo taken = kiosk.take("huji", false);
        return kiosk.printed(taken.code()).number();
    }

    private ChromeDriver browser(int width, int height) {
        ChromeDriver driver = Browsers.chromium(width, height);
        drivers.add(driver);
        return driver;
    }

    private static String text(WebDriver driver, String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private static <T> T await(WebDriver driver, Duration within, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, within, Duration.ofMillis(20)).until(condition);
    }

    @Test
    void hallBsCounterAndDisplayWorkUnderItsPrefixAndShowItsNumbersOnly() throws Exception {
        hall(data.resolve("halls/a"), "甲镇便民服务中心", "314159");
        hall(data.resolve("halls/b"), "乙镇便民服务中心", "271828");
        server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), data, Clock.systemUTC());
        QueueClient kioskA = kiosk("a");
        QueueClient kioskB = kiosk("b");
        String firstA = issue(kioskA);
        issue(kioskA);
        issue(kioskA);
        String firstB = issue(kioskB);
        issue(kioskB);

        ChromeDriver display = browser(1920, 1080);
        display.get(server.baseUri().resolve("halls/b/display").toString());
        await(display, Duration.ofSeconds(10), d -> text(d, "waiting").contains("等候"));
        assertEquals("乙镇便民服务中心", text(display, "hall"));
        assertTrue(text(display, "waiting").contains("户籍 等候 2 人"), text(display, "waiting"));

        ChromeDriver clerk = browser(1280, 900);
        clerk.get(server.baseUri().resolve("halls/b/counter").toString());
        await(clerk, Duration.ofSeconds(10), d -> d.findElement(By.id("sign-in")).isDisplayed()
                && !d.findElements(By.cssSelector("#sign-in-window option")).isEmpty());
        new Select(clerk.findElement(By.id("sign-in-window"))).selectByValue("3");
        clerk.findElement(By.id("sign-in-pin")).sendKeys("314159"); // hall a's PIN of its window 3
        clerk.findElement(By.id("sign-in-go")).click();
        await(clerk, Duration.ofSeconds(10), d -> text(d, "sign-in-message").equals("窗口或密码不对。"));
        clerk.findElement(By.id("sign-in-pin")).clear();
        clerk.findElement(By.id("sign-in-pin")).sendKeys("271828");
        clerk.findElement(By.id("sign-in-go")).click();
        await(clerk, Duration.ofSeconds(10), d -> d.findElement(By.id("choose")).isDisplayed());
        clerk.findElement(By.cssSelector("#choose-queues input[value='huji']")).click();
        clerk.findElement(By.id("choose-go")).click();
        await(clerk, Duration.ofSeconds(10), d -> d.findElement(By.id("work")).isDisplayed());
        await(clerk, Duration.ofSeconds(5), d -> text(d, "waiting").contains("2 人"));

        clerk.findElement(By.id("call-next")).click();
        await(clerk, Duration.ofSeconds(5), d -> text(d, "ticket-number").equals(firstB));
        await(display, Duration.ofSeconds(1), d -> text(d, "latest-number").equals(firstB));
        await(display, Duration.ofSeconds(2), d -> text(d, "waiting").contains("户籍 等候 1 人"));
        Browsers.screenshot(display, "display-hall-b");
        Browsers.screenshot(clerk, "counter-hall-b");
        assertEquals(0, server.halls().added("a").orElseThrow().queues().recentCalls(5).size(), "hall a called nothing");
        assertFalse(text(display, "calls").contains(firstA));
        await(display, Duration.ofSeconds(5), d -> String.valueOf(((ChromeDriver) d).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name).join(' ')"))
                .contains("/halls/b/web/noto-sans-sc"));
        String resources = String.valueOf(display.executeScript(
                "return performance.getEntriesByType('resource').map(e => new URL(e.name).pathname).join(' ')"));
        for (String path : resources.split(" ")) {
            // The browser asks for /favicon.ico of its own accord; the pages never do.
            assertTrue(path.startsWith("/halls/b/") || path.equals("/favicon.ico"), "every request of the page stays in its hall: " + resources);
        }
    }
}
