package org.yizhan.server.status;

import java.util.List;

/**
 * What an import or a push did: cases added, updated by a newer step, unchanged (the same or an older version),
 * skipped (finished before the retention period), and the records refused, each with its line and reason.
 */
public record ImportReport(int added, int updated, int unchanged, int skipped, List<Rejected> rejected) {

    public record Rejected(int line, String reason) {
    }

    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    public int records() {
        return added + updated + unchanged + skipped + rejected.size();
    }

    /** The one line the command prints last. */
    public String summary() {
        return records() + " records: " + added + " added, " + updated + " updated, " + unchanged + " unchanged, "
                + skipped + " finished too long ago to keep, " + rejected.size() + " rejected";
    }
}
