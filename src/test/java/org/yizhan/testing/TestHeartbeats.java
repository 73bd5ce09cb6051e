package org.yizhan.testing;

import org.yizhan.fleet.Heartbeat;
import org.yizhan.fleet.LastSync;

/** Heartbeats for tests: a healthy kiosk, and that kiosk with one thing changed. */
public final class TestHeartbeats {
    private TestHeartbeats() {
    }

    /** kiosk {@code id} of hall yunxi, version 0.4.0, catalog {@code catalog}, everything fine, sent at {@code sentAt}. */
    public static Heartbeat healthy(String id, long catalog, String sentAt) {
        return new Heartbeat(id, "yunxi", "0.4.0", catalog, new LastSync("not_modified", "", sentAt), sentAt, "READY",
                3600, 20L * 1024 * 1024 * 1024, 0, 0, "", sentAt);
    }

    public static Heartbeat withPrinter(Heartbeat h, String printer) {
        return new Heartbeat(h.kioskId(), h.hallId(), h.version(), h.catalogVersion(), h.lastSync(),
                h.lastSuccessfulSync(), printer, h.uptimeSeconds(), h.freeBytes(), h.outboxWaiting(),
                h.outboxKeptAside(), h.lastError(), h.sentAt());
    }

    public static Heartbeat withSync(Heartbeat h, LastSync sync, String lastSuccess) {
        return new Heartbeat(h.kioskId(), h.hallId(), h.version(), h.catalogVersion(), sync, lastSuccess, h.printer(),
                h.uptimeSeconds(), h.freeBytes(), h.outboxWaiting(), h.outboxKeptAside(), h.lastError(), h.sentAt());
    }

    public static Heartbeat withOutbox(Heartbeat h, int waiting, int keptAside) {
        return new Heartbeat(h.kioskId(), h.hallId(), h.version(), h.catalogVersion(), h.lastSync(),
                h.lastSuccessfulSync(), h.printer(), h.uptimeSeconds(), h.freeBytes(), waiting, keptAside,
                h.lastError(), h.sentAt());
    }

    public static Heartbeat withDisk(Heartbeat h, long freeBytes) {
        return new Heartbeat(h.kioskId(), h.hallId(), h.version(), h.catalogVersion(), h.lastSync(),
                h.lastSuccessfulSync(), h.printer(), h.uptimeSeconds(), freeBytes, h.outboxWaiting(),
                h.outboxKeptAside(), h.lastError(), h.sentAt());
    }

    public static Heartbeat withVersion(Heartbeat h, String version) {
        return new Heartbeat(h.kioskId(), h.hallId(), version, h.catalogVersion(), h.lastSync(),
                h.lastSuccessfulSync(), h.printer(), h.uptimeSeconds(), h.freeBytes(), h.outboxWaiting(),
                h.outboxKeptAside(), h.lastError(), h.sentAt());
    }
}
