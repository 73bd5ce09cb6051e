package org.yizhan.catalog;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.yizhan.json.Json;
import org.yizhan.model.Catalog;

/** Reads and writes catalog files ({@code docs/catalog-format.md}). */
public final class CatalogJson {
    public static final String FORMAT = "yizhan-catalog/1";

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withArrayEmptySeparator("")
                    .withObjectEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private CatalogJson() {
    }

    /** Reads, checks and maps one catalog. Does not close {@code in}. */
    public static Catalog read(InputStream in) throws CatalogFormatException, IOException {
        JsonNode tree = JsonText.parse(in.readAllBytes(), false);
        CatalogValidator.requireValid(tree);
        return CatalogTree.fromTree(tree);
    }

    /** What {@link #scan} learns of a catalog without keeping it. */
    public record Scanned(long version, int services) {
    }

    /**
     * Checks a catalog document as a kiosk's sync will, streaming it, so a file of any size fits in memory:
     * every rule of {@link #read(InputStream)}, and themes and departments before services.
     */
    public static Scanned scan(InputStream in) throws CatalogFormatException, IOException {
        int[] services = {0};
        try {
            CatalogMeta meta = CatalogStream.read(in, new CatalogStream.Sink() {
                @Override
                public void themes(java.util.List<org.yizhan.model.Theme> themes) {
                }

                @Override
                public void departments(java.util.List<org.yizhan.model.Department> departments) {
                }

                @Override
                public void services(java.util.List<org.yizhan.model.Service> batch, int firstPosition) {
                    services[0] += batch.size();
                }

                @Override
                public void translations(java.util.Map<String, java.util.Map<String, String>> texts) {
                }
            });
            return new Scanned(meta.version(), services[0]);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("a sink that stores nothing cannot fail", e);
        }
    }

    public static Catalog read(Path file) throws CatalogFormatException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    /**
     * Writes {@code catalog} as pretty-printed UTF-8 JSON. Refuses (before writing anything) a catalog
     * that {@link #read(InputStream)} would reject, e.g. version 0 or a dangling departmentId.
     * Does not close {@code out}.
     */
    public static void write(Catalog catalog, OutputStream out) throws CatalogFormatException, IOException {
        JsonNode tree = CatalogTree.toTree(catalog);
        CatalogValidator.requireValid(tree);
        Json.mapper().writer(PRETTY).writeValue(out, tree);
        out.write('\n');
        out.flush();
    }

    /**
     * Writes {@code catalog} to {@code file} through a temporary file in the same directory and an atomic
     * rename, so a crash or power cut leaves either the old file or the new one, never half of one.
     */
    public static void write(Catalog catalog, Path file) throws CatalogFormatException, IOException {
        AtomicFiles.write(file, AtomicFiles.Readers.EVERYONE, out -> write(catalog, out));
    }

    /**
     * Writes a catalog whose services are made one at a time (e.g. a benchmark's 100,000), so they never
     * sit in memory together: the top-level fields, themes and departments of {@code skeleton}, then
     * {@code count} services from {@code service}. Compact, not pretty; not validated here (read or
     * {@link #scan} it to check).
     */
    public static void writeStreaming(Catalog skeleton, int count, java.util.function.IntFunction<org.yizhan.model.Service> service,
                                      OutputStream out) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode head = CatalogTree.toTree(skeleton);
        head.remove("services");
        try (com.fasterxml.jackson.core.JsonGenerator generator = Json.mapper().createGenerator(out)) {
            generator.writeStartObject();
            for (var field : head.properties()) {
                generator.writeFieldName(field.getKey());
                Json.mapper().writeTree(generator, field.getValue());
            }
            generator.writeArrayFieldStart("services");
            for (int i = 0; i < count; i++) {
                Json.mapper().writeTree(generator, CatalogTree.service(service.apply(i)));
            }
            generator.writeEndArray();
            generator.writeEndObject();
        }
        out.flush();
    }
}
