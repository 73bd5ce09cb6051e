package org.yizhan.fleet;

/**
 * One thing wrong with a kiosk, as the hall server judges it from the kiosk's latest heartbeat (docs/deployment.md,
 * "The hall's kiosks at a glance"): a stable {@code code} for programs and a short {@code summary} for the
 * technician's line, e.g. {@code NOT SEEN 2 h} or {@code catalog 41 (server 43)}. The codes, worst first:
 * {@link #NOT_SEEN}, {@link #PRINTER}, {@link #OUTBOX}, {@link #SYNC_FAILING}, {@link #OLD_CATALOG},
 * {@link #CLOCK_OFF}, {@link #LOW_DISK}, {@link #OTHER_VERSION}.
 */
public record Problem(String code, String summary) {
    public static final String NOT_SEEN = "not_seen";
    public static final String PRINTER = "printer";
    public static final String OUTBOX = "outbox";
    public static final String SYNC_FAILING = "sync_failing";
    public static final String OLD_CATALOG = "old_catalog";
    public static final String CLOCK_OFF = "clock_off";
    public static final String LOW_DISK = "low_disk";
    public static final String OTHER_VERSION = "other_version";
}
