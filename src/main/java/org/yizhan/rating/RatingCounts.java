package org.yizhan.rating;

import java.util.Map;

/**
 * The ratings of one group (a day, a queue, a service, or all): how many, how many at each level (every level named,
 * best first), the satisfaction rate, and how often each reason was given (every reason named).
 *
 * @param key              the day (YYYY-MM-DD), queue id or service id; "" for the ratings not about one; "all"
 *                         for the whole
 * @param satisfactionRate the share of 非常满意, 满意 and 基本满意 (the national 好评率), 0 to 1 rounded to four
 *                         places; null when there are no ratings
 */
public record RatingCounts(String key, int total, Map<String, Integer> levels, Double satisfactionRate,
                           Map<String, Integer> reasons) {
}
