package org.yizhan.rating;

/**
 * One 差评 as the hall reads it to answer it ({@code GET /ratings/low}): the server's number for it, the day it was
 * made (the hall's), which kiosk took it, and the rating itself with its reasons, its note and what it was about.
 */
public record LowRating(long ratingId, String day, String kioskId, Rating rating) {
}
