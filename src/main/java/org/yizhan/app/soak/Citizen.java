package org.yizhan.app.soak;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.yizhan.app.Kiosk;
import org.yizhan.ui.Destination;
import org.yizhan.ui.Messages;

/**
 * One citizen after another at the kiosk, through its screens only: browse a theme and open a guide, go back; search by
 * typing pinyin on the on-screen keyboard and open a hit; take a number (from the guide's 取号办理, or the 取号 tile); look
 * up one of the demo cases with its right check; walk away until the idle reset takes the kiosk home. Each session
 * picks its theme, service, query, queue and case from its number, so sessions vary and a run repeats.
 */
final class Citizen {
    /** What citizens type: mostly a few initials (sfz 身份证, hk 户口, gjj 公积金 …), sometimes the whole pinyin. */
    private static final List<String> QUERIES = List.of("sfz", "hk", "jh", "sb", "yb", "gjj", "jsz", "hz", "yyzz", "db",
            "cj", "tx", "bdc", "jzz", "gs", "hukou", "jiehun", "shebao", "huzhao", "gongjijin");
    /** The demo cases (assets/status/demo-cases.jsonl) with their right checks: the last digits the applicant gave. */
    private static final List<String[]> CASES = List.of(new String[] {"YX2026112300123", "1234"},
            new String[] {"YX2026111800456", "12345X"}, new String[] {"YX2026112000789", "5678"},
            new String[] {"YX2026110200321", "4321"}, new String[] {"YX2026111000555", "060011"});
    /** A citizen reads, thinks and reaches for the next button. */
    private static final Duration PER_TAP = Duration.ofSeconds(2);

    /** The session could not go on: a screen it waited for did not come. */
    private static final class Lost extends Exception {
        Lost(String what) {
            super(what, null, false, false);
        }
    }

    private final Kiosk kiosk;
    private final SceneDriver screen;
    private final SoakClock clock;
    private final ClockedTasks tasks;
    private final SoakErrors errors;
    private final Duration idleTimeout;
    private final Duration elderIdleTimeout;
    private final Set<String> refusalsThatAreErrors;
    private final Set<String> visited = new TreeSet<>();
    private int tickets;
    private int refused;
    private int lookups;

    Citizen(Kiosk kiosk, SceneDriver screen, SoakClock clock, ClockedTasks tasks, SoakErrors errors,
            Duration idleTimeout, Duration elderIdleTimeout, Messages messages) {
        this.kiosk = kiosk;
        this.screen = screen;
        this.clock = clock;
        this.tasks = tasks;
        this.errors = errors;
        this.idleTimeout = idleTimeout;
        this.elderIdleTimeout = elderIdleTimeout;
        // A hall server the kiosk cannot reach is a failure here, where the server is in the same process.
        // In every language: some citizens switch to 繁體 or English.
        Set<String> errorsSaid = new java.util.HashSet<>();
        for (org.yizhan.config.UiLanguage l : org.yizhan.config.UiLanguage.values()) {
            Messages m = new Messages(l);
            errorsSaid.add(m.get("queue.unreachable"));
            errorsSaid.add(m.get("queue.unavailable.noServer"));
        }
        this.refusalsThatAreErrors = Set.copyOf(errorsSaid);
    }

    void session(int n) throws Exception {
        Random r = new Random(n);
        clock.toOpeningHours();
        try {
            expect("#home", "home");
            if (n % 7 == 0) {
                tap("#elder-button");
            }
            // One in five reads 繁體, one in five English; the idle reset brings 简体 back for the next.
            if (n % 5 == 2) {
                tap("#language-zh-Hant");
            } else if (n % 5 == 4) {
                tap("#language-en");
            }
            browse(r);
            searchAndTakeANumber(r);
            lookUp(r);
        } catch (Lost lost) {
            errors.add("session " + n + ": " + lost.getMessage() + " (at " + SceneDriver.fx(() -> kiosk.shell().current()) + ")");
        }
        walkAway(n, n % 7 == 0 ? elderIdleTimeout : idleTimeout);
    }

    private void browse(Random r) throws Exception {
        tap("#tile-guide");
        expect("#browse", "browse");
        tap("#" + pick(r, screen.ids(".card-button"), "a theme"));
        expect("#services", "services");
        List<String> services = screen.ids(".service-row");
        if (!services.isEmpty()) {
            tap("#" + pick(r, services, "a service"));
            expect("#guide", "guide");
            tap("#back-button");
            expect("#services", "services");
        }
        tap("#home-button");
        expect("#home", "home");
    }

    private void searchAndTakeANumber(Random r) throws Exception {
        tap("#tile-search");
        expect("#search", "search");
        String query = QUERIES.get(r.nextInt(QUERIES.size()));
        type(query);
        List<String> hits = screen.ids(".service-row").stream().filter(id -> id.startsWith("hit-")).toList();
        if (hits.isEmpty()) {
            throw new Lost("no hit for \"" + query + "\"");
        }
        tap("#" + hits.get(r.nextInt(Math.min(5, hits.size()))));
        expect("#guide", "guide");
        if (screen.present("#guide-take-number")) {
            tap("#guide-take-number");
        } else {
            tap("#home-button");
            expect("#home", "home");
            tap("#tile-queue");
            expect("#queue", "queue");
            tap("#" + pick(r, screen.ids(".queue-tile"), "a queue"));
        }
        expect("#queue", "queue");
        boolean said = screen.text("#queue-message").filter(t -> !t.isBlank()).isPresent() || screen.present("#queue-failed");
        if (!screen.present("#queue-take") && !said) {
            tap("#" + pick(r, screen.ids(".queue-tile"), "a queue")); // no queue serves this service: the citizen picks one
        }
        if (screen.present("#queue-take")) {
            tap("#queue-take");
            if (screen.present("#queue-ticket")) {
                visited.add("ticket");
                tickets++;
            } else {
                refusedCalmly(screen.text("#queue-failed"));
            }
        } else {
            refusedCalmly(said("#queue-message", "#queue-failed"));
        }
        tap("#home-button");
        expect("#home", "home");
    }

    /** A queue closed, its cap reached, too many numbers this minute: said on screen, not an error. */
    private void refusedCalmly(Optional<String> said) throws Lost {
        if (said.isEmpty() || said.get().isBlank() || refusalsThatAreErrors.contains(said.get())) {
            throw new Lost("no number and no calm refusal" + said.map(s -> ": " + s).orElse(""));
        }
        refused++;
    }

    private void lookUp(Random r) throws Exception {
        String[] c = CASES.get(r.nextInt(CASES.size()));
        tap("#tile-status");
        expect("#status-number", "status");
        type(c[0]);
        tap("#status-next");
        expect("#status-check", "status check");
        type(c[1]);
        tap("#status-next");
        if (!screen.present("#status-timeline")) {
            throw new Lost("no answer for " + c[0] + ": "
                    + said("#status-not-found", "#status-too-many", "#status-failed").orElse("nothing"));
        }
        visited.add("status answer");
        lookups++;
    }

    /** Leaves whatever is on screen; the clock passes the idle timeout, and the reset must bring the kiosk home. */
    private void walkAway(int n, Duration timeout) throws Exception {
        clock.advance(timeout.plusSeconds(1));
        tasks.runDue();
        screen.settle();
        SceneDriver.fx(() -> {
            kiosk.shell().checkIdle(); // what the idle ticker does four times a second
            return null;
        });
        screen.settle();
        if (!(SceneDriver.fx(() -> kiosk.shell().current()) instanceof Destination.Home)) {
            errors.add("session " + n + ": the idle reset did not go home");
            SceneDriver.fx(() -> {
                kiosk.shell().home();
                return null;
            });
            screen.settle();
        }
    }

    /** The first of these labels shown with a text. */
    private Optional<String> said(String... selectors) throws Exception {
        for (String selector : selectors) {
            Optional<String> text = screen.text(selector).filter(t -> !t.isBlank());
            if (text.isPresent()) {
                return text;
            }
        }
        return Optional.empty();
    }

    private void type(String text) throws Exception {
        for (char c : text.toLowerCase().toCharArray()) {
            tap("#key-" + c);
        }
    }

    private void tap(String selector) throws Exception {
        clock.advance(PER_TAP);
        if (!screen.tap(selector)) {
            throw new Lost(selector + " not on screen");
        }
    }

    private void expect(String selector, String name) throws Exception {
        if (!screen.present(selector)) {
            throw new Lost(name + " (" + selector + ") not reached");
        }
        visited.add(name);
    }

    private static String pick(Random r, List<String> ids, String what) throws Lost {
        if (ids.isEmpty()) {
            throw new Lost("no " + what + " to choose");
        }
        return ids.get(r.nextInt(ids.size()));
    }

    Set<String> visited() {
        return Set.copyOf(visited);
    }

    int tickets() {
        return tickets;
    }

    int refused() {
        return refused;
    }

    int lookups() {
        return lookups;
    }
}
