package org.yizhan.app;

import java.net.URI;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Optional;

import org.yizhan.catalog.CatalogDirectory;
import org.yizhan.catalog.bundle.Ed25519Keys;
import org.yizhan.config.KioskConfig;
import org.yizhan.hall.HallClient;
import org.yizhan.hall.ServerTrust;
import org.yizhan.config.ConfigKey;
import org.yizhan.hall.KioskIdentity;
import org.yizhan.outbox.Outbox;
import org.yizhan.outbox.OutboxFailure;
import org.yizhan.outbox.OutboxSender;
import org.yizhan.queue.QueueClient;
import org.yizhan.queue.Queues;
import org.yizhan.status.CaseStatus;
import org.yizhan.status.StatusClient;
import org.yizhan.server.HallServer;
import org.yizhan.sync.CatalogSync;
import org.yizhan.sync.SyncSettings;

/**
 * The catalog side of a kiosk, built from its configuration: the cache directory, the client of the hall
 * server (with the kiosk's identity), the sync, and the embedded hall server when {@code server.url=embedded}.
 * The kiosk and {@code yizhan sync} both build it here, so the command does exactly what the kiosk does.
 */
public final class CatalogSetup implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CatalogSetup.class);
    public static final String CATALOG_DIR = "catalog";
    static final String SYNC_DIR = "sync";
    static final String EMBEDDED_DIR = "embedded-server";

    private final CatalogDirectory catalogs;
    private final HallClient hall;
    private final CatalogSync sync;
    private final Optional<HallServer> embedded;
    private final Optional<Queues> queues;
    private final Optional<CaseStatus> cases;
    private final Optional<HallClient> trusted;
    private final Path dataDir;
    /** Volatile, not locked: the 取号 screen reads it on the FX thread while startOutbox may be on the disk. */
    private volatile Outbox outbox;
    private OutboxSender sender;
    private boolean closed;

    private CatalogSetup(CatalogDirectory catalogs, HallClient hall, CatalogSync sync, Optional<HallServer> embedded,
            Optional<Queues> queues, Optional<CaseStatus> cases, Optional<HallClient> trusted, Path dataDir) {
        this.catalogs = catalogs;
        this.hall = hall;
        this.sync = sync;
        this.embedded = embedded;
        this.queues = queues;
        this.cases = cases;
        this.trusted = trusted;
        this.dataDir = dataDir;
    }

    /** Opens the cache, reads the public key (or starts the embedded server) and prepares the sync. */
    public static CatalogSetup create(KioskConfig config, Clock clock) throws Exception {
        Path data = config.dataDir();
        removeFirstReleaseCache(data);
        CatalogDirectory catalogs = CatalogDirectory.open(data.resolve(CATALOG_DIR));
        Optional<HallServer> embedded = Optional.empty();
        URI serverUrl;
        PublicKey key;
        Optional<String> secret = config.hallSecret();
        if (config.embeddedServer()) {
            EmbeddedServer.Started started = EmbeddedServer.start(data.resolve(EMBEDDED_DIR), clock);
            embedded = Optional.of(started.server());
            serverUrl = started.server().baseUri();
            key = started.publicKey();
            secret = Optional.of(started.hallSecret());
        } else {
            serverUrl = config.serverUrl().orElseThrow();
            key = Ed25519Keys.readPublic(config.publicKey().orElseThrow(
                    () -> new IllegalStateException("sync.public-key is required when server.url is not embedded")));
        }
        SyncSettings settings = SyncSettings.of(serverUrl, key, config.hallId().orElse(""))
                .withReplacesKey(config.replacesKey());
        if (config.embeddedServer()) {
            settings = settings.asDemoSource();
        }
        HallClient hall = HallClient.create(serverUrl,
                new KioskIdentity(config.kioskId(), config.hallId().orElse(""), version())).withTrust(trust(config));
        CatalogSync sync = new CatalogSync(settings, hall, catalogs, data.resolve(SYNC_DIR), clock);
        if (secret.isEmpty()) {
            LOG.warn("hall.secret is empty: this kiosk cannot take queue tickets or look up cases (docs/deployment.md, the hall secret)");
        }
        Optional<HallClient> trusted = secret.map(hall::withHallSecret);
        Optional<Queues> queues = trusted.map(QueueClient::new);
        Optional<CaseStatus> cases = trusted.map(StatusClient::new);
        return new CatalogSetup(catalogs, hall, sync, embedded, queues, cases, trusted, data);
    }

    /** What the kiosk trusts over https: server.ca, server.pin, or the runtime's CAs. */
    private static ServerTrust trust(KioskConfig config) throws java.io.IOException, java.security.GeneralSecurityException {
        if (config.serverCa().isPresent()) {
            try {
                return ServerTrust.ca(config.serverCa().get(), ConfigKey.SERVER_CA.key());
            } catch (java.security.cert.CertificateException e) {
                throw new java.security.cert.CertificateException(ConfigKey.SERVER_CA.key() + " " + config.serverCa().get()
                        + " is not a PEM certificate file: " + e.getMessage(), e);
            }
        }
        if (config.serverPin().isPresent()) {
            return ServerTrust.pin(config.serverPin().get(), ConfigKey.SERVER_PIN.key());
        }
        return ServerTrust.SYSTEM;
    }

    /** The pom's version, as {@code yizhan -V} names it; "" if the build wrote none. */
    static String version() {
        java.util.Properties properties = new java.util.Properties();
        try (var in = CatalogSetup.class.getResourceAsStream("/org/yizhan/cli/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (java.io.IOException e) {
            // Only the version in the User-Agent is lost.
        }
        return properties.getProperty("version", "");
    }

    /**
     * The first release kept the demo catalog in {@code data.dir/catalog.db}; the catalog now lives in
     * {@code data.dir/catalog/} and comes through the sync, so that file only misleads whoever looks.
     */
    private static void removeFirstReleaseCache(Path data) {
        for (String name : new String[] {"catalog.db", "catalog.db-wal", "catalog.db-shm"}) {
            try {
                if (java.nio.file.Files.deleteIfExists(data.resolve(name))) {
                    org.slf4j.LoggerFactory.getLogger(CatalogSetup.class).info("removed {}, the first release's catalog cache", name);
                }
            } catch (java.io.IOException e) {
                org.slf4j.LoggerFactory.getLogger(CatalogSetup.class).warn("cannot remove {}: {}", name, e.toString());
            }
        }
    }

    public CatalogDirectory catalogs() {
        return catalogs;
    }

    public CatalogSync sync() {
        return sync;
    }

    /** The kiosk's client of its hall server, for everything it asks besides the catalog. */
    public HallClient hall() {
        return hall;
    }

    /** Queue tickets from the hall server; empty without a hall secret. */
    public Optional<Queues> queues() {
        return queues;
    }

    /** Application status from the hall server; empty without a hall secret. */
    public Optional<CaseStatus> cases() {
        return cases;
    }

    /**
     * Opens the kiosk's outbox in data.dir and, with a hall secret, starts its sender, which sends at once what
     * an earlier run left. Only the kiosk calls it: {@code yizhan sync} must not let go of a running kiosk's holds.
     */
    public synchronized Outbox startOutbox(int maxMessages, Clock clock) throws OutboxFailure {
        if (outbox == null) {
            Outbox opened = Outbox.open(dataDir, maxMessages, clock);
            if (trusted.isPresent()) {
                sender = new OutboxSender(opened, OutboxSender.over(trusted.get()), clock, new java.util.Random());
                sender.start();
            } else if (opened.size() > 0) {
                LOG.warn("the outbox holds {} message(s), but without hall.secret none can be sent", opened.size());
            }
            outbox = opened;
        }
        return outbox;
    }

    /** The outbox once {@link #startOutbox} opened it. */
    public Optional<Outbox> outbox() {
        return Optional.ofNullable(outbox);
    }

    /** The server the kiosk syncs from; for the embedded one, its loopback address. */
    public URI serverUrl() {
        return hall.serverUrl();
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return; // the kiosk's close and its loading thread may both close it
            }
            closed = true;
            // Before the embedded server: what is still unsent stays on the disk for the next start.
            if (sender != null) {
                sender.close();
            }
            if (outbox != null) {
                outbox.close();
            }
        }
        embedded.ifPresent(HallServer::close);
    }
}
