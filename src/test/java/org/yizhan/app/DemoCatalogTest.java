package org.yizhan.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yizhan.model.Audience;
import org.yizhan.model.Catalog;
import org.yizhan.model.Service;
import org.yizhan.model.Step;

/** The demo catalog is the product's first impression: every service written in full and consistent. */
class DemoCatalogTest {

    private final Catalog demo = CatalogStartup.demo();

    @Test
    void isMarkedAsSampleAndBigEnough() {
        assertTrue(demo.sample());
        assertTrue(demo.services().size() >= 40, "services: " + demo.services().size());
        assertTrue(demo.services().stream().anyMatch(s -> s.isFor(Audience.PERSON)));
        assertTrue(demo.services().stream().anyMatch(s -> s.isFor(Audience.LEGAL)));
        assertTrue(demo.services().stream().filter(s -> !s.variants().isEmpty()).count() >= 15);
    }

    @Test
    void everyServiceHasEveryFieldFilled() {
        List<String> gaps = new ArrayList<>();
        for (Service s : demo.services()) {
            String n = s.id() + " " + s.name() + ": ";
            if (s.code().isBlank() || s.type().isBlank() || s.level().isBlank()) {
                gaps.add(n + "identity");
            }
            if (s.themeIds().isEmpty() || s.keywords().isEmpty()) {
                gaps.add(n + "themes/keywords");
            }
            if (s.acceptConditions().isBlank()) {
                gaps.add(n + "acceptConditions");
            }
            if (s.materials().size() < 2 || s.steps().size() < 3) {
                gaps.add(n + "materials/steps");
            }
            if (s.legalTimeLimit() == null || s.promisedTimeLimit() == null) {
                gaps.add(n + "time limits");
            }
            var l = s.location();
            if (l.hall().isBlank() || l.address().isBlank() || l.window().isBlank() || l.hours().isBlank()) {
                gaps.add(n + "location");
            }
            if (s.consultPhone().isBlank() || s.complaintPhone().isBlank() || s.consultPhone().equals(s.complaintPhone())) {
                gaps.add(n + "phones");
            }
            if (s.legalBasis().isEmpty() || s.visits() == null || s.onlineUrl().isBlank() || s.faq().isEmpty()) {
                gaps.add(n + "basis/visits/url/faq");
            }
            if (s.fee().charged() && s.fee().standard().isBlank()) {
                gaps.add(n + "fee standard");
            }
        }
        assertEquals(List.of(), gaps);
    }

    @Test
    void timeLimitsAreConsistent() {
        List<String> wrong = new ArrayList<>();
        for (Service s : demo.services()) {
            var legal = s.legalTimeLimit();
            var promised = s.promisedTimeLimit();
            if (legal.unit() == promised.unit() && promised.value() > legal.value()) {
                wrong.add(s.name() + ": promised " + promised + " > legal " + legal);
            }
            int stepDays = s.steps().stream().map(Step::timeLimit).filter(t -> t != null && t.unit() == promised.unit())
                    .mapToInt(t -> t.value()).sum();
            if (stepDays > promised.value() && !promised.immediate()) {
                wrong.add(s.name() + ": steps add up to " + stepDays + " > promised " + promised);
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyThemeIdIsANationalTheme() {
        for (Service s : demo.services()) {
            for (String t : s.themeIds()) {
                var theme = demo.themes().stream().filter(x -> x.id().equals(t)).findFirst().orElse(null);
                assertNotNull(theme, s.name() + " → " + t);
                assertFalse(theme.code().isBlank());
            }
        }
    }
}
