package org.yizhan.catalog;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

import org.yizhan.model.Service;
import org.yizhan.model.TimeLimit;
import org.yizhan.storage.Rows;

/**
 * Table {@code service}: one row per service with its scalar fields; lists of small values (keywords,
 * legal basis, FAQ) and small objects (fee, location, time limits) are JSON text columns. Themes,
 * variants, materials and steps live in their own tables and come in through {@link ServiceParts}.
 */
final class ServiceStore {
    private static final String INSERT = """
            INSERT INTO service (position, id, code, name, type, department_id, level, audiences, keywords,
                                 accept_conditions, legal_time_limit, promised_time_limit, fee, location,
                                 consult_phone, complaint_phone, legal_basis, visits, online_apply, booking,
                                 courier_delivery, online_url, faq)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String READ_ALL = """
            SELECT id, code, name, type, department_id, level, audiences, keywords, accept_conditions,
                   legal_time_limit, promised_time_limit, fee, location, consult_phone, complaint_phone,
                   legal_basis, visits, online_apply, booking, courier_delivery, online_url, faq
            FROM service
            ORDER BY position
            """;
    private static final String READ_OUTLINES = """
            SELECT id, code, name, type, department_id, level, accept_conditions, consult_phone, complaint_phone,
                   visits, online_apply, booking, courier_delivery, online_url
            FROM service
            ORDER BY position
            """;
    private static final String DELETE_ALL = """
            DELETE FROM service
            """;

    /** Inserts the services' own rows (not their parts) into an empty table; their departments must exist. */
    void insertAll(Connection connection, List<Service> services) throws SQLException {
        insertAll(connection, services, 0);
    }

    /** Inserts one batch of a catalog's services, the first of which is at {@code firstPosition}. */
    void insertAll(Connection connection, List<Service> services, int firstPosition) throws SQLException {
        insertPrepared(connection, services.stream().map(ServiceStore::prepare).toList(), firstPosition);
    }

    /** A service with its JSON columns already written: the costly part of a row, done by whichever thread has time. */
    record Prepared(Service service, String audiences, String keywords, String legalTimeLimit,
                    String promisedTimeLimit, String fee, String location, String legalBasis, String faq) {
    }

    static Prepared prepare(Service service) {
        return new Prepared(service,
                JsonColumns.write(CatalogTree.audiences(service.audiences())),
                JsonColumns.write(CatalogTree.texts(service.keywords())),
                timeLimit(service.legalTimeLimit()),
                timeLimit(service.promisedTimeLimit()),
                // "null" for a fee the source does not state, so the column stays NOT NULL.
                service.fee() == null ? "null" : JsonColumns.write(CatalogTree.fee(service.fee())),
                JsonColumns.write(CatalogTree.location(service.location())),
                JsonColumns.write(CatalogTree.texts(service.legalBasis())),
                JsonColumns.write(CatalogTree.faqs(service.faq())));
    }

    void insertPrepared(Connection connection, List<Prepared> services, int firstPosition) throws SQLException {
        Rows.insertAll(connection, INSERT, services, firstPosition, ServiceStore::bind);
    }

    /** Every service in catalog order, each completed with its parts. */
    List<Service> readAll(Connection connection, ServiceParts parts) throws SQLException {
        return Rows.readAll(connection, READ_ALL, row -> toService(row, parts));
    }

    /**
     * Every service in catalog order with only its plain columns: no JSON columns (audiences, keywords, time limits,
     * fee, location, legal basis, FAQ) and no parts. A fraction of {@link #readAll}'s work, for a catalog's outline.
     */
    List<Service> readOutlines(Connection connection) throws SQLException {
        return Rows.readAll(connection, READ_OUTLINES, ServiceStore::toOutline);
    }

    void deleteAll(Connection connection) throws SQLException {
        Rows.execute(connection, DELETE_ALL);
    }

    private static void bind(PreparedStatement statement, int first, Prepared prepared) throws SQLException {
        Service service = prepared.service();
        int i = first;
        statement.setString(i++, service.id());
        statement.setString(i++, service.code());
        statement.setString(i++, service.name());
        statement.setString(i++, service.type());
        statement.setString(i++, service.departmentId());
        statement.setString(i++, service.level());
        statement.setString(i++, prepared.audiences());
        statement.setString(i++, prepared.keywords());
        statement.setString(i++, service.acceptConditions());
        statement.setString(i++, prepared.legalTimeLimit());
        statement.setString(i++, prepared.promisedTimeLimit());
        statement.setString(i++, prepared.fee());
        statement.setString(i++, prepared.location());
        statement.setString(i++, service.consultPhone());
        statement.setString(i++, service.complaintPhone());
        statement.setString(i++, prepared.legalBasis());
        if (service.visits() == null) {
            statement.setNull(i++, Types.INTEGER);
        } else {
            statement.setInt(i++, service.visits());
        }
        statement.setBoolean(i++, service.onlineApply());
        statement.setBoolean(i++, service.booking());
        statement.setBoolean(i++, service.courierDelivery());
        statement.setString(i++, service.onlineUrl());
        statement.setString(i, prepared.faq());
    }

    private static Service toService(ResultSet row, ServiceParts parts) throws SQLException {
        String id = row.getString("id");
        int visits = row.getInt("visits");
        Integer visitsOrNull = row.wasNull() ? null : visits;
        return new Service(
                id,
                row.getString("code"),
                row.getString("name"),
                row.getString("type"),
                row.getString("department_id"),
                row.getString("level"),
                CatalogTree.toAudiences(json(row, "audiences")),
                parts.themeIdsOf(id),
                CatalogTree.toTexts(json(row, "keywords")),
                row.getString("accept_conditions"),
                parts.variantsOf(id),
                parts.materialsOf(id),
                parts.stepsOf(id),
                CatalogTree.toTimeLimit(json(row, "legal_time_limit")),
                CatalogTree.toTimeLimit(json(row, "promised_time_limit")),
                CatalogTree.toFee(json(row, "fee")),
                CatalogTree.toLocation(json(row, "location")),
                row.getString("consult_phone"),
                row.getString("complaint_phone"),
                CatalogTree.toTexts(json(row, "legal_basis")),
                visitsOrNull,
                row.getBoolean("online_apply"),
                row.getBoolean("booking"),
                row.getBoolean("courier_delivery"),
                row.getString("online_url"),
                CatalogTree.toFaqs(json(row, "faq")));
    }

    private static Service toOutline(ResultSet row) throws SQLException {
        int visits = row.getInt("visits");
        Integer visitsOrNull = row.wasNull() ? null : visits;
        return new Service(row.getString("id"), row.getString("code"), row.getString("name"), row.getString("type"),
                row.getString("department_id"), row.getString("level"), List.of(), List.of(), List.of(),
                row.getString("accept_conditions"), List.of(), List.of(), List.of(), null, null, null, null,
                row.getString("consult_phone"), row.getString("complaint_phone"), List.of(), visitsOrNull,
                row.getBoolean("online_apply"), row.getBoolean("booking"), row.getBoolean("courier_delivery"),
                row.getString("online_url"), List.of());
    }

    private static String timeLimit(TimeLimit limit) {
        return limit == null ? null : JsonColumns.write(CatalogTree.timeLimit(limit));
    }

    private static JsonNode json(ResultSet row, String column) throws SQLException {
        return JsonColumns.read(row.getString(column), "service." + column);
    }
}
