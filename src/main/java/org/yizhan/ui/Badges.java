package org.yizhan.ui;

import java.util.ArrayList;
import java.util.List;
import org.yizhan.model.Service;

/** The short marks a citizen scans for: 零跑动 / 最多跑一次, 可网办, 可预约, 即办件. */
public final class Badges {

    /** A badge's text and whether it is good news for the citizen (shown in green with the word). */
    public record Badge(String text, boolean ok) {
    }

    private Badges() {
    }

    public static List<Badge> of(Service s, Messages messages) {
        List<Badge> list = new ArrayList<>();
        if (s.zeroVisits()) {
            list.add(new Badge(messages.get("badge.zeroVisits"), true));
        } else if (s.atMostOneVisit()) {
            list.add(new Badge(messages.get("badge.oneVisit"), true));
        }
        if (s.onlineApply()) {
            list.add(new Badge(messages.get("badge.online"), false));
        }
        if (s.booking()) {
            list.add(new Badge(messages.get("badge.booking"), false));
        }
        if (s.immediate()) {
            list.add(new Badge(messages.get("badge.immediate"), true));
        }
        return list;
    }
}
