package org.yizhan.sync;

import java.util.Optional;

import org.yizhan.catalog.InstalledCatalog;

/**
 * Which catalogs from the trusted key may follow the one a kiosk holds. A kiosk never gives up a hall's
 * catalog because of what its configuration says: not for the bundled demo ({@code server.url=embedded}
 * left in, or a file cut short), and not for another key, unless the technician names the key being
 * replaced ({@code sync.replaces-key}). Sample data (the demo) gives way to any trusted publisher.
 */
final class PublisherRule {

    /** What the next bundle signed by the trusted key may be. */
    sealed interface Verdict permits AnyVersion, NewerThan, Refused {
    }

    /** Nothing held, sample data, or a confirmed change of publisher: whatever its version. */
    record AnyVersion() implements Verdict {
    }

    /** The same publisher's series (or an unknown one): only a higher version; a lower one is a rollback. */
    record NewerThan(long version) implements Verdict {
    }

    /** The trusted key may not replace what the kiosk holds; nothing is fetched. */
    record Refused(String reason) implements Verdict {
    }

    private PublisherRule() {
    }

    /**
     * @param held      the catalog the kiosk holds, if any
     * @param publisher who signed it, if known
     * @param settings  the trusted key, whether the source is the demo, and the technician's confirmation
     */
    static Verdict judge(Optional<InstalledCatalog> held, Optional<String> publisher, SyncSettings settings) {
        if (held.isEmpty()) {
            return new AnyVersion();
        }
        long version = held.get().version();
        String trusted = settings.keyId();
        boolean samePublisher = publisher.isEmpty() || publisher.get().equals(trusted);
        if (held.get().sample()) {
            return samePublisher ? new NewerThan(version) : new AnyVersion();
        }
        if (settings.demoSource()) {
            return new Refused("server.url is embedded, which serves only the bundled demo catalog, and the demo never"
                    + " replaces this kiosk's catalog version " + version + publisher.map(p -> " (signed by key " + p + ")").orElse("")
                    + "; set server.url and sync.public-key to the hall's server and key");
        }
        if (samePublisher) {
            return new NewerThan(version);
        }
        if (settings.replacesKey().equals(publisher)) {
            return new AnyVersion();
        }
        return new Refused("this kiosk's catalog version " + version + " is signed by key " + publisher.get()
                + " but sync.public-key is key " + trusted + "; a kiosk changes publisher only when told to: if this is"
                + " meant, set sync.replaces-key=" + publisher.get() + " in kiosk.properties");
    }
}
