package org.yizhan.sync;

import java.net.URI;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import org.yizhan.catalog.bundle.Ed25519Keys;

/**
 * How a kiosk fetches and what it accepts.
 *
 * @param indexUri        the signed index, e.g. {@code http://10.1.2.3:8080/catalog/index.json}
 * @param publicKey       the key every index must be signed with
 * @param hallId          this kiosk's hall; an index for another hall is refused. "" accepts any
 * @param connectTimeout  to open a connection
 * @param stallTimeout    for the response headers, and the longest silence allowed inside a body
 * @param deadline        for one whole download, however slowly it trickles
 * @param maxIndexBytes   the index, as sent and as decompressed
 * @param maxBundleBytes  the compressed catalog file
 * @param maxCatalogBytes the catalog once decompressed: the cap that stops a gzip bomb
 * @param demoSource      the source publishes only the bundled demo ({@code server.url=embedded}): it may fill
 *                        an empty cache or replace sample data, never a hall's catalog
 * @param replacesKey     the key id of a publisher whose catalog the trusted key may replace, whatever its
 *                        version: the technician's confirmation of a change of publisher ({@code sync.replaces-key})
 */
public record SyncSettings(
        URI indexUri,
        PublicKey publicKey,
        String hallId,
        Duration connectTimeout,
        Duration stallTimeout,
        Duration deadline,
        long maxIndexBytes,
        long maxBundleBytes,
        long maxCatalogBytes,
        boolean demoSource,
        Optional<String> replacesKey) {

    public static final String INDEX_PATH = "catalog/index.json";

    public SyncSettings {
        Objects.requireNonNull(indexUri, "indexUri");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(hallId, "hallId");
        Objects.requireNonNull(replacesKey, "replacesKey");
    }

    /** The defaults for a hall server or CDN at {@code serverUrl} (which ends with /). */
    public static SyncSettings of(URI serverUrl, PublicKey publicKey, String hallId) {
        return new SyncSettings(serverUrl.resolve(INDEX_PATH), publicKey, hallId,
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(15),
                64 * 1024, 256L << 20, 2L << 30, false, Optional.empty());
    }

    public SyncSettings withStallTimeout(Duration stall) {
        return new SyncSettings(indexUri, publicKey, hallId, connectTimeout, stall, deadline, maxIndexBytes,
                maxBundleBytes, maxCatalogBytes, demoSource, replacesKey);
    }

    public SyncSettings withLimits(long maxBundle, long maxCatalog) {
        return new SyncSettings(indexUri, publicKey, hallId, connectTimeout, stallTimeout, deadline, maxIndexBytes,
                maxBundle, maxCatalog, demoSource, replacesKey);
    }

    /** For the embedded server, which publishes the bundled demo. */
    public SyncSettings asDemoSource() {
        return new SyncSettings(indexUri, publicKey, hallId, connectTimeout, stallTimeout, deadline, maxIndexBytes,
                maxBundleBytes, maxCatalogBytes, true, replacesKey);
    }

    public SyncSettings withReplacesKey(Optional<String> keyId) {
        return new SyncSettings(indexUri, publicKey, hallId, connectTimeout, stallTimeout, deadline, maxIndexBytes,
                maxBundleBytes, maxCatalogBytes, demoSource, keyId);
    }

    String keyId() {
        return Ed25519Keys.keyId(publicKey);
    }
}
