package org.yizhan.catalog;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.yizhan.model.Audience;
import org.yizhan.model.Catalog;
import org.yizhan.model.Service;

/**
 * The process {@link CatalogCrashTest} kills: opens the catalog directory {@code args[0]} and installs
 * catalog after catalog, each one version above the current one, streaming the documents the test wrote to
 * the directory {@code args[1]} ({@link #documentName}), until it is killed. It prints {@code ready} once
 * the directory is open, {@code installing <version>} before each install and {@code installed <version>}
 * after it, so the test knows where the kill landed, and {@code done} (then waits) when it has no next
 * document. It halts by itself when its standard input closes, i.e. when the test JVM is gone.
 *
 * <p>Each version's catalog is recognisable whole: version {@code v} has {@link #serviceCount(long)}
 * services, and every service's name ends with {@code v}, so a catalog mixed of two installs, or cut
 * short, does not pass for one.
 */
public final class CrashVictim {
    static final String READY = "ready";
    static final String INSTALLING = "installing ";
    static final String INSTALLED = "installed ";
    static final String DONE = "done";

    /**
     * Services in a catalog, before the per-version part: about 5 MB of JSON, which a fresh JVM installs in
     * 0.5 to 2 s on a two-core machine (depending on its load), so that most kills land mid-install.
     */
    static final int BASE_SERVICES = 3_000;

    private CrashVictim() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // The test writes nothing; end of input means it is gone.
                }
            } catch (IOException e) {
                // Same: the parent is gone.
            }
            Runtime.getRuntime().halt(3);
        }, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        CatalogDirectory directory = CatalogDirectory.open(Path.of(args[0]));
        Path documents = Path.of(args[1]);
        say(READY);
        while (true) {
            long version = directory.version().orElse(0) + 1;
            Path document = documents.resolve(documentName(version));
            if (!Files.exists(document)) {
                say(DONE);
                Thread.sleep(Long.MAX_VALUE);
            }
            say(INSTALLING + version);
            try (InputStream json = new BufferedInputStream(Files.newInputStream(document), 1 << 16)) {
                if (!directory.installIfNewer(json, version, "test-key")) {
                    throw new IllegalStateException("version " + version + " was not newer");
                }
            }
            say(INSTALLED + version);
        }
    }

    static String documentName(long version) {
        return "catalog-" + version + ".json";
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** How many services version {@code version} has: different from one version to the next. */
    static int serviceCount(long version) {
        return BASE_SERVICES + (int) (version % 50) * 17;
    }

    /** The catalog of {@code version} without its services. */
    static Catalog skeleton(long version) {
        Catalog small = org.yizhan.testing.TestCatalogs.small();
        return new Catalog(version, Instant.parse("2026-11-01T08:00:00Z").plusSeconds(version),
                "崩溃测试目录 v" + version, true, "", small.themes(), small.departments(), List.of());
    }

    /** Service {@code index} of {@code version}'s catalog. */
    static Service service(long version, int index) {
        String id = "crash-" + index;
        String name = "事项 " + index + " v" + version;
        return switch (index % 3) {
            case 0 -> org.yizhan.testing.TestCatalogs.service(id, name, "gaj",
                    List.of(Audience.PERSON), List.of("person-090"));
            case 1 -> org.yizhan.testing.TestCatalogs.service(id, name, "mzj",
                    List.of(Audience.PERSON), List.of("person-060"));
            default -> org.yizhan.testing.TestCatalogs.service(id, name, "scjgj",
                    List.of(Audience.PERSON, Audience.LEGAL), List.of("person-090", "legal-005"));
        };
    }

    /** {@code version}'s catalog, whole, as {@link CatalogDirectory#load()} should return it. */
    static Catalog expected(long version) {
        Catalog skeleton = skeleton(version);
        int count = serviceCount(version);
        List<Service> services = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            services.add(service(version, i));
        }
        return new Catalog(skeleton.version(), skeleton.generatedAt(), skeleton.title(), skeleton.sample(),
                skeleton.notice(), skeleton.themes(), skeleton.departments(), services);
    }

    static void write(long version, OutputStream out) throws IOException {
        CatalogJson.writeStreaming(skeleton(version), serviceCount(version), i -> service(version, i), out);
    }
}
