package org.yizhan.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.Function;

import org.yizhan.model.Catalog;
import org.yizhan.model.Department;
import org.yizhan.model.Theme;
import org.yizhan.model.Service;
import org.yizhan.storage.Database;
import org.yizhan.storage.Pragmas;

/**
 * The kiosk's local copy of the catalog, so it keeps working when the network does not. It holds one
 * whole catalog or none: {@link #replace} swaps everything in one transaction.
 */
public final class CatalogCache {
    private final Database database;
    private final CatalogMetaStore meta = new CatalogMetaStore();
    private final CatalogSourceStore source = new CatalogSourceStore();
    private final ThemeStore themes = new ThemeStore();
    private final DepartmentStore departments = new DepartmentStore();
    private final ServiceStore services = new ServiceStore();
    private final ServiceThemeStore serviceThemes = new ServiceThemeStore();
    private final VariantStore variants = new VariantStore();
    private final MaterialStore materials = new MaterialStore();
    private final StepStore steps = new StepStore();
    private final TranslationStore translations = new TranslationStore();

    public CatalogCache(Database database) {
        this.database = database;
    }

    /** Opens (creating if needed) the cache file at {@code file}. */
    public static CatalogCache open(Path file) throws SQLException {
        return new CatalogCache(Database.open(file, CatalogSchema.SCHEMA, Pragmas.STANDARD));
    }

    /** Opens a cache file that must already exist: a missing file is an error, not a new empty cache. */
    static CatalogCache openExisting(Path file) throws SQLException {
        return new CatalogCache(Database.openExisting(file, CatalogSchema.SCHEMA, Pragmas.STANDARD));
    }

    /** The cached catalog, or empty if none has been stored yet. Reads each table once. */
    public Optional<Catalog> load() throws SQLException {
        return load(outline -> { });
    }

    /**
     * As {@link #load()}, in two steps in the same read transaction: {@code outline} is given the catalog with only its
     * services' plain columns ({@link ServiceStore#readOutlines}: no JSON columns, themes, variants, materials or
     * steps) as soon as that is read, a small part of the reading; the whole catalog is returned once the rest is.
     * The kiosk builds its home screen from the outline, which needs no more, and no other screen.
     */
    public Optional<Catalog> load(Consumer<Catalog> outline) throws SQLException {
        return database.inReadTransaction(connection -> {
            Optional<CatalogMeta> stored = meta.get(connection);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            CatalogMeta m = stored.get();
            List<Theme> themeList = themes.readAll(connection);
            List<Department> departmentList = departments.readAll(connection);
            outline.accept(new Catalog(m.version(), m.generatedAt(), m.title(), m.sample(), m.notice(), themeList,
                    departmentList, services.readOutlines(connection)));
            ServiceParts parts = new ServiceParts(
                    serviceThemes.readAll(connection),
                    variants.readAll(connection),
                    materials.readAll(connection),
                    steps.readAll(connection));
            return Optional.of(new Catalog(m.version(), m.generatedAt(), m.title(), m.sample(), m.notice(),
                    themeList, departmentList, services.readAll(connection, parts), translations.readAll(connection)));
        });
    }

    /** The version of the cached catalog, or empty if none has been stored yet. */
    public OptionalLong version() throws SQLException {
        return database.inReadTransaction(meta::version);
    }

    /** The cached catalog's version, sample flag and publisher, or empty if none has been stored yet. */
    public Optional<InstalledCatalog> installed() throws SQLException {
        return database.inReadTransaction(connection -> {
            Optional<CatalogMeta> stored = meta.get(connection);
            if (stored.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new InstalledCatalog(stored.get().version(), stored.get().sample(), source.get(connection)));
        });
    }

    /** Records the key id of the publisher that signed the cached catalog. */
    public void recordPublisher(String keyId) throws SQLException {
        database.inTransaction(connection -> {
            source.put(connection, keyId);
            return null;
        });
    }

    /**
     * Replaces the cached catalog with {@code catalog} in one transaction: if anything fails (a crash, a
     * full disk, a broken reference) the old catalog stays, whole.
     */
    public void replace(Catalog catalog) throws SQLException {
        database.inTransaction(connection -> {
            write(connection, catalog);
            return null;
        });
    }

    /**
     * Replaces the cached catalog only if {@code catalog} has a higher version, checking and writing in
     * the same transaction so two syncs cannot both pass the check.
     *
     * @return true if the catalog was stored
     */
    public boolean replaceIfNewer(Catalog catalog) throws SQLException {
        return database.inTransaction(connection -> {
            OptionalLong current = meta.version(connection);
            if (current.isPresent() && current.getAsLong() >= catalog.version()) {
                return false;
            }
            write(connection, catalog);
            return true;
        });
    }

    /**
     * Streams the catalog document {@code json} into this cache, which must be empty, in one
     * transaction; see {@link CatalogStream}. Nothing is kept if the document has any problem.
     *
     * <p>Parsing and checking run on a second thread while this one writes, so a large catalog takes about
     * as long as the slower of the two rather than their sum.
     */
    CatalogMeta writeFrom(InputStream json) throws SQLException, CatalogFormatException, IOException {
        try {
            return database.inTransaction(connection -> {
                CatalogPipe pipe = new CatalogPipe();
                Thread parser = new Thread(() -> pipe.produce(json), "catalog-parser");
                parser.setDaemon(true);
                parser.start();
                try {
                    CatalogMeta m = pipe.consume(new CatalogPipe.Writer() {
                        @Override
                        public void themes(List<Theme> list) throws SQLException {
                            themes.insertAll(connection, list);
                        }

                        @Override
                        public void departments(List<Department> list) throws SQLException {
                            departments.insertAll(connection, list);
                        }

                        @Override
                        public void services(List<Service> batch, List<ServiceStore.Prepared> rows, int firstPosition)
                                throws SQLException {
                            services.insertPrepared(connection, rows, firstPosition);
                            insertParts(connection, batch);
                        }

                        @Override
                        public void translations(Map<String, Map<String, String>> texts) throws SQLException {
                            translations.insertAll(connection, texts);
                        }
                    });
                    meta.put(connection, m);
                    return m;
                } catch (CatalogFormatException | IOException e) {
                    throw new Unchecked(e);
                } finally {
                    pipe.cancel();
                    joinQuietly(parser);
                }
            });
        } catch (Unchecked e) {
            if (e.getCause() instanceof CatalogFormatException format) {
                throw format;
            }
            throw (IOException) e.getCause();
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Carries a checked exception out through {@link Database.Work}, which rolls back on it. */
    private static final class Unchecked extends RuntimeException {
        Unchecked(Exception cause) {
            super(cause);
        }
    }

    Database database() {
        return database;
    }

    private void write(Connection connection, Catalog catalog) throws SQLException {
        translations.deleteAll(connection);
        steps.deleteAll(connection);
        materials.deleteAll(connection);
        variants.deleteAll(connection);
        serviceThemes.deleteAll(connection);
        services.deleteAll(connection);
        departments.deleteAll(connection);
        themes.deleteAll(connection);
        meta.delete(connection);
        source.delete(connection);

        meta.put(connection, CatalogMeta.of(catalog));
        themes.insertAll(connection, catalog.themes());
        departments.insertAll(connection, catalog.departments());
        services.insertAll(connection, catalog.services());
        insertParts(connection, catalog.services());
        translations.insertAll(connection, catalog.translations().texts());
    }

    /** The rows of {@code services}' own tables: themes, variants, materials, steps (in that order, for the keys). */
    private void insertParts(Connection connection, List<Service> services) throws SQLException {
        serviceThemes.insertAll(connection, byService(services, Service::themeIds));
        variants.insertAll(connection, byService(services, Service::variants));
        materials.insertAll(connection, byService(services, Service::materials));
        steps.insertAll(connection, byService(services, Service::steps));
    }

    private static <T> Map<String, List<T>> byService(List<Service> services, Function<Service, List<T>> part) {
        Map<String, List<T>> byService = new LinkedHashMap<>();
        for (Service service : services) {
            byService.put(service.id(), part.apply(service));
        }
        return byService;
    }
}
