package org.yizhan.server.status;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.yizhan.json.Json;

/**
 * The feed as CSV (RFC 4180, UTF-8, a header row naming the columns as the JSON fields; docs/status.md): each
 * row becomes the JSON object {@link CaseFeed} reads. {@code steps} holds the steps separated by {@code ;}, each
 * {@code name|at|office|note}; {@code materialsToAdd} the materials separated by {@code ;}; {@code finished}
 * true/false. An empty cell is an absent field.
 */
final class CsvFeed {
    private CsvFeed() {
    }

    static List<FeedEntry> read(String text) throws FeedProblem {
        List<Row> rows = rows(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> header = rows.get(0).cells().stream().map(String::strip).toList();
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!seen.add(column)) {
                throw new FeedProblem("the header names a column twice");
            }
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (Row row : rows.subList(1, rows.size())) {
            if (row.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            if (row.cells().size() != header.size()) {
                entries.add(FeedEntry.unreadable(row.line(), "has " + row.cells().size() + " cells; the header has "
                        + header.size()));
                continue;
            }
            entries.add(FeedEntry.of(row.line(), object(header, row.cells())));
        }
        return entries;
    }

    private static ObjectNode object(List<String> header, List<String> cells) {
        ObjectNode node = Json.mapper().createObjectNode();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            String cell = cells.get(i).strip();
            if (cell.isEmpty()) {
                continue;
            }
            switch (column) {
                case "steps" -> node.set(column, steps(cell));
                case "materialsToAdd" -> {
                    ArrayNode materials = node.putArray(column);
                    for (String material : cell.split(";")) {
                        if (!material.isBlank()) {
                            materials.add(material.strip());
                        }
                    }
                }
                case "finished" -> {
                    String value = cell.toLowerCase(Locale.ROOT);
                    if (value.equals("true") || value.equals("false")) {
                        node.put(column, Boolean.parseBoolean(value));
                    } else {
                        node.put(column, cell);
                    }
                }
                default -> node.put(column, cell);
            }
        }
        return node;
    }

    private static ArrayNode steps(String cell) {
        ArrayNode steps = Json.mapper().createArrayNode();
        for (String step : cell.split(";")) {
            if (step.isBlank()) {
                continue;
            }
            String[] parts = step.split("\\|", -1);
            ObjectNode node = steps.addObject();
            String[] names = {"name", "at", "office", "note"};
            for (int i = 0; i < parts.length; i++) {
                String part = parts[i].strip();
                if (part.isEmpty()) {
                    continue;
                }
                // A fifth part is kept under a name CaseFeed does not know, so the row is refused with a reason.
                node.put(i < names.length ? names[i] : "part" + (i + 1), part);
            }
        }
        return steps;
    }

    record Row(int line, List<String> cells) {
    }

    /** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; a row keeps the line it starts on. */
    static List<Row> rows(String text) throws FeedProblem {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
                any = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || !cell.isEmpty()) {
                    cells.add(cell.toString());
                    rows.add(new Row(rowLine, List.copyOf(cells)));
                }
                cells.clear();
                cell.setLength(0);
                any = false;
                line++;
                rowLine = line;
            } else {
                cell.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new FeedProblem("a quoted cell that starts on line " + rowLine + " is never closed");
        }
        if (any || !cell.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new Row(rowLine, List.copyOf(cells)));
        }
        return rows;
    }
}
