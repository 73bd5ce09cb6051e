package org.yizhan.fleet;

import java.util.List;

/**
 * The hall server's answer to {@code GET /fleet}: every kiosk it has heard from, worst first, as judged at
 * {@code at} with the catalog version the server itself publishes ({@code null} when it publishes none) and the
 * software version most of the kiosks run ({@code ""} when none has said).
 */
public record FleetReport(String at, int staleMinutes, Long serverCatalogVersion, String fleetVersion,
                          List<KioskReport> kiosks) {
    public FleetReport {
        kiosks = List.copyOf(kiosks);
    }

    /** How many kiosks have a problem. */
    public long withProblems() {
        return kiosks.stream().filter(k -> !k.ok()).count();
    }
}
