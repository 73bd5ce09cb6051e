package org.yizhan.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.config.PinHash;
import org.yizhan.testing.SetClock;

/** The day's report on a hand-made day: every figure worked out by hand beside it. */
class DayReportTest {
    @TempDir
    Path dir;

    @Test
    void aHandMadeDayGivesTheFiguresWorkedOutByHand() throws Exception {
        Files.writeString(dir.resolve(QueuesFile.FILE), QueueFixture.ALL_DAY);
        Files.writeString(dir.resolve(WindowsFile.FILE), "{\"windows\": [{\"id\": \"1\", \"name\": \"1号窗口\", \"pin\": \""
                + PinHash.of("1234") + "\"}]}");
        SetClock clock = new SetClock(SetClock.shanghai("2026-11-30T09:00"));
        QueueService q = QueueService.open(dir, clock);
        try {
            // huji: A001 at 9:00, A002 at 9:01, A003 at 9:02 (voided: paper out); shebao: B001 at 9:03.
            String a1 = q.issue("huji", false, "k").code();
            q.printed(a1);
            clock.advance(Duration.ofMinutes(1));
            q.printed(q.issue("huji", false, "k").code());
            clock.advance(Duration.ofMinutes(1));
            q.voidTicket(q.issue("huji", false, "k").code(), "paper_out");
            clock.advance(Duration.ofMinutes(1));
            q.printed(q.issue("shebao", false, "k").code());
            q.signIn("1", List.of("huji", "shebao"));
            clock.advance(Duration.ofMinutes(7)); // 9:10: A001 called after 10 min, served 4 min
            q.callNext("1");
            q.start("1");
            clock.advance(Duration.ofMinutes(4));
            q.done("1");                          // 9:14: A002 called after 13 min, no-show
            q.callNext("1");
            q.noShow("1");
            clock.advance(Duration.ofMinutes(6)); // 9:20: B001 called after 17 min, served 2 min
            q.callNext("1");
            q.start("1");
            clock.advance(Duration.ofMinutes(2));
            q.done("1");

            DayReport report = q.report(LocalDate.parse("2026-11-30"), WindowsFile.read(dir));
            DayReport.Line huji = report.queues().get(0);
            assertEquals(new DayReport.Line("huji", "户籍", 3, 1, 1, 1, 690L, 780L, 240L, 240L), huji,
                    "waits 600 and 780 s: average 690, p90 780");
            assertEquals(new DayReport.Line("shebao", "社保", 1, 1, 0, 0, 1020L, 1020L, 120L, 120L), report.queues().get(1));
            assertEquals(new DayReport.Line("", "全天", 4, 2, 1, 1, 800L, 1020L, 180L, 240L), report.total());
            assertEquals(List.of(new DayReport.Line("1", "1号窗口", 3, 2, 1, 0, 800L, 1020L, 180L, 240L)), report.windows());
            assertTrue(report.text().contains("11:30"), report.text()); // 690 s
            assertNull(DayReport.p90(List.of()));
            assertEquals(9L, DayReport.p90(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L)));
            assertEquals("—", DayReport.minutes(null));
        } finally {
            q.close();
        }
    }

    @Test
    void thePageEscapesNamesAndTakesADate() throws Exception {
        Files.writeString(dir.resolve(QueuesFile.FILE), QueueFixture.ALL_DAY.replace("\"户籍\"", "\"户籍<b>\""));
        try (QueueFixture hall = new QueueFixture(dir, new SetClock(SetClock.shanghai("2026-11-30T09:00")), null)) {
            hall.take("huji", false);
            QueueFixture.Answer page = hall.get("report?date=2026-11-30");
            assertEquals(200, page.status());
            assertTrue(page.body().contains("户籍&lt;b&gt;") && !page.body().contains("户籍<b>"), page.body());
            assertEquals(400, hall.get("report?date=yesterday").status());
        }
    }
}
