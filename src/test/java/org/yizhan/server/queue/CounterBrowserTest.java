package org.yizhan.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
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
import org.yizhan.server.HallServer;
import org.yizhan.testing.Browsers;

/**
 * The counter page and the calling display in a real browser (headless Chromium): a kiosk takes three numbers
 * through the ticket API, window 3 calls, recalls, marks a no-show and calls the next while the display shows
 * each call within a second; two windows call at once; the server restarts and the display comes back.
 * Queue and window names with markup show as text. Screenshots go to target/screenshots/.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CounterBrowserTest {
    /** Names with markup and quotes: the pages must show them as text. */
    private static final String QUEUES = """
            {"hall": "云溪县政务服务中心", "queues": [
              {"id": "huji", "prefix": "A", "name": "户籍<script>x</script>", "services": {"departments": ["gaj"]},
               "hours": {"mon-sun": ["00:00-24:00"]},
               "dailyCap": 500, "location": "一楼 A 区"},
              {"id": "shebao", "prefix": "B", "name": "社保\\"医保'", "hours": {"mon-sun": ["00:00-24:00"]},
               "dailyCap": 500, "location": "一楼 B 区"}]}
            """;

    @TempDir
    Path dir;
    private HallServer server;
    private final List<WebDriver> drivers = new ArrayList<>();

    private void startServer(int port) throws Exception {
        server = HallServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), dir, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        drivers.forEach(WebDriver::quit);
        if (server != null) {
            server.close();
        }
    }

    private void setUp() throws Exception {
        Files.writeString(dir.resolve("queues.json"), QUEUES);
        Files.writeString(dir.resolve(WindowsFile.FILE), "{\"windows\": ["
                + "{\"id\": \"3\", \"name\": \"3号窗口\", \"pin\": \"" + PinHash.of("314159") + "\"},"
                + "{\"id\": \"5\", \"name\": \"<i>5</i>号窗口\", \"pin\": \"" + PinHash.of("2718") + "\"}]}");
        startServer(0);
    }

    private ChromeDriver browser(int width, int height) {
        ChromeDriver driver = Browsers.chromium(width, height);
        drivers.add(driver);
        return driver;
    }

    private QueueClient kiosk() throws Exception {
        return new QueueClient(HallClient.create(server.baseUri(), new KioskIdentity("kiosk-01", "", "test"))
                .withHallSecret(server.hallSecret()));
    }

    private String issue(QueueClient kiosk, String queue) throws Exception {
        TicketInfo taken = kiosk.take(queue, false);
        return kiosk.printed(taken.code()).number();
    }

    private int recalls() {
        try {
            return server.queues().recentCalls(1).get(0).recalls();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static String text(WebDriver driver, String id) {
        return driver.findElement(By.id(id)).getText();
    }

    private static <T> T await(WebDriver driver, Duration within, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, within, Duration.ofMillis(20)).until(condition);
    }

    private ChromeDriver counter(String window, String pin, String queueId) {
        ChromeDriver page = browser(1280, 900);
        page.get(server.baseUri().resolve("counter").toString());
        await(page, Duration.ofSeconds(10), d -> d.findElement(By.id("sign-in")).isDisplayed()
                && !d.findElements(By.cssSelector("#sign-in-window option")).isEmpty());
        new Select(page.findElement(By.id("sign-in-window"))).selectByValue(window);
        page.findElement(By.id("sign-in-pin")).sendKeys("0000");
        page.findElement(By.id("sign-in-go")).click();
        await(page, Duration.ofSeconds(10), d -> text(d, "sign-in-message").equals("窗口或密码不对。"));
        screenshot(page, "counter-sign-in-" + window);
        page.findElement(By.id("sign-in-pin")).sendKeys(pin);
        page.findElement(By.id("sign-in-go")).click();
        await(page, Duration.ofSeconds(10), d -> d.findElement(By.id("choose")).isDisplayed());
        screenshot(page, "counter-choose-" + window);
        page.findElement(By.cssSelector("#choose-queues input[value='" + queueId + "']")).click();
        page.findElement(By.id("choose-go")).click();
        await(page, Duration.ofSeconds(10), d -> d.findElement(By.id("work")).isDisplayed());
        return page;
    }

    private static void screenshot(ChromeDriver page, String name) {
        try {
            Browsers.screenshot(page, name);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aClerkCallsAndTheDisplayShowsEachCallWithinASecond() throws Exception {
        setUp();
        QueueClient kiosk = kiosk();
        List<String> numbers = List.of(issue(kiosk, "huji"), issue(kiosk, "huji"), issue(kiosk, "huji"));
        ChromeDriver display = browser(1920, 1080);
        display.get(server.baseUri().resolve("display").toString());
        await(display, Duration.ofSeconds(10), d -> text(d, "waiting").contains("等候"));
        assertTrue(text(display, "waiting").contains("户籍<script>x</script> 等候 3 人"), text(display, "waiting"));
        assertTrue(text(display, "waiting").contains("社保\"医保' 等候 0 人"), text(display, "waiting"));

        ChromeDriver clerk = counter("3", "314159", "huji");
        assertEquals("3号窗口", text(clerk, "window-name"));
        await(clerk, Duration.ofSeconds(5), d -> text(d, "waiting").contains("3 人"));
        Browsers.screenshot(clerk, "counter-ready");

        clerk.findElement(By.id("call-next")).click();
        await(clerk, Duration.ofSeconds(5), d -> text(d, "ticket-number").equals(numbers.get(0)));
        long called = System.nanoTime();
        await(display, Duration.ofSeconds(1), d -> text(d, "latest-number").equals(numbers.get(0)));
        long shownMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - called);
        assertEquals("3号窗口", text(display, "latest-window"));
        assertEquals("请 " + numbers.get(0) + " 号 到 3号窗口 办理", text(display, "latest-text"),
                "what is announced is on the screen too");
        await(clerk, Duration.ofSeconds(5), d -> text(d, "ticket-since").startsWith("已等候 00:0"));
        Browsers.screenshot(clerk, "counter-called");
        Browsers.screenshot(display, "display-call");

        clerk.findElement(By.id("recall")).click();
        await(clerk, Duration.ofSeconds(5), d -> recalls() == 1);
        clerk.findElement(By.tagName("body")).sendKeys("x"); // 过号 by its shortcut
        await(clerk, Duration.ofSeconds(5), d -> text(d, "ticket-number").equals("—"));
        clerk.findElement(By.tagName("body")).sendKeys("n"); // 叫号
        await(clerk, Duration.ofSeconds(5), d -> text(d, "ticket-number").equals(numbers.get(1)));
        await(display, Duration.ofSeconds(1), d -> text(d, "latest-number").equals(numbers.get(1)));
        await(display, Duration.ofSeconds(2), d -> text(d, "calls").contains(numbers.get(0)));
        clerk.findElement(By.id("start")).click();
        await(clerk, Duration.ofSeconds(5), d -> text(d, "ticket-detail").contains("正在办理"));
        Browsers.screenshot(clerk, "counter-serving");
        clerk.findElement(By.id("done")).click();
        await(clerk, Duration.ofSeconds(5), d -> text(d, "ticket-number").equals("—"));
        clerk.findElement(By.id("pause")).click();
        await(clerk, Duration.ofSeconds(5), d -> d.findElement(By.id("call-next")).getAttribute("disabled") != null
                && text(d, "pause").startsWith("恢复"));
        Browsers.screenshot(clerk, "counter-paused");
        await(display, Duration.ofSeconds(2), d -> text(d, "waiting").contains("户籍<script>x</script> 等候 1 人"));
        Browsers.screenshot(display, "display-after");
        assertFalse(display.getPageSource().contains("<script>x</script>"), "the name went in as text, escaped");
        System.out.println("CounterBrowserTest: a call reached the display " + shownMillis + " ms after the clerk's page had it");
    }

    @Test
    void twoWindowsPressingAtOnceGetDifferentNumbers() throws Exception {
        setUp();
        QueueClient kiosk = kiosk();
        for (int i = 0; i < 4; i++) {
            issue(kiosk, "shebao");
        }
        ChromeDriver three = counter("3", "314159", "shebao");
        ChromeDriver five = counter("5", "2718", "shebao");
        assertEquals("<i>5</i>号窗口", text(five, "window-name"), "a window's name as text");
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> clicks = new ArrayList<>();
        for (ChromeDriver page : List.of(three, five)) {
            Thread click = new Thread(() -> {
                try {
                    go.await();
                    page.executeScript("document.getElementById('call-next').click()");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            click.start();
            clicks.add(click);
        }
        go.countDown();
        for (Thread click : clicks) {
            click.join(10_000);
        }
        String a = await(three, Duration.ofSeconds(5), d -> text(d, "ticket-number").startsWith("B") ? text(d, "ticket-number") : null);
        String b = await(five, Duration.ofSeconds(5), d -> text(d, "ticket-number").startsWith("B") ? text(d, "ticket-number") : null);
        assertNotEquals(a, b);
    }

    @Test
    void aClickWhoseAnswerIsLostIsSentAgainAndCallsOneNumber() throws Exception {
        setUp();
        QueueClient kiosk = kiosk();
        String first = issue(kiosk, "huji");
        issue(kiosk, "huji");
        ChromeDriver clerk = counter("3", "314159", "huji");
        // The network drops the first answer to 叫号 after the server has acted on it.
        clerk.executeScript("""
                const real = window.fetch; let lose = 1; window.posts = 0;
                window.fetch = async (url, options) => {
                  if (String(url).includes('/counter/action/call-next')) window.posts++;
                  const answer = await real(url, options);
                  if (String(url).includes('/counter/action/call-next') && lose-- > 0) throw new TypeError('network');
                  return answer;
                };""");
        clerk.findElement(By.id("call-next")).click();
        await(clerk, Duration.ofSeconds(10), d -> Long.valueOf(2).equals(clerk.executeScript("return window.posts"))
                && d.findElement(By.id("link")).getAttribute("hidden") != null);
        await(clerk, Duration.ofSeconds(5), d -> text(d, "ticket-number").equals(first));
        assertEquals(1, server.queues().counterView("3").queues().get(0).waiting(), "one number called, not two");
        assertEquals("", text(clerk, "work-message"), "the repeat was answered as the first (a new call would be refused: "
                + "the window is busy)");
        assertEquals(1, server.queues().recentCalls(5).size());
    }

    @Test
    void theDisplayComesBackAfterTheServerRestarts() throws Exception {
        setUp();
        QueueClient kiosk = kiosk();
        String first = issue(kiosk, "huji");
        issue(kiosk, "huji");
        ChromeDriver display = browser(1920, 1080);
        display.get(server.baseUri().resolve("display").toString());
        await(display, Duration.ofSeconds(10), d -> text(d, "waiting").contains("等候 2 人"));
        int port = server.port();
        server.close();
        await(display, Duration.ofSeconds(10), d -> d.findElement(By.id("link")).isDisplayed());
        Browsers.screenshot(display, "display-link-lost");
        startServer(port);
        server.queues().signIn("3", List.of("huji"));
        await(display, Duration.ofSeconds(15), d -> !d.findElement(By.id("link")).isDisplayed());
        String called = server.queues().callNext("3").orElseThrow().number();
        assertEquals(first, called);
        await(display, Duration.ofSeconds(2), d -> text(d, "latest-number").equals(called));
        await(display, Duration.ofSeconds(2), d -> text(d, "waiting").contains("等候 1 人"));
    }
}
