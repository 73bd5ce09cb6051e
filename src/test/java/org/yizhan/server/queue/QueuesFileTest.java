package org.yizhan.server.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yizhan.catalog.CatalogJson;
import org.yizhan.model.Catalog;
import org.yizhan.model.Department;

/** DATA/queues.json: the demo, the defaults, and a one-line error naming the field for each mistake. */
class QueuesFileTest {
    @TempDir
    Path dir;

    private static final String ONE = """
            {"hall": "大厅", "queues": [{"id": "huji", "prefix": "A", "name": "户籍",
              "hours": {"mon-fri": ["08:30-12:00", "14:00-17:30"], "sat": []}, "dailyCap": 10, "location": "A 区"}]}""";

    @Test
    void theDemoIsWrittenOnceAndNamesOnlyTheDemoCatalogsDepartments() throws Exception {
        HallQueues demo = QueuesFile.readOrCreate(dir);
        assertTrue(Files.isRegularFile(dir.resolve("queues.json")));
        assertEquals(ZoneId.of("Asia/Shanghai"), demo.timeZone());
        assertEquals(1, demo.queues().stream().filter(q -> q.services().none()).count(), "one catch-all");
        Catalog catalog;
        try (InputStream in = QueuesFileTest.class.getResourceAsStream("/assets/catalog/demo-catalog.json")) {
            catalog = CatalogJson.read(in);
        }
        Set<String> departments = catalog.departments().stream().map(Department::id).collect(Collectors.toSet());
        for (QueueDefinition q : demo.queues()) {
            assertTrue(departments.containsAll(q.services().departments()), q.id());
        }
        Set<String> led = demo.queues().stream().flatMap(q -> q.services().departments().stream())
                .collect(Collectors.toSet());
        assertEquals(Set.of(), catalog.departments().stream().map(Department::id)
                .filter(d -> !led.contains(d)).filter(d -> !Set.of("jyj", "sfj", "nyncj").contains(d))
                .collect(Collectors.toSet()), "departments that fall to the catch-all");
        Files.writeString(dir.resolve("queues.json"), ONE);
        assertEquals("大厅", QueuesFile.readOrCreate(dir).hall(), "an existing file is kept");
    }

    @Test
    void hoursRangesAndDefaults() throws Exception {
        QueueDefinition q = QueuesFile.parse(ONE.getBytes(StandardCharsets.UTF_8), "q.json").queues().get(0);
        assertEquals("08:30-12:00, 14:00-17:30", q.hours().text(DayOfWeek.WEDNESDAY));
        assertEquals("", q.hours().text(DayOfWeek.SATURDAY));
        assertEquals(OpeningHours.Standing.OPEN, q.hours().standing(DayOfWeek.FRIDAY, LocalTime.of(17, 29)));
        assertEquals(OpeningHours.Standing.CLOSED_FOR_TODAY, q.hours().standing(DayOfWeek.FRIDAY, LocalTime.of(17, 30)));
        assertEquals(OpeningHours.Standing.CLOSED_TODAY, q.hours().standing(DayOfWeek.SUNDAY, LocalTime.NOON));
        assertEquals(false, q.priorityLane());
        assertEquals("", q.description());
        assertEquals("A999", q.number(999));
        assertEquals("A1000", q.number(1000));
        assertEquals("A007", q.number(7));
    }

    @Test
    void theHallSetsHowManyNumbersAKioskGivesAMinute() throws Exception {
        assertEquals(HallQueues.DEFAULT_TICKETS_PER_KIOSK_PER_MINUTE,
                parsed(ONE).ticketsPerKioskPerMinute(), "left out: the default");
        assertEquals(12, parsed(ONE.replace("\"hall\"", "\"ticketsPerKioskPerMinute\": 12, \"hall\"")).ticketsPerKioskPerMinute());
        assertEquals(6, QueuesFile.readOrCreate(dir).ticketsPerKioskPerMinute(), "the demo says it");
    }

    private static HallQueues parsed(String json) throws Exception {
        return QueuesFile.parse(json.getBytes(StandardCharsets.UTF_8), "q.json");
    }

    @Test
    void eachMistakeIsOneLineNamingTheFileAndTheField() {
        assertError("{", "q.json: not valid JSON");
        assertError(ONE.replace("\"hall\": \"大厅\", ", ""), "q.json: hall is missing");
        assertError(ONE.replace("\"hall\"", "\"timeZone\": \"Mars/Base\", \"hall\""), "q.json: timeZone \"Mars/Base\" is not a time zone");
        assertError(ONE.replace("\"hall\"", "\"colour\": 1, \"hall\""), "q.json: colour is not a member");
        assertError(ONE.replace("\"huji\"", "\"Hu Ji\""), "q.json: queues[0].id \"Hu Ji\" must be");
        assertError(ONE.replace("\"A\"", "\"a1\""), "q.json: queues[0].prefix \"a1\" must be");
        assertError(ONE.replace("\"dailyCap\": 10", "\"dailyCap\": 0"), "q.json: queues[0].dailyCap must be a whole number");
        assertError(ONE.replace("\"dailyCap\": 10", "\"dailyCap\": \"10\""), "q.json: queues[0].dailyCap must be");
        assertError(ONE.replace("mon-fri", "fri-mon"), "q.json: queues[0].hours.fri-mon \"fri-mon\" is not a day");
        assertError(ONE.replace("\"sat\": []", "\"fri\": []"), "q.json: queues[0].hours.fri fri is named twice");
        assertError(ONE.replace("08:30-12:00", "8:30-12:00"), "q.json: queues[0].hours.mon-fri[0] must be a period");
        assertError(ONE.replace("08:30-12:00", "12:30-12:00"), "q.json: queues[0].hours.mon-fri[0] \"12:30-12:00\" must start before");
        assertError(ONE.replace("14:00-17:30", "11:00-17:30"), "q.json: queues[0].hours.mon-fri[1] \"11:00-17:30\" starts before");
        assertError(ONE.replace("\"location\": \"A 区\"", "\"location\": \"\""), "q.json: queues[0].location is empty");
        assertError(ONE.replace("\"dailyCap\"", "\"priorityLane\": \"yes\", \"dailyCap\""), "q.json: queues[0].priorityLane must be true or false");
        assertError(ONE.replace("\"dailyCap\"", "\"services\": {\"ids\": [\"x\", \"x\"]}, \"dailyCap\""), "q.json: queues[0].services.ids[1] \"x\" is named twice");
        assertError(ONE.replace("\"closedDates\"", "").replace("\"hall\"", "\"closedDates\": [\"1 Oct\"], \"hall\""), "q.json: closedDates[0] must be a date");
        assertError("{\"hall\": \"h\", \"queues\": []}", "q.json: queues names no queue");
        for (String bad : new String[] {"0", "601", "2.5", "\"6\"", "null"}) {
            assertError(ONE.replace("\"hall\"", "\"ticketsPerKioskPerMinute\": " + bad + ", \"hall\""),
                    "q.json: ticketsPerKioskPerMinute must be a whole number from 1 to 600");
        }
        String twice = ONE.substring(0, ONE.length() - 2) + ", {\"id\": \"b\", \"prefix\": \"A\", \"name\": \"b\", \"hours\": {}, "
                + "\"dailyCap\": 1, \"location\": \"x\"}]}";
        assertError(twice, "q.json: queues[1].prefix \"A\" is the prefix of an earlier queue too");
        assertError(twice.replace("\"prefix\": \"A\", \"name\": \"b\"", "\"prefix\": \"B\", \"name\": \"b\""),
                "q.json: queues[1].services names no service, and so does queue \"huji\"");
    }

    private static void assertError(String json, String start) {
        QueuesFileException e = assertThrows(QueuesFileException.class,
                () -> QueuesFile.parse(json.getBytes(StandardCharsets.UTF_8), "q.json"));
        assertTrue(e.getMessage().startsWith(start), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
