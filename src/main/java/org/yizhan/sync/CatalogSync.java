package org.yizhan.sync;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.yizhan.catalog.CatalogDirectory;
import org.yizhan.catalog.CatalogFormatException;
import org.yizhan.catalog.InstalledCatalog;
import org.yizhan.catalog.bundle.BundleException;
import org.yizhan.catalog.bundle.BundleIndex;
import org.yizhan.catalog.bundle.Ed25519Keys;
import org.yizhan.catalog.bundle.Sha256;
import org.yizhan.config.Disk;
import org.yizhan.hall.Download;
import org.yizhan.hall.HallClient;
import org.yizhan.hall.HallFailure;
import org.yizhan.hall.KioskIdentity;
import org.yizhan.hall.Timeouts;

/**
 * One sync, exactly as docs/protocol.md describes it: a conditional GET of the signed index, every check
 * before anything is applied, then the catalog streamed into a new cache file that becomes current in one
 * step. Whatever goes wrong, the current catalog stays and the outcome says why.
 */
public final class CatalogSync {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogSync.class);

    private final SyncSettings settings;
    private final CatalogDirectory catalogs;
    private final LastGoodBundle lastGood;
    private final Clock clock;
    private final HallClient hall;
    private volatile Disk disk = Disk.REAL;

    /**
     * A sync that asks as no kiosk in particular (tests, the benchmark).
     *
     * @param syncDir where the last good bundle and its ETag are kept (e.g. {@code data.dir/sync})
     */
    public CatalogSync(SyncSettings settings, CatalogDirectory catalogs, Path syncDir, Clock clock) {
        this(settings, HallClient.create(settings.indexUri().resolve(".."), KioskIdentity.NONE, timeouts(settings)),
                catalogs, syncDir, clock);
    }

    /**
     * @param hall    the kiosk's client of its hall server; the sync uses it with the timeouts of {@code settings}
     * @param syncDir where the last good bundle and its ETag are kept (e.g. {@code data.dir/sync})
     */
    public CatalogSync(SyncSettings settings, HallClient hall, CatalogDirectory catalogs, Path syncDir, Clock clock) {
        this.settings = settings;
        this.catalogs = catalogs;
        this.lastGood = new LastGoodBundle(syncDir);
        this.clock = clock;
        this.hall = hall.withTimeouts(timeouts(settings));
    }

    /** Asks {@code other} how much room is left: for a test that plays a full disk. */
    void useDisk(Disk other) {
        disk = other;
    }

    private static Timeouts timeouts(SyncSettings settings) {
        return new Timeouts(settings.connectTimeout(), settings.stallTimeout(), settings.deadline());
    }

    /** One attempt. Never throws: every failure is an outcome with a reason, and is logged. */
    public synchronized SyncOutcome syncOnce() {
        SyncOutcome outcome;
        try {
            outcome = attempt();
        } catch (SyncFailure failure) {
            if (Thread.currentThread().isInterrupted()) {
                LOG.info("catalog sync stopped: the kiosk is closing (kept version {})", catalogs.version().orElse(0));
                return outcome(SyncOutcome.Kind.UNREACHABLE, "stopped: the kiosk is closing");
            }
            outcome = outcome(failure.transientFailure() ? SyncOutcome.Kind.UNREACHABLE : SyncOutcome.Kind.REJECTED,
                    failure.reason());
        } catch (RuntimeException | IOException e) {
            if (stopping(e)) {
                // The kiosk is closing and stopped the sync thread mid-attempt: the cache keeps what it had.
                LOG.info("catalog sync stopped: the kiosk is closing (kept version {})", catalogs.version().orElse(0));
                return outcome(SyncOutcome.Kind.UNREACHABLE, "stopped: the kiosk is closing");
            }
            if (DiskFull.is(e)) {
                // Nothing unexpected about it, and nothing a stack trace would tell the technician.
                outcome = outcome(SyncOutcome.Kind.UNREACHABLE, DiskFull.reason(catalogs.dir(), disk));
            } else {
                LOG.error("catalog sync failed unexpectedly", e);
                outcome = outcome(SyncOutcome.Kind.UNREACHABLE, "sync failed: " + e);
            }
        }
        if (outcome.failed()) {
            LOG.warn("catalog sync from {}: {}", settings.indexUri(), outcome.line());
        } else {
            LOG.info("catalog sync from {}: {}", settings.indexUri(), outcome.line());
        }
        lastGood.recordOutcome(outcome.at() + " " + settings.indexUri() + " " + outcome.line());
        return outcome;
    }

    /**
     * Rebuilds the cache from the last bundle this kiosk verified and applied, after the cache was found
     * damaged and discarded. Checks the bundle again (signature, length, SHA-256) before using it.
     *
     * @return false if there is no usable last bundle
     */
    public synchronized boolean restoreLastGood() {
        Optional<BundleIndex> index = lastGood.index().filter(this::verifiable);
        Optional<Path> file = lastGood.catalogFile();
        if (index.isEmpty() || file.isEmpty()) {
            return false;
        }
        try {
            if (Files.size(file.get()) != index.get().length() || !Sha256.hex(file.get()).equals(index.get().sha256())) {
                LOG.warn("the last good bundle {} does not match its index; not using it", file.get());
                return false;
            }
            boolean installed = install(file.get(), index.get(), true);
            LOG.info("catalog version {} restored from the last good bundle", index.get().catalogVersion());
            return installed;
        } catch (SyncFailure | IOException | RuntimeException e) {
            LOG.warn("the last good bundle could not be restored: {}", e instanceof SyncFailure f ? f.reason() : e.toString());
            return false;
        }
    }

    /**
     * Signed by the trusted key, or by the publisher whose key was kept with the bundle when it was applied:
     * a rebuild brings back the kiosk's own catalog even while its configuration trusts another key.
     */
    private boolean verifiable(BundleIndex index) {
        return trusted(index) || lastGood.publisherKey()
                .filter(key -> index.keyId().equals(Ed25519Keys.keyId(key)) && index.signatureValid(key))
                .isPresent();
    }

    private SyncOutcome attempt() throws SyncFailure, IOException {
        Optional<InstalledCatalog> held;
        try {
            held = catalogs.installed();
        } catch (IOException e) {
            throw SyncFailure.unreachable("the installed catalog cannot be read now: " + e.getMessage());
        }
        long current = held.map(InstalledCatalog::version).orElse(0L);
        Optional<BundleIndex> last = lastGood.index();
        Optional<String> publisher = held.flatMap(InstalledCatalog::publisher)
                .or(() -> last.filter(i -> i.catalogVersion() == current).map(BundleIndex::keyId));
        PublisherRule.Verdict verdict = PublisherRule.judge(held, publisher, settings);
        if (verdict instanceof PublisherRule.Refused refused) {
            throw SyncFailure.rejected(refused.reason());
        }
        boolean anyVersion = verdict instanceof PublisherRule.AnyVersion;
        long floor = anyVersion ? 0 : current;
        Optional<BundleIndex> known = last.filter(i -> i.catalogVersion() == current && trusted(i));
        Optional<String> etag = known.isPresent() ? lastGood.etag() : Optional.empty();

        java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        HallClient.Answer response = fetch(Download.json(settings.indexUri(), "the index", settings.maxIndexBytes())
                .ifNoneMatch(etag), bytes -> write(received, bytes));

        if (response.status() == 304) {
            if (known.isEmpty()) {
                throw SyncFailure.rejected("the server answered 304 Not Modified to a request that was not conditional");
            }
            // A 304 carries no signature: only the index we verified earlier says how long it may be trusted.
            if (!known.get().expiresAt().isAfter(clock.instant())) {
                lastGood.forgetEtag();
                throw SyncFailure.rejected("catalog version " + current + " expired at " + known.get().expiresAt()
                        + " and the server offers nothing newer (304)");
            }
            return outcome(SyncOutcome.Kind.NOT_MODIFIED, "");
        }
        byte[] json = decoded(received.toByteArray(), response.header("Content-Encoding").orElse("identity"));
        BundleIndex index = verified(json);

        if (index.catalogVersion() < floor) {
            throw SyncFailure.rejected("the server offers catalog version " + index.catalogVersion()
                    + ", older than the version " + current + " this kiosk has (rollback refused)");
        }
        if (index.catalogVersion() == floor) {
            lastGood.saveIndex(json, response.header("ETag"));
            return outcome(SyncOutcome.Kind.NOT_MODIFIED, "");
        }
        roomFor(index);
        Path download = download(index);
        boolean installed;
        try {
            installed = install(download, index, anyVersion);
        } catch (SyncFailure | IOException | RuntimeException failure) {
            Files.deleteIfExists(download);
            throw failure;
        }
        if (!installed) {
            Files.deleteIfExists(download);
            return outcome(SyncOutcome.Kind.NOT_MODIFIED, "");
        }
        try {
            lastGood.save(download, index, json, response.header("ETag"), settings.publicKey());
        } catch (IOException e) {
            // The catalog is installed and will be shown; only a later rebuild from this bundle is lost.
            LOG.warn("catalog version {} applied, but its bundle could not be kept for a rebuild: {}",
                    index.catalogVersion(), e.toString());
        }
        return outcome(SyncOutcome.Kind.APPLIED, "");
    }

    /** Every check that the index itself allows, before a byte of the catalog is fetched. */
    private BundleIndex verified(byte[] json) throws SyncFailure {
        BundleIndex index;
        try {
            index = BundleIndex.parse(json);
        } catch (BundleException e) {
            throw SyncFailure.rejected("malformed index: " + e.getMessage());
        }
        if (!index.keyId().equals(settings.keyId())) {
            throw SyncFailure.rejected("the index is signed with key " + index.keyId()
                    + " but this kiosk trusts key " + settings.keyId() + " (sync.public-key)");
        }
        if (!index.signatureValid(settings.publicKey())) {
            throw SyncFailure.rejected("the index's signature is not valid: it was altered after signing");
        }
        if (!settings.hallId().isEmpty() && !index.hall().isEmpty() && !index.hall().equals(settings.hallId())) {
            throw SyncFailure.rejected("the bundle is for hall " + index.hall() + ", this kiosk is in hall "
                    + settings.hallId() + " (hall.id)");
        }
        if (!index.expiresAt().isAfter(clock.instant())) {
            throw SyncFailure.rejected("the index for catalog version " + index.catalogVersion() + " expired at "
                    + index.expiresAt() + " (is the publisher still publishing, and is this kiosk's clock right?)");
        }
        if (index.length() > settings.maxBundleBytes()) {
            throw SyncFailure.rejected("the bundle is " + index.length() + " bytes, more than this kiosk accepts ("
                    + settings.maxBundleBytes() + ")");
        }
        if (index.jsonLength() > settings.maxCatalogBytes()) {
            throw SyncFailure.rejected("the catalog would be " + index.jsonLength()
                    + " bytes decompressed, more than this kiosk accepts (" + settings.maxCatalogBytes() + ")");
        }
        return index;
    }

    /**
     * The bundle and the cache it becomes must fit with {@link Disk#MIN_FREE_BYTES} to spare, so that a sync never
     * fills the disk the outbox and the log write to. A disk that does not say how full it is is tried.
     */
    private void roomFor(BundleIndex index) throws SyncFailure {
        long needed = index.length() + index.jsonLength();
        long free;
        try {
            free = disk.usableBytes(catalogs.dir());
        } catch (IOException e) {
            return;
        }
        if (free < needed + Disk.MIN_FREE_BYTES) {
            throw SyncFailure.unreachable(DiskFull.reason(free, catalogs.dir(), needed));
        }
    }

    private boolean trusted(BundleIndex index) {
        return index.keyId().equals(settings.keyId()) && index.signatureValid(settings.publicKey());
    }

    /** Fetches the compressed catalog to a file, checking its length and SHA-256 against the signed index. */
    private Path download(BundleIndex index) throws SyncFailure, IOException {
        Path file = lastGood.downloadFile();
        MessageDigest digest = Sha256.digest();
        Download signedLength = Download.file(settings.indexUri().resolve(index.file()), index.file(), index.length(),
                "the catalog file is longer than the " + index.length() + " bytes the signed index announces");
        try {
            HallClient.Answer response;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                response = fetch(signedLength, bytes -> {
                    digest.update(bytes.duplicate());
                    while (bytes.hasRemaining()) {
                        channel.write(bytes);
                    }
                });
            }
            if (response.status() != 200) {
                // A 304 to a GET that was not conditional.
                throw SyncFailure.rejected("the server answered HTTP " + response.status() + " for " + index.file());
            }
            if (response.bodyBytes() != index.length()) {
                throw SyncFailure.unreachable("the catalog file ended after " + response.bodyBytes() + " of the "
                        + index.length() + " bytes the signed index announces (truncated)");
            }
            String sha = Sha256.hex(digest, 32);
            if (!sha.equals(index.sha256())) {
                throw SyncFailure.rejected("the catalog file's SHA-256 is " + sha + ", not " + index.sha256()
                        + " as signed: it was altered or damaged");
            }
            return file;
        } catch (SyncFailure failure) {
            Files.deleteIfExists(file);
            throw failure;
        }
    }

    /** Decompresses (never past the signed length) and streams the catalog into a new cache file. */
    boolean install(Path bundle, BundleIndex index, boolean anyVersion) throws SyncFailure, IOException {
        try (InputStream in = new ExactLengthInputStream(
                new GZIPInputStream(Files.newInputStream(bundle), 1 << 16), index.jsonLength())) {
            if (anyVersion) {
                catalogs.installReplacing(in, index.catalogVersion(), index.keyId());
                return true;
            }
            return catalogs.installIfNewer(in, index.catalogVersion(), index.keyId());
        } catch (CatalogFormatException e) {
            List<String> problems = e.problems();
            throw SyncFailure.rejected("the catalog in the bundle is not valid: " + problems.get(0)
                    + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problems)" : ""));
        } catch (ExactLengthInputStream.WrongLength e) {
            throw SyncFailure.rejected(e.getMessage());
        } catch (ZipException | EOFException e) {
            throw SyncFailure.rejected("the compressed catalog is damaged: " + e.getMessage());
        }
    }

    /** A 200 or a 304 from the hall server; anything else is a failure in the sync's terms. */
    private HallClient.Answer fetch(Download download, HallClient.Sink sink) throws SyncFailure {
        try {
            return hall.download(download, sink);
        } catch (HallFailure failure) {
            throw SyncFailure.of(failure);
        } catch (IOException e) {
            throw SyncFailure.unreachable(DiskFull.is(e) ? DiskFull.reason(lastGood.dir(), disk)
                    : "cannot store the download: " + e.getMessage());
        }
    }

    private byte[] decoded(byte[] body, String encoding) throws SyncFailure {
        if (encoding.equalsIgnoreCase("identity")) {
            return body;
        }
        if (!encoding.equalsIgnoreCase("gzip")) {
            throw SyncFailure.rejected("the index came with Content-Encoding: " + encoding + ", which this kiosk does not read");
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            byte[] decoded = in.readNBytes((int) settings.maxIndexBytes() + 1);
            if (decoded.length > settings.maxIndexBytes()) {
                throw SyncFailure.rejected("the index decompresses to more than " + settings.maxIndexBytes() + " bytes");
            }
            return decoded;
        } catch (IOException e) {
            throw SyncFailure.rejected("the gzipped index is damaged: " + e.getMessage());
        }
    }

    /** Whether {@code e} is the sync thread being stopped (interrupted), not a failure of the sync. */
    private static boolean stopping(Throwable e) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof java.io.InterruptedIOException
                    || t instanceof java.nio.channels.ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    private SyncOutcome outcome(SyncOutcome.Kind kind, String reason) {
        return new SyncOutcome(kind, catalogs.version().orElse(0), reason, Instant.now(clock));
    }

    private static void write(java.io.ByteArrayOutputStream out, ByteBuffer bytes) {
        byte[] chunk = new byte[bytes.remaining()];
        bytes.get(chunk);
        out.writeBytes(chunk);
    }
}
