package org.yizhan.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import java.security.PublicKey;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.yizhan.catalog.InstalledCatalog;
import org.yizhan.catalog.bundle.Ed25519Keys;

/** Every branch of the rule, without a server. */
class PublisherRuleTest {
    private static final PublicKey TRUSTED = Ed25519Keys.generate().getPublic();
    private static final String TRUSTED_ID = Ed25519Keys.keyId(TRUSTED);
    private static final String OTHER_ID = "0123456789abcdef";
    private static final SyncSettings HALL = SyncSettings.of(URI.create("http://hall/"), TRUSTED, "");
    private static final SyncSettings EMBEDDED = HALL.asDemoSource();

    private static InstalledCatalog real(String publisher) {
        return new InstalledCatalog(202611300000L, false, Optional.ofNullable(publisher));
    }

    private static InstalledCatalog sample(String publisher) {
        return new InstalledCatalog(1, true, Optional.ofNullable(publisher));
    }

    private static PublisherRule.Verdict judge(InstalledCatalog held, SyncSettings settings) {
        return PublisherRule.judge(Optional.ofNullable(held), held == null ? Optional.empty() : held.publisher(), settings);
    }

    @Test
    void anEmptyCacheTakesAnyVersionFromAnySource() {
        assertInstanceOf(PublisherRule.AnyVersion.class, judge(null, HALL));
        assertInstanceOf(PublisherRule.AnyVersion.class, judge(null, EMBEDDED));
    }

    @Test
    void theSamePublishersSeriesOnlyGoesUp() {
        assertEquals(new PublisherRule.NewerThan(202611300000L), judge(real(TRUSTED_ID), HALL));
        assertEquals(new PublisherRule.NewerThan(1), judge(sample(TRUSTED_ID), EMBEDDED));
    }

    @Test
    void anUnknownPublisherKeepsTheRollbackCheck() {
        assertEquals(new PublisherRule.NewerThan(202611300000L), judge(real(null), HALL));
    }

    @Test
    void sampleDataGivesWayToAnyTrustedPublisher() {
        assertInstanceOf(PublisherRule.AnyVersion.class, judge(sample(OTHER_ID), HALL));
        assertInstanceOf(PublisherRule.AnyVersion.class, judge(sample(OTHER_ID), EMBEDDED));
    }

    @Test
    void theDemoSourceNeverReplacesAHallsCatalog() {
        assertInstanceOf(PublisherRule.Refused.class, judge(real(OTHER_ID), EMBEDDED));
        assertInstanceOf(PublisherRule.Refused.class, judge(real(null), EMBEDDED));
        assertInstanceOf(PublisherRule.Refused.class, judge(real(OTHER_ID), EMBEDDED.withReplacesKey(Optional.of(OTHER_ID))));
    }

    @Test
    void anotherKeyNeedsTheTechniciansConfirmationNamingTheKeyReplaced() {
        assertInstanceOf(PublisherRule.Refused.class, judge(real(OTHER_ID), HALL));
        assertInstanceOf(PublisherRule.Refused.class, judge(real(OTHER_ID), HALL.withReplacesKey(Optional.of(TRUSTED_ID))));
        assertInstanceOf(PublisherRule.AnyVersion.class, judge(real(OTHER_ID), HALL.withReplacesKey(Optional.of(OTHER_ID))));
    }
}
