package org.yizhan.rating;

import java.util.regex.Pattern;

/**
 * What a rating is about: nothing ({@code none}: anonymous, from home), a ticket ({@code ticket}: its number and
 * queue) or a case ({@code case}: its application number only, never the applicant's check). {@code serviceId} names
 * the service where it is known (a case's; a ticket taken from a guide). Absent fields are null; each present one has
 * a strict shape, checked on both sides.
 */
public record RatingAbout(String kind, String ticket, String queue, String caseNumber, String serviceId) {
    public static final String NONE = "none";
    public static final String TICKET = "ticket";
    public static final String CASE = "case";
    /** A queue prefix (one or two capitals) and its daily sequence. */
    private static final Pattern TICKET_NUMBER = Pattern.compile("[A-Z]{1,2}[0-9]{3,6}");
    /** As the queues file's ids. */
    private static final Pattern QUEUE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    /** As the case store keeps it (server.status.CaseNumbers). */
    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Z0-9-]{6,40}");
    private static final Pattern SERVICE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public RatingAbout {
        if (kind == null) {
            throw new IllegalArgumentException("about.kind must be none, ticket or case");
        }
        switch (kind) {
            case NONE -> {
                absent(ticket, "about.ticket");
                absent(queue, "about.queue");
                absent(caseNumber, "about.caseNumber");
                absent(serviceId, "about.serviceId");
            }
            case TICKET -> {
                shape(ticket, TICKET_NUMBER, "about.ticket", "a ticket number such as A023");
                shape(queue, QUEUE, "about.queue", "a queue id (1 to 32 of a-z 0-9 -)");
                absent(caseNumber, "about.caseNumber");
                optional(serviceId);
            }
            case CASE -> {
                shape(caseNumber, CASE_NUMBER, "about.caseNumber", "an application number (6 to 40 of A-Z 0-9 -)");
                absent(ticket, "about.ticket");
                absent(queue, "about.queue");
                optional(serviceId);
            }
            default -> throw new IllegalArgumentException("about.kind must be none, ticket or case");
        }
    }

    public static RatingAbout anonymous() {
        return new RatingAbout(NONE, null, null, null, null);
    }

    public static RatingAbout ticket(String number, String queue, String serviceId) {
        return new RatingAbout(TICKET, number, queue, null, serviceId);
    }

    public static RatingAbout ofCase(String number, String serviceId) {
        return new RatingAbout(CASE, null, null, number, serviceId);
    }

    private static void absent(String value, String field) {
        if (value != null) {
            throw new IllegalArgumentException(field + " belongs to another kind of about; leave it out");
        }
    }

    private static void shape(String value, Pattern pattern, String field, String rule) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(field + " must be " + rule);
        }
    }

    private static void optional(String serviceId) {
        if (serviceId != null && !SERVICE.matcher(serviceId).matches()) {
            throw new IllegalArgumentException("about.serviceId must be 1 to 64 of A-Z a-z 0-9 . _ -, or left out");
        }
    }
}
