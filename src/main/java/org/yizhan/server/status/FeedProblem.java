package org.yizhan.server.status;

/**
 * Why one record of a feed was not taken. The message names the field and the rule, never the value: a report
 * goes to a terminal, a log or back over HTTP, and the values are personal.
 */
public final class FeedProblem extends Exception {
    FeedProblem(String reason) {
        super(reason, null, false, false);
    }
}
